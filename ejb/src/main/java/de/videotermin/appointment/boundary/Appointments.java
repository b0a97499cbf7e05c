package de.videotermin.appointment.boundary;

import de.videotermin.appointment.control.LinkTokens;
import de.videotermin.appointment.entity.Appointment;
import de.videotermin.appointment.entity.AppointmentStatus;
import de.videotermin.appointment.entity.LegalAreaEntry;
import de.videotermin.appointment.entity.Site;
import de.videotermin.audit.boundary.Audited;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Booking, moving, cancelling and finding appointments. Advisors only ever see their own. */
@Stateless
public class Appointments {

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final String EXCLUSION_VIOLATION = "23P01";
    private static final String UNIQUE_VIOLATION = "23505";

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<AppointmentChange> changes;

    private final Clock clock = Clock.systemUTC();

    public BookedAppointment book(@NotNull @Valid Booking booking, @NotNull AdvisorIdentity advisor) {
        return book(booking, advisor, advisor.username(), null);
    }

    /**
     * Books for {@code advisor}. With an idempotency key, the same caller sending the same booking
     * again gets the first appointment back instead of a second one.
     */
    public BookedAppointment book(@NotNull @Valid Booking booking, @NotNull AdvisorIdentity advisor,
                                  @NotNull String createdBy, String idempotencyKey) {
        String fingerprint = LinkTokens.hash(booking.fingerprint(advisor.username()));
        if (idempotencyKey != null) {
            var earlier = em.createNamedQuery(Appointment.BY_IDEMPOTENCY_KEY, Appointment.class)
                    .setParameter("createdBy", createdBy).setParameter("key", idempotencyKey)
                    .getResultStream().findFirst();
            if (earlier.isPresent()) {
                if (!fingerprint.equals(earlier.get().getIdempotencyHash())) {
                    throw new IdempotencyKeyReusedException();
                }
                return new BookedAppointment(earlier.get(), null, true);
            }
        }
        requireOffered(booking);
        Instant start = booking.startsAt().toInstant();
        requireFree(advisor.username(), start, booking.durationMinutes(), null);
        String token = LinkTokens.newToken();
        Appointment appointment = new Appointment(LinkTokens.newRoomId(), LinkTokens.hash(token),
                advisor.username(), advisor.displayName(), booking.citizenName().strip(),
                blankToNull(booking.citizenEmail()), booking.legalArea(), start,
                booking.durationMinutes(), clock.instant());
        appointment.describe(blankToNull(booking.siteCode()), blankToNull(booking.topic()),
                blankToNull(booking.extraInfo()), blankToNull(booking.citizenLanguage()),
                blankToNull(booking.postalAddress()));
        appointment.createdThrough(createdBy, idempotencyKey, fingerprint);
        em.persist(appointment);
        flush();
        changes.fire(new AppointmentChange.Booked(appointment, token));
        return new BookedAppointment(appointment, token);
    }

    public Appointment reschedule(@NotNull UUID id, @NotNull ZonedDateTime startsAt, int durationMinutes,
                                  @NotNull Caller caller) {
        // checked here, not with constraint annotations on the parameters: Payara's OpenAPI scanner
        // fails (NPE in ApplicationProcessor.addSchemaParameter) on bean-validation parameters of EJBs
        if (!startsAt.toInstant().isAfter(clock.instant())) {
            throw new InvalidScheduleException("startsAt", "must be a future date");
        }
        if (durationMinutes < 5 || durationMinutes > 480) {
            throw new InvalidScheduleException("durationMinutes", "must be between 5 and 480");
        }
        Appointment appointment = byId(id, caller);
        requireFree(appointment.getAdvisorUsername(), startsAt.toInstant(), durationMinutes, appointment.getId());
        appointment.reschedule(startsAt.toInstant(), durationMinutes);
        flush();
        changes.fire(new AppointmentChange.Rescheduled(appointment));
        return appointment;
    }

    public Appointment cancel(@NotNull UUID id, @NotNull Caller caller) {
        Appointment appointment = byId(id, caller);
        appointment.cancel();
        changes.fire(new AppointmentChange.Cancelled(appointment, false));
        return appointment;
    }

