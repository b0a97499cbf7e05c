package de.videotermin.consultation.signalling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import de.videotermin.consultation.journal.CallJournal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RoomsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-01T10:00:00Z"), ZoneOffset.UTC);

    private final List<String> journal = new ArrayList<>();

    private final CallJournal recordingJournal = new CallJournal() {
        @Override
        public void callStarted(String roomId, Instant at) {
            journal.add("started " + roomId);
        }

        @Override
        public void connectionEstablished(String roomId, boolean relayed, Instant at) {
            journal.add("connected " + roomId + (relayed ? " relayed" : " direct"));
        }

        @Override
        public void callEnded(String roomId, Instant at) {
            journal.add("ended " + roomId);
        }
    };

    private Rooms rooms(Optional<CallJournal> callJournal) {
        return new Rooms(new CallRecorder(() -> callJournal), new SignallingMetrics(), CLOCK);
    }

    @Test
    void journalsStartConnectionAndEndOfACall() {
        Rooms rooms = rooms(Optional.of(recordingJournal));
        FakePeer advisor = FakePeer.advisor("a1");
        FakePeer citizen = FakePeer.citizen("c1");
        rooms.join("r1", advisor);
        rooms.join("r1", citizen);
        rooms.receive("r1", advisor, new ClientMessage.Admit("c1"));
        rooms.receive("r1", citizen, new ClientMessage.ConnectionReport(false));
        rooms.receive("r1", advisor, new ClientMessage.End());
        assertThat(journal).containsExactly("started r1", "connected r1 direct", "ended r1");
    }

    @Test
    void flushesEveryPeerItQueuedFor() {
        Rooms rooms = rooms(Optional.empty());
        FakePeer advisor = FakePeer.advisor("a1");
        FakePeer citizen = FakePeer.citizen("c1");
        rooms.join("r1", advisor);
        int before = advisor.flushes;
        rooms.join("r1", citizen);
        assertThat(advisor.flushes).isGreaterThan(before);
        assertThat(citizen.flushes).isPositive();
    }

    @Test
    void removesTheRoomWhenTheLastConnectionCloses() {
        Rooms rooms = rooms(Optional.of(recordingJournal));
        FakePeer advisor = FakePeer.advisor("a1");
        FakePeer citizen = FakePeer.citizen("c1");
        rooms.join("r1", advisor);
        rooms.join("r1", citizen);
        rooms.receive("r1", advisor, new ClientMessage.Admit("c1"));
        assertThat(rooms.roomCount()).isEqualTo(1);
        assertThat(rooms.connectionCount()).isEqualTo(2);
        rooms.closed("r1", citizen);
        rooms.closed("r1", advisor);
        assertThat(rooms.roomCount()).isZero();
        assertThat(rooms.connectionCount()).isZero();
        assertThat(journal).containsExactly("started r1", "ended r1");
    }

    /** An advisor alone in the room ends the call and leaves: the room stays as a tombstone. */
    private static void endCall(Rooms rooms, String roomId, String advisorId) {
        FakePeer advisor = FakePeer.advisor(advisorId);
        rooms.join(roomId, advisor);
        rooms.receive(roomId, advisor, new ClientMessage.End());
        rooms.closed(roomId, advisor);
    }

    @Test
    void keepsEndedRoomAsTombstoneUntilItExpires() {
        Rooms rooms = rooms(Optional.empty());
        endCall(rooms, "r1", "a1");
        assertThat(rooms.roomCount()).isEqualTo(1);
        rooms.clock = Clock.offset(CLOCK, Rooms.TOMBSTONE_TTL.plusSeconds(1));
        rooms.sweepTombstones();
        assertThat(rooms.roomCount()).isZero();
    }

    @Test
    void aCallEndingLaterSweepsOldTombstones() {
        Rooms rooms = rooms(Optional.empty());
        endCall(rooms, "r1", "a1");

        rooms.clock = Clock.offset(CLOCK, Rooms.TOMBSTONE_TTL.plusSeconds(1));
        endCall(rooms, "r2", "a2");
        assertThat(rooms.roomCount()).as("r1's tombstone swept when r2 ended; r2's kept").isEqualTo(1);

        rooms.clock = Clock.offset(CLOCK, Rooms.TOMBSTONE_TTL.multipliedBy(3));
        endCall(rooms, "r3", "a3");
        assertThat(rooms.roomCount()).as("r2 swept when r3 ended, r3 kept").isEqualTo(1);
    }

    @Test
    void toleratesMissingJournal() {
        Rooms rooms = rooms(Optional.empty());
        FakePeer advisor = FakePeer.advisor("a1");
        rooms.join("r1", advisor);
        assertThatCode(() -> rooms.receive("r1", advisor, new ClientMessage.End())).doesNotThrowAnyException();
        assertThat(advisor.closeCode).isEqualTo(1000);
    }

    @Test
    void toleratesFailingJournal() {
        CallJournal failing = new CallJournal() {
            @Override
            public void callStarted(String roomId, Instant at) {
                throw new IllegalStateException("database down");
            }

            @Override
            public void connectionEstablished(String roomId, boolean relayed, Instant at) {
                throw new IllegalStateException("database down");
            }

            @Override
            public void callEnded(String roomId, Instant at) {
                throw new IllegalStateException("database down");
            }
        };
        Rooms rooms = rooms(Optional.of(failing));
        FakePeer advisor = FakePeer.advisor("a1");
        FakePeer citizen = FakePeer.citizen("c1");
        rooms.join("r1", advisor);
        rooms.join("r1", citizen);
        assertThatCode(() -> rooms.receive("r1", advisor, new ClientMessage.Admit("c1"))).doesNotThrowAnyException();
        assertThat(citizen.types()).containsExactly("welcome", "waiting", "admitted", "peer-joined");
    }

    @Test
    void expelOutsideAnyRoomStillAnswersAndCloses() {
        Rooms rooms = rooms(Optional.empty());
        FakePeer stray = FakePeer.citizen("c1");
        rooms.expel("gone", stray, ServerMessage.Error.badMessage("not a JSON object"), 1003);
        assertThat(stray.types()).containsExactly("error");
        assertThat(stray.closeCode).isEqualTo(1003);
    }

    @Test
    void concurrentJoinsAndLeavesNeverLoseOrLeakARoom() throws Exception {
        Rooms rooms = rooms(Optional.empty());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        int rounds = 2000;
        CountDownLatch done = new CountDownLatch(rounds);
        for (int i = 0; i < rounds; i++) {
            String roomId = "r" + (i % 7);
            FakePeer peer = i % 2 == 0 ? FakePeer.advisor("a" + i) : FakePeer.citizen("c" + i);
            pool.execute(() -> {
                rooms.join(roomId, peer);
                rooms.closed(roomId, peer);
                done.countDown();
            });
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        pool.shutdown();
        assertThat(rooms.roomCount()).isZero();
        assertThat(rooms.connectionCount()).isZero();
    }
}
