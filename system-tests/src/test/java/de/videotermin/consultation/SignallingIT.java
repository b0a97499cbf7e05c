package de.videotermin.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import de.videotermin.consultation.SignallingClient.Closing;
import de.videotermin.consultation.ticket.JoinTicket;
import de.videotermin.consultation.ticket.Role;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The signalling endpoint of the running product, from outside: join tickets, role checks, frame
 * limits and the happy path of a consultation, as docs/signalling-protocol.md describes them.
 * Every test uses its own room (see {@link SignallingRooms} for what it needs).
 */
class SignallingIT extends SignallingRooms {

    // --- join tickets ---------------------------------------------------------------------------

    @Test
    void rejectsConnectionWithoutTicket() throws Exception {
        SignallingClient advisor = advisorInRoom("a1");
        SignallingClient intruder = open(URI.create(signallingBase + room));
        assertThat(intruder.awaitClose().code()).isEqualTo(1008);
        advisor.assertReceivedNothingMore();
    }

    @Test
    void rejectsExpiredTicket() throws Exception {
        SignallingClient advisor = advisorInRoom("a1");
        String expired = signer.sign(new JoinTicket(room, Role.CITIZEN, "c1", "citizen",
                Instant.now().minusSeconds(1)));
        SignallingClient late = open(room, expired);
        assertThat(late.awaitClose().code()).isEqualTo(1008);
        advisor.assertReceivedNothingMore();
    }

