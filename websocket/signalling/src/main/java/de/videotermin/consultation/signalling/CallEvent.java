package de.videotermin.consultation.signalling;

import java.time.Instant;

/** What a room decision means for the call record; passed to the call journal after the room is unlocked. */
public sealed interface CallEvent {

    Instant at();

    /** An advisor and an admitted citizen are together in the room for the first time. */
    record Started(Instant at) implements CallEvent {
    }

    /**
     * A participant reported the selected candidate pair.
     *
     * @param firstFrameMs time from entering the room to the first remote frame, or {@code null}
     * @param recovered    the connection came back after it had been lost
     */
    record Connected(boolean relayed, Integer firstFrameMs, boolean recovered, Instant at) implements CallEvent {
    }

    /** A participant changed the picture quality it sends ({@code high}, {@code low}, {@code audio}). */
    record QualityChanged(String mode, Instant at) implements CallEvent {
    }

    /** An admitted participant came back into a running call (dropped connection, reload, new network). */
    record Reconnected(Instant at) implements CallEvent {
    }

    /** Ended by the advisor, or the room became empty after the call had started. */
    record Ended(Instant at) implements CallEvent {
    }
}
