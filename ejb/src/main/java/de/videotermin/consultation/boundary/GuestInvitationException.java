package de.videotermin.consultation.boundary;

import jakarta.ejb.ApplicationException;

/**
 * An invitation the advisor asked for cannot be made: a name that is empty or too long, an e-mail address that is not one, another guest
 * already invited, the appointment already over. {@link #reason()} says which, for a readable message.
 */
@ApplicationException(rollback = true)
public class GuestInvitationException extends RuntimeException {

    public enum Reason { NAME_INVALID, ALREADY_INVITED, APPOINTMENT_CLOSED, EMAIL_INVALID }

    private final Reason reason;

    public GuestInvitationException(Reason reason) {
        super("guest invitation refused: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
