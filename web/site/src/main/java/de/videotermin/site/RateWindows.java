package de.videotermin.site;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Fixed windows per key: at most {@code allowed} events per key within {@code windowSeconds} from the
 * key's first event; then the key waits until its window has passed. Keys are opaque (callers pass
 * salted hashes, never addresses or tokens); memory only, and windows that ended are dropped when
 * the map grows. Updated atomically per key ({@code compute}), never check-then-act.
 */
final class RateWindows {

    private static final int SWEEP_ABOVE = 10_000;

    private record Window(long startedAt, int count) {
    }

    private final int allowed;
    private final long windowMillis;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    RateWindows(int allowed, long windowSeconds, LongSupplier clock) {
        if (allowed < 1 || windowSeconds < 1) {
            throw new IllegalArgumentException("a rate limit needs at least 1 event per at least 1 second");
        }
        this.allowed = allowed;
        this.windowMillis = windowSeconds * 1000;
        this.clock = clock;
    }

    /** Whether the key may have another event now (nothing counted). */
    boolean isOpen(String key) {
        return retryAfterSeconds(key, clock.getAsLong()) == 0;
    }

    /** Counts one event for the key. */
    void count(String key) {
        long now = clock.getAsLong();
        windows.compute(key, (k, window) -> window == null || ended(window, now)
                ? new Window(now, 1)
                : new Window(window.startedAt(), window.count() + 1));
        sweep(now);
    }

    /**
     * Counts one event if the key is still under its limit. Returns 0 when it was allowed, otherwise
     * the whole seconds until the key's window ends (for a Retry-After header; at least 1).
     */
    long take(String key) {
        long now = clock.getAsLong();
        long[] retry = {0};
        windows.compute(key, (k, window) -> {
            if (window == null || ended(window, now)) {
                return new Window(now, 1);
            }
            if (window.count() >= allowed) {
                retry[0] = secondsLeft(window, now);
                return window;
            }
            return new Window(window.startedAt(), window.count() + 1);
        });
        sweep(now);
        return retry[0];
    }

    private long retryAfterSeconds(String key, long now) {
        Window window = windows.get(key);
        return window == null || ended(window, now) || window.count() < allowed ? 0 : secondsLeft(window, now);
    }

    private boolean ended(Window window, long now) {
        return now - window.startedAt() >= windowMillis;
    }

    private long secondsLeft(Window window, long now) {
        return Math.max(1, (window.startedAt() + windowMillis - now + 999) / 1000);
    }

    private void sweep(long now) {
        if (windows.size() > SWEEP_ABOVE) {
            windows.entrySet().removeIf(e -> ended(e.getValue(), now));
        }
    }
}
