package de.videotermin.consultation.signalling;

import java.time.Instant;

/** What a room decision means for the call record; passed to the call journal after the room is unlocked. */
public sealed interface CallEvent {

    Instant at();

    /** An advisor and an admitted citizen are together in the room for the first time. */
    record Started(Instant at) implements CallEvent {
    }

    /** A participant reported the selected candidate pair. */
    record Connected(boolean relayed, Instant at) implements CallEvent {
    }

    /** Ended by the advisor, or the room became empty after the call had started. */
    record Ended(Instant at) implements CallEvent {
    }
}
