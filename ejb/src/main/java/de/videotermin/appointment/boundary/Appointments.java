package de.videotermin.appointment.boundary;

import de.videotermin.appointment.control.LinkTokens;
import de.videotermin.appointment.entity.Appointment;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Booking and finding appointments. Advisors only ever see their own. */
@Stateless
public class Appointments {

    @PersistenceContext
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    public BookedAppointment book(@NotNull @Valid Booking booking, @NotNull AdvisorIdentity advisor) {
        String token = LinkTokens.newToken();
        Appointment appointment = new Appointment(LinkTokens.newRoomId(), LinkTokens.hash(token),
                advisor.username(), advisor.displayName(), booking.citizenName().strip(),
                blankToNull(booking.citizenEmail()), booking.legalArea(), booking.startsAt().toInstant(),
                booking.durationMinutes(), clock.instant());
        em.persist(appointment);
        return new BookedAppointment(appointment, token);
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
