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

    void schedule(Runnable close, Duration delay) {
        try {
            scheduler.schedule(close, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            close.run(); // shutting down: close now rather than never
        }
    }
}
