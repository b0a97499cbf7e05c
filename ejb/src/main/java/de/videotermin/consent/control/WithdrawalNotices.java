package de.videotermin.consent.control;

import com.hazelcast.core.HazelcastInstance;
import de.videotermin.consultation.journal.ConsentWithdrawn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Tells signalling that a participant withdrew their consent, once the withdrawal is committed to the
 * ledger: a notice on the data grid's {@link ConsentWithdrawn#TOPIC}, which every signalling node (in this
 * EAR and on Payara Micro) listens to; the node that holds the room ends the call for a citizen, or takes
 * a guest out of it. So a withdrawal from the privacy receipt, in another tab or on another device, stops
 * the video call too, not only future joins. No grid (a test without one): the ledger still refuses new
 * tickets, and the running call ends when its participant leaves.
 */
@ApplicationScoped
public class WithdrawalNotices {

    private static final Logger LOG = Logger.getLogger(WithdrawalNotices.class.getName());

    @Inject
    Instance<HazelcastInstance> hazelcast;

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConsentWithdrawn notice) {
        try {
            if (hazelcast == null || !hazelcast.isResolvable()) {
                LOG.warning("no data grid: a running call is not told of a consent withdrawal");
                return;
            }
            HazelcastInstance grid = hazelcast.get();
            if (grid == null || !grid.getLifecycleService().isRunning()) {
                LOG.warning("the data grid is not running: a running call is not told of a consent withdrawal");
                return;
            }
            grid.<String>getTopic(ConsentWithdrawn.TOPIC).publish(notice.encode());
        } catch (RuntimeException e) {
            // the withdrawal itself is committed; only the running call is not ended early
            LOG.warning(() -> "consent withdrawal not passed to signalling: " + e.getClass().getSimpleName());
        }
    }
}
