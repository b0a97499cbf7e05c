package de.videotermin.appointment.boundary;

import jakarta.ejb.ApplicationException;

/** A field of a change request is out of range (a start in the past, a duration beyond limits, an empty message). */
@ApplicationException(rollback = true)
public class InvalidScheduleException extends RuntimeException {
    private final String field;

    public InvalidScheduleException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
