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

    /** The call ended (ended by the advisor, or everyone left). Idempotent. */
    void callEnded(String roomId, Instant at);
}
