package de.videotermin.appointment.boundary;

import java.util.Objects;

/**
 * Who asks: an advisor (sees and changes only their own appointments) or the agency's system
 * (a Keycloak service account with the role agency-system; acts for any advisor).
 */
public record Caller(String username, String displayName, boolean agencyWide) {
    public Caller {
        Objects.requireNonNull(username, "username");
    }

    public static Caller advisor(AdvisorIdentity advisor) {
        return new Caller(advisor.username(), advisor.displayName(), false);
    }

    public static Caller agencySystem(String clientName) {
        return new Caller(clientName, clientName, true);
    }

    boolean may(String advisorUsername) {
        return agencyWide || username.equals(advisorUsername);
    }
}
