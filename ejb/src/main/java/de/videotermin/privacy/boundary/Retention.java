package de.videotermin.privacy.boundary;

import de.videotermin.privacy.control.RetentionMetrics;
import de.videotermin.privacy.control.RetentionPolicy;
import de.videotermin.privacy.entity.RetentionRun;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Erases what is due, every night and on demand. Bulk SQL, so that a run over a year of data is
 * a handful of statements; idempotent, so that a missed or repeated run does no harm.
 */
@Stateless
public class Retention {

    /** What an anonymised citizen name reads as; also marks the row as done. */
    public static final String ERASED = "–";

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "videotermin.retention.contact-days", defaultValue = "30")
    long contactDays;

    @Inject
    @ConfigProperty(name = "videotermin.retention.call-metadata-days", defaultValue = "90")
    long callMetadataDays;

    @Inject
    @ConfigProperty(name = "videotermin.retention.consent-evidence-days", defaultValue = "1095")
    long consentEvidenceDays;

    @Inject
    RetentionMetrics metrics;

    private final Clock clock = Clock.systemUTC();

    public RetentionPolicy policy() {
        return new RetentionPolicy(Duration.ofDays(contactDays), Duration.ofDays(callMetadataDays),
                Duration.ofDays(consentEvidenceDays));
    }

    /** Every night at 03:17 server time, on one member of the data grid only (persistent timer). */
    @Schedule(hour = "3", minute = "17", persistent = true, info = "retention")
    void nightly() {
        runAsOf(clock.instant());
    }

    /** Erases everything due at {@code asOf} (tests pass a clock; operators may run it by hand). */
    public RetentionRun runAsOf(Instant asOf) {
        RetentionPolicy policy = policy();
        OffsetDateTime at = asOf.atOffset(ZoneOffset.UTC);
        // Contact data: name and email erased; the link token hash replaced so the link stops working.
        int anonymised = em.createNativeQuery("""
                update appointment set citizen_name = ?1, citizen_email = null, postal_address = null,
                       extra_info = null, citizen_request = null, idempotency_key = null,
                       link_token_hash = 'erased-' || id::text
                where starts_at + make_interval(mins => duration_minutes) + make_interval(days => ?2) < ?3
                  and citizen_name <> ?1""")
                .setParameter(1, ERASED)
                .setParameter(2, (int) policy.contact().toDays())
                .setParameter(3, at)
                .executeUpdate();
        // What was sent to those citizens: keep kind, status and time for the history, drop the contents.
        em.createNativeQuery("update outbox_message set recipient = null, body_text = null, body_html = null, "
                        + "ics = null, pdf = null, link_token = null where (recipient is not null or body_text is not null or pdf is not null"
                        + " or link_token is not null) "
                        + "and appointment_id in (select id from appointment where citizen_name = ?1)")
                .setParameter(1, ERASED)
                .executeUpdate();
        // Guests (interpreters, relatives) of those appointments: their name and e-mail address go too (the
        // outbox row's recipient went with the statement above), and their link closes.
        em.createNativeQuery("update guest_invitation set display_name = ?1, email = null, revoked_at = coalesce(revoked_at, ?2) "
                        + "where (display_name <> ?1 or email is not null) and appointment_id in (select id from appointment where citizen_name = ?1)")
                .setParameter(1, ERASED)
                .setParameter(2, at)
                .executeUpdate();
        int calls = em.createNativeQuery("delete from call_record where started_at + make_interval(days => ?1) < ?2")
                .setParameter(1, (int) policy.callMetadata().toDays())
                .setParameter(2, at)
                .executeUpdate();
        int checks = em.createNativeQuery("delete from device_check where checked_at + make_interval(days => ?1) < ?2")
                .setParameter(1, (int) policy.callMetadata().toDays())
                .setParameter(2, at)
                .executeUpdate();
        int consents = em.createNativeQuery("delete from consent_record where given_at + make_interval(days => ?1) < ?2")
                .setParameter(1, (int) policy.consentEvidence().toDays())
                .setParameter(2, at)
                .executeUpdate();
        RetentionRun run = new RetentionRun(clock.instant(), asOf, anonymised, calls, checks, consents);
        em.persist(run);
        metrics.ran(run);
        LOG.info(() -> "retention run: " + anonymised + " appointments anonymised, " + calls + " call records, "
                + checks + " device checks, " + consents + " consent records deleted");
        return run;
    }

    public List<RetentionRun> latestRuns(int max) {
        return em.createNamedQuery(RetentionRun.LATEST, RetentionRun.class).setMaxResults(max).getResultList();
    }
}
