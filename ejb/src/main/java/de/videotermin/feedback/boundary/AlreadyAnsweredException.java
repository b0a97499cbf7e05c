package de.videotermin.feedback.boundary;

import jakarta.ejb.ApplicationException;

/** The survey of this appointment has been answered already; one answer per appointment. */
@ApplicationException(rollback = true)
public class AlreadyAnsweredException extends RuntimeException {
    public AlreadyAnsweredException() {
        super("survey already answered");
    }
}
