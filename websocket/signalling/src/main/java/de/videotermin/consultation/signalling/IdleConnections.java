package de.videotermin.consultation.signalling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes connections that have been silent for {@link #MAX_IDLE} (clients ping every 25 s), with one sweep
 * every {@link #SWEEP_EVERY} for all of them.
 *
 * <p>Why not {@code Session.setMaxIdleTimeout}: Tyrus then re-arms a timer on the container's managed
 * scheduled executor for every frame sent or received, and Payara captures the full context (a class-loader
 * resource scan) for each such task. In the benchmark (bench/signalling) that was more than half of the
 * server's CPU time per relayed message.
 */
@ApplicationScoped
public class IdleConnections {

    static final Duration MAX_IDLE = Duration.ofMinutes(2);
    static final Duration SWEEP_EVERY = Duration.ofSeconds(15);

    private final Set<SessionPeer> open = ConcurrentHashMap.newKeySet();

    @Inject
    CloseScheduler scheduler;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        scheduler.every(this::sweep, SWEEP_EVERY);
    }

    void opened(SessionPeer peer) {
        open.add(peer);
    }

    void closed(SessionPeer peer) {
        open.remove(peer);
    }

    int size() {
        return open.size();
    }

    void sweep() {
        long cutoff = System.nanoTime() - MAX_IDLE.toNanos();
        for (SessionPeer peer : open) {
            if (peer.lastHeard() - cutoff < 0) {
                open.remove(peer);
                peer.close(Room.NORMAL_CLOSURE, "idle timeout");
                peer.flush();
            }
        }
    }

    /** Hands this instance itself to {@code receiver}: see {@link SignallingServices#direct}. */
    public void handOver(java.util.function.Consumer<IdleConnections> receiver) {
        receiver.accept(this);
    }
}
