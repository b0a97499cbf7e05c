package de.videotermin.consultation.signalling;

import static org.assertj.core.api.Assertions.assertThat;

import de.videotermin.consultation.ticket.JoinTicket;
import de.videotermin.consultation.ticket.Role;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionPeerTest {

    /** What a fake session saw: frames written and the close. */
    private final List<String> written = new ArrayList<>();
    private final List<CloseReason> closes = new ArrayList<>();
    private final List<CloseReason> earlyCloses = new ArrayList<>();

    private final Session session = fakeSession();
    private final SessionPeer peer = new SessionPeer(session,
            new JoinTicket("r1", Role.CITIZEN, "c1", "citizen", Instant.now().plusSeconds(60)), earlyCloses::add);

    private Session fakeSession() {
        RemoteEndpoint.Basic remote = (RemoteEndpoint.Basic) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{RemoteEndpoint.Basic.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendText")) {
                        written.add((String) args[0]);
                    }
                    return null;
                });
        return (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isOpen" -> closes.isEmpty();
                    case "getBasicRemote" -> remote;
                    case "close" -> {
                        closes.add((CloseReason) args[0]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void writesNothingUntilFlushedThenAllInOrder() {
        peer.opened();
        peer.send(new ServerMessage.Pong());
        peer.send(new ServerMessage.PeerLeft("a1"));
        assertThat(written).isEmpty();
        peer.flush();
        assertThat(written).containsExactly("{\"type\":\"pong\"}", "{\"type\":\"peer-left\",\"id\":\"a1\"}");
    }

    @Test
    void closesAfterTheFramesQueuedBeforeAndDropsLaterOnes() {
        peer.opened();
        peer.send(ServerMessage.Ended.BY_ADVISOR);
        peer.close(1000, "ended");
        peer.send(new ServerMessage.Pong());
        peer.flush();
        assertThat(written).containsExactly("{\"type\":\"ended\",\"reason\":\"ended-by-advisor\"}");
        assertThat(closes).extracting(c -> c.getCloseCode().getCode()).containsExactly(1000);
    }

    @Test
    void leavesACloseRequestedWhileOpeningToTheEarlyCloser() {
        peer.send(ServerMessage.Ended.BY_ADVISOR);
        peer.close(1000, "ended");
        peer.flush();
        assertThat(written).hasSize(1);
        assertThat(closes).isEmpty();
        assertThat(earlyCloses).extracting(CloseReason::getReasonPhrase).containsExactly("ended");
    }

    @Test
    void closesAClientThatFallsBehindWith1013() {
        peer.opened();
        for (int i = 0; i <= SessionPeer.MAX_QUEUED; i++) {
            peer.send(new ServerMessage.Pong());
        }
        peer.flush();
        assertThat(written).isEmpty();
        assertThat(closes).extracting(c -> c.getCloseCode().getCode()).containsExactly(1013);
    }

    @Test
    void writesNothingAfterTheConnectionClosed() {
        peer.opened();
        peer.send(new ServerMessage.Pong());
        peer.closed();
        peer.flush();
        assertThat(written).isEmpty();
    }
}
