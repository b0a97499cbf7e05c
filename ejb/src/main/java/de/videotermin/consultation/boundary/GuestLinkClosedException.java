package de.videotermin.consultation.boundary;

import jakarta.ejb.ApplicationException;

/** The guest's link was valid once, but the advisor withdrew the invitation (or removed the guest). */
@ApplicationException(rollback = true)
public class GuestLinkClosedException extends RuntimeException {
    public GuestLinkClosedException() {
        super("the guest invitation was withdrawn");
    }
}
