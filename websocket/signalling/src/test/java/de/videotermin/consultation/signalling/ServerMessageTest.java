package de.videotermin.consultation.signalling;

import static org.assertj.core.api.Assertions.assertThat;

import de.videotermin.consultation.ticket.Role;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerMessageTest {

    @Test
    void welcomeNamesSelfAndAdmission() {
        var welcome = new ServerMessage.Welcome(new ServerMessage.PeerInfo("a1", Role.ADVISOR, "Frau Berg"), true);
        assertThat(welcome.toJson().toString()).isEqualTo(
                "{\"type\":\"welcome\",\"self\":{\"id\":\"a1\",\"role\":\"ADVISOR\",\"name\":\"Frau Berg\"},\"admitted\":true}");
    }

    @Test
    void lobbyListsWaitingCitizensWithIsoTimestamps() {
        var lobby = new ServerMessage.Lobby(List.of(
                new ServerMessage.WaitingCitizen("c1", de.videotermin.consultation.ticket.Role.CITIZEN, "citizen", Instant.parse("2025-05-01T10:15:30Z"))));
        assertThat(lobby.toJson().toString()).isEqualTo(
                "{\"type\":\"lobby\",\"waiting\":[{\"id\":\"c1\",\"role\":\"CITIZEN\",\"name\":\"citizen\",\"since\":\"2025-05-01T10:15:30Z\"}]}");
    }

    @Test
    void relayedCandidateKeepsAllFieldsAndFrom() {
        var relayed = new ServerMessage.RelayedCandidate("a1", new IceCandidate("candidate:1", "0", 0, null));
        assertThat(relayed.toJson().toString()).isEqualTo("{\"type\":\"candidate\",\"from\":\"a1\",\"candidate\":"
                + "{\"candidate\":\"candidate:1\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0,\"usernameFragment\":null}}");
    }

    @Test
    void endOfCandidatesIsRelayedAsNull() {
        assertThat(new ServerMessage.RelayedCandidate("a1", null).toJson().toString())
                .isEqualTo("{\"type\":\"candidate\",\"from\":\"a1\",\"candidate\":null}");
    }

    @Test
    void relayedOfferCarriesSdpAndSender() {
        assertThat(new ServerMessage.RelayedOffer("a1", "v=0\r\n").toJson().toString())
                .isEqualTo("{\"type\":\"offer\",\"from\":\"a1\",\"sdp\":\"v=0\\r\\n\"}");
    }

    @Test
    void endedAndErrorCarryTheirCodes() {
        assertThat(ServerMessage.Ended.BY_ADVISOR.toJson().toString())
                .isEqualTo("{\"type\":\"ended\",\"reason\":\"ended-by-advisor\"}");
        assertThat(ServerMessage.Error.notAllowed("no").toJson().toString())
                .isEqualTo("{\"type\":\"error\",\"code\":\"not-allowed\",\"message\":\"no\"}");
    }
}