    @Audited("appointment.no-show")
    public Appointment markNoShow(@NotNull UUID id, @NotNull Caller caller) {
        Appointment appointment = byId(id, caller);
        appointment.markNoShow(clock.instant());
        return appointment;
    }

    /**
     * The citizen entered the waiting room (their room page asked for a join ticket). An update
     * statement rather than the entity: it must not collide (optimistic lock) with the advisor
     * editing the appointment at the same moment, and it never moves a later status back.
     */
    public void citizenWaiting(UUID id) {
        em.createQuery("update Appointment a set a.status = :waiting where a.id = :id and a.status in :before")
                .setParameter("waiting", AppointmentStatus.CITIZEN_WAITING).setParameter("id", id)
                .setParameter("before", List.of(AppointmentStatus.PLANNED, AppointmentStatus.INVITED))
                .executeUpdate();
    }

    /** The citizen cancels from their link. */
    public Appointment cancelByCitizen(String token) {
        Appointment appointment = byLinkToken(token);
        appointment.cancel();
        changes.fire(new AppointmentChange.Cancelled(appointment, true));
        return appointment;
    }

    /** The citizen asks for another time from their link; the advisor sees the message in the agenda. */
    public Appointment requestOtherTime(String token, String message) {
        if (message == null || message.isBlank() || message.length() > 500) {
            throw new InvalidScheduleException("message", "must be 1 to 500 characters");
        }
        Appointment appointment = byLinkToken(token);
        appointment.requestOtherTime(message.strip(), clock.instant());
        return appointment;
    }

    public Appointment byId(@NotNull UUID id, @NotNull Caller caller) {
        Appointment appointment = em.find(Appointment.class, id);
        if (appointment == null || !caller.may(appointment.getAdvisorUsername())) {
            throw new AppointmentNotFoundException();
        }
        return appointment;
    }

