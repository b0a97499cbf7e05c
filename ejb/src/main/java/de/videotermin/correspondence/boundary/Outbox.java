package de.videotermin.correspondence.boundary;

import de.videotermin.appointment.entity.Appointment;
import de.videotermin.appointment.entity.LegalAreaEntry;
import de.videotermin.consultation.entity.GuestInvitation;
import de.videotermin.correspondence.control.CalendarFiles;
import de.videotermin.correspondence.control.MailSettings;
import de.videotermin.correspondence.control.MessageRenderer;
import de.videotermin.correspondence.control.OutboxMetrics;
import de.videotermin.correspondence.control.SmtpMailer;
import de.videotermin.correspondence.entity.MailTemplate;
import de.videotermin.correspondence.entity.MessageKind;
import de.videotermin.correspondence.entity.OutboxMessage;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends due outbox rows: one transaction per batch; the rows stay locked (for update skip locked)
 * until the commit, so parallel senders, here or on other nodes, never take the same row. Messages
 * are rendered here from the current templates (once; a retry sends the same message), and the
 * batch's appointments, templates and legal-area names are read with one query each.
 */
@Stateless
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "videotermin.base-url")
    String baseUrl;

    @Inject
    OutboxMetrics metrics;

    private final Clock clock = Clock.systemUTC();

    /** A sender's SMTP connection, opened on first use and kept across batches while it works. */
    public static final class Connection implements AutoCloseable {
        private SmtpMailer mailer;

        SmtpMailer get(MailSettings settings) throws MessagingException {
            if (mailer != null && !mailer.isConnected()) {
                close();
            }
            if (mailer == null) {
                mailer = new SmtpMailer(settings);
            }
            return mailer;
        }

        void broken() {
            close();
        }

        @Override
        public void close() {
            if (mailer != null) {
                mailer.close();
                mailer = null;
            }
        }
    }

    /** How many messages wait to be sent (due or in back-off), and since when the oldest of them. */
    public OutboxMetrics.Backlog backlog() {
        Object[] row = (Object[]) em.createNativeQuery("select count(*), min(created_at) from outbox_message"
                + " where status in ('PENDING', 'RETRYING')").getSingleResult();
        Instant oldest = row[1] == null ? null : toInstant(row[1]);
        return new OutboxMetrics.Backlog(((Number) row[0]).longValue(), oldest);
    }

    private static Instant toInstant(Object timestamp) {
        if (timestamp instanceof Instant i) {
            return i;
        }
        if (timestamp instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (timestamp instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + timestamp.getClass().getName());
    }

    /** @return how many due messages were taken (sent or rescheduled); 0 when nothing is due. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int deliverBatch(MailSettings settings, Connection connection) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select id from outbox_message where status in ('PENDING', 'RETRYING')"
                        + " and next_attempt_at <= now() order by next_attempt_at limit ?1 for update skip locked")
                .setParameter(1, settings.batchSize())
                .getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        List<UUID> ids = rows.stream().map(id -> id instanceof UUID u ? u : UUID.fromString(id.toString())).toList();
        List<OutboxMessage> batch = em.createQuery("select m from OutboxMessage m where m.id in :ids order by m.nextAttemptAt",
                OutboxMessage.class).setParameter("ids", ids).getResultList();
        Instant now = clock.instant();
        SmtpMailer mailer;
        try {
            mailer = connection.get(settings);
        } catch (MessagingException e) {
            LOG.warning(() -> "SMTP server " + settings.host() + ":" + settings.port() + " not reachable ("
                    + e.getClass().getSimpleName() + "); " + batch.size() + " message(s) wait for a retry");
            batch.forEach(m -> m.failed("SMTP not reachable: " + e.getClass().getSimpleName(), now,
                    settings.retryInitial(), settings.retryMax(), settings.maxAttempts()));
            metrics.failed(batch.size());
            return batch.size();
        }
        renderUnrendered(batch, settings);
        List<UUID> invited = new ArrayList<>();
        int sent = 0;
        for (OutboxMessage m : batch) {
            if (!m.isRendered()) {
                m.failed("appointment gone", clock.instant(), settings.retryInitial(), settings.retryMax(), 1);
                continue;
            }
            try {
                mailer.send(new SmtpMailer.Mail(m.getId().toString(), m.getRecipient(), m.getSubject(), m.getBodyText(),
                        m.getBodyHtml(), m.getIcs(), CalendarFiles.method(m.getKind() == MessageKind.CANCELLATION)));
                m.sent(clock.instant());
                sent++;
                if (m.getKind() == MessageKind.INVITATION) {
                    invited.add(m.getAppointmentId());
                }
            } catch (MessagingException | RuntimeException e) {
                // no recipient address or message text in the log: personal data
                LOG.warning(() -> "message " + m.getId() + " not delivered: " + e.getClass().getSimpleName());
                m.failed(e.getClass().getSimpleName(), clock.instant(), settings.retryInitial(), settings.retryMax(),
                        settings.maxAttempts());
                if (!mailer.isConnected()) {
                    connection.broken();
                    try {
                        mailer = connection.get(settings);
                    } catch (MessagingException again) {
                        // the rest of the batch waits for the retry like this one
                        for (OutboxMessage rest : batch.subList(batch.indexOf(m) + 1, batch.size())) {
                            rest.failed("SMTP not reachable", clock.instant(), settings.retryInitial(), settings.retryMax(),
                                    settings.maxAttempts());
                        }
                        break;
                    }
                }
            }
        }
        metrics.sent(sent);
        metrics.failed(batch.size() - sent);
        if (!invited.isEmpty()) {
            // one statement for the batch; a citizen already waiting (or anything later) is not moved back
            em.createQuery("update Appointment a set a.status = de.videotermin.appointment.entity.AppointmentStatus.INVITED"
                            + " where a.id in :ids and a.status = de.videotermin.appointment.entity.AppointmentStatus.PLANNED")
                    .setParameter("ids", invited).executeUpdate();
        }
        return batch.size();
    }

    /** Renders every message of the batch that has no contents yet, from the templates as they are now. */
    private void renderUnrendered(List<OutboxMessage> batch, MailSettings settings) {
        List<UUID> appointmentIds = batch.stream().filter(m -> !m.isRendered()).map(OutboxMessage::getAppointmentId)
                .distinct().toList();
        if (appointmentIds.isEmpty()) {
            return;
        }
        Map<UUID, Appointment> appointments = em.createQuery("select a from Appointment a where a.id in :ids", Appointment.class)
                .setParameter("ids", appointmentIds).getResultStream()
                .collect(Collectors.toMap(Appointment::getId, Function.identity()));
        List<MailTemplate> templates = em.createQuery("select t from MailTemplate t", MailTemplate.class).getResultList();
        Map<String, LegalAreaEntry> areas = em.createQuery("select l from LegalAreaEntry l", LegalAreaEntry.class)
                .getResultStream().collect(Collectors.toMap(LegalAreaEntry::getCode, Function.identity()));
        List<UUID> guestIds = batch.stream().filter(m -> !m.isRendered() && m.getGuestId() != null)
                .map(OutboxMessage::getGuestId).toList();
        Map<UUID, GuestInvitation> guests = guestIds.isEmpty() ? Map.of()
                : em.createQuery("select g from GuestInvitation g where g.id in :ids", GuestInvitation.class)
                .setParameter("ids", guestIds).getResultStream()
                .collect(Collectors.toMap(GuestInvitation::getId, Function.identity()));
        for (OutboxMessage m : batch) {
            Appointment a = appointments.get(m.getAppointmentId());
            if (m.isRendered() || a == null) {
                continue;
            }
            if (m.getGuestId() != null) {
                GuestInvitation guest = guests.get(m.getGuestId());
                if (guest == null || guest.isRevoked()) {
                    continue; // withdrawn: never rendered, never sent (the withdrawal normally deletes the row)
                }
                MailTemplate template = MailTemplateChoice.choose(templates, m.getKind(), a.getLegalAreaCode(), guest.getLanguage());
                LegalAreaEntry area = areas.get(a.getLegalAreaCode());
                MessageRenderer.Rendered r = MessageRenderer.renderForGuest(template, a, guest.getDisplayName(),
                        guest.getLanguage(), m.getLinkToken(), area == null ? null : area.name(guest.getLanguage()), baseUrl);
                m.rendered(r.subject(), r.text(), r.html(), r.ics());
                continue;
            }
            MailTemplate template = MailTemplateChoice.choose(templates, m.getKind(), a.getLegalAreaCode(), a.getCitizenLanguage());
            LegalAreaEntry area = areas.get(a.getLegalAreaCode());
            MessageRenderer.Rendered r = MessageRenderer.render(template, a, m.getLinkToken(),
                    area == null ? null : area.name(a.getCitizenLanguage()), baseUrl, settings);
            m.rendered(r.subject(), r.text(), r.html(), r.ics());
        }
    }
}
