package de.videotermin.appointment.boundary;

import java.util.Objects;

/** The signed-in advisor as the boundary needs them: the stable username and the name citizens see. */
public record AdvisorIdentity(String username, String displayName) {
    public AdvisorIdentity {
        Objects.requireNonNull(username, "username");
        displayName = displayName == null || displayName.isBlank() ? username : displayName;
    }
}
