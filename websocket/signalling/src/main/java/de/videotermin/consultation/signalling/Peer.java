package de.videotermin.consultation.signalling;

import de.videotermin.consultation.ticket.Role;

/**
 * One connection of one participant, as a {@link Room} sees it. {@link #send} and {@link #close}
 * only queue: the room calls them while its lock is held, and {@link #flush()} writes afterwards.
 * An interface because the room rules are tested with fake peers.
 */
public interface Peer {

    /** The participant id from the join ticket; a reload keeps it. */
    String id();

    Role role();

    /** The display name from the join ticket. */
    String name();

    /** Queues a frame. Frames queued after {@link #close} are dropped. */
    void send(ServerMessage message);

    /** Queues closing the connection with this code and (short, fixed) reason, after the frames before it. */
    void close(int code, String reason);

    /** Writes what was queued. Never called while a room is locked. */
    void flush();

    default ServerMessage.PeerInfo info() {
        return new ServerMessage.PeerInfo(id(), role(), name());
    }
}
