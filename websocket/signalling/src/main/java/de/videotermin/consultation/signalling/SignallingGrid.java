package de.videotermin.consultation.signalling;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.topic.ITopic;
import de.videotermin.consultation.journal.ConsentWithdrawn;
import com.hazelcast.topic.Message;
import de.videotermin.consultation.ticket.InvalidTicketException;
import de.videotermin.consultation.ticket.JoinTicket;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signalling across the nodes of Payara's data grid (Hazelcast). Each room has one owner node, recorded in
 * the grid map {@value #OWNERS}: the node where the room's first participant arrived, or the first one to
 * notice that the previous owner left the grid. Only the owner runs the room's rules ({@link Room}), so the
 * room's state stays consistent without distributed locks; a connection held by another node is a
 * {@link RemotePeer} there. Frames travel through one grid topic per node: client frames to the owner's,
 * frames for a participant to the topic of the node holding its connection. When both participants are
 * on the owner node nothing touches the grid after the join.
 *
 * <p>When a node leaves the grid (crash, stop): the owners drop its participants from their rooms (the
 * others get {@code peer-left}); the nodes holding connections to rooms it owned close them with 1012
 * (service restart), the browser reconnects through the load balancer and the room is taken over by a
 * live node. Admissions and removals are copied to the grid maps {@value #ADMISSIONS} and {@value #REMOVALS}
 * so that a taken-over room lets the admitted citizen straight back in and still turns a removed participant
 * away. Call events of nodes without a call journal (Payara Micro nodes
 * running the WAR alone) go to a node that has one.
 *
 * <p>Messages are plain strings (no application classes cross the grid, so no class-loader trouble) with
 * the untrusted client frame always last. Without a running grid (unit tests, {@code --nohazelcast},
 * {@code videotermin.signalling.grid.enabled=false}) every room is local.
 */
@ApplicationScoped
public class SignallingGrid {

    private static final Logger LOG = Logger.getLogger(SignallingGrid.class.getName());

    static final String OWNERS = "videotermin-signalling-owners";
    static final String ADMISSIONS = "videotermin-signalling-admissions";
    /**
     * Participants the advisor removed, per room. A map of its own, only ever written (the TTL drops entries):
     * the order of two decisions' grid writes cannot undo a removal, and nodes of an older build, which do not
     * read it, behave as they did before it existed.
     */
    static final String REMOVALS = "videotermin-signalling-removals";
    static final String JOURNALS = "videotermin-signalling-journals";
    private static final String TOPIC_PREFIX = "videotermin-signalling-node-";
    private static final char SEP = '\u001f';
    private static final char FRAME_SEP = '\u001e';
    /** Close code for connections whose room moved to another node: the browser reconnects. */
    static final int SERVICE_RESTART = 1012;

    @Inject
    Instance<HazelcastInstance> hazelcast;

    @Inject
    @ConfigProperty(name = "videotermin.signalling.grid.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    Rooms rooms;

    @Inject
    JoinTickets tickets;

    @Inject
    CallRecorder recorder;

    private volatile boolean active;
    private HazelcastInstance grid;
    private String self;
    private IMap<String, String> owners;
    private IMap<String, Boolean> admissions;
    private IMap<String, Boolean> removals;
    private IMap<String, Boolean> journals;
    private UUID topicListener;
    private UUID withdrawalListener;
    private UUID membershipListener;
    private ClassLoader appClassLoader;
    private final AtomicLong sequence = new AtomicLong();
    /** Rooms this node owns (a room in {@link Rooms} whose owner entry names this node). */
    private final Set<String> owned = ConcurrentHashMap.newKeySet();
    /** On this node: connections whose room is owned elsewhere, by connection key. */
    private final Map<String, Forwarded> forwarded = new ConcurrentHashMap<>();
    private final Map<SessionPeer, Forwarded> forwardedBySession = new ConcurrentHashMap<>();
    /** On the owner: participants whose connection another node holds, by connection key. */
    private final Map<String, RemotePeer> remote = new ConcurrentHashMap<>();

    /** How long the answer to "which node has a call journal?" is reused (membership changes drop it at once). */
    static final long JOURNAL_LOOKUP_TTL_NANOS = TimeUnit.SECONDS.toNanos(10);

    /**
     * The last answer to "which node has a call journal?" ({@code node} null: none). Asking the grid map is a
     * query over all its partitions; in the benchmark it ran for every call that started or ended.
     */
    private record JournalTarget(String node, long checkedAt) {
    }

    private volatile JournalTarget journalTarget;

    private record Forwarded(String key, String roomId, String owner, SessionPeer session) {
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (!enabled) {
            LOG.info("signalling data grid disabled by configuration: rooms are local to this node");
            return;
        }
        try {
            if (hazelcast == null || !hazelcast.isResolvable()) {
                LOG.info("no data grid available: rooms are local to this node");
                return;
            }
            HazelcastInstance instance = hazelcast.get();
            if (instance == null || !instance.getLifecycleService().isRunning()) {
                LOG.info("the data grid is not running: rooms are local to this node");
                return;
            }
            appClassLoader = Thread.currentThread().getContextClassLoader();
            grid = instance;
            self = instance.getCluster().getLocalMember().getUuid().toString();
            owners = instance.getMap(OWNERS);
            admissions = instance.getMap(ADMISSIONS);
            removals = instance.getMap(REMOVALS);
            journals = instance.getMap(JOURNALS);
            ITopic<String> topic = instance.getTopic(TOPIC_PREFIX + self);
            topicListener = topic.addMessageListener(this::onMessage);
            // withdrawals from the consent ledger (the EJBs, on the Payara Server): every node hears them, the room's owner acts
            withdrawalListener = instance.<String>getTopic(ConsentWithdrawn.TOPIC).addMessageListener(this::onWithdrawal);
            membershipListener = instance.getCluster().addMembershipListener(new MembershipListener() {
                @Override
                public void memberAdded(MembershipEvent event) {
                    journalTarget = null; // it may have a call journal; new nodes take rooms as participants arrive
                }

                @Override
                public void memberRemoved(MembershipEvent event) {
                    journalTarget = null;
                    withAppClassLoader(() -> nodeLeft(event.getMember().getUuid().toString()));
                }
            });
            if (recorder.hasJournal()) {
                journals.set(self, Boolean.TRUE);
            }
            active = true;
            LOG.log(Level.INFO, "signalling joined the data grid ({0} members)", instance.getCluster().getMembers().size());
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "data grid unavailable, rooms are local to this node: {0}", e.toString());
            active = false;
        }
    }

    @PreDestroy
    void stop() {
        if (!active) {
            return;
        }
        active = false;
        try {
            grid.getTopic(TOPIC_PREFIX + self).removeMessageListener(topicListener);
            grid.getTopic(ConsentWithdrawn.TOPIC).removeMessageListener(withdrawalListener);
            grid.getCluster().removeMembershipListener(membershipListener);
            journals.delete(self);
            for (String roomId : owned) {
                owners.remove(roomId, self);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "leaving the data grid: {0}", e.getClass().getName());
        }
    }

    boolean active() {
        return active;
    }

    // ------------------------------------------------------------------ on the node holding the connection

    /**
     * Called for every join on this node. Returns false if this node owns (or just took) the room, so the
     * caller joins locally; true if the join went to the owner.
     */
    boolean forwardJoin(String roomId, SessionPeer session) {
        if (!active || session.ticketText() == null) {
            return false;
        }
        String owner;
        try {
            owner = ownerOf(roomId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "room owner lookup failed, keeping the room local: {0}", e.getClass().getName());
            return false;
        }
        if (owner.equals(self)) {
            return false;
        }
        String key = self + ":" + sequence.incrementAndGet();
        Forwarded entry = new Forwarded(key, roomId, owner, session);
        forwarded.put(key, entry);
        forwardedBySession.put(session, entry);
        publish(owner, join('J', roomId, key, self, session.ticketText()));
        return true;
    }

    boolean forwardFrame(SessionPeer session, String frame) {
        Forwarded entry = active ? forwardedBySession.get(session) : null;
        if (entry == null) {
            return false;
        }
        publish(entry.owner(), join('F', entry.key(), frame));
        return true;
    }

    boolean forwardBinary(SessionPeer session) {
        return forwardSignal(session, 'B');
    }

    boolean forwardFlooded(SessionPeer session) {
        return forwardSignal(session, 'L');
    }

    /** A frame-less message about the connection to the room's owner: B (binary frame), L (flooded). */
    private boolean forwardSignal(SessionPeer session, char kind) {
        Forwarded entry = active ? forwardedBySession.get(session) : null;
        if (entry == null) {
            return false;
        }
        publish(entry.owner(), join(kind, entry.key()));
        return true;
    }

    boolean forwardClosed(SessionPeer session) {
        Forwarded entry = forwardedBySession.remove(session);
        if (entry == null) {
            return false;
        }
        forwarded.remove(entry.key());
        if (active) {
            publish(entry.owner(), join('C', entry.key()));
        }
        return true;
    }

    // ------------------------------------------------------------------ on the room's owner

    /** Sends a remote participant's queued frames (and close) to the node holding its connection. */
    void deliver(String node, String key, List<String> frames, int closeCode, String closeReason) {
        StringBuilder message = new StringBuilder(64 + frames.stream().mapToInt(String::length).sum());
        message.append('D').append(SEP).append(key).append(SEP).append(closeCode).append(SEP)
                .append(closeReason == null ? "" : closeReason).append(SEP);
        for (int i = 0; i < frames.size(); i++) {
            if (i > 0) {
                message.append(FRAME_SEP);
            }
            message.append(frames.get(i));
        }
        publish(node, message.toString());
        if (closeCode != 0) {
            remote.remove(key);
        }
    }

    /** After every room decision on this node: keeps the grid's copy of admissions and ownership current. */
    void settled(String roomId, boolean removed, Map<String, Standing> admissionChanges) {
        if (!active) {
            return;
        }
        try {
            for (Map.Entry<String, Standing> change : admissionChanges.entrySet()) {
                String key = roomId + '\n' + change.getKey();
                switch (change.getValue()) {
                    // kept as long as an ended room's tombstone
                    case ADMITTED -> admissions.set(key, Boolean.TRUE, Rooms.TOMBSTONE_TTL.toHours(), TimeUnit.HOURS);
                    case REMOVED -> {
                        removals.set(key, Boolean.TRUE, Rooms.TOMBSTONE_TTL.toHours(), TimeUnit.HOURS);
                        admissions.delete(key);
                    }
                    default -> admissions.delete(key);
                }
            }
            if (removed && owned.remove(roomId)) {
                owners.remove(roomId, self);
                if (rooms.isHere(roomId)) { // re-created meanwhile by a join on this node: keep it ours
                    owners.set(roomId, self);
                    owned.add(roomId);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "updating the data grid failed: {0}", e.getClass().getName());
        }
    }

    /** What the grid remembers of a citizen or guest in this room (advisors are never admitted or removed). */
    Standing standing(String roomId, Peer peer) {
        if (!active || peer.role().mayModerate()) {
            return Standing.NONE;
        }
        try {
            String key = roomId + '\n' + peer.id();
            return removals.containsKey(key) ? Standing.REMOVED
                    : admissions.containsKey(key) ? Standing.ADMITTED : Standing.NONE;
        } catch (RuntimeException e) {
            return Standing.NONE;
        }
    }

    /** Call events of a node without a call journal, to one that has one (each event is recorded once). */
    void forwardEvents(String roomId, List<CallEvent> events) {
        String target = active ? journalNode() : null;
        if (target == null) {
            recorder.record(roomId, events); // logs once that nothing records them
            return;
        }
        for (CallEvent event : events) {
            String kind;
            String detail = "";
            if (event instanceof CallEvent.Started) {
                kind = "started";
            } else if (event instanceof CallEvent.Connected connected) {
                kind = "connected";
                detail = connected.relayed() + ";" + (connected.firstFrameMs() == null ? "" : connected.firstFrameMs())
                        + ";" + connected.recovered();
            } else if (event instanceof CallEvent.QualityChanged quality) {
                kind = "quality";
                detail = quality.mode();
            } else if (event instanceof CallEvent.Reconnected) {
                kind = "reconnected";
            } else {
                kind = "ended";
            }
            publish(target, join('E', roomId, kind, Long.toString(event.at().toEpochMilli()), detail));
        }
    }

    // ------------------------------------------------------------------ grid plumbing

    private String journalNode() {
        JournalTarget known = journalTarget;
        long now = System.nanoTime();
        if (known != null && now - known.checkedAt() < JOURNAL_LOOKUP_TTL_NANOS
                && (known.node() == null || isMember(known.node()))) {
            return known.node();
        }
        String found = null;
        try {
            for (String node : journals.keySet()) {
                if (isMember(node)) {
                    found = node;
                    break;
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "call journal lookup failed: {0}", e.getClass().getName());
            return null;
        }
        journalTarget = new JournalTarget(found, now);
        return found;
    }

    private String ownerOf(String roomId) {
        for (int attempt = 0; attempt < 5; attempt++) {
            String current = owners.putIfAbsent(roomId, self);
            if (current == null || current.equals(self)) {
                owned.add(roomId);
                return self;
            }
            if (isMember(current)) {
                return current;
            }
            if (owners.replace(roomId, current, self)) { // the owner left the grid: take the room over
                owned.add(roomId);
                return self;
            }
        }
        throw new IllegalStateException("room ownership keeps changing");
    }

    private boolean isMember(String node) {
        for (Member member : grid.getCluster().getMembers()) {
            if (member.getUuid().toString().equals(node)) {
                return true;
            }
        }
        return false;
    }

    private void publish(String node, String message) {
        try {
            grid.<String>getTopic(TOPIC_PREFIX + node).publish(message);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "publishing to another node failed: {0}", e.getClass().getName());
        }
    }

    private void onWithdrawal(Message<String> message) {
        withAppClassLoader(() -> {
            try {
                ConsentWithdrawn.decode(message.getMessageObject())
                        .ifPresent(notice -> rooms.consentWithdrawn(notice.roomId(), notice.participantId()));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "handling a consent withdrawal failed: {0}", e.getClass().getName());
            }
        });
    }

    private void onMessage(Message<String> message) {
        withAppClassLoader(() -> handle(message.getMessageObject()));
    }

    private void handle(String message) {
        if (message == null || message.length() < 2) {
            return;
        }
        try {
            switch (message.charAt(0)) {
                case 'J' -> {
                    String[] f = split(message, 5);
                    joinFromNode(f[1], f[2], f[3], f[4]);
                }
                case 'F' -> {
                    String[] f = split(message, 3);
                    RemotePeer peer = remote.get(f[1]);
                    if (peer != null) {
                        rooms.frameHere(peer.roomId(), peer, f[2]);
                    }
                }
                case 'B' -> {
                    RemotePeer peer = remote.get(split(message, 2)[1]);
                    if (peer != null) {
                        rooms.binaryHere(peer.roomId(), peer);
                    }
                }
                case 'L' -> {
                    RemotePeer peer = remote.get(split(message, 2)[1]);
                    if (peer != null) {
                        rooms.floodedHere(peer.roomId(), peer);
                    }
                }
                case 'C' -> {
                    RemotePeer peer = remote.remove(split(message, 2)[1]);
                    if (peer != null) {
                        rooms.closedHere(peer.roomId(), peer);
                    }
                }
                case 'D' -> {
                    String[] f = split(message, 5);
                    deliverHere(f[1], Integer.parseInt(f[2]), f[3], f[4]);
                }
                case 'E' -> {
                    String[] f = split(message, 5);
                    Instant at = Instant.ofEpochMilli(Long.parseLong(f[3]));
                    CallEvent event = switch (f[2]) {
                        case "started" -> new CallEvent.Started(at);
                        case "connected" -> {
                            String[] d = f[4].split(";", -1);
                            yield new CallEvent.Connected(Boolean.parseBoolean(d[0]),
                                    d.length > 1 && !d[1].isEmpty() ? Integer.valueOf(d[1]) : null,
                                    d.length > 2 && Boolean.parseBoolean(d[2]), at);
                        }
                        case "quality" -> new CallEvent.QualityChanged(f[4], at);
                        case "reconnected" -> new CallEvent.Reconnected(at);
                        default -> new CallEvent.Ended(at);
                    };
                    recorder.record(f[1], List.of(event));
                }
                default -> LOG.log(Level.FINE, "unknown grid message kind {0}", message.charAt(0));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "handling a grid message failed: {0}", e.getClass().getName());
        }
    }

    private void joinFromNode(String roomId, String key, String node, String ticketText) {
        JoinTicket ticket;
        try {
            ticket = tickets.verify(ticketText, roomId);
        } catch (InvalidTicketException e) {
            deliver(node, key, List.of(), Room.POLICY_VIOLATION, "ticket invalid");
            return;
        }
        if (!rooms.isHere(roomId)) {
            // first participant here, or this node took the room over: make sure the grid says so
            String current = owners.putIfAbsent(roomId, self);
            if (current != null && !current.equals(self) && isMember(current)) {
                deliver(node, key, List.of(), SERVICE_RESTART, "room moved");
                return;
            }
            owners.set(roomId, self);
            owned.add(roomId);
        }
        RemotePeer peer = new RemotePeer(key, node, roomId, ticket, this);
        remote.put(key, peer);
        rooms.joinHere(roomId, peer, standing(roomId, peer));
    }

    private void deliverHere(String key, int closeCode, String closeReason, String frames) {
        Forwarded entry = forwarded.get(key);
        if (entry == null) {
            return; // the connection closed meanwhile
        }
        SessionPeer session = entry.session();
        if (!frames.isEmpty()) {
            int start = 0;
            while (start <= frames.length()) {
                int end = frames.indexOf(FRAME_SEP, start);
                if (end < 0) {
                    end = frames.length();
                }
                session.sendFrame(frames.substring(start, end));
                start = end + 1;
            }
        }
        if (closeCode != 0) {
            forwarded.remove(key);
            forwardedBySession.remove(session);
            session.close(closeCode, closeReason);
        }
        session.flush();
    }

    private void nodeLeft(String node) {
        if (!active) {
            return;
        }
        // rooms owned here: participants connected through the departed node have left
        for (RemotePeer peer : remote.values()) {
            if (peer.node().equals(node) && remote.remove(peer.key(), peer)) {
                rooms.closedHere(peer.roomId(), peer);
            }
        }
        // connections held here whose room lived on the departed node: let them reconnect to the new owner
        for (Forwarded entry : forwarded.values()) {
            if (entry.owner().equals(node)) {
                forwarded.remove(entry.key());
                forwardedBySession.remove(entry.session());
                entry.session().close(SERVICE_RESTART, "room moved");
                entry.session().flush();
            }
        }
        try {
            journals.delete(node);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "cleaning up after a departed node: {0}", e.getClass().getName());
        }
    }

    private void withAppClassLoader(Runnable action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(appClassLoader);
        try {
            action.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static String join(char kind, String... fields) {
        StringBuilder out = new StringBuilder().append(kind);
        for (String field : fields) {
            out.append(SEP).append(field);
        }
        return out.toString();
    }

    private static String[] split(String message, int fields) {
        String[] parts = new String[fields];
        int start = 0;
        for (int i = 0; i < fields - 1; i++) {
            int end = message.indexOf(SEP, start);
            if (end < 0) {
                throw new IllegalArgumentException("short grid message");
            }
            parts[i] = message.substring(start, end);
            start = end + 1;
        }
        parts[fields - 1] = message.substring(start);
        return parts;
    }

    /** Hands this instance itself to {@code receiver}: see {@link SignallingServices#direct}. */
    public void handOver(java.util.function.Consumer<SignallingGrid> receiver) {
        receiver.accept(this);
    }
}
