package de.videotermin.consultation.journal;

import java.util.Optional;

/**
 * The other direction of the contract: the consent ledger tells signalling that a participant withdrew
 * their consent (from the privacy receipt, or anywhere else than the room itself), so that whichever node
 * holds the room ends that participant's part of the call at once. Travels over one data-grid topic
 * ({@link #TOPIC}) to every node; the room's owner acts, the others ignore it. Carries the room id and the
 * participant id of the ticket ({@code citizen}, or a guest's participant id), nothing personal.
 */
public record ConsentWithdrawn(String roomId, String participantId) {

    /** The data-grid topic every signalling node listens on. */
    public static final String TOPIC = "videotermin-consent-withdrawn";

    /** The citizen's participant id in join tickets. */
    public static final String CITIZEN = "citizen";

    private static final char SEP = '\u001f';

    public ConsentWithdrawn {
        if (roomId == null || roomId.isEmpty() || roomId.indexOf(SEP) >= 0
                || participantId == null || participantId.isEmpty() || participantId.indexOf(SEP) >= 0) {
            throw new IllegalArgumentException("room and participant ids must be non-empty, without separators");
        }
    }

    public String encode() {
        return roomId + SEP + participantId;
    }

    /** Empty for anything that is not an encoded notice (the topic is ours, but a grid is shared). */
    public static Optional<ConsentWithdrawn> decode(String message) {
        if (message == null) {
            return Optional.empty();
        }
        int at = message.indexOf(SEP);
        if (at <= 0 || at == message.length() - 1 || message.indexOf(SEP, at + 1) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new ConsentWithdrawn(message.substring(0, at), message.substring(at + 1)));
    }
}
