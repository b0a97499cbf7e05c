package de.videotermin.consultation.signalling;

import de.videotermin.consultation.journal.CallJournal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Passes call events to the {@link CallJournal}, if the application has one. The signalling WAR also
 * runs alone (on extra Payara Micro nodes, in tests) where no journal exists, and a failing journal
 * must never break a consultation: both are tolerated and logged without personal data.
 */
@ApplicationScoped
public class CallRecorder {

    private static final Logger LOG = Logger.getLogger(CallRecorder.class.getName());

    private Supplier<Optional<CallJournal>> journal;
    private volatile boolean absenceLogged;

    @Inject
    Instance<CallJournal> journals;

    public CallRecorder() {
        this.journal = () -> journals.isResolvable() ? Optional.of(journals.get()) : Optional.empty();
    }

    /** For tests: no container. */
    CallRecorder(Supplier<Optional<CallJournal>> journal) {
        this.journal = journal;
    }

    /** Whether this node has a call journal (the EAR); Payara Micro nodes running the WAR alone have none. */
    boolean hasJournal() {
        try {
            return journal.get().isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    void record(String roomId, List<CallEvent> events) {
        Optional<CallJournal> target;
        try {
            target = journal.get();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "call journal unavailable: {0}", e.getClass().getName());
            return;
        }
        if (target.isEmpty()) {
            if (!absenceLogged) {
                absenceLogged = true;
                LOG.info("no (single) CallJournal available: call events are not recorded");
            }
            return;
        }
        for (CallEvent event : events) {
            try {
                if (event instanceof CallEvent.Started started) {
                    target.get().callStarted(roomId, started.at());
                } else if (event instanceof CallEvent.Connected connected) {
                    target.get().connectionEstablished(roomId, connected.relayed(), connected.at());
                    if (connected.firstFrameMs() != null) {
                        target.get().firstFrame(roomId, connected.firstFrameMs(), connected.at());
                    }
                    if (connected.recovered()) {
                        target.get().reconnected(roomId, connected.at());
                    }
                } else if (event instanceof CallEvent.QualityChanged quality) {
                    target.get().qualityChanged(roomId, quality.mode(), quality.at());
                } else if (event instanceof CallEvent.Reconnected reconnected) {
                    target.get().reconnected(roomId, reconnected.at());
                } else if (event instanceof CallEvent.Ended ended) {
                    target.get().callEnded(roomId, ended.at());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "call journal failed to record {0}: {1}",
                        new Object[]{event.getClass().getSimpleName(), e.getClass().getName()});
            }
        }
    }
}
