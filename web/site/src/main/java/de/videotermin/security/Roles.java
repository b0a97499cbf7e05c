package de.videotermin.security;

import java.util.Map;
import java.util.Set;

/** Keycloak realm roles, as they appear in the groups claim, and which staff pages each one opens. */
public final class Roles {
    public static final String ADVISOR = "advisor";
    public static final String ADMIN = "admin";
    public static final String ANALYST = "analyst";

    /** The staff areas by their first path segment, and the roles that may enter each (any one of them). */
    private static final Map<String, Set<String>> AREAS = Map.of(
            "advisor", Set.of(ADVISOR, ADMIN),
            "admin", Set.of(ADMIN),
            "analyst", Set.of(ANALYST, ADMIN));

    private Roles() {
    }

    /**
     * The roles that may open a path inside the web module ({@code /advisor/room.xhtml}); empty for a path
     * outside the staff areas, which {@link StaffAreas} then leaves alone.
     */
    public static Set<String> allowedFor(String path) {
        if (path == null || !path.startsWith("/")) {
            return Set.of();
        }
        int end = path.indexOf('/', 1);
        return AREAS.getOrDefault(end < 0 ? path.substring(1) : path.substring(1, end), Set.of());
    }
}
