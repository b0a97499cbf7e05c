package de.videotermin.consultation.signalling;

import de.videotermin.consultation.ticket.InvalidTicketException;
import de.videotermin.consultation.ticket.JoinTicket;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /signalling/rooms/{roomId}?ticket=...}: one instance per connection, a plain object registered by
 * {@link SignallingEndpoints} (no CDI per connection). Checks the join ticket before anything else, applies
 * the flood limit ({@link FloodGuard}), and hands frames to {@link Rooms}. See docs/signalling-protocol.md.
 */
public class RoomEndpoint extends Endpoint {

    private static final Logger LOG = Logger.getLogger(RoomEndpoint.class.getName());

    /** Largest accepted frame; an SDP offer with several m-lines is well below 16 KiB. */
    static final int MAX_FRAME_BYTES = 64 * 1024;

    /** How long a closing connection may take to answer the ping of {@link #closeAfterHandshake}. */
    static final Duration PONG_TIMEOUT = Duration.ofSeconds(5);

    static final int CANNOT_ACCEPT = CloseReason.CloseCodes.CANNOT_ACCEPT.getCode();
    static final int TOO_BIG = CloseReason.CloseCodes.TOO_BIG.getCode();

    /** What the endpoints use, resolved once (see {@link SignallingServices}). */
    record Services(JoinTickets tickets, Rooms rooms, SignallingMetrics metrics, CloseScheduler closeScheduler,
                    IdleConnections idle, FloodLimits floodLimits) {
    }

    private final Services services;
    private String roomId;
    private SessionPeer peer;
    private FloodGuard flood;
    /** Set once the connection is being closed for a violation (flooding, too big): later frames are ignored. */
    private boolean ignoring;
    /** When the client last got a ticket (System.nanoTime), see {@link #renewTicketIfDue()}. */
    private long ticketIssuedAt;
    private volatile CloseReason closeOnPong;

    RoomEndpoint(Services services) {
        this.services = services;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        // Tyrus's own idle timer is left out (see IdleTimerExecutor); IdleConnections closes silent connections
        session.addMessageHandler(String.class, this::text);
        session.addMessageHandler(ByteBuffer.class, this::binary);
        session.addMessageHandler(PongMessage.class, pong -> pong(session));
        String roomId = session.getPathParameters().get("roomId");
        List<String> values = session.getRequestParameterMap().get("ticket");
        if (values == null || values.size() != 1 || values.get(0).isEmpty()) {
            reject(session, "ticket missing");
            return;
        }
        JoinTicket ticket;
        try {
            ticket = services.tickets().verify(values.get(0), roomId);
        } catch (InvalidTicketException e) {
            reject(session, "ticket " + e.reason().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            return;
        }
        this.roomId = roomId;
        this.peer = new SessionPeer(session, ticket, values.get(0), reason -> closeAfterHandshake(session, reason));
        ticketIssuedAt = System.nanoTime();
        flood = services.floodLimits().guard(ticketIssuedAt);
        services.idle().opened(peer);
        services.rooms().join(roomId, peer);
        peer.opened();
    }

    void text(String frame) {
        SessionPeer current = peer;
        if (current == null || ignoring) {
            return; // rejected at open or closing for a violation: the close is on its way
        }
        current.heard();
        if (frame.length() > MAX_FRAME_BYTES / 3 && utf8Length(frame) > MAX_FRAME_BYTES) {
            tooBig(current);
            return;
        }
        if (!withinFloodLimit(current)) {
            return;
        }
        services.rooms().frame(roomId, current, frame);
        renewTicketIfDue();
    }

    void binary(ByteBuffer frame) {
        SessionPeer current = peer;
        if (current == null || ignoring) {
            return;
        }
        if (frame.remaining() > MAX_FRAME_BYTES) {
            tooBig(current);
        } else if (withinFloodLimit(current)) {
            services.rooms().binary(roomId, current);
        }
    }

    /**
     * Applies the flood limit; false if the frame must not be handled. The warning goes straight to this
     * connection; the close goes through the room, like any other violation (the others see the participant
     * leave, it loses its admission).
     */
    private boolean withinFloodLimit(SessionPeer current) {
        switch (flood.frame(System.nanoTime())) {
            case PASS:
                return true;
            case WARN:
                services.metrics().rateLimited();
                current.send(FloodGuard.RATE_LIMITED);
                current.flush();
                return false;
            case DROP:
                services.metrics().rateLimited();
                return false;
            default:
                services.metrics().rateLimited();
                services.metrics().floodClosed();
                LOG.log(Level.INFO, "signalling connection closed for flooding");
                ignoring = true; // onClose still tells the room the connection is gone
                services.rooms().flooded(roomId, current);
                return false;
        }
    }

    private void tooBig(SessionPeer current) {
        ignoring = true;
        current.close(TOO_BIG, "too big");
        current.flush();
    }

    /**
     * Join tickets live only minutes, but a browser may have to reconnect much later (its node died, the
     * network changed). Once half the validity has passed, the next frame from the client (it pings every
     * 25 s) is followed by a {@code ticket} frame with a fresh ticket, which the client uses when it reconnects.
     */
    private void renewTicketIfDue() {
        SessionPeer current = peer;
        long halfValidity = TimeUnit.SECONDS.toNanos(services.tickets().validitySeconds()) / 2;
        if (current != null && System.nanoTime() - ticketIssuedAt > halfValidity) {
            ticketIssuedAt = System.nanoTime();
            current.send(new ServerMessage.Ticket(services.tickets().renew(current.ticket())));
            current.flush();
        }
    }

    /** The answer to the ping of {@link #closeAfterHandshake}: the handshake is complete, so close now. */
    private void pong(Session session) {
        CloseReason reason = closeOnPong;
        if (reason != null) {
            closeOnPong = null;
            SessionPeer.closeQuietly(session, reason);
        }
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        SessionPeer current = peer;
        if (current != null) {
            peer = null;
            services.idle().closed(current);
            current.closed();
            services.rooms().closed(roomId, current);
        }
    }

    @Override
    public void onError(Session session, Throwable failure) {
        // never log the message or stack trace here: transport errors can name the remote address
        LOG.log(Level.FINE, "signalling connection error: {0}", failure.getClass().getName());
    }

    /**
     * Closes a connection that must end while it is still opening (a rejected ticket, a citizen joining
     * an ended room) — but only once the handshake is really over.
     *
     * <p>Why: on Payara 6 (Tyrus 2.1.5 in Catalina/Grizzly) {@code onOpen} runs inside the servlet
     * pipeline before the 101 response is written. Closing there (or a few milliseconds later from
     * another thread) sent the close frame before the status line, logged NPEs from Tyrus, Catalina and
     * Grizzly at SEVERE, and after a few dozen rejected tickets left a later handshake hanging. So the
     * endpoint sends a ping, which the container writes after the 101, and closes when the browser's
     * automatic pong arrives; a client that never answers is closed by a fallback timer.
     */
    private void closeAfterHandshake(Session session, CloseReason reason) {
        closeOnPong = reason;
        try {
            session.getBasicRemote().sendPing(ByteBuffer.allocate(0));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "ping before close failed: {0}", e.getClass().getName());
        }
        services.closeScheduler().schedule(() -> SessionPeer.closeQuietly(session, reason), PONG_TIMEOUT);
    }

    private void reject(Session session, String reason) {
        services.metrics().rejectedJoin();
        LOG.log(Level.INFO, "join rejected: {0}", reason);
        closeAfterHandshake(session, new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, reason));
    }

    /** UTF-8 length of a string, as the frame had on the wire. */
    static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
