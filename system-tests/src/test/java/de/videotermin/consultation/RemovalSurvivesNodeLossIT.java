package de.videotermin.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.videotermin.consultation.ticket.Role;
import de.videotermin.system.Cluster;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A participant the advisor removed stays removed when the room's node dies: the room is owned by the Payara
 * Micro signalling node, the advisor removes a guest there, the node is killed, the advisor comes back through
 * the Payara Server (which takes the room over), and the guest's still valid ticket is turned away there too —
 * the removal travelled with the admissions in the data grid. Before, the new owner put the guest in its lobby.
 *
 * <p>Runs against the cluster that {@code ./run test} starts ({@code videotermin.nodeUrl},
 * {@code videotermin.clusterScript}; see docs/scale.md).
 */
class RemovalSurvivesNodeLossIT extends SignallingRooms {

    private static final String NODE_URL = Cluster.NODE_URL;

    @BeforeEach
    void needsTheCluster() {
        assumeTrue(Cluster.isGiven(), "needs the cluster: videotermin.lbUrl, videotermin.nodeUrl, videotermin.clusterScript");
    }

    @AfterEach
    void bringTheNodeBack() throws Exception {
        if (Cluster.isGiven()) { // @AfterEach runs after a failed assumption too
            Cluster.run("start-node", "1");
        }
    }

    @Test
    void aRemovedGuestIsTurnedAwayByTheNodeThatTakesTheRoomOver() throws Exception {
        // the advisor arrives first, on the Micro node: that node owns the room
        SignallingClient advisor = open(on(NODE_URL, ticket(room, Role.ADVISOR, "a1")));
        advisor.next("welcome");
        advisor.next("lobby");
        String guestTicket = ticket(room, Role.GUEST, "guest-1");
        SignallingClient guest = open(on(NODE_URL, guestTicket));
        guest.next("welcome");
        guest.next("waiting");
        assertThat(ids(advisor.next("lobby"))).containsExactly("guest-1");

        advisor.send("{\"type\":\"remove\",\"participantId\":\"guest-1\"}");
        assertThat(guest.next("ended").getString("reason")).isEqualTo("removed-by-advisor");
        assertThat(guest.awaitClose().code()).isEqualTo(1000);

        Cluster.run("kill-node", "1");

        // the advisor comes back through the Payara Server, which takes the room over once the grid has
        // noticed the node is gone (until then it answers 1012 "room moved" and the client tries again)
        SignallingClient advisorAgain = reconnectUntilWelcomed(ticket(room, Role.ADVISOR, "a1"));
        advisorAgain.next("lobby");

        // the guest's ticket is still valid; the new owner knows the removal from the grid
        SignallingClient guestAgain = open(on(signallingBase, guestTicket));
        JsonObject first = guestAgain.next();
        assertThat(first.getString("type")).as("turned away, not let into the lobby: " + first).isEqualTo("ended");
        assertThat(first.getString("reason")).isEqualTo("removed-by-advisor");
        assertThat(guestAgain.awaitClose().code()).isEqualTo(1000);
        advisorAgain.assertReceivedNothingMore();
    }

    private SignallingClient reconnectUntilWelcomed(String ticket) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        List<String> seen = new ArrayList<>();
        while (Instant.now().isBefore(deadline)) {
            SignallingClient client = open(on(signallingBase, ticket));
            java.util.Optional<JsonObject> first = client.nextUnlessClosed();
            if (first.isPresent() && "welcome".equals(first.get().getString("type"))) {
                return client;
            }
            seen.add(first.map(JsonObject::toString).orElse("close " + client.awaitCloseOrBreak()));
            client.close();
            Thread.sleep(1000);
        }
        throw new AssertionError("the Payara Server did not take the room over within 60 s; got " + seen);
    }

    /** The room's address on one node: {@code base} is an http(s) node URL or the ws base of the tests. */
    private URI on(String base, String ticket) {
        String ws = base.startsWith("ws") ? base
                : base.replaceFirst("^http", "ws").replaceAll("/+$", "") + "/signalling/rooms/";
        return URI.create(ws + room + "?ticket=" + URLEncoder.encode(ticket, StandardCharsets.UTF_8));
    }
}
