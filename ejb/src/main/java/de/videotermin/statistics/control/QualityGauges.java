package de.videotermin.statistics.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Gauges for operators: today's relayed share of calls and share of joins that succeeded (in
 * percent), as of the last roll-up run. Scraping never queries the database.
 */
@ApplicationScoped
public class QualityGauges {

    @Inject
    Instance<MetricRegistry> registries;

    private volatile double relayedPercent;
    private volatile double joinSuccessPercent = 100;

    /** Registers at deployment, so the metrics are exported before their first use. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        // creating the bean runs register()
    }

    @PostConstruct
    void register() {
        if (registries != null && registries.isResolvable()) {
            MetricRegistry registry = registries.get();
            registry.gauge("videotermin.statistics.relayedSharePercentToday", this, g -> g.relayedPercent);
            registry.gauge("videotermin.statistics.joinSuccessPercentToday", this, g -> g.joinSuccessPercent);
        }
    }

    public void update(Tally today) {
        relayedPercent = today.completedCalls() == 0 ? 0 : 100.0 * today.relayedCalls() / today.completedCalls();
        joinSuccessPercent = today.joinAttempts() == 0 ? 100 : 100.0 * today.joinsSucceeded() / today.joinAttempts();
    }
}
