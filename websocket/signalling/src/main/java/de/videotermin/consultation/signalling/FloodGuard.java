package de.videotermin.consultation.signalling;

/**
 * The flood limit of one connection (see {@link FloodLimits}): a token bucket. Not thread-safe: the
 * container delivers one connection's frames one at a time.
 */
final class FloodGuard {

    /** What to do with a frame. */
    enum Verdict {
        /** Within the limit: handle it. */
        PASS,
        /** First frame over the limit: drop it and send the {@code rate-limited} error. */
        WARN,
        /** Over the limit again: drop it silently. */
        DROP,
        /** Kept sending after the warning: drop it and close the connection with 1008. */
        CLOSE
    }

    static final ServerMessage.Error RATE_LIMITED =
            new ServerMessage.Error("rate-limited", "too many frames: this one was not relayed, slow down");

    private final double capacity;
    private final double tokensPerNano;
    private final int tolerance;
    private double tokens;
    private long refilledAt;
    /** Frames dropped since the last one that passed. */
    private int dropped;

    FloodGuard(int burst, double perSecond, int tolerance, long now) {
        this.capacity = burst;
        this.tokensPerNano = perSecond / 1e9;
        this.tolerance = tolerance;
        this.tokens = burst;
        this.refilledAt = now;
    }

    /** @param now {@link System#nanoTime()} */
    Verdict frame(long now) {
        long elapsed = now - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            refilledAt = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            dropped = 0;
            return Verdict.PASS;
        }
        dropped++;
        if (dropped == 1) {
            return Verdict.WARN;
        }
        return dropped > tolerance + 1 ? Verdict.CLOSE : Verdict.DROP;
    }
}
