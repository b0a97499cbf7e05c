package de.videotermin.correspondence.boundary;

import de.videotermin.correspondence.control.MailSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Drives the outbox: right after a transaction that queued mail commits, and every few seconds for
 * retries; and scans for due reminders. Timers are not persistent: each node polls, and the row locks
 * (skip locked) and the reminders' unique keys keep a cluster from sending anything twice.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());
    private static final String REMINDERS = "reminders";

    @Resource
    TimerService timers;

    @Inject
    Outbox outbox;

    @Inject
    Reminders reminders;

    @Inject
    @ConfigProperty(name = "videotermin.mail.dispatch-interval-seconds", defaultValue = "5")
    int dispatchSeconds;

    @Inject
    @ConfigProperty(name = "videotermin.mail.reminder.scan-seconds", defaultValue = "30")
    int reminderSeconds;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(2_000, dispatchSeconds * 1000L, new TimerConfig("outbox", false));
        timers.createIntervalTimer(5_000, reminderSeconds * 1000L, new TimerConfig(REMINDERS, false));
    }

    @Timeout
    void timeout(Timer timer) {
        try {
            if (REMINDERS.equals(timer.getInfo())) {
                reminders.scan();
            }
            drain();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "outbox round failed; the next round retries", e);
        }
    }

    @Resource
    SessionContext context;

    /** After the commit (in the committing thread): hand over to an asynchronous round at once. */
    public void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) Correspondence.OutboxFilled event) {
        if (!running.get()) {
            context.getBusinessObject(OutboxDispatcher.class).kick();
        } else {
            again.set(true);
        }
    }

    @Asynchronous
    public void kick() {
        drain();
    }

    /** One drainer at a time; a kick during a round makes the round go once more. */
    void drain() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        try {
            do {
                again.set(false);
                MailSettings settings = MailSettings.current();
                while (outbox.deliverBatch(settings) > 0) {
                    settings = MailSettings.current();
                }
            } while (again.get());
        } finally {
            running.set(false);
        }
        if (again.getAndSet(false)) {
            drain();
        }
    }
}
