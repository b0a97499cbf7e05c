package de.videotermin.consultation.signalling;

import static org.assertj.core.api.Assertions.assertThat;

import de.videotermin.consultation.journal.ConsentWithdrawn;
import de.videotermin.consultation.ticket.Role;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoomTest {

    private static final Instant T0 = Instant.parse("2025-05-01T10:00:00Z");

    private Room room;
    private Room.Outcome out;
    private FakePeer advisor;
    private FakePeer citizen;

    @BeforeEach
    void setUp() {
        room = new Room("room-1");
        advisor = FakePeer.advisor("a1");
        citizen = FakePeer.citizen("c1");
        out = new Room.Outcome();
    }

    private Room.Outcome step() {
        out = new Room.Outcome();
        return out;
    }

    private void joinBothAndAdmit() {
        room.join(advisor, T0, step());
        room.join(citizen, T0, step());
        room.receive(advisor, new ClientMessage.Admit("c1"), T0, step());
        advisor.forget();
        citizen.forget();
    }

    @Test
    void welcomesAdvisorAsAdmittedWithEmptyLobby() {
        room.join(advisor, T0, step());
        assertThat(advisor.types()).containsExactly("welcome", "lobby");
        assertThat(advisor.last(ServerMessage.Welcome.class).admitted()).isTrue();
        assertThat(advisor.last(ServerMessage.Lobby.class).waiting()).isEmpty();
        assertThat(out.touched()).contains(advisor);
    }

    @Test
    void citizenWaitsAndAdvisorSeesLobby() {
        room.join(advisor, T0, step());
        room.join(citizen, T0.plusSeconds(5), step());
        assertThat(citizen.types()).containsExactly("welcome", "waiting");
        assertThat(citizen.last(ServerMessage.Welcome.class).admitted()).isFalse();
        assertThat(citizen.last(ServerMessage.Waiting.class).advisorPresent()).isTrue();
        assertThat(advisor.last(ServerMessage.Lobby.class).waiting())
                .containsExactly(new ServerMessage.WaitingCitizen("c1", Role.CITIZEN, "citizen", T0.plusSeconds(5)));
        assertThat(out.touched()).contains(advisor, citizen);
        assertThat(out.events()).isEmpty();
    }

    @Test
    void citizenArrivingFirstLearnsWhenTheAdvisorArrives() {
        room.join(citizen, T0, step());
        assertThat(citizen.last(ServerMessage.Waiting.class).advisorPresent()).isFalse();
        citizen.forget();
        room.join(advisor, T0, step());
        assertThat(citizen.types()).containsExactly("waiting");
        assertThat(citizen.last(ServerMessage.Waiting.class).advisorPresent()).isTrue();
        assertThat(advisor.last(ServerMessage.Lobby.class).waiting()).extracting(ServerMessage.WaitingCitizen::id)
                .containsExactly("c1");
    }

    @Test
    void admittingTellsBothSidesAboutEachOtherAndStartsTheCall() {
        room.join(advisor, T0, step());
        room.join(citizen, T0, step());
        advisor.forget();
        citizen.forget();
        room.receive(advisor, new ClientMessage.Admit("c1"), T0.plusSeconds(30), step());
        assertThat(citizen.types()).containsExactly("admitted", "peer-joined");
        assertThat(citizen.last(ServerMessage.PeerJoined.class).peer()).isEqualTo(advisor.info());
        assertThat(advisor.types()).containsExactly("lobby", "peer-joined");
        assertThat(advisor.last(ServerMessage.Lobby.class).waiting()).isEmpty();
        assertThat(advisor.last(ServerMessage.PeerJoined.class).peer()).isEqualTo(citizen.info());
        assertThat(out.events()).containsExactly(new CallEvent.Started(T0.plusSeconds(30)));
    }

    @Test
    void relaysNegotiationWithSenderId() {
        joinBothAndAdmit();
        room.receive(advisor, new ClientMessage.Offer("v=0", null), T0, step());
        room.receive(citizen, new ClientMessage.Answer("v=1", null), T0, step());
        room.receive(advisor, new ClientMessage.Candidate(new IceCandidate("c", "0", 0, null), null), T0, step());
        room.receive(advisor, new ClientMessage.Candidate(null, "c1"), T0, step());
        assertThat(citizen.received).containsExactly(new ServerMessage.RelayedOffer("a1", "v=0"),
                new ServerMessage.RelayedCandidate("a1", new IceCandidate("c", "0", 0, null)),
                new ServerMessage.RelayedCandidate("a1", null));
        assertThat(advisor.received).containsExactly(new ServerMessage.RelayedAnswer("c1", "v=1"));
        assertThat(out.relayed()).isEqualTo(1);
    }

    @Test
    void rejectsAdmitFromCitizen() {
        FakePeer other = FakePeer.citizen("c2");
        room.join(advisor, T0, step());
        room.join(citizen, T0, step());
        room.join(other, T0, step());
        advisor.forget();
        other.forget();
        room.receive(citizen, new ClientMessage.Admit("c2"), T0, step());
        assertThat(citizen.last(ServerMessage.Error.class).code()).isEqualTo("not-allowed");
        assertThat(citizen.closeCode).isEqualTo(1008);
        assertThat(other.received).isEmpty();
        assertThat(advisor.last(ServerMessage.Lobby.class).waiting()).extracting(ServerMessage.WaitingCitizen::id)
                .containsExactly("c2");
        assertThat(room.size()).isEqualTo(2);
    }

    @Test
    void rejectsEndFromAdmittedCitizenAndTellsTheAdvisorItLeft() {
        joinBothAndAdmit();
        room.receive(citizen, new ClientMessage.End(), T0, step());
        assertThat(citizen.types()).containsExactly("error");
        assertThat(citizen.closeCode).isEqualTo(1008);
        assertThat(advisor.received).containsExactly(new ServerMessage.PeerLeft("c1"));
        assertThat(advisor.closeCode).isNull();
        assertThat(out.events()).isEmpty();
    }

    @Test
    void rejectsNegotiationFromCitizenNotYetAdmitted() {
        room.join(advisor, T0, step());
        room.join(citizen, T0, step());
        advisor.forget();
        room.receive(citizen, new ClientMessage.Offer("v=0", null), T0, step());
        assertThat(citizen.last(ServerMessage.Error.class).code()).isEqualTo("not-allowed");
        assertThat(citizen.closeCode).isEqualTo(1008);
        assertThat(advisor.all(ServerMessage.RelayedOffer.class)).isEmpty();
        assertThat(advisor.last(ServerMessage.Lobby.class).waiting()).isEmpty();
    }

    @Test
    void rejectsConnectionReportFromCitizenNotYetAdmitted() {
        room.join(advisor, T0, step());
        room.join(citizen, T0, step());
        room.receive(citizen, new ClientMessage.ConnectionReport(true), T0, step());
        assertThat(citizen.closeCode).isEqualTo(1008);
        assertThat(out.events()).isEmpty();
    }

    @Test
    void ignoresFramesFromAnExpelledConnection() {
        joinBothAndAdmit();
        room.receive(citizen, new ClientMessage.End(), T0, step());
        advisor.forget();
        room.receive(citizen, new ClientMessage.Offer("v=0", null), T0, step());
        assertThat(advisor.received).isEmpty();
    }

    @Test
    void answersNoPeerWhenNobodyCanReceive() {
        room.join(advisor, T0, step());
        advisor.forget();
        room.receive(advisor, new ClientMessage.Offer("v=0", null), T0, step());
        assertThat(advisor.last(ServerMessage.Error.class).code()).isEqualTo("no-peer");
        assertThat(advisor.closeCode).isNull();
    }

    @Test
    void relaysOnlyToTheNamedRecipient() {
        joinBothAndAdmit();
        FakePeer second = FakePeer.citizen("c2");
        room.join(second, T0, step());
        room.receive(advisor, new ClientMessage.Admit("c2"), T0, step());
        citizen.forget();
        second.forget();
        room.receive(advisor, new ClientMessage.Offer("v=0", "c2"), T0, step());
        assertThat(second.received).containsExactly(new ServerMessage.RelayedOffer("a1", "v=0"));
        assertThat(citizen.received).isEmpty();
    }

    @Test
    void refusesToRelayToAWaitingCitizenByName() {
        room.join(advisor, T0, step());
        room.join(citizen, T0, step());
        citizen.forget();
        room.receive(advisor, new ClientMessage.Offer("v=0", "c1"), T0, step());
        assertThat(advisor.last(ServerMessage.Error.class).code()).isEqualTo("no-peer");
        assertThat(citizen.received).isEmpty();
    }

    @Test
    void admittingAnUnknownParticipantIsAnErrorButNotAViolation() {
        room.join(advisor, T0, step());
        room.receive(advisor, new ClientMessage.Admit("nobody"), T0, step());
        assertThat(advisor.last(ServerMessage.Error.class).code()).isEqualTo("no-peer");
        assertThat(advisor.closeCode).isNull();
    }

    @Test
    void answersPingEvenWhileWaiting() {
        room.join(citizen, T0, step());
        citizen.forget();
        room.receive(citizen, new ClientMessage.Ping(), T0, step());
        assertThat(citizen.types()).containsExactly("pong");
    }

    @Test
    void endSendsEndedToEveryoneAndClosesNormally() {
        joinBothAndAdmit();
        FakePeer waiting = FakePeer.citizen("c2");
        room.join(waiting, T0, step());
        waiting.forget();
        room.receive(advisor, new ClientMessage.End(), T0.plusSeconds(60), step());
        for (FakePeer peer : new FakePeer[]{advisor, citizen, waiting}) {
            assertThat(peer.last(ServerMessage.Ended.class).reason()).isEqualTo("ended-by-advisor");
            assertThat(peer.closeCode).isEqualTo(1000);
        }
        assertThat(out.events()).containsExactly(new CallEvent.Ended(T0.plusSeconds(60)));
        assertThat(room.size()).isZero();
        assertThat(room.isDisposable()).isFalse();
    }

    @Test
    void citizenWithdrawingConsentEndsTheCallForEveryone() {
        joinBothAndAdmit();
        room.receive(citizen, new ClientMessage.Withdraw(), T0.plusSeconds(30), step());
        for (FakePeer peer : new FakePeer[]{advisor, citizen}) {
            assertThat(peer.last(ServerMessage.Ended.class).reason()).isEqualTo("consent-withdrawn");
            assertThat(peer.closeCode).isEqualTo(1000);
        }
        assertThat(out.events()).containsExactly(new CallEvent.Ended(T0.plusSeconds(30)));
        assertThat(room.size()).isZero();
    }

    @Test
    void advisorCannotWithdrawTheCitizensConsent() {
        joinBothAndAdmit();
        citizen.forget();
        room.receive(advisor, new ClientMessage.Withdraw(), T0, step());
        assertThat(advisor.closeCode).isEqualTo(1008);
        assertThat(citizen.received).noneMatch(m -> m instanceof ServerMessage.Ended);
    }

    @Test
    void endedRoomTurnsCitizensAwayButAdvisorReopensIt() {
        joinBothAndAdmit();
        room.receive(advisor, new ClientMessage.End(), T0, step());
        FakePeer late = FakePeer.citizen("c1");
        room.join(late, T0, step());
        assertThat(late.types()).containsExactly("ended");
        assertThat(late.closeCode).isEqualTo(1000);
        FakePeer back = FakePeer.advisor("a1");
        room.join(back, T0, step());
        assertThat(back.types()).containsExactly("welcome", "lobby");
        FakePeer again = FakePeer.citizen("c1");
        room.join(again, T0, step());
        assertThat(again.last(ServerMessage.Welcome.class).admitted()).isFalse();
    }

    @Test
    void tombstoneExpires() {
        joinBothAndAdmit();
        room.receive(advisor, new ClientMessage.End(), T0, step());
        assertThat(room.isTombstoneOlderThan(T0.plusSeconds(1))).isTrue();
        assertThat(room.isTombstoneOlderThan(T0)).isFalse();
    }

    @Test
    void leaveTellsTheOtherSideAndEmptyRoomEndsTheCall() {
        joinBothAndAdmit();
        room.leave(citizen, false, T0, step());
        assertThat(advisor.received).containsExactly(new ServerMessage.PeerLeft("c1"));
        assertThat(out.events()).isEmpty();
        room.leave(advisor, false, T0.plusSeconds(9), step());
        assertThat(out.events()).containsExactly(new CallEvent.Ended(T0.plusSeconds(9)));
        assertThat(room.isDisposable()).isTrue();
    }

    @Test
    void emptyRoomWithoutCallRecordsNothing() {
        room.join(citizen, T0, step());
        room.leave(citizen, false, T0, step());
        assertThat(out.events()).isEmpty();
        assertThat(room.isDisposable()).isTrue();
    }

    @Test
    void explicitLeaveClosesNormallyAndForgetsAdmission() {
        joinBothAndAdmit();
        room.receive(citizen, new ClientMessage.Leave(), T0, step());
        assertThat(citizen.closeCode).isEqualTo(1000);
        assertThat(advisor.received).containsExactly(new ServerMessage.PeerLeft("c1"));
        FakePeer back = FakePeer.citizen("c1");
        room.join(back, T0, step());
        assertThat(back.last(ServerMessage.Welcome.class).admitted()).isFalse();
        assertThat(back.types()).containsExactly("welcome", "waiting");
    }

    @Test
    void droppedCitizenComesBackAdmittedAndIsPairedAgain() {
        joinBothAndAdmit();
        room.leave(citizen, false, T0, step());
        advisor.forget();
        FakePeer back = FakePeer.citizen("c1");
        room.join(back, T0, step());
        assertThat(back.types()).containsExactly("welcome", "peer-joined");
        assertThat(back.last(ServerMessage.Welcome.class).admitted()).isTrue();
        assertThat(advisor.received).containsExactly(new ServerMessage.PeerJoined(back.info()));
        assertThat(out.events()).as("the call started already; coming back counts as a reconnect")
                .containsExactly(new CallEvent.Reconnected(T0));
    }

    @Test
    void reloadReplacesTheEarlierConnection() {
        joinBothAndAdmit();
        FakePeer reloaded = FakePeer.citizen("c1");
        room.join(reloaded, T0, step());
        assertThat(citizen.closeCode).isEqualTo(1000);
        assertThat(citizen.closeReason).isEqualTo("replaced");
        assertThat(reloaded.types()).containsExactly("welcome", "peer-joined");
        assertThat(advisor.received).containsExactly(new ServerMessage.PeerJoined(reloaded.info()));
        assertThat(room.size()).isEqualTo(2);

        // the replaced connection's late close and frames change nothing
        advisor.forget();
        room.receive(citizen, new ClientMessage.Offer("v=0", null), T0, step());
        room.leave(citizen, false, T0, step());
        assertThat(advisor.received).isEmpty();
        assertThat(room.size()).isEqualTo(2);
    }

    @Test
    void waitingCitizenReloadStaysInTheLobbyOnce() {
        room.join(advisor, T0, step());
        room.join(citizen, T0, step());
        FakePeer reloaded = FakePeer.citizen("c1");
        room.join(reloaded, T0.plusSeconds(10), step());
        assertThat(advisor.last(ServerMessage.Lobby.class).waiting())
                .containsExactly(new ServerMessage.WaitingCitizen("c1", Role.CITIZEN, "citizen", T0));
    }

    @Test
    void rejectsParticipantIdReusedWithAnotherRole() {
        room.join(advisor, T0, step());
        FakePeer impostor = FakePeer.citizen("a1");
        room.join(impostor, T0, step());
        assertThat(impostor.closeCode).isEqualTo(1008);
        assertThat(advisor.closeCode).isNull();
    }

    @Test
    void advisorLeavingTellsWaitingCitizens() {
        room.join(advisor, T0, step());
        room.join(citizen, T0, step());
        citizen.forget();
        room.leave(advisor, false, T0, step());
        assertThat(citizen.received).containsExactly(new ServerMessage.Waiting(false));
    }

    @Test
    void connectionReportIsRecorded() {
        joinBothAndAdmit();
        room.receive(citizen, new ClientMessage.ConnectionReport(true), T0, step());
        assertThat(out.events()).containsExactly(new CallEvent.Connected(true, null, false, T0));
    }

    @Test
    void expelRemovesAndClosesWithTheGivenCode() {
        joinBothAndAdmit();
        room.expel(citizen, ServerMessage.Error.badMessage("not a JSON object"), 1003, T0, step());
        assertThat(citizen.types()).containsExactly("error");
        assertThat(citizen.closeCode).isEqualTo(1003);
        assertThat(advisor.received).containsExactly(new ServerMessage.PeerLeft("c1"));
    }

    // ------------------------------------------------------------------ a third participant

    private FakePeer guestInTheCall() {
        joinBothAndAdmit();
        FakePeer guest = new FakePeer("guest-1", Role.GUEST, "Interpreter Maria");
        room.join(guest, T0, step());
        room.receive(advisor, new ClientMessage.Admit("guest-1"), T0, step());
        advisor.forget();
        citizen.forget();
        guest.forget();
        return guest;
    }

    @Test
    void guestWaitsInTheLobbyWithRoleAndName() {
        joinBothAndAdmit();
        FakePeer guest = new FakePeer("guest-1", Role.GUEST, "Interpreter Maria");
        room.join(guest, T0.plusSeconds(3), step());
        assertThat(guest.last(ServerMessage.Welcome.class).admitted()).isFalse();
        assertThat(advisor.last(ServerMessage.Lobby.class).waiting())
                .containsExactly(new ServerMessage.WaitingCitizen("guest-1", Role.GUEST, "Interpreter Maria", T0.plusSeconds(3)));
        assertThat(citizen.types()).doesNotContain("peer-joined");
    }

    @Test
    void admittedGuestIsPairedWithEveryoneForAMesh() {
        joinBothAndAdmit();
        FakePeer guest = new FakePeer("guest-1", Role.GUEST, "Interpreter Maria");
        room.join(guest, T0, step());
        advisor.forget();
        room.receive(advisor, new ClientMessage.Admit("guest-1"), T0, step());
        assertThat(guest.all(ServerMessage.PeerJoined.class)).extracting(j -> j.peer().id())
                .containsExactlyInAnyOrder("a1", "c1");
        assertThat(citizen.last(ServerMessage.PeerJoined.class).peer().role()).isEqualTo(Role.GUEST);
        assertThat(advisor.last(ServerMessage.PeerJoined.class).peer().id()).isEqualTo("guest-1");
        assertThat(out.events()).as("the call had started already").isEmpty();
    }

    @Test
    void offersAreRelayedOnlyToTheAddressee() {
        FakePeer guest = guestInTheCall();
        room.receive(guest, new ClientMessage.Offer("v=0", "c1"), T0, step());
        assertThat(citizen.last(ServerMessage.RelayedOffer.class).from()).isEqualTo("guest-1");
        assertThat(advisor.received).isEmpty();
    }

    @Test
    void advisorRemovesGuestWhoCannotComeBack() {
        FakePeer guest = guestInTheCall();
        room.receive(advisor, new ClientMessage.Remove("guest-1"), T0, step());
        assertThat(guest.last(ServerMessage.Ended.class)).isEqualTo(ServerMessage.Ended.REMOVED);
        assertThat(guest.closeCode).isEqualTo(1000);
        assertThat(citizen.last(ServerMessage.PeerLeft.class).id()).isEqualTo("guest-1");
        assertThat(advisor.last(ServerMessage.PeerLeft.class).id()).isEqualTo("guest-1");
        assertThat(out.admissions()).as("the grid's copy: removed, not merely forgotten")
                .containsExactly(java.util.Map.entry("guest-1", Standing.REMOVED));

        FakePeer again = new FakePeer("guest-1", Role.GUEST, "Interpreter Maria");
        advisor.forget();
        room.join(again, T0.plusSeconds(5), step());
        assertThat(again.types()).containsExactly("ended");
        assertThat(again.closeCode).isEqualTo(1000);
        assertThat(advisor.received).as("not even in the lobby").isEmpty();
        assertThat(citizen.closeCode).as("the consultation goes on").isNull();
    }

    @Test
    void aNodeTakingTheRoomOverTurnsAwayWhoTheGridRemembersAsRemoved() {
        // the owner node died after the advisor removed the guest; the room is created anew on another node
        Room takenOver = new Room("room-1");
        takenOver.join(advisor, T0, step());
        advisor.forget();
        FakePeer guest = new FakePeer("guest-1", Role.GUEST, "Interpreter Maria");
        takenOver.join(guest, Standing.REMOVED, T0, step());
        assertThat(guest.types()).containsExactly("ended");
        assertThat(guest.last(ServerMessage.Ended.class)).isEqualTo(ServerMessage.Ended.REMOVED);
        assertThat(guest.closeCode).isEqualTo(1000);
        assertThat(advisor.received).as("not in the new owner's lobby either").isEmpty();

        FakePeer again = new FakePeer("guest-1", Role.GUEST, "Interpreter Maria");
        takenOver.join(again, T0.plusSeconds(3), step());
        assertThat(again.types()).as("remembered by the new owner from then on").containsExactly("ended");
    }

    @Test
    void removingACitizenWhoIsAwayIsRememberedForTheGridToo() {
        joinBothAndAdmit();
        room.leave(citizen, false, T0, step()); // the connection dropped; the admission is kept
        room.receive(advisor, new ClientMessage.Remove("c1"), T0, step());
        assertThat(out.admissions()).containsExactly(java.util.Map.entry("c1", Standing.REMOVED));
        FakePeer back = FakePeer.citizen("c1");
        room.join(back, T0.plusSeconds(2), step());
        assertThat(back.types()).containsExactly("ended");
    }

    @Test
    void onlyTheAdvisorRemovesAndNeverAnAdvisor() {
        FakePeer guest = guestInTheCall();
        room.receive(advisor, new ClientMessage.Remove("a1"), T0, step());
        assertThat(advisor.last(ServerMessage.Error.class).code()).isEqualTo("not-allowed");
        room.receive(citizen, new ClientMessage.Remove("guest-1"), T0, step());
        assertThat(citizen.closeCode).isEqualTo(1008);
        assertThat(guest.closeCode).isNull();
    }

    @Test
    void guestWithdrawingLeavesAloneWhileCitizenWithdrawingEndsTheCall() {
        FakePeer guest = guestInTheCall();
        room.receive(guest, new ClientMessage.Withdraw(), T0, step());
        assertOnlyTheGuestLeft(guest);
    }

    @Test
    void citizensWithdrawalFromTheLedgerEndsTheCallAsIfMadeInTheRoom() {
        joinBothAndAdmit();
        room.consentWithdrawn(ConsentWithdrawn.CITIZEN, T0.plusSeconds(30), step());
        for (FakePeer peer : new FakePeer[]{advisor, citizen}) {
            assertThat(peer.last(ServerMessage.Ended.class)).isEqualTo(ServerMessage.Ended.CONSENT_WITHDRAWN);
            assertThat(peer.closeCode).isEqualTo(1000);
        }
        assertThat(out.events()).containsExactly(new CallEvent.Ended(T0.plusSeconds(30)));
        assertThat(room.size()).isZero();
    }

    @Test
    void anAdvisorWaitingForTheCitizenIsToldOfTheWithdrawal() {
        room.join(advisor, T0, step());
        room.consentWithdrawn(ConsentWithdrawn.CITIZEN, T0, step());
        assertThat(advisor.last(ServerMessage.Ended.class)).isEqualTo(ServerMessage.Ended.CONSENT_WITHDRAWN);
        assertThat(advisor.closeCode).isEqualTo(1000);
    }

    @Test
    void aGuestsWithdrawalFromTheLedgerTakesOnlyTheGuestOut() {
        FakePeer guest = guestInTheCall();
        room.consentWithdrawn("guest-1", T0, step());
        assertOnlyTheGuestLeft(guest);
    }

    /** A guest's withdrawal: the guest is told and closed, the others stay and see them leave, the call goes on. */
    private void assertOnlyTheGuestLeft(FakePeer guest) {
        assertThat(guest.last(ServerMessage.Ended.class)).isEqualTo(ServerMessage.Ended.CONSENT_WITHDRAWN);
        assertThat(guest.closeCode).isEqualTo(1000);
        assertThat(citizen.closeCode).isNull();
        assertThat(advisor.closeCode).isNull();
        assertThat(citizen.last(ServerMessage.PeerLeft.class).id()).isEqualTo("guest-1");
        assertThat(out.events()).isEmpty();
    }

    @Test
    void aWithdrawalForSomeoneNotInTheRoomOrForStaffChangesNothing() {
        joinBothAndAdmit();
        advisor.forget();
        citizen.forget();
        room.consentWithdrawn("guest-9", T0, step());
        room.consentWithdrawn("a1", T0, step()); // staff have no consent to withdraw
        assertThat(advisor.received).isEmpty();
        assertThat(citizen.received).isEmpty();
        assertThat(advisor.closeCode).isNull();
        assertThat(room.size()).isEqualTo(2);
    }

    @Test
    void qualityChangesAndReconnectsGoToTheCallRecord() {
        joinBothAndAdmit();
        room.receive(citizen, new ClientMessage.QualityReport("low"), T0, step());
        assertThat(out.events()).containsExactly(new CallEvent.QualityChanged("low", T0));
        room.leave(citizen, false, T0, step());
        FakePeer back = FakePeer.citizen("c1");
        room.join(back, T0.plusSeconds(4), step());
        assertThat(back.last(ServerMessage.Welcome.class).admitted()).isTrue();
        assertThat(out.events()).containsExactly(new CallEvent.Reconnected(T0.plusSeconds(4)));
        room.receive(back, new ClientMessage.ConnectionReport(false, 420, true), T0, step());
        assertThat(out.events()).containsExactly(new CallEvent.Connected(false, 420, true, T0));
    }

    @Test
    void firstJoinIsNoReconnect() {
        room.join(advisor, T0, step());
        room.join(citizen, T0, step());
        room.receive(advisor, new ClientMessage.Admit("c1"), T0, step());
        assertThat(out.events()).containsExactly(new CallEvent.Started(T0));
    }
}
