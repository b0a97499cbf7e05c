package de.videotermin.appointment.boundary;

import jakarta.ejb.ApplicationException;
import java.time.Instant;

/** The advisor already has an appointment in that time (the database's exclusion constraint says so). */
@ApplicationException(rollback = true)
public class DoubleBookingException extends RuntimeException {
    private final Instant conflictStartsAt;

    public DoubleBookingException(Instant conflictStartsAt) {
        super("the advisor already has an appointment at that time");
        this.conflictStartsAt = conflictStartsAt;
    }

    /** When the appointment in the way begins, if known. */
    public Instant conflictStartsAt() {
        return conflictStartsAt;
    }
}
