package de.videotermin.consultation.ui;

import de.videotermin.consultation.boundary.RoomAccess;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/** What the room include (WEB-INF/includes/room.xhtml) is given, computed once per page view. */
public record RoomPage(String wsUrl, String ticket, String role, String iceServersJson, String icePolicy, String leaveUrl) {

    private static final Jsonb JSON = JsonbBuilder.create();

    public static RoomPage of(RoomAccess access, String wsUrl, String requestedIcePolicy, String leaveUrl) {
        // "relay" forces TURN (weak networks, tests); anything else is the normal policy.
        String policy = "relay".equals(requestedIcePolicy) ? "relay" : "all";
        return new RoomPage(wsUrl, access.ticket(), access.role().name(), JSON.toJson(access.iceServers()), policy, leaveUrl);
    }
}
