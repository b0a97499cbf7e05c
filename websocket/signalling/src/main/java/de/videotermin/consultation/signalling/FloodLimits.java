package de.videotermin.consultation.signalling;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many frames a connection may send (issue #8), per connection: a token bucket of {@code burst} frames,
 * refilled at {@code rate} frames per second. An honest browser sends a few dozen frames while it gathers
 * ICE candidates and negotiates, then a ping every 25 s; the benchmark sends at most 3 frames/s per
 * connection. A frame beyond the limit is dropped (never relayed) and answered once with the error
 * {@code rate-limited}; a connection that keeps sending ({@code tolerance} more frames dropped without a
 * frame accepted in between) is removed from its room and closed with 1008. See {@link FloodGuard}.
 */
@ApplicationScoped
public class FloodLimits {

    @Inject
    @ConfigProperty(name = "videotermin.signalling.flood.burst", defaultValue = "100")
    int burst;

    @Inject
    @ConfigProperty(name = "videotermin.signalling.flood.rate", defaultValue = "20")
    double rate;

    @Inject
    @ConfigProperty(name = "videotermin.signalling.flood.tolerance", defaultValue = "50")
    int tolerance;

    public FloodLimits() {
        // for CDI
    }

    /** For tests: no container. */
    FloodLimits(int burst, double rate, int tolerance) {
        this.burst = burst;
        this.rate = rate;
        this.tolerance = tolerance;
        check();
    }

    @PostConstruct
    void check() {
        if (burst < 1 || !(rate > 0) || tolerance < 0) {
            throw new IllegalArgumentException("videotermin.signalling.flood.*: burst >= 1, rate > 0, tolerance >= 0");
        }
    }

    FloodGuard guard(long now) {
        return new FloodGuard(burst, rate, tolerance, now);
    }

    /** Hands this instance itself to {@code receiver}: see {@link SignallingServices#direct}. */
    public void handOver(java.util.function.Consumer<FloodLimits> receiver) {
        receiver.accept(this);
    }
}
