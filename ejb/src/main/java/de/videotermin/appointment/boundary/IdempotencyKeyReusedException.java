package de.videotermin.appointment.boundary;

import jakarta.ejb.ApplicationException;

/** The Idempotency-Key was used before for a different booking. */
@ApplicationException(rollback = true)
public class IdempotencyKeyReusedException extends RuntimeException {
    public IdempotencyKeyReusedException() {
        super("Idempotency-Key already used for a different request");
    }
}
