package de.videotermin.consultation.signalling;

/**
 * A frame a participant sends, decoded by {@link FrameDecoder}. The records' {@code toString} never
 * shows SDP or candidates, so a message can be logged by its type without leaking addresses.
 */
public sealed interface ClientMessage {

    /** Messages that carry WebRTC negotiation and are relayed to the other admitted participant(s). */
    sealed interface Negotiation extends ClientMessage {
        /** The participant to relay to, or {@code null} for every other admitted participant. */
        String to();
    }

    record Offer(String sdp, String to) implements Negotiation {
        @Override
        public String toString() {
            return "Offer[redacted]";
        }
    }

    record Answer(String sdp, String to) implements Negotiation {
        @Override
        public String toString() {
            return "Answer[redacted]";
        }
    }

    /** @param candidate the candidate, or {@code null} for end of candidates */
    record Candidate(IceCandidate candidate, String to) implements Negotiation {
        @Override
        public String toString() {
            return "Candidate[redacted]";
        }
    }

    /** The advisor lets a waiting citizen in. */
    record Admit(String participantId) implements ClientMessage {
    }

    /**
     * The advisor takes a participant (usually an invited guest) out of the room: their connection is
     * closed, their admission forgotten, and they cannot come back into this room.
     */
    record Remove(String participantId) implements ClientMessage {
    }

    /** The advisor ends the consultation for everyone. */
    record End() implements ClientMessage {
    }

    /** The sender leaves the room. */
    record Leave() implements ClientMessage {
    }

    /**
     * The citizen withdrew their consent (recorded in the ledger by the site before this is sent):
     * the call ends for everyone, at once (GDPR Art. 7(3): withdrawing must be as easy as giving).
     */
    record Withdraw() implements ClientMessage {
    }

    /**
     * Which kind of ICE candidate pair the sender's browser selected: relayed through TURN or direct.
     *
     * @param firstFrameMs milliseconds from entering the room to the first remote video frame, if known
     * @param recovered    whether this connection came back after it was lost (an ICE restart or a
     *                     reconnect of the signalling connection), for the call record's reconnect count
     */
    record ConnectionReport(boolean relayed, Integer firstFrameMs, boolean recovered) implements ClientMessage {
        public ConnectionReport(boolean relayed) {
            this(relayed, null, false);
        }
    }

    /** The picture quality the sender now sends: {@code high}, {@code low} or {@code audio} (audio only). */
    record QualityReport(String mode) implements ClientMessage {
    }

    record Ping() implements ClientMessage {
    }
}
