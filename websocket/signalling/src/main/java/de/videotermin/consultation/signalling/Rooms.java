package de.videotermin.consultation.signalling;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * All rooms of this node. Every change to a room happens inside {@code compute} for its id, so two
 * participants joining, or a join racing the last leave, cannot interleave; an empty room is removed
 * by the same atomic step that emptied it. Frames are only queued inside {@code compute} and written
 * after it returns, and the call journal is called after it returns too: no I/O under the lock.
 */
@ApplicationScoped
public class Rooms {

    private static final Logger LOG = Logger.getLogger(Rooms.class.getName());

    /** How long an ended room keeps turning citizens away (longer than any join ticket lives). */
    static final Duration TOMBSTONE_TTL = Duration.ofHours(12);
    /** Tombstones live for hours: looking for old ones once a minute is enough. */
    static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final ConcurrentHashMap<String, Room> rooms = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();

    @Inject
    CallRecorder recorder;

    @Inject
    SignallingMetrics metrics;

    /** The data grid, when this node is one of several; null in unit tests (then everything is local). */
    @Inject
    SignallingGrid grid;

    Clock clock = Clock.systemUTC();
    private final java.util.concurrent.atomic.AtomicLong nextSweepAt = new java.util.concurrent.atomic.AtomicLong();

    public Rooms() {
        // for CDI
    }

    /** For tests: no container. */
    Rooms(CallRecorder recorder, SignallingMetrics metrics, Clock clock) {
        this.recorder = recorder;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Created at deployment, so that operators see the gauges (zero rooms) before the first call. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // creating the bean runs watch()
    }

    @PostConstruct
    void watch() {
        metrics = SignallingServices.direct(metrics::handOver);
        if (grid != null) {
            grid = SignallingServices.direct(grid::handOver);
        }
        metrics.watch(this);
    }

    public void join(String roomId, Peer peer) {
        connections.incrementAndGet();
        if (grid != null && peer instanceof SessionPeer session && grid.forwardJoin(roomId, session)) {
            return; // another node owns the room: it decides, this node only carries the connection
        }
        joinHere(roomId, peer, grid == null ? Standing.NONE : grid.standing(roomId, peer));
    }

    /** Joins a room this node owns (also for connections held by other nodes, see {@link RemotePeer}). */
    void joinHere(String roomId, Peer peer, Standing remembered) {
        Room.Outcome out = new Room.Outcome();
        Instant now = clock.instant();
        Room after = rooms.compute(roomId, (id, room) -> {
            Room current = room == null ? new Room(id) : room;
            current.join(peer, remembered, now, out);
            return current.isDisposable() ? null : current;
        });
        settle(roomId, after, out);
    }

    /** A text frame from a connection of this node: decoded here if the room is here, else passed to its owner. */
    public void frame(String roomId, SessionPeer peer, String frame) {
        if (grid != null && grid.forwardFrame(peer, frame)) {
            return;
        }
        frameHere(roomId, peer, frame);
    }

    void frameHere(String roomId, Peer peer, String frame) {
        try {
            receive(roomId, peer, FrameDecoder.decode(frame));
        } catch (BadFrameException e) {
            if (e.fatal()) {
                expel(roomId, peer, e.error(), RoomEndpoint.CANNOT_ACCEPT);
            } else {
                peer.send(e.error());
                peer.flush();
            }
        }
    }

    /** A binary frame: not part of the protocol, the sender is expelled (by the room's owner). */
    public void binary(String roomId, SessionPeer peer) {
        if (grid != null && grid.forwardBinary(peer)) {
            return;
        }
        binaryHere(roomId, peer);
    }

    void binaryHere(String roomId, Peer peer) {
        expel(roomId, peer, ServerMessage.Error.badMessage("binary frames are not accepted"), RoomEndpoint.CANNOT_ACCEPT);
    }

    /** The connection kept sending over its flood limit (see {@link FloodGuard}): expelled by the room's owner with 1008. */
    public void flooded(String roomId, SessionPeer peer) {
        if (grid != null && grid.forwardFlooded(peer)) {
            return;
        }
        floodedHere(roomId, peer);
    }

    void floodedHere(String roomId, Peer peer) {
        expel(roomId, peer, FloodGuard.RATE_LIMITED, Room.POLICY_VIOLATION);
    }

