package de.videotermin.appointment.boundary;

import jakarta.ejb.ApplicationException;

/** The request names a site or legal area that does not exist or is no longer offered. */
@ApplicationException(rollback = true)
public class UnknownReferenceException extends RuntimeException {
    private final String field;

    public UnknownReferenceException(String field, String value) {
        super("unknown " + field + ": " + value);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
