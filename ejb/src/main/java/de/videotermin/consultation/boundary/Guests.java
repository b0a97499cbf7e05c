package de.videotermin.consultation.boundary;

import de.videotermin.appointment.boundary.AdvisorIdentity;
import de.videotermin.appointment.boundary.AppointmentNotFoundException;
import de.videotermin.appointment.boundary.Appointments;
import de.videotermin.appointment.control.LinkTokens;
import de.videotermin.appointment.entity.Appointment;
import de.videotermin.appointment.entity.AppointmentStatus;
import de.videotermin.audit.boundary.Audited;
import de.videotermin.consultation.entity.GuestInvitation;
import de.videotermin.consultation.entity.GuestKind;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One more participant per appointment — an interpreter, a relative, a colleague — invited by the
 * advisor who holds it. The guest gets an own link (256 random bits, stored hashed), gives an own
 * consent, waits to be admitted like the citizen, and loses access the moment the advisor revokes it.
 */
@Stateless
public class Guests {

    static final int MAX_NAME_LENGTH = 80;
    /** RFC 5321's limit for a forward path. */
    static final int MAX_EMAIL_LENGTH = 254;
    /** One plain address (no display name, no comments, no list), with a dot in the domain. */
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\\-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final Set<String> LANGUAGES = Set.of("de", "en");

    @PersistenceContext
    EntityManager em;

    @Inject
    Appointments appointments;

    @Inject
    Event<GuestChange> changes;

    private final Clock clock = Clock.systemUTC();

    /** Invites one more person into the advisor's appointment; the link token is returned only here. */
    @Audited("guest.invited") // the call below is a plain Java call: one audit entry
    public GuestLink invite(String roomId, AdvisorIdentity advisor, GuestKind kind, String displayName, String language) {
        return invite(roomId, advisor, kind, displayName, language, null);
    }

    /**
     * Invites one more person; with an e-mail address, the invitation mail is queued in the outbox in this
     * same transaction (a {@link GuestChange.Invited} event, observed by the correspondence component).
     * The link token is returned only here.
     */
    @Audited("guest.invited")
    public GuestLink invite(String roomId, AdvisorIdentity advisor, GuestKind kind, String displayName, String language,
                            String email) {
        Appointment appointment = appointments.ownedRoom(roomId, advisor);
        AppointmentStatus status = appointment.getStatus();
        if (status == AppointmentStatus.CANCELLED || status == AppointmentStatus.DONE || status == AppointmentStatus.NO_SHOW) {
            // also during the call (IN_PROGRESS): the interpreter is often called in when the need shows
            throw new GuestInvitationException(GuestInvitationException.Reason.APPOINTMENT_CLOSED);
        }
        String name = cleanName(displayName);
        String address = cleanEmail(email);
        if (active(appointment.getId()).isPresent()) {
            throw new GuestInvitationException(GuestInvitationException.Reason.ALREADY_INVITED);
        }
        String token = LinkTokens.newToken();
        GuestInvitation invitation = new GuestInvitation(appointment.getId(), kind == null ? GuestKind.OTHER : kind, name,
                LANGUAGES.contains(language) ? language : "de", LinkTokens.hash(token),
                "guest-" + LinkTokens.newRoomId(), clock.instant(), advisor.username(), address);
        em.persist(invitation);
        em.flush(); // the partial unique index decides a race between two clicks
        if (address != null) {
            changes.fire(new GuestChange.Invited(invitation, token));
        }
        return new GuestLink(invitation, token);
    }

    /** The advisor withdraws the invitation: the link stops working and no new join ticket is issued. */
    @Audited("guest.revoked")
    public GuestInvitation revoke(String roomId, AdvisorIdentity advisor, UUID guestId) {
        Appointment appointment = appointments.ownedRoom(roomId, advisor);
        GuestInvitation invitation = em.find(GuestInvitation.class, guestId);
        if (invitation == null || !invitation.getAppointmentId().equals(appointment.getId())) {
            throw new AppointmentNotFoundException();
        }
        if (!invitation.isRevoked()) {
            invitation.revoke(clock.instant());
            changes.fire(new GuestChange.Revoked(invitation));
        }
        return invitation;
    }

    /** The guest invited now for the advisor's appointment, if any. */
    public Optional<GuestInvitation> current(String roomId, AdvisorIdentity advisor) {
        return active(appointments.ownedRoom(roomId, advisor).getId());
    }

    /** The invitation behind a guest's link; revoked ones throw {@link GuestLinkClosedException}. */
    public GuestInvitation byLinkToken(String token) {
        if (!LinkTokens.isWellFormed(token)) {
            throw new AppointmentNotFoundException();
        }
        GuestInvitation invitation = em.createNamedQuery(GuestInvitation.BY_TOKEN_HASH, GuestInvitation.class)
                .setParameter("hash", LinkTokens.hash(token))
                .getResultStream()
                .findFirst()
                .orElseThrow(AppointmentNotFoundException::new);
        if (invitation.isRevoked()) {
            throw new GuestLinkClosedException();
        }
        return invitation;
    }

    public Appointment appointmentOf(GuestInvitation invitation) {
        Appointment appointment = em.find(Appointment.class, invitation.getAppointmentId());
        if (appointment == null) {
            throw new AppointmentNotFoundException();
        }
        return appointment;
    }

    private Optional<GuestInvitation> active(UUID appointmentId) {
        return em.createNamedQuery(GuestInvitation.ACTIVE_FOR_APPOINTMENT, GuestInvitation.class)
                .setParameter("appointmentId", appointmentId)
                .getResultStream()
                .findFirst();
    }

    /** A name as people write it: trimmed, 1 to 80 characters, no control characters. */
    static String cleanName(String name) {
        String cleaned = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (cleaned.isEmpty() || cleaned.length() > MAX_NAME_LENGTH
                || cleaned.codePoints().anyMatch(Character::isISOControl)) {
            throw new GuestInvitationException(GuestInvitationException.Reason.NAME_INVALID);
        }
        return cleaned;
    }

    /**
     * The guest's address as the advisor typed it: empty means none (the advisor passes the link on);
     * otherwise one plain address of at most 254 characters, else {@code EMAIL_INVALID}. Never logged.
     */
    static String cleanEmail(String email) {
        String cleaned = email == null ? "" : email.strip();
        if (cleaned.isEmpty()) {
            return null;
        }
        if (cleaned.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(cleaned).matches()
                || cleaned.startsWith(".") || cleaned.contains("..") || cleaned.contains(".@")) {
            throw new GuestInvitationException(GuestInvitationException.Reason.EMAIL_INVALID);
        }
        return cleaned;
    }
}
