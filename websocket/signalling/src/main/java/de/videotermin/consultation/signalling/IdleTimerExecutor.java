package de.videotermin.consultation.signalling;

import jakarta.websocket.Session;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives each signalling session of Tyrus a plain scheduler for its idle timer instead of the container's
 * managed one.
 *
 * <p>Why: Tyrus 2.1.5 (Payara 6) re-arms a session's idle timer for <em>every</em> frame it sends or
 * receives ({@code TyrusSession.restartIdleTimeoutExecutor}, called unconditionally from
 * {@code TyrusRemoteEndpoint} and {@code TyrusEndpointWrapper.onMessage}), on the scheduler it took from
 * the container ({@code java:comp/DefaultManagedScheduledExecutorService}). Payara captures the thread
 * context for each such task ({@code ContextSetupProviderImpl.saveContext}), which includes a
 * {@code ServiceLoader} scan of the web application's class path; with timeout 0 the task even runs at
 * once on another thread, with context set-up and reset. The profile of bench/signalling showed 36 % of
 * the server's CPU under load in these tasks. There is no Tyrus setting for this, so the session's
 * private {@code service} field is replaced once, at open, by a shared one-thread
 * {@link ScheduledThreadPoolExecutor}: re-arming is then a cancel and an insert into its queue.
 *
 * <p>The timer Tyrus arms is only a backstop ({@link #BACKSTOP}, longer than {@link IdleConnections#MAX_IDLE},
 * whose sweep closes silent connections with 1000 as documented). If Tyrus changes and the field is not
 * found, nothing is replaced (logged once) and the session keeps timeout 0 as before: slower, not wrong.
 */
final class IdleTimerExecutor {

    private static final Logger LOG = Logger.getLogger(IdleTimerExecutor.class.getName());

    /** Tyrus's own idle timeout, a backstop behind {@link IdleConnections}. */
    static final Duration BACKSTOP = IdleConnections.MAX_IDLE.plusMinutes(2);

    private final ScheduledThreadPoolExecutor executor;
    private volatile boolean unavailable;
    private volatile Field field;

    IdleTimerExecutor() {
        executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "videotermin-signalling-idle-timer");
            thread.setDaemon(true);
            return thread;
        });
        // every frame cancels the previous timer: without this, cancelled timers would pile up for minutes
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Moves the session's idle timer to the plain scheduler and sets the backstop timeout. */
    void adopt(Session session) {
        if (!unavailable) {
            try {
                Field service = fieldOf(session);
                if (service != null) {
                    service.set(session, executor);
                    session.setMaxIdleTimeout(BACKSTOP.toMillis());
                    return;
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                unavailable = true;
                LOG.log(Level.INFO, "cannot give WebSocket sessions a plain idle-timer scheduler ({0}): "
                        + "each frame re-arms a managed timer task", e.getClass().getName());
            }
        }
        session.setMaxIdleTimeout(0); // IdleConnections closes silent connections
    }

    private Field fieldOf(Session session) throws NoSuchFieldException {
        Field known = field;
        if (known != null && known.getDeclaringClass().isInstance(session)) {
            return known;
        }
        for (Class<?> type = session.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals("org.glassfish.tyrus.core.TyrusSession")) {
                Field service = type.getDeclaredField("service");
                if (!ScheduledExecutorService.class.isAssignableFrom(service.getType())) {
                    throw new NoSuchFieldException("service has type " + service.getType().getName());
                }
                service.setAccessible(true);
                field = service;
                return service;
            }
        }
        unavailable = true;
        LOG.log(Level.INFO, "WebSocket sessions are not Tyrus sessions ({0}): idle timers left as they are",
                session.getClass().getName());
        return null;
    }

    void shutdown() {
        executor.shutdownNow();
    }
}
