package de.videotermin.consultation.signalling;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * MicroProfile Metrics for signalling (under {@code /metrics?scope=application}): gauges of rooms and
 * connections on this node, counters of relayed frames, rejected joins, frames dropped by the flood limit
 * and connections closed for flooding. Without a metric registry
 * (tests) it does nothing.
 */
@ApplicationScoped
public class SignallingMetrics {

    @Inject
    Instance<MetricRegistry> registries;

    private MetricRegistry registry;
    private Counter relayed;
    private Counter rejectedJoins;
    private Counter rateLimited;
    private Counter floodClosed;

    @PostConstruct
    void register() {
        if (registries != null && registries.isResolvable()) {
            registry = registries.get();
            relayed = registry.counter("videotermin.signalling.relayed");
            rejectedJoins = registry.counter("videotermin.signalling.rejectedJoins");
            rateLimited = registry.counter("videotermin.signalling.rateLimitedFrames");
            floodClosed = registry.counter("videotermin.signalling.floodClosedConnections");
        }
    }

    void watch(Rooms rooms) {
        if (registry != null) {
            registry.gauge("videotermin.signalling.rooms", rooms, Rooms::roomCount);
            registry.gauge("videotermin.signalling.connections", rooms, Rooms::connectionCount);
        }
    }

    void relayed(long frames) {
        if (relayed != null) {
            relayed.inc(frames);
        }
    }

    /** A frame dropped because its connection was over the flood limit. */
    void rateLimited() {
        if (rateLimited != null) {
            rateLimited.inc();
        }
    }

    /** A connection closed (1008) for continuing to flood after the {@code rate-limited} warning. */
    void floodClosed() {
        if (floodClosed != null) {
            floodClosed.inc();
        }
    }

    void rejectedJoin() {
        if (rejectedJoins != null) {
            rejectedJoins.inc();
        }
    }

    /** Hands this instance itself to {@code receiver}: see {@link SignallingServices#direct}. */
    public void handOver(java.util.function.Consumer<SignallingMetrics> receiver) {
        receiver.accept(this);
    }
}
