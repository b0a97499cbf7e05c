package de.videotermin.consultation.signalling;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.lang.reflect.Field;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives the signalling module's WebSocket container (Tyrus) a plain scheduler instead of the
 * container's managed one, and leaves out Tyrus's per-frame idle timer.
 *
 * <p>Why: Tyrus 2.1.5 (Payara 6) re-arms a session's idle timer for <em>every</em> frame it sends or
 * receives ({@code TyrusSession.restartIdleTimeoutExecutor}, unconditionally, even with timeout 0), and
 * once more when a session is made, on the scheduler it took from the container
 * ({@code java:comp/DefaultManagedScheduledExecutorService}). Payara captures the thread context for
 * each such task ({@code ContextSetupProviderImpl.saveContext}, with a {@code ServiceLoader} scan of the
 * application's class path); with timeout 0 the task even runs at once on another thread. In the
 * profile of bench/signalling that was 36 % of the server's CPU under load, and 12 % of opening a
 * connection. There is no Tyrus setting for it, so the container's private final
 * {@code managedScheduledExecutorService} field is set once, when the module starts, to this
 * scheduler: every session then takes it. Tyrus's idle-timeout commands are answered with a future
 * that never runs (no allocation in a queue, no lock, no thread); everything else Tyrus schedules
 * (heartbeats, if anyone set them) runs normally on one daemon thread.
 *
 * <p>Idle connections are closed by {@link IdleConnections} (its sweep closes silent connections with
 * 1000 as documented); the sessions keep Tyrus's timeout 0. If Tyrus changes and the field is not
 * found, nothing is replaced (logged once): slower, not wrong.
 */
final class IdleTimerExecutor extends ScheduledThreadPoolExecutor {

    private static final Logger LOG = Logger.getLogger(IdleTimerExecutor.class.getName());

    static final String IDLE_COMMAND = "org.glassfish.tyrus.core.TyrusSession$IdleTimeoutCommand";
    static final String CONTAINER = "org.glassfish.tyrus.core.BaseContainer";
    static final String FIELD = "managedScheduledExecutorService";

    IdleTimerExecutor() {
        super(1, task -> {
            Thread thread = new Thread(task, "videotermin-signalling-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        setRemoveOnCancelPolicy(true);
        setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** @return whether the container now uses {@code scheduler} */
    static boolean install(Object container, ScheduledExecutorService scheduler) {
        for (Class<?> type = container.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(CONTAINER)) {
                try {
                    Field field = type.getDeclaredField(FIELD);
                    if (!ScheduledExecutorService.class.isAssignableFrom(field.getType())) {
                        break;
                    }
                    field.setAccessible(true);
                    field.set(container, scheduler);
                    return true;
                } catch (ReflectiveOperationException | RuntimeException e) {
                    LOG.log(Level.INFO, "cannot give the WebSocket container a plain scheduler ({0}): each frame"
                            + " re-arms a managed timer task", e.getClass().getName());
                    return false;
                }
            }
        }
        LOG.log(Level.INFO, "the WebSocket container is not Tyrus''s ({0}): its scheduler is left as it is",
                container.getClass().getName());
        return false;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        if (command.getClass().getName().equals(IDLE_COMMAND)) {
            return NEVER; // IdleConnections closes silent connections; see the class comment
        }
        return super.schedule(command, delay, unit);
    }

    /** The future of an idle-timeout command: never runs, cancelling it is a no-op. */
    static final ScheduledFuture<Object> NEVER = new ScheduledFuture<>() {
        @Override
        public long getDelay(TimeUnit unit) {
            return Long.MAX_VALUE;
        }

        @Override
        public int compareTo(Delayed other) {
            return other == this ? 0 : 1;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public Object get() {
            throw new UnsupportedOperationException("an idle timer that never runs has no result");
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            throw new UnsupportedOperationException("an idle timer that never runs has no result");
        }
    };

    /** Installs a scheduler when the signalling module starts (after Tyrus made its container). */
    @WebListener
    public static final class Installer implements ServletContextListener {

        private IdleTimerExecutor scheduler;

        @Override
        public void contextInitialized(ServletContextEvent event) {
            Object container = event.getServletContext().getAttribute("jakarta.websocket.server.ServerContainer");
            IdleTimerExecutor created = new IdleTimerExecutor();
            if (container != null && install(container, created)) {
                scheduler = created;
            } else {
                created.shutdownNow();
            }
        }

        @Override
        public void contextDestroyed(ServletContextEvent event) {
            if (scheduler != null) {
                scheduler.shutdownNow();
            }
        }
    }
}
