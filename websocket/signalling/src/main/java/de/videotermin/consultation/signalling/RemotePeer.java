package de.videotermin.consultation.signalling;

import de.videotermin.consultation.ticket.JoinTicket;
import de.videotermin.consultation.ticket.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * A participant whose WebSocket is held by another node of the data grid, as the room's owner sees it.
 * Like {@link SessionPeer} it only queues under the room's lock; {@link #flush()} hands what was queued,
 * in order, to the connection's node in one grid message.
 */
final class RemotePeer implements Peer {

    private final String key;
    private final String node;
    private final String roomId;
    private final JoinTicket ticket;
    private final SignallingGrid grid;
    private final List<String> frames = new ArrayList<>(4);
    private int closeCode;
    private String closeReason;
    private boolean closing;

    RemotePeer(String key, String node, String roomId, JoinTicket ticket, SignallingGrid grid) {
        this.key = key;
        this.node = node;
        this.roomId = roomId;
        this.ticket = ticket;
        this.grid = grid;
    }

    String key() {
        return key;
    }

    /** The grid member that holds the connection. */
    String node() {
        return node;
    }

    String roomId() {
        return roomId;
    }

    @Override
    public String id() {
        return ticket.participantId();
    }

    @Override
    public Role role() {
        return ticket.role();
    }

    @Override
    public String name() {
        return ticket.displayName();
    }

    @Override
    public synchronized void send(ServerMessage message) {
        if (!closing && frames.size() < SessionPeer.MAX_QUEUED) {
            frames.add(WireFormat.encode(message));
        }
    }

    @Override
    public synchronized void close(int code, String reason) {
        if (!closing) {
            closing = true;
            closeCode = code;
            closeReason = reason;
        }
    }

    /** Publishing under the lock keeps this participant's frames in order across concurrent flushes. */
    @Override
    public synchronized void flush() {
        if (frames.isEmpty() && closeCode == 0) {
            return;
        }
        grid.deliver(node, key, frames, closeCode, closeReason);
        frames.clear();
        closeCode = 0; // sent once; closing stays true, so nothing more is queued
    }
}
