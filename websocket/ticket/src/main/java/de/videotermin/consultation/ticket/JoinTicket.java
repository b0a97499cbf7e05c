package de.videotermin.consultation.ticket;

import java.time.Instant;
import java.util.Objects;

/**
 * The claims of a join ticket.
 *
 * @param roomId        the consultation room (the appointment's public room id, never a sequence number)
 * @param role          the role the holder takes in the room
 * @param participantId a stable pseudonymous id of the holder within the room
 * @param displayName   the name shown to the other side (the advisor's name, or "citizen")
 * @param expiresAt     after this instant the ticket opens nothing
 */
public record JoinTicket(String roomId, Role role, String participantId, String displayName, Instant expiresAt) {

    public JoinTicket {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(expiresAt, "expiresAt");
        for (String part : new String[]{roomId, participantId}) {
            if (part.isBlank() || part.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("ticket fields must be non-blank single-line values");
            }
        }
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