    /** Paged listing, ordered by start. Advisors get their own whatever advisor filter they send. */
    public AppointmentPage search(@NotNull AppointmentQuery query, @NotNull Caller caller) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        String advisor = caller.agencyWide() ? blankToNull(query.advisor()) : caller.username();
        if (advisor != null) {
            where.append(" and a.advisorUsername = :advisor");
            params.put("advisor", advisor);
        }
        if (blankToNull(query.site()) != null) {
            where.append(" and a.siteCode = :site");
            params.put("site", query.site());
        }
        if (query.from() != null) {
            where.append(" and a.startsAt >= :from");
            params.put("from", query.from().atStartOfDay(ZONE).toInstant());
        }
        if (query.to() != null) {
            where.append(" and a.startsAt < :to");
            params.put("to", query.to().plusDays(1).atStartOfDay(ZONE).toInstant());
        }
        TypedQuery<Appointment> items = em.createQuery("select a from Appointment a" + where + " order by a.startsAt, a.id",
                Appointment.class);
        TypedQuery<Long> count = em.createQuery("select count(a) from Appointment a" + where, Long.class);
        params.forEach((k, v) -> {
            items.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<Appointment> page = items.setFirstResult(query.page() * query.size()).setMaxResults(query.size()).getResultList();
        return new AppointmentPage(page, count.getSingleResult(), query.page(), query.size());
    }

    /** The advisor's appointments on the days [from, to] (Europe/Berlin), for the day and week views. */
    public List<Appointment> between(AdvisorIdentity advisor, LocalDate from, LocalDate to) {
        return em.createNamedQuery(Appointment.BY_ADVISOR_BETWEEN, Appointment.class)
                .setParameter("advisor", advisor.username())
                .setParameter("from", from.atStartOfDay(ZONE).toInstant())
                .setParameter("to", to.plusDays(1).atStartOfDay(ZONE).toInstant())
                .getResultList();
    }

    /** Issues a new link for the appointment; the previous link stops working. */
    public String renewLink(String roomId, AdvisorIdentity advisor) {
        Appointment appointment = ownedRoom(roomId, advisor);
        String token = LinkTokens.newToken();
        appointment.replaceLinkTokenHash(LinkTokens.hash(token));
        return token;
    }

    /** The advisor's appointments from the start of today (UTC) on. */
    public List<Appointment> upcomingFor(AdvisorIdentity advisor) {
        Instant from = clock.instant().truncatedTo(ChronoUnit.DAYS);
        return em.createNamedQuery(Appointment.BY_ADVISOR_FROM, Appointment.class)
                .setParameter("advisor", advisor.username())
                .setParameter("from", from)
                .setMaxResults(200)
                .getResultList();
    }

    /** The first free start on {@code day} from {@code earliest} on, in steps of the duration; a form's default. */
    public ZonedDateTime nextFreeStart(AdvisorIdentity advisor, ZonedDateTime earliest, int durationMinutes) {
        ZonedDateTime candidate = earliest;
        for (int i = 0; i < 48; i++) {
            if (conflict(advisor.username(), candidate.toInstant(), durationMinutes, null) == null) {
                return candidate;
            }
            candidate = candidate.plusMinutes(durationMinutes);
        }
        return candidate;
    }

    public Appointment ownedRoom(String roomId, AdvisorIdentity advisor) {
        return em.createNamedQuery(Appointment.BY_ROOM, Appointment.class)
                .setParameter("roomId", roomId)
                .getResultStream()
                .filter(a -> a.isHeldBy(advisor.username()))
                .findFirst()
                .orElseThrow(AppointmentNotFoundException::new);
    }

    public Appointment byRoom(String roomId) {
        return em.createNamedQuery(Appointment.BY_ROOM, Appointment.class)
                .setParameter("roomId", roomId)
                .getResultStream()
                .findFirst()
                .orElseThrow(AppointmentNotFoundException::new);
    }

    public Appointment byLinkToken(String token) {
        if (!LinkTokens.isWellFormed(token)) {
            throw new AppointmentNotFoundException();
        }
        return em.createNamedQuery(Appointment.BY_LINK_TOKEN_HASH, Appointment.class)
                .setParameter("hash", LinkTokens.hash(token))
                .getResultStream()
                .findFirst()
                .orElseThrow(AppointmentNotFoundException::new);
    }

    private void requireOffered(Booking booking) {
        LegalAreaEntry area = em.find(LegalAreaEntry.class, booking.legalArea());
        if (area == null || !area.isActive()) {
            throw new UnknownReferenceException("legalArea", booking.legalArea());
        }
        String siteCode = blankToNull(booking.siteCode());
        if (siteCode != null) {
            Site site = em.find(Site.class, siteCode);
            if (site == null || !site.isActive()) {
                throw new UnknownReferenceException("siteCode", siteCode);
            }
        }
    }

    /** A readable refusal before the insert; the exclusion constraint stays the guarantee under concurrency. */
    private void requireFree(String advisor, Instant start, int durationMinutes, UUID except) {
        Instant conflict = conflict(advisor, start, durationMinutes, except);
        if (conflict != null) {
            throw new DoubleBookingException(conflict);
        }
    }

    private Instant conflict(String advisor, Instant start, int durationMinutes, UUID except) {
        return em.createQuery("select a.startsAt from Appointment a where a.advisorUsername = :advisor"
                        + " and a.status <> :cancelled and a.startsAt < :end and a.endsAt > :start"
                        + " and a.id <> :except order by a.startsAt", Instant.class)
                .setParameter("advisor", advisor)
                .setParameter("cancelled", AppointmentStatus.CANCELLED)
                .setParameter("start", start)
                .setParameter("end", start.plus(durationMinutes, ChronoUnit.MINUTES))
                .setParameter("except", except == null ? new UUID(0, 0) : except)
                .setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
    }

    private void flush() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            String state = sqlState(e);
            if (EXCLUSION_VIOLATION.equals(state)) {
                throw new DoubleBookingException(null);
            }
            if (UNIQUE_VIOLATION.equals(state)) {
                // a concurrent request with the same Idempotency-Key won the race
                throw new IdempotencyKeyReusedException();
            }
            throw e;
        }
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
