package de.videotermin.consultation.control;

import java.time.Duration;
import java.time.Instant;

/**
 * When a citizen's link lets them into the room: from a configurable time before the start until
 * the end plus a grace period, unless the appointment was cancelled or has been held. Outside that
 * window the link page still shows the appointment (and offers the device rehearsal).
 */
public final class EntryWindow {

    public enum State { NOT_YET_OPEN, OPEN, EXPIRED, CANCELLED, FINISHED }

    private final Duration opensBefore;
    private final Duration graceAfter;

    public EntryWindow(Duration opensBefore, Duration graceAfter) {
        this.opensBefore = opensBefore;
        this.graceAfter = graceAfter;
    }

    public State stateAt(Instant now, Instant startsAt, Instant endsAt, String status) {
        if ("CANCELLED".equals(status)) {
            return State.CANCELLED;
        }
        if ("DONE".equals(status) || "NO_SHOW".equals(status)) {
            return State.FINISHED;
        }
        if (now.isBefore(startsAt.minus(opensBefore))) {
            return State.NOT_YET_OPEN;
        }
        if (now.isAfter(endsAt.plus(graceAfter))) {
            return State.EXPIRED;
        }
        return State.OPEN;
    }

    /** When the room opens for this start time. */
    public Instant opensAt(Instant startsAt) {
        return startsAt.minus(opensBefore);
    }
}