    public void receive(String roomId, Peer peer, ClientMessage message) {
        Room.Outcome out = new Room.Outcome();
        Instant now = clock.instant();
        Room after = rooms.computeIfPresent(roomId, (id, room) -> {
            room.receive(peer, message, now, out);
            return room.isDisposable() ? null : room;
        });
        settle(roomId, after, out);
    }

    /**
     * A consent withdrawal from the ledger (see {@link SignallingGrid}): acted on by the room's owner only;
     * a room that is not here (another node owns it, or nobody is in it) is left alone.
     */
    public void consentWithdrawn(String roomId, String participantId) {
        Room.Outcome out = new Room.Outcome();
        Instant now = clock.instant();
        Room after = rooms.computeIfPresent(roomId, (id, room) -> {
            room.consentWithdrawn(participantId, now, out);
            return room.isDisposable() ? null : room;
        });
        settle(roomId, after, out);
    }

    /** The peer's connection is closed; call once per joined connection. */
    public void closed(String roomId, Peer peer) {
        connections.decrementAndGet();
        if (grid != null && peer instanceof SessionPeer session && grid.forwardClosed(session)) {
            return;
        }
        closedHere(roomId, peer);
    }

    void closedHere(String roomId, Peer peer) {
        Room.Outcome out = new Room.Outcome();
        Instant now = clock.instant();
        Room after = rooms.computeIfPresent(roomId, (id, room) -> {
            room.leave(peer, false, now, out);
            return room.isDisposable() ? null : room;
        });
        settle(roomId, after, out);
    }

    /** Sends the error, removes the peer from its room and closes its connection with the code. */
    public void expel(String roomId, Peer peer, ServerMessage.Error error, int closeCode) {
        Room.Outcome out = new Room.Outcome();
        Instant now = clock.instant();
        Room room = rooms.computeIfPresent(roomId, (id, current) -> {
            current.expel(peer, error, closeCode, now, out);
            return current.isDisposable() ? null : current;
        });
        if (room == null && out.touched().isEmpty()) {
            // the room is gone already (or was removed by this very step): still answer and close
            out.send(peer, error);
            out.close(peer, closeCode, "cannot accept");
        }
        settle(roomId, room, out);
    }

    public int roomCount() {
        return rooms.size();
    }

    public int connectionCount() {
        return connections.get();
    }

    boolean isHere(String roomId) {
        return rooms.containsKey(roomId);
    }

    private void settle(String roomId, Room after, Room.Outcome out) {
        for (Peer peer : out.touched()) {
            try {
                peer.flush();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "flushing a peer failed: {0}", e.getClass().getName());
            }
        }
        if (out.relayed() > 0) {
            metrics.relayed(out.relayed());
        }
        if (grid != null) {
            grid.settled(roomId, after == null, out.admissions());
        }
        if (!out.events().isEmpty()) {
            if (grid != null && !recorder.hasJournal()) {
                grid.forwardEvents(roomId, out.events());
            } else {
                recorder.record(roomId, out.events());
            }
            if (out.events().stream().anyMatch(CallEvent.Ended.class::isInstance)) {
                sweepTombstonesIfDue();
            }
        }
    }

    /**
     * Sweeps when a call ends, but at most once per {@link #SWEEP_INTERVAL}: the sweep walks every room,
     * and when thousands of calls end at once (a node going away, its clients all closing) a sweep per
     * call would cost the square of the number of rooms (bench/signalling saw seconds of latency from it).
     */
    private void sweepTombstonesIfDue() {
        long now = clock.millis();
        long due = nextSweepAt.get();
        if (now >= due && nextSweepAt.compareAndSet(due, now + SWEEP_INTERVAL.toMillis())) {
            sweepTombstones();
        }
    }

    /** Drops ended rooms that nobody can still hold a ticket for. */
    void sweepTombstones() {
        Instant cutoff = clock.instant().minus(TOMBSTONE_TTL);
        for (String id : rooms.keySet()) {
            Room after = rooms.computeIfPresent(id, (key, room) -> room.isTombstoneOlderThan(cutoff) ? null : room);
            if (after == null && grid != null) {
                grid.settled(id, true, java.util.Map.of());
            }
        }
    }

    /** Hands this instance itself to {@code receiver}: see {@link SignallingServices#direct}. */
    public void handOver(java.util.function.Consumer<Rooms> receiver) {
        receiver.accept(this);
    }
}
