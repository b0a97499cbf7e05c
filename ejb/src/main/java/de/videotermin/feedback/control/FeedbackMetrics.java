package de.videotermin.feedback.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** Counters for operators (Prometheus at /metrics): surveys answered, outcomes recorded. Counts only. */
@ApplicationScoped
public class FeedbackMetrics {

    @Inject
    Instance<MetricRegistry> registries;

    private Counter answers;
    private Counter outcomes;

    /** Registers at deployment, so the metrics are exported before their first use. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        // creating the bean runs register()
    }

    @PostConstruct
    void register() {
        if (registries != null && registries.isResolvable()) {
            MetricRegistry registry = registries.get();
            answers = registry.counter("videotermin.feedback.surveysAnswered");
            outcomes = registry.counter("videotermin.feedback.outcomesRecorded");
        }
    }

    public void surveyAnswered() {
        if (answers != null) {
            answers.inc();
        }
    }

    public void outcomeRecorded() {
        if (outcomes != null) {
            outcomes.inc();
        }
    }
}
