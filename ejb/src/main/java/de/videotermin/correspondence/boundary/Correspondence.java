package de.videotermin.correspondence.boundary;

import de.videotermin.appointment.boundary.AppointmentChange;
import de.videotermin.appointment.entity.Appointment;
import de.videotermin.correspondence.control.Letters;
import de.videotermin.correspondence.control.MailSettings;
import de.videotermin.correspondence.control.MessageRenderer;
import de.videotermin.correspondence.entity.MailTemplate;
import de.videotermin.consultation.boundary.GuestChange;
import de.videotermin.consultation.entity.GuestInvitation;
import de.videotermin.correspondence.entity.MessageKind;
import de.videotermin.correspondence.entity.OutboxMessage;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Writes the messages about appointments into the outbox, in the appointment's transaction. */
@Stateless
public class Correspondence {

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "videotermin.base-url")
    String baseUrl;

    @Inject
    Event<OutboxFilled> filled;

    private final Clock clock = Clock.systemUTC();

    /** Fired after a message was queued; the dispatcher sends right after the commit. */
    public record OutboxFilled() {
    }

    /** What to send about a change (called by {@link MailTriggers} in the change's transaction). */
    public void queueFor(AppointmentChange change) {
        Appointment a = change.appointment();
        if (change instanceof AppointmentChange.Booked booked) {
            if (a.getCitizenEmail() != null) {
                queueEmail(a, MessageKind.INVITATION, "INVITATION:" + a.getId(), booked.linkToken());
            } else {
                queueLetter(a, booked.linkToken());
            }
        } else if (change instanceof AppointmentChange.Rescheduled && a.getCitizenEmail() != null) {
            queueEmail(a, MessageKind.UPDATE, "UPDATE:" + a.getId() + ":" + a.getCalendarSequence(), null);
        } else if (change instanceof AppointmentChange.Cancelled) {
            if (a.getCitizenEmail() != null) {
                queueEmail(a, MessageKind.CANCELLATION, "CANCELLATION:" + a.getId(), null);
            }
            // a guest's invitation still waiting (the mail server was away) must not invite to a cancelled call
            dropWaitingGuestMail("select id from outbox_message where appointment_id = ?1 and guest_id is not null", a.getId());
        }
    }

    /**
     * A guest's invitation with an address: queued in the invitation's transaction (rendered when sent);
     * withdrawn before it went out: deleted, so it is never sent. A row a sender holds right now is left to
     * that sender (its link is dead once the withdrawal commits), so withdrawing never waits for a mail server.
     */
    public void queueFor(GuestChange change) {
        GuestInvitation guest = change.guest();
        if (change instanceof GuestChange.Invited invited && guest.getEmail() != null) {
            em.persist(OutboxMessage.queuedForGuest(guest.getAppointmentId(), guest.getId(), guest.getEmail(),
                    invited.linkToken(), clock.instant()));
            filled.fire(new OutboxFilled());
        } else if (change instanceof GuestChange.Revoked) {
            dropWaitingGuestMail("select id from outbox_message where guest_id = ?1", guest.getId());
        }
    }

    /**
     * Deletes the guest mails chosen by {@code rows} (a select of ids, one parameter) that still wait to be sent.
     * Rows a sender has locked right now are skipped, not waited for: a batch can take minutes while the mail
     * server is slow, and the advisor's withdrawal (which closes the link) must not wait that long.
     */
    private void dropWaitingGuestMail(String rows, UUID key) {
        em.createNativeQuery("delete from outbox_message where id in (" + rows
                        + " and status in ('PENDING', 'RETRYING') for update skip locked)")
                .setParameter(1, key)
                .executeUpdate();
    }

    /** The guest's invitation mail, if one was queued: its status is what the advisor's panel shows. */
    public Optional<OutboxMessage> guestInvitation(UUID guestId) {
        return em.createQuery("select m from OutboxMessage m where m.guestId = :g order by m.createdAt desc", OutboxMessage.class)
                .setParameter("g", guestId).setMaxResults(1).getResultStream().findFirst();
    }

    /** A reminder {@code offsetMinutes} before the start; at most one per appointment, start and offset. */
    public boolean queueReminder(Appointment a, int offsetMinutes) {
        String key = "REMINDER:" + a.getId() + ":" + a.getStartsAt().getEpochSecond() + ":" + offsetMinutes;
        Long existing = em.createQuery("select count(m) from OutboxMessage m where m.dedupeKey = :k", Long.class)
                .setParameter("k", key).getSingleResult();
        if (existing > 0) {
            return false;
        }
        queueEmail(a, MessageKind.REMINDER, key, null);
        return true;
    }

    /** What was sent about an appointment, and when: the advisor's view of the outbox. */
    public List<OutboxMessage> history(UUID appointmentId) {
        return em.createQuery("select m from OutboxMessage m where m.appointmentId = :a order by m.createdAt", OutboxMessage.class)
                .setParameter("a", appointmentId).getResultList();
    }

    public OutboxMessage message(UUID id) {
        return em.find(OutboxMessage.class, id);
    }

    /** Only the facts go into the outbox here; the message is rendered when it is sent (see Outbox). */
    private void queueEmail(Appointment a, MessageKind kind, String dedupeKey, String linkToken) {
        em.persist(OutboxMessage.queued(a.getId(), kind, dedupeKey, a.getCitizenEmail(), linkToken, clock.instant()));
        filled.fire(new OutboxFilled());
    }

    /** Letters are made at once: the advisor prints them from the agenda right after booking. */
    private void queueLetter(Appointment a, String linkToken) {
        MailTemplate template = MailTemplateChoice.choose(em.createQuery("select t from MailTemplate t where t.kind = :k",
                MailTemplate.class).setParameter("k", MessageKind.LETTER).getResultList(),
                MessageKind.LETTER, a.getLegalAreaCode(), a.getCitizenLanguage());
        MessageRenderer.Rendered letter = MessageRenderer.render(template, a, linkToken,
                legalAreaName(a.getLegalAreaCode(), a.getCitizenLanguage()), baseUrl, MailSettings.current());
        byte[] pdf = Letters.write(MailSettings.current().fromName(), a.getCitizenName() + "\n"
                + (a.getPostalAddress() == null ? "" : a.getPostalAddress()), letter.subject(), letter.text());
        em.persist(OutboxMessage.letter(a.getId(), "LETTER:" + a.getId() + ":" + clock.instant().toEpochMilli(),
                letter.subject(), pdf, clock.instant()));
    }

    private String legalAreaName(String code, String language) {
        List<String> names = em.createQuery("select case when :l = 'en' then l.nameEn else l.nameDe end"
                        + " from LegalAreaEntry l where l.code = :c", String.class)
                .setParameter("l", language).setParameter("c", code).getResultList();
        return names.isEmpty() ? code : names.get(0);
    }
}
