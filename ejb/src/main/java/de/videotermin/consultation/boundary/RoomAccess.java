package de.videotermin.consultation.boundary;

import de.videotermin.consultation.ticket.Role;
import java.util.List;
import java.util.UUID;

/** Everything a browser needs to enter a room: where, with which ticket, through which ICE servers. */
public record RoomAccess(UUID appointmentId, String roomId, Role role, String ticket, List<IceServer> iceServers) {
}
