package de.videotermin.consent.boundary;

import jakarta.ejb.ApplicationException;

/** The citizen has not consented (or has withdrawn), so there is no way into the room. */
@ApplicationException(rollback = true)
public class ConsentRequiredException extends RuntimeException {
    public ConsentRequiredException() {
        super("consent to the video consultation is required");
    }
}
