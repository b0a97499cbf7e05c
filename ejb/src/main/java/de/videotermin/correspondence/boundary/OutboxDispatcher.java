package de.videotermin.correspondence.boundary;

import de.videotermin.correspondence.control.CalendarFiles;
import de.videotermin.correspondence.control.MailSettings;
import de.videotermin.correspondence.control.OutboxMetrics;
import de.videotermin.correspondence.control.SmtpMailer;
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
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Drives the outbox: right after a transaction that queued mail commits, and every few seconds for
 * retries, with up to {@code videotermin.mail.senders} parallel senders; and scans for due reminders. Timers are not persistent: each node polls, and the row locks
 * (skip locked) and the reminders' unique keys keep a cluster from sending anything twice.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());
    private static final String REMINDERS = "reminders";
    private static final String WARM_UP = "warm-up";

    @Resource
    TimerService timers;

    @Inject
    Outbox outbox;

    @Inject
    Reminders reminders;

    @Inject
    OutboxMetrics metrics;

    @Inject
    @ConfigProperty(name = "videotermin.mail.dispatch-interval-seconds", defaultValue = "5")
    int dispatchSeconds;

    @Inject
    @ConfigProperty(name = "videotermin.mail.reminder.scan-seconds", defaultValue = "30")
    int reminderSeconds;

    @Inject
    @ConfigProperty(name = "videotermin.mail.senders", defaultValue = "4")
    int senders;

    /** Senders at work now (at most {@link #senders}); each has its own SMTP connection. */
    private final AtomicInteger active = new AtomicInteger();
    /** Set whenever mail was queued or a round was asked for; a sender finishing looks at it once more. */
    private final AtomicBoolean again = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(2_000, dispatchSeconds * 1000L, new TimerConfig("outbox", false));
        timers.createIntervalTimer(5_000, reminderSeconds * 1000L, new TimerConfig(REMINDERS, false));
        timers.createSingleActionTimer(500, new TimerConfig(WARM_UP, false));
    }

    @Timeout
    void timeout(Timer timer) {
        try {
            if (WARM_UP.equals(timer.getInfo())) {
                // load the calendar's time-zone data and the mail providers once, before the first batch
                CalendarFiles.write(new CalendarFiles.Entry("warm-up", 0, java.time.Instant.EPOCH,
                        java.time.Instant.EPOCH.plusSeconds(1800), "-", null, null, "a@videotermin.invalid",
                        "b@videotermin.invalid", false));
                SmtpMailer.warmUp(MailSettings.current());
                return;
            }
            if (REMINDERS.equals(timer.getInfo())) {
                reminders.scan();
            } else {
                // what operators see as the backlog: one small query per round (partial index), never per scrape
                metrics.backlog(outbox.backlog());
            }
            startSender();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "outbox round failed; the next round retries", e);
        }
    }

    @Resource
    SessionContext context;

    /**
     * Starts one more sender unless {@link #senders} are at work already. Several senders work in
     * parallel on disjoint batches (the rows are locked with skip locked), each over its own SMTP
     * connection: sending is mostly waiting for the SMTP server, so one sender alone cannot keep up
     * with a busy booking day.
     */
    public void startSender() {
        again.set(true);
        for (int n = active.get(); n < senders; n = active.get()) {
            if (active.compareAndSet(n, n + 1)) {
                try {
                    context.getBusinessObject(OutboxDispatcher.class).send();
                } catch (RuntimeException e) {
                    active.decrementAndGet();
                    throw e;
                }
                return;
            }
        }
    }

    @Asynchronous
    public void send() {
        try (Outbox.Connection connection = new Outbox.Connection()) {
            do {
                again.set(false);
                MailSettings settings = MailSettings.current();
                while (outbox.deliverBatch(settings, connection) > 0) {
                    settings = MailSettings.current();
                }
            } while (again.get());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "outbox sender stopped; the next round retries", e);
        } finally {
            active.decrementAndGet();
        }
        if (again.get()) {
            // mail queued between this sender's last empty round and its end
            startSender();
        }
    }
}
