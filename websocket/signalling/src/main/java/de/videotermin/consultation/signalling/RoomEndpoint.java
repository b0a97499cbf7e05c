package de.videotermin.consultation.signalling;

import de.videotermin.consultation.ticket.InvalidTicketException;
import de.videotermin.consultation.ticket.JoinTicket;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /signalling/rooms/{roomId}?ticket=...}: one instance per connection. Checks the join ticket
 * before anything else, decodes frames and hands them to {@link Rooms}. See docs/signalling-protocol.md.
 */
@ServerEndpoint("/rooms/{roomId}")
public class RoomEndpoint {

    private static final Logger LOG = Logger.getLogger(RoomEndpoint.class.getName());

    /** Largest accepted frame; an SDP offer with several m-lines is well below 16 KiB. */
    static final int MAX_FRAME_BYTES = 64 * 1024;

    /** How long a closing connection may take to answer the ping of {@link #closeAfterHandshake}. */
    static final Duration PONG_TIMEOUT = Duration.ofSeconds(5);

    static final int CANNOT_ACCEPT = CloseReason.CloseCodes.CANNOT_ACCEPT.getCode();

    @Inject
    JoinTickets tickets;

    @Inject
    Rooms rooms;

    @Inject
    SignallingMetrics metrics;

    @Inject
    CloseScheduler closeScheduler;

    @Inject
    IdleConnections idle;

    private String roomId;
    private SessionPeer peer;
    /** When the client last got a ticket (System.nanoTime), see {@link #renewTicketIfDue()}. */
    private long ticketIssuedAt;
    private volatile CloseReason closeOnPong;

    @OnOpen
    public void open(Session session, @PathParam("roomId") String roomId) {
        session.setMaxIdleTimeout(0); // IdleConnections closes silent connections, far cheaper (see there)
        List<String> values = session.getRequestParameterMap().get("ticket");
        if (values == null || values.size() != 1 || values.get(0).isEmpty()) {
            reject(session, "ticket missing");
            return;
        }
        JoinTicket ticket;
        try {
            ticket = tickets.verify(values.get(0), roomId);
        } catch (InvalidTicketException e) {
            reject(session, "ticket " + e.reason().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            return;
        }
        this.roomId = roomId;
        this.peer = new SessionPeer(session, ticket, values.get(0), reason -> closeAfterHandshake(session, reason));
        ticketIssuedAt = System.nanoTime();
        idle.opened(peer);
        rooms.join(roomId, peer);
        peer.opened();
    }

    @OnMessage(maxMessageSize = MAX_FRAME_BYTES)
    public void text(String frame) {
        if (peer == null) {
            return; // rejected at open; the close is on its way and nothing is relayed from it
        }
        peer.heard();
        rooms.frame(roomId, peer, frame);
        renewTicketIfDue();
    }

    /**
     * Join tickets live only minutes, but a browser may have to reconnect much later (its node died, the
     * network changed). Once half the validity has passed, the next frame from the client (it pings every
     * 25 s) is followed by a {@code ticket} frame with a fresh ticket, which the client uses when it reconnects.
     */
    private void renewTicketIfDue() {
        SessionPeer current = peer;
        long halfValidity = java.util.concurrent.TimeUnit.SECONDS.toNanos(tickets.validitySeconds()) / 2;
        if (current != null && System.nanoTime() - ticketIssuedAt > halfValidity) {
            ticketIssuedAt = System.nanoTime();
            current.send(new ServerMessage.Ticket(tickets.renew(current.ticket())));
            current.flush();
        }
    }

    @OnMessage(maxMessageSize = MAX_FRAME_BYTES)
    public void binary(ByteBuffer frame) {
        if (peer != null) {
            rooms.binary(roomId, peer);
        }
    }

    /** The answer to the ping of {@link #closeAfterHandshake}: the handshake is complete, so close now. */
    @OnMessage
    public void pong(PongMessage pong, Session session) {
        CloseReason reason = closeOnPong;
        if (reason != null) {
            closeOnPong = null;
            SessionPeer.closeQuietly(session, reason);
        }
    }

    @OnClose
    public void close(CloseReason reason) {
        if (peer != null) {
            idle.closed(peer);
            peer.closed();
            rooms.closed(roomId, peer);
            peer = null;
        }
    }

    @OnError
    public void error(Throwable failure) {
        // never log the message or stack trace here: transport errors can name the remote address
        LOG.log(Level.FINE, "signalling connection error: {0}", failure.getClass().getName());
    }

    /**
     * Closes a connection that must end while it is still opening (a rejected ticket, a citizen joining
     * an ended room) — but only once the handshake is really over.
     *
     * <p>Why: on Payara 6 (Tyrus 2.1.5 in Catalina/Grizzly) {@code @OnOpen} runs inside the servlet
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
        closeScheduler.schedule(() -> SessionPeer.closeQuietly(session, reason), PONG_TIMEOUT);
    }

    private void reject(Session session, String reason) {
        metrics.rejectedJoin();
        LOG.log(Level.INFO, "join rejected: {0}", reason);
        closeAfterHandshake(session, new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, reason));
    }
}
