package de.videotermin.consultation.boundary;

import de.videotermin.consultation.ticket.Role;
import java.util.List;

/** Everything a browser needs to enter a room: where, with which ticket, through which ICE servers. */
public record RoomAccess(String roomId, Role role, String ticket, List<IceServer> iceServers) {
}
