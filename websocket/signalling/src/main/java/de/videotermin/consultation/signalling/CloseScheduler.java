package de.videotermin.consultation.signalling;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/** Runs fallback closes later, on the container's scheduled executor. */
@ApplicationScoped
public class CloseScheduler {

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Runs the task periodically until the application stops (failures are contained per run). */
    void every(Runnable task, Duration period) {
        Runnable guarded = () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                java.util.logging.Logger.getLogger(CloseScheduler.class.getName())
                        .log(java.util.logging.Level.WARNING, "periodic signalling task failed: {0}", e.getClass().getName());
            }
        };
        try {
            scheduler.scheduleAtFixedRate(guarded, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    void schedule(Runnable close, Duration delay) {
        try {
            scheduler.schedule(close, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            close.run(); // shutting down: close now rather than never
        }
    }

    /** Hands this instance itself to {@code receiver}: see {@link SignallingServices#direct}. */
    public void handOver(java.util.function.Consumer<CloseScheduler> receiver) {
        receiver.accept(this);
    }
}
