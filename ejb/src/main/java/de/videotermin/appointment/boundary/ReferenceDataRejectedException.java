package de.videotermin.appointment.boundary;

import jakarta.ejb.ApplicationException;

/**
 * An admin's change to a site or legal area is not acceptable: a malformed code, a missing name, a
 * code that exists already. {@link #reason()} is a stable key the pages turn into a readable message.
 */
@ApplicationException(rollback = true)
public class ReferenceDataRejectedException extends RuntimeException {
    private final String field;
    private final String reason;

    public ReferenceDataRejectedException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
