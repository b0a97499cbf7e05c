package de.videotermin.consultation.journal;

import java.time.Instant;

/**
 * Receives call events from signalling. Implementations must not block for long and must never
 * receive or store media, chat, SDP or addresses.
 */
public interface CallJournal {

    /** Both participants are in the room; the call begins. */
    void callStarted(String roomId, Instant at);

    /** The media path was established, directly (peer to peer) or relayed through TURN. */
    void connectionEstablished(String roomId, boolean relayed, Instant at);

    /** A participant saw the first remote video frame this many milliseconds after entering the room. */
    default void firstFrame(String roomId, int milliseconds, Instant at) {
    }

    /** A participant now sends {@code high}, {@code low} or {@code audio} (audio only) quality. */
    default void qualityChanged(String roomId, String mode, Instant at) {
    }

    /** A participant's connection came back during the call (reconnect, reload, ICE restart). */
    default void reconnected(String roomId, Instant at) {
    }

    /** The call ended (ended by the advisor, or everyone left). Idempotent. */
    void callEnded(String roomId, Instant at);
}
