package de.videotermin.correspondence.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * What operators watch of the outbox (Prometheus at /metrics): the backlog of messages waiting to be
 * sent, how long the oldest of them has waited, and messages sent and failed on this node. The backlog
 * is the whole cluster's (one table), refreshed by the dispatcher's round every few seconds, so
 * scraping never queries the database. Counts and ages only: no recipient, no subject.
 */
@ApplicationScoped
public class OutboxMetrics {

    /** The outbox's backlog as of one look at the table. */
    public record Backlog(long waiting, Instant oldestCreatedAt) {
        public Duration oldestWait(Instant now) {
            return oldestCreatedAt == null || oldestCreatedAt.isAfter(now) ? Duration.ZERO
                    : Duration.between(oldestCreatedAt, now);
        }
    }

    @Inject
    Instance<MetricRegistry> registries;

    private volatile Backlog backlog = new Backlog(0, null);
    private Counter sent;
    private Counter failed;

    /** Registers at deployment, so the metrics are exported before their first use. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        // creating the bean runs register()
    }

    @PostConstruct
    void register() {
        if (registries != null && registries.isResolvable()) {
            MetricRegistry registry = registries.get();
            registry.gauge("videotermin.outbox.backlog", this, m -> m.backlog.waiting());
            registry.gauge("videotermin.outbox.oldestWaitingSeconds", this,
                    m -> m.backlog.oldestWait(Instant.now()).toSeconds());
            sent = registry.counter("videotermin.outbox.sent");
            failed = registry.counter("videotermin.outbox.failedAttempts");
        }
    }

    public void backlog(Backlog now) {
        backlog = now;
    }

    public Backlog backlog() {
        return backlog;
    }

    public void sent(int messages) {
        if (sent != null && messages > 0) {
            sent.inc(messages);
        }
    }

    public void failed(int attempts) {
        if (failed != null && attempts > 0) {
            failed.inc(attempts);
        }
    }
}
