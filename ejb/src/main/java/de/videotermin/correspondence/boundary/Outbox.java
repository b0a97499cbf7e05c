package de.videotermin.correspondence.boundary;

import de.videotermin.correspondence.control.CalendarFiles;
import de.videotermin.correspondence.control.MailSettings;
import de.videotermin.correspondence.control.SmtpMailer;
import de.videotermin.correspondence.entity.MessageKind;
import de.videotermin.correspondence.entity.OutboxMessage;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.mail.MessagingException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/** Sends due outbox rows: one transaction and one SMTP connection per batch; rows stay locked until the commit. */
@Stateless
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    @PersistenceContext
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    /** @return how many due messages were taken (sent or rescheduled); 0 when nothing is due. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int deliverBatch(MailSettings settings) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("select id from outbox_message where status in ('PENDING', 'RETRYING')"
                        + " and next_attempt_at <= now() order by next_attempt_at limit ?1 for update skip locked")
                .setParameter(1, settings.batchSize())
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        List<OutboxMessage> batch = new ArrayList<>();
        for (Object id : ids) {
            batch.add(em.find(OutboxMessage.class, id instanceof UUID u ? u : UUID.fromString(id.toString())));
        }
        Instant now = clock.instant();
        SmtpMailer mailer;
        try {
            mailer = new SmtpMailer(settings);
        } catch (MessagingException e) {
            LOG.warning(() -> "SMTP server " + settings.host() + ":" + settings.port() + " not reachable ("
                    + e.getClass().getSimpleName() + "); " + batch.size() + " message(s) wait for a retry");
            batch.forEach(m -> m.failed("SMTP not reachable: " + e.getClass().getSimpleName(), now,
                    settings.retryInitial(), settings.retryMax(), settings.maxAttempts()));
            return batch.size();
        }
        try (mailer) {
            for (OutboxMessage m : batch) {
                try {
                    mailer.send(new SmtpMailer.Mail(m.getId().toString(), m.getRecipient(), m.getSubject(), m.getBodyText(),
                            m.getBodyHtml(), m.getIcs(), CalendarFiles.method(m.getKind() == MessageKind.CANCELLATION)));
                    m.sent(clock.instant());
                    if (m.getKind() == MessageKind.INVITATION) {
                        em.createNativeQuery("update appointment set status = 'INVITED' where id = ?1 and status = 'PLANNED'")
                                .setParameter(1, m.getAppointmentId()).executeUpdate();
                    }
                } catch (MessagingException | RuntimeException e) {
                    // no recipient address or message text in the log: personal data
                    LOG.warning(() -> "message " + m.getId() + " not delivered: " + e.getClass().getSimpleName());
                    m.failed(e.getClass().getSimpleName(), clock.instant(), settings.retryInitial(), settings.retryMax(),
                            settings.maxAttempts());
                }
            }
        }
        return batch.size();
    }
}
