package de.videotermin.consultation.signalling;

/**
 * A frame that could not be decoded. The message is safe to send back to the client: it names the
 * problem, never the frame's content.
 */
public class BadFrameException extends RuntimeException {

    private final ServerMessage.Error error;
    private final boolean fatal;

    private BadFrameException(ServerMessage.Error error, boolean fatal) {
        super(error.code() + ": " + error.message(), null, false, false);
        this.error = error;
        this.fatal = fatal;
    }

    /** Not a JSON object at all (or a binary frame): answered with an error, then closed with 1003. */
    static BadFrameException undecodable(String message) {
        return new BadFrameException(ServerMessage.Error.badMessage(message), true);
    }

    /** A JSON object that is not a valid message: answered with an error, the connection stays open. */
    static BadFrameException invalid(String message) {
        return new BadFrameException(ServerMessage.Error.badMessage(message), false);
    }

    static BadFrameException unknownType() {
        return new BadFrameException(ServerMessage.Error.unknownType(), false);
    }

    public ServerMessage.Error error() {
        return error;
    }

    /** Whether the connection must be closed with 1003 (cannot accept). */
    public boolean fatal() {
        return fatal;
    }
}
