package de.videotermin.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.videotermin.consultation.ticket.JoinTicket;
import de.videotermin.consultation.ticket.Role;
import de.videotermin.consultation.ticket.TicketSigner;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * What the signalling tests share: signed tickets, connections that are closed after each test, and a
 * room of its own per test with an advisor and (admitted) citizens in it.
 *
 * <p>Needs {@code videotermin.baseUrl} (e.g. http://localhost:18080) and {@code videotermin.ticketSecret}
 * (the secret the server signs with), as system properties or as the environment variables
 * {@code VIDEOTERMIN_BASE_URL} and {@code VIDEOTERMIN_TICKET_SECRET}.
 */
abstract class SignallingRooms {

    static final String SAMPLE_SDP = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

    static String signallingBase;
    static TicketSigner signer;

    private final List<SignallingClient> clients = new ArrayList<>();
    final String room = "it-" + UUID.randomUUID();

    @BeforeAll
    static void configure() {
        String baseUrl = setting("videotermin.baseUrl", "VIDEOTERMIN_BASE_URL");
        String secret = setting("videotermin.ticketSecret", "VIDEOTERMIN_TICKET_SECRET");
        assumeTrue(baseUrl != null && secret != null, "videotermin.baseUrl and videotermin.ticketSecret must be set");
        signallingBase = baseUrl.replaceFirst("^http", "ws").replaceAll("/+$", "") + "/signalling/rooms/";
        signer = new TicketSigner(secret);
    }

    private static String setting(String property, String environment) {
        String value = System.getProperty(property);
        return value == null || value.isBlank() ? System.getenv(environment) : value;
    }

    @AfterEach
    void closeClients() {
        clients.forEach(SignallingClient::close);
    }

    SignallingClient advisorInRoom(String id) throws Exception {
        SignallingClient advisor = open(room, ticket(room, Role.ADVISOR, id));
        advisor.next("welcome");
        advisor.next("lobby");
        return advisor;
    }

    SignallingClient waitingCitizen(SignallingClient advisor, String id) throws Exception {
        SignallingClient citizen = open(room, ticket(room, Role.CITIZEN, id));
        citizen.next("welcome");
        citizen.next("waiting");
        assertThat(ids(advisor.next("lobby"))).contains(id);
        return citizen;
    }

    SignallingClient admittedCitizen(SignallingClient advisor, String id) throws Exception {
        SignallingClient citizen = waitingCitizen(advisor, id);
        admit(advisor, citizen, id);
        return citizen;
    }

    static void admit(SignallingClient advisor, SignallingClient citizen, String id) throws Exception {
        advisor.send("{\"type\":\"admit\",\"participantId\":\"" + id + "\"}");
        citizen.next("admitted");
        citizen.next("peer-joined");
        advisor.next("lobby");
        advisor.next("peer-joined");
    }

    static List<String> ids(JsonObject lobby) {
        return lobby.getJsonArray("waiting").getValuesAs(JsonObject.class).stream()
                .map(w -> w.getString("id")).toList();
    }

    static String offer() {
        return "{\"type\":\"offer\",\"sdp\":\"" + SAMPLE_SDP.replace("\r\n", "\\r\\n") + "\"}";
    }

    static String ticket(String roomId, Role role, String participantId) {
        String name = role == Role.ADVISOR ? "Frau Beispiel" : "citizen";
        return signer.sign(new JoinTicket(roomId, role, participantId, name, Instant.now().plus(Duration.ofMinutes(10))));
    }

    SignallingClient open(String roomId, String ticket) throws Exception {
        return open(URI.create(signallingBase + roomId + "?ticket=" + URLEncoder.encode(ticket, StandardCharsets.UTF_8)));
    }

    SignallingClient open(URI uri) throws Exception {
        SignallingClient client = SignallingClient.connect(uri);
        clients.add(client);
        return client;
    }
}
