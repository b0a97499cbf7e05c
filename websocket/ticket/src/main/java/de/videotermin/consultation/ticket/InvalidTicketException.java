package de.videotermin.consultation.ticket;

/** A ticket that must not open anything. The reason is safe to show; the ticket itself is never included. */
public class InvalidTicketException extends RuntimeException {

    public enum Reason { MALFORMED, BAD_SIGNATURE, EXPIRED, WRONG_ROOM }

    private final Reason reason;

    public InvalidTicketException(Reason reason) {
        super("join ticket rejected: " + reason.name().toLowerCase().replace('_', ' '));
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