    @Test
    void rejectsTamperedTicket() throws Exception {
        SignallingClient advisor = advisorInRoom("a1");
        String citizenTicket = ticket(room, Role.CITIZEN, "c1");
        // swap the role in the signed claims: the signature no longer matches
        String[] parts = citizenTicket.split("\\.");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)
                .replace("\nCITIZEN\n", "\nADVISOR\n");
        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[1];
        SignallingClient forger = open(room, forged);
        assertThat(forger.awaitClose().code()).isEqualTo(1008);
        advisor.assertReceivedNothingMore();
    }

    @Test
    void rejectsTicketForAnotherRoom() throws Exception {
        SignallingClient advisor = advisorInRoom("a1");
        SignallingClient stranger = open(room, ticket("other-" + UUID.randomUUID(), Role.CITIZEN, "c1"));
        assertThat(stranger.awaitClose().code()).isEqualTo(1008);
        advisor.assertReceivedNothingMore();
    }

    // --- role checks ----------------------------------------------------------------------------

    @Test
    void rejectsAdmitFromCitizen() throws Exception {
        SignallingClient advisor = advisorInRoom("a1");
        SignallingClient victim = waitingCitizen(advisor, "c1");
        SignallingClient other = waitingCitizen(advisor, "c2");
        other.send("{\"type\":\"admit\",\"participantId\":\"c1\"}");
        assertThat(other.next("error").getString("code")).isEqualTo("not-allowed");
        assertThat(other.awaitClose().code()).isEqualTo(1008);
        victim.assertReceivedNothingMore();
        // the advisor only sees the offender disappear from the waiting room
        assertThat(ids(advisor.next("lobby"))).containsExactly("c1");
        advisor.assertReceivedNothingMore();
    }

    @Test
    void rejectsEndFromCitizen() throws Exception {
        SignallingClient advisor = advisorInRoom("a1");
        SignallingClient citizen = admittedCitizen(advisor, "c1");
        citizen.send("{\"type\":\"end\"}");
        assertThat(citizen.next("error").getString("code")).isEqualTo("not-allowed");
        assertThat(citizen.awaitClose().code()).isEqualTo(1008);
        // the consultation is not over: the advisor only learns that the citizen's connection is gone
        assertThat(advisor.next("peer-left").getString("id")).isEqualTo("c1");
        advisor.assertReceivedNothingMore();
        assertThat(advisor.isOpen()).isTrue();
    }

    @Test
    void rejectsOfferFromCitizenNotYetAdmitted() throws Exception {
        SignallingClient advisor = advisorInRoom("a1");
        SignallingClient citizen = waitingCitizen(advisor, "c1");
        citizen.send(offer());
        assertThat(citizen.next("error").getString("code")).isEqualTo("not-allowed");
        assertThat(citizen.awaitClose().code()).isEqualTo(1008);
        assertThat(ids(advisor.next("lobby"))).isEmpty();
        advisor.assertReceivedNothingMore();
    }

    // --- bad frames -----------------------------------------------------------------------------

    @Test
    void answersInvalidMessagesWithErrorAndKeepsTheConnection() throws Exception {
        SignallingClient advisor = advisorInRoom("a1");
        SignallingClient citizen = admittedCitizen(advisor, "c1");
        advisor.send("{\"type\":\"offer\"}");
        assertThat(advisor.next("error").getString("code")).isEqualTo("bad-message");
        advisor.send("{\"type\":\"teleport\"}");
        assertThat(advisor.next("error").getString("code")).isEqualTo("unknown-type");
        advisor.send("{\"sdp\":\"v=0\"}");
        assertThat(advisor.next("error").getString("code")).isEqualTo("bad-message");
        citizen.assertReceivedNothingMore();

        advisor.send(offer());
        assertThat(citizen.next("offer").getString("from")).isEqualTo("a1");
        advisor.assertReceivedNothingMore();
    }

    @Test
    void closesWith1003OnTextThatIsNotJsonAndTheOtherSideStaysUsable() throws Exception {
        SignallingClient advisor = advisorInRoom("a1");
        SignallingClient citizen = admittedCitizen(advisor, "c1");
        citizen.send("this is { not json");
        assertThat(citizen.next("error").getString("code")).isEqualTo("bad-message");
        assertThat(citizen.awaitClose().code()).isEqualTo(1003);
        assertThat(advisor.next("peer-left").getString("id")).isEqualTo("c1");
        advisor.assertReceivedNothingMore();

        // the advisor can go on: a new connection of the citizen waits, is admitted, gets the offer
        SignallingClient back = waitingCitizen(advisor, "c1");
        admit(advisor, back, "c1");
        advisor.send(offer());
        assertThat(back.next("offer").getString("sdp")).isEqualTo(SAMPLE_SDP);
    }

    @Test
    void closesWith1003OnBinaryFrame() throws Exception {
        SignallingClient advisor = advisorInRoom("a1");
        advisor.sendBinary(new byte[]{1, 2, 3});
        assertThat(advisor.next("error").getString("code")).isEqualTo("bad-message");
        assertThat(advisor.awaitClose().code()).isEqualTo(1003);
    }

    @Test
    void closesWith1009OnOversizedFrame() throws Exception {
        SignallingClient advisor = advisorInRoom("a1");
        SignallingClient citizen = admittedCitizen(advisor, "c1");
        String huge = "{\"type\":\"offer\",\"sdp\":\"" + "a".repeat(65 * 1024) + "\"}";
        advisor.send(huge);
        assertThat(advisor.awaitClose().code()).isEqualTo(1009);
        assertThat(citizen.next("peer-left").getString("id")).isEqualTo("a1");
        citizen.assertReceivedNothingMore();
    }

    @Test
    void closesWith1009OnOversizedBinaryFrame() throws Exception {
        SignallingClient advisor = advisorInRoom("a1");
        advisor.sendBinary(new byte[65 * 1024]);
        assertThat(advisor.awaitClose().code()).isEqualTo(1009);
    }

    @Test
    void acceptsFrameJustBelowTheLimit() throws Exception {
        SignallingClient advisor = advisorInRoom("a1");
        SignallingClient citizen = admittedCitizen(advisor, "c1");
        String sdp = "a".repeat(60 * 1024);
        advisor.send("{\"type\":\"offer\",\"sdp\":\"" + sdp + "\"}");
        assertThat(citizen.next("offer").getString("sdp")).hasSize(sdp.length());
    }

    // --- the consultation -----------------------------------------------------------------------

    @Test
    void runsAConsultationFromWaitingRoomToEnd() throws Exception {
        SignallingClient advisor = open(room, ticket(room, Role.ADVISOR, "a1"));
        JsonObject welcome = advisor.next("welcome");
        assertThat(welcome.getBoolean("admitted")).isTrue();
        assertThat(welcome.getJsonObject("self").getString("role")).isEqualTo("ADVISOR");
        assertThat(ids(advisor.next("lobby"))).isEmpty();

        SignallingClient citizen = open(room, ticket(room, Role.CITIZEN, "c1"));
        assertThat(citizen.next("welcome").getBoolean("admitted")).isFalse();
        assertThat(citizen.next("waiting").getBoolean("advisorPresent")).isTrue();
        JsonObject lobby = advisor.next("lobby");
        assertThat(ids(lobby)).containsExactly("c1");
        assertThat(Instant.parse(lobby.getJsonArray("waiting").getJsonObject(0).getString("since")))
                .isBefore(Instant.now().plusSeconds(1));

        advisor.send("{\"type\":\"admit\",\"participantId\":\"c1\"}");
        citizen.next("admitted");
        assertThat(citizen.next("peer-joined").getJsonObject("peer").getString("id")).isEqualTo("a1");
        assertThat(ids(advisor.next("lobby"))).isEmpty();
        assertThat(advisor.next("peer-joined").getJsonObject("peer").getString("role")).isEqualTo("CITIZEN");

        advisor.send(offer());
        JsonObject relayedOffer = citizen.next("offer");
        assertThat(relayedOffer.getString("from")).isEqualTo("a1");
        assertThat(relayedOffer.getString("sdp")).isEqualTo(SAMPLE_SDP);

        citizen.send("{\"type\":\"answer\",\"sdp\":\"v=0\\r\\n\"}");
        JsonObject answer = advisor.next("answer");
        assertThat(answer.getString("from")).isEqualTo("c1");
        assertThat(answer.getString("sdp")).isEqualTo("v=0\r\n");

        advisor.send("{\"type\":\"candidate\",\"candidate\":{\"candidate\":\"candidate:1 1 udp 2122260223 "
                + "192.0.2.10 54400 typ host\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0,\"usernameFragment\":\"uf\"}}");
        JsonObject candidate = citizen.next("candidate");
        assertThat(candidate.getString("from")).isEqualTo("a1");
        assertThat(candidate.getJsonObject("candidate").getString("sdpMid")).isEqualTo("0");
        assertThat(candidate.getJsonObject("candidate").getInt("sdpMLineIndex")).isZero();
        citizen.send("{\"type\":\"candidate\",\"candidate\":null}");
        assertThat(advisor.next("candidate").isNull("candidate")).isTrue();

        citizen.send("{\"type\":\"connection\",\"relayed\":false}");
        advisor.assertReceivedNothingMore();
        citizen.assertReceivedNothingMore();

        advisor.send("{\"type\":\"end\"}");
        assertThat(advisor.next("ended").getString("reason")).isEqualTo("ended-by-advisor");
        assertThat(citizen.next("ended").getString("reason")).isEqualTo("ended-by-advisor");
        assertThat(advisor.awaitClose().code()).isEqualTo(1000);
        assertThat(citizen.awaitClose().code()).isEqualTo(1000);

        // the room stays closed to the citizen's (still valid) ticket
        SignallingClient again = open(room, ticket(room, Role.CITIZEN, "c1"));
        again.next("ended");
        assertThat(again.awaitClose().code()).isEqualTo(1000);
    }

    @Test
    void reloadReplacesTheEarlierConnection() throws Exception {
        SignallingClient advisor = advisorInRoom("a1");
        SignallingClient first = admittedCitizen(advisor, "c1");
        SignallingClient reloaded = open(room, ticket(room, Role.CITIZEN, "c1"));
        Closing closing = first.awaitClose();
        assertThat(closing.code()).isEqualTo(1000);
        assertThat(closing.reason()).isEqualTo("replaced");
        assertThat(reloaded.next("welcome").getBoolean("admitted")).isTrue();
        reloaded.next("peer-joined");
        assertThat(advisor.next("peer-joined").getJsonObject("peer").getString("id")).isEqualTo("c1");
        advisor.send(offer());
        reloaded.next("offer");
        advisor.assertReceivedNothingMore();
    }

    @Test
    void leaveTellsTheOtherSide() throws Exception {
        SignallingClient advisor = advisorInRoom("a1");
        SignallingClient citizen = admittedCitizen(advisor, "c1");
        citizen.send("{\"type\":\"leave\"}");
        assertThat(citizen.awaitClose().code()).isEqualTo(1000);
        assertThat(advisor.next("peer-left").getString("id")).isEqualTo("c1");
        advisor.send(offer());
        assertThat(advisor.next("error").getString("code")).isEqualTo("no-peer");
    }
}
