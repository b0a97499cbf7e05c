package de.videotermin.privacy.control;

import de.videotermin.privacy.entity.RetentionRun;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Retention for operators (Prometheus at /metrics): runs on this node, rows erased by kind, and when
 * the last run took place, so that an alert can fire when the nightly run stopped happening. Counts
 * only, never what was erased. A startup singleton (not a CDI bean), so that it can read the last run
 * from the database once the EJB container is up.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RetentionMetrics {

    private static final Logger LOG = Logger.getLogger(RetentionMetrics.class.getName());

    @Inject
    Instance<MetricRegistry> registries;

    @PersistenceContext
    EntityManager em;

    private volatile Instant lastRun;
    private Counter runs;
    private Counter appointments;
    private Counter callRecords;
    private Counter deviceChecks;
    private Counter consentRecords;

    @PostConstruct
    void register() {
        if (registries != null && registries.isResolvable()) {
            MetricRegistry registry = registries.get();
            runs = registry.counter("videotermin.retention.runs");
            appointments = erased(registry, "appointment_contact_data");
            callRecords = erased(registry, "call_records");
            deviceChecks = erased(registry, "device_checks");
            consentRecords = erased(registry, "consent_records");
            // 0 until a run is known: "never" is as alarming as "long ago"
            registry.gauge("videotermin.retention.lastRunEpochSeconds", this,
                    m -> m.lastRun == null ? 0 : m.lastRun.getEpochSecond());
        }
        // the last run comes from the table: the server may have been restarted since
        try {
            em.createNamedQuery(RetentionRun.LATEST, RetentionRun.class).setMaxResults(1).getResultStream()
                    .findFirst().ifPresent(this::known);
        } catch (PersistenceException e) {
            LOG.warning(() -> "last retention run not read at start (" + e.getClass().getSimpleName()
                    + "); the metric shows it after the next run");
        }
    }

    private static Counter erased(MetricRegistry registry, String what) {
        return registry.counter("videotermin.retention.erased", new Tag("what", what));
    }

    /** A run that happened on this node. */
    public void ran(RetentionRun run) {
        known(run);
        if (runs != null) {
            runs.inc();
            appointments.inc(run.getAnonymisedAppointments());
            callRecords.inc(run.getDeletedCallRecords());
            deviceChecks.inc(run.getDeletedDeviceChecks());
            consentRecords.inc(run.getDeletedConsentRecords());
        }
    }

    private void known(RetentionRun run) {
        Instant at = run.getRanAt();
        if (lastRun == null || at.isAfter(lastRun)) {
            lastRun = at;
        }
    }
}
