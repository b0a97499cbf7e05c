package de.videotermin.consultation.signalling;

import de.videotermin.consultation.ticket.JoinTicket;
import de.videotermin.consultation.ticket.Role;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A participant's WebSocket session with an outbound queue. Frames are queued (cheap, under the
 * room's lock) and written by whichever thread calls {@link #flush()} first, one at a time and in
 * order; others return at once. On Tyrus, frames are handed to the connection without waiting for the
 * socket ({@link TextFrameWriter}); elsewhere the blocking remote is used. Either way a bound (256 frames
 * queued here or not yet written there) turns a client that stops reading into a connection closed with
 * 1013 rather than unbounded memory.
 */
final class SessionPeer implements Peer {

    private static final Logger LOG = Logger.getLogger(SessionPeer.class.getName());

    /** A whole negotiation is a few dozen frames; far more than that queued means the client is gone. */
    static final int MAX_QUEUED = 256;

    private final Session session;
    private final JoinTicket ticket;
    /** The ticket as the client sent it: a node that owns the room elsewhere verifies it again. */
    private final String ticketText;
    private final Object lock = new Object();
    /** {@link String} frames and at most one {@link CloseReason}, the last element. */
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private final Consumer<CloseReason> earlyClose;
    private boolean writing;
    /** Frames its own UTF-8 (see there); chosen at the first write, used only by the thread that is writing. */
    private TextFrameWriter writer;
    private boolean writerChosen;
    private boolean closing;
    /** When the client last sent anything (System.nanoTime), for {@link IdleConnections}. */
    private volatile long lastHeard = System.nanoTime();
    /** True while {@code @OnOpen} runs: a close requested then goes to {@code earlyClose} (see RoomEndpoint). */
    private volatile boolean opening = true;

    SessionPeer(Session session, JoinTicket ticket, Consumer<CloseReason> earlyClose) {
        this(session, ticket, null, earlyClose);
    }

    SessionPeer(Session session, JoinTicket ticket, String ticketText, Consumer<CloseReason> earlyClose) {
        this.session = session;
        this.ticket = ticket;
        this.ticketText = ticketText;
        this.earlyClose = earlyClose;
    }

    /** {@code @OnOpen} has finished. */
    void opened() {
        opening = false;
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

    void heard() {
        lastHeard = System.nanoTime();
    }

    long lastHeard() {
        return lastHeard;
    }

    String ticketText() {
        return ticketText;
    }

    JoinTicket ticket() {
        return ticket;
    }

    @Override
    public void send(ServerMessage message) {
        sendFrame(WireFormat.encode(message));
    }

    /** Queues a frame that is already in its wire form (relayed from the node that owns the room). */
    void sendFrame(String frame) {
        synchronized (lock) {
            if (closing) {
                return;
            }
            if (queue.size() >= MAX_QUEUED) {
                queue.clear();
                closing = true;
                queue.add(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too slow"));
                return;
            }
            queue.add(frame);
        }
    }

    @Override
    public void close(int code, String reason) {
        synchronized (lock) {
            if (closing) {
                return;
            }
            closing = true;
            queue.add(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
        }
    }

    /** The connection is closed (by either side): nothing more is written. */
    void closed() {
        synchronized (lock) {
            closing = true;
            queue.clear();
        }
    }

    @Override
    public void flush() {
        ServiceLookupCache.run(this::drain);
    }

    private void drain() {
        while (true) {
            Object next;
            synchronized (lock) {
                if (writing || queue.isEmpty()) {
                    return;
                }
                writing = true;
                next = queue.poll();
            }
            try {
                write(next);
            } finally {
                synchronized (lock) {
                    writing = false;
                }
            }
        }
    }

    private void write(Object next) {
        try {
            if (!session.isOpen()) {
                closed();
            } else if (next instanceof String frame) {
                if (!writerChosen) {
                    writer = TextFrameWriter.of(session);
                    writerChosen = true;
                }
                if (writer != null) {
                    if (!writer.sendText(frame)) {
                        closed(); // the client stopped reading: like a full queue below
                        closeQuietly(session, new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too slow"));
                    }
                } else {
                    session.getBasicRemote().sendText(frame);
                }
            } else {
                CloseReason reason = (CloseReason) next;
                if (opening) {
                    earlyClose.accept(reason);
                } else {
                    closeQuietly(session, reason);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the message may name the remote address: log the type only
            LOG.log(Level.FINE, "writing to a signalling session failed: {0}", e.getClass().getName());
            closed();
        }
    }

    static void closeQuietly(Session session, CloseReason reason) {
        try {
            if (session.isOpen()) {
                session.close(reason);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "closing a signalling session failed: {0}", e.getClass().getName());
        }
    }
}
