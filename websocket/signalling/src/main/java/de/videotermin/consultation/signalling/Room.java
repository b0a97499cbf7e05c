package de.videotermin.consultation.signalling;

import de.videotermin.consultation.journal.ConsentWithdrawn;
import de.videotermin.consultation.ticket.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of one consultation room: the waiting room, admission, who is told what, who may send
 * what. Not thread-safe on purpose: {@link Rooms} calls it only inside {@code ConcurrentHashMap.compute}
 * for the room's id, which serializes all decisions about one room. It performs no I/O; peers only
 * queue what they are sent, and the {@link Outcome} says whom to flush and what to journal.
 */
final class Room {

    static final int NORMAL_CLOSURE = 1000;
    static final int POLICY_VIOLATION = 1008;

    private final String id;
    /** Present participants by participant id, in order of arrival (so the lobby lists the longest waiting first). */
    private final Map<String, Member> members = new LinkedHashMap<>();
    /**
     * Citizens the advisor let in. Remembered while the room exists, so that a citizen whose connection
     * dropped (or who reloaded) comes back without waiting again; forgotten when the citizen leaves.
     */
    private final Set<String> admittedCitizens = new HashSet<>();
    /**
     * Participants the advisor removed: turned away if they come back with a ticket that is still
     * valid (the site no longer issues them new ones once the advisor revoked their link).
     */
    private final Set<String> removed = new HashSet<>();
    private boolean callStarted;
    /** Set once the advisor ended the consultation; the room then stays as a tombstone that turns citizens away. */
    private Instant endedAt;

    Room(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    int size() {
        return members.size();
    }

    /** Whether the room can be dropped from the map: nobody in it and not ended (ended rooms stay as tombstones). */
    boolean isDisposable() {
        return members.isEmpty() && endedAt == null;
    }

    boolean isTombstoneOlderThan(Instant cutoff) {
        return members.isEmpty() && endedAt != null && endedAt.isBefore(cutoff);
    }

    void join(Peer peer, Instant now, Outcome out) {
        join(peer, Standing.NONE, now, out);
    }

    /**
     * @param remembered what the data grid remembers of this participant from a node that owned the room
     *        before and died: {@link Standing#ADMITTED} lets a citizen in again without a new admission,
     *        {@link Standing#REMOVED} turns them away as that node would have
     */
    void join(Peer peer, Standing remembered, Instant now, Outcome out) {
        boolean rememberedAdmission = remembered == Standing.ADMITTED;
        if (remembered == Standing.REMOVED && !peer.role().mayModerate()) {
            removed.add(peer.id());
        }
        if (endedAt != null) {
            if (!peer.role().mayModerate()) {
                out.send(peer, ServerMessage.Ended.BY_ADVISOR);
                out.close(peer, NORMAL_CLOSURE, "ended");
                return;
            }
            endedAt = null; // an advisor coming back opens the room again
        }
        if (removed.contains(peer.id())) {
            out.send(peer, ServerMessage.Ended.REMOVED);
            out.close(peer, NORMAL_CLOSURE, "removed");
            return;
        }
        Member existing = members.get(peer.id());
        if (existing != null && existing.peer.role() != peer.role()) {
            out.send(peer, ServerMessage.Error.notAllowed("participant id in use"));
            out.close(peer, POLICY_VIOLATION, "participant id in use");
            return;
        }
        boolean advisorWasPresent = advisorPresent();
        // Back in a running call: a dropped connection, a reload, a new network. Counted in the call record.
        boolean returning = callStarted && (existing != null || peer.role().mayModerate()
                || rememberedAdmission || admittedCitizens.contains(peer.id()));
        Member member;
        if (existing != null) {
            // a reload: the newer connection wins
            out.close(existing.peer, NORMAL_CLOSURE, "replaced");
            member = new Member(peer, existing.since);
        } else {
            member = new Member(peer, now);
        }
        members.put(peer.id(), member);
        if (rememberedAdmission && !peer.role().mayModerate()) {
            admittedCitizens.add(peer.id());
        }
        boolean admitted = isAdmitted(peer);
        if (returning && admitted) {
            out.record(new CallEvent.Reconnected(now));
        }
        out.send(peer, new ServerMessage.Welcome(peer.info(), admitted));
        if (peer.role().mayModerate()) {
            out.send(peer, lobby());
            if (!advisorWasPresent) {
                tellWaitingCitizens(out);
            }
            pairUp(member, now, out);
        } else if (admitted) {
            pairUp(member, now, out);
        } else {
            out.send(peer, new ServerMessage.Waiting(advisorPresent()));
            sendLobby(out);
        }
    }

    /**
     * The peer's connection closed ({@code explicit == false}) or it sent {@code leave}. A connection that
     * was already replaced by a newer one of the same participant changes nothing.
     */
    void leave(Peer peer, boolean explicit, Instant now, Outcome out) {
        Member member = current(peer);
        if (member == null) {
            return;
        }
        remove(member, explicit, now, out);
        if (explicit) {
            out.close(peer, NORMAL_CLOSURE, "left");
        }
    }

    /** Removes the peer for a protocol violation: it gets the error, then the connection is closed with the code. */
    void expel(Peer peer, ServerMessage.Error error, int closeCode, Instant now, Outcome out) {
        Member member = current(peer);
        if (member != null) {
            remove(member, true, now, out);
        }
        out.send(peer, error);
        out.close(peer, closeCode, closeReason(closeCode));
    }

    void receive(Peer from, ClientMessage message, Instant now, Outcome out) {
        Member sender = current(from);
        if (sender == null) {
            return; // a replaced or expelled connection whose close is on its way
        }
        // Java 17: no pattern matching for switch yet; the message types are a sealed set
        if (message instanceof ClientMessage.Ping) {
            out.send(from, new ServerMessage.Pong());
        } else if (message instanceof ClientMessage.Negotiation negotiation) {
            relay(sender, negotiation, now, out);
        } else if (message instanceof ClientMessage.ConnectionReport report) {
            if (requireAdmitted(sender, now, out)) {
                out.record(new CallEvent.Connected(report.relayed(), report.firstFrameMs(), report.recovered(), now));
            }
        } else if (message instanceof ClientMessage.QualityReport quality) {
            if (requireAdmitted(sender, now, out)) {
                out.record(new CallEvent.QualityChanged(quality.mode(), now));
            }
        } else if (message instanceof ClientMessage.Admit admit) {
            if (requireAdvisor(sender, now, out)) {
                admit(from, admit.participantId(), now, out);
            }
        } else if (message instanceof ClientMessage.Remove remove) {
            if (requireAdvisor(sender, now, out)) {
                removeParticipant(from, remove.participantId(), now, out);
            }
        } else if (message instanceof ClientMessage.End) {
            if (requireAdvisor(sender, now, out)) {
                end(ServerMessage.Ended.BY_ADVISOR, now, out);
            }
        } else if (message instanceof ClientMessage.Withdraw) {
            if (sender.peer.role().mayModerate()) {
                expel(sender.peer, ServerMessage.Error.notAllowed("only the citizen can withdraw consent"), POLICY_VIOLATION, now, out);
            } else if (sender.peer.role() == Role.GUEST) {
                guestWithdrew(sender, now, out);
            } else {
                end(ServerMessage.Ended.CONSENT_WITHDRAWN, now, out);
            }
        } else if (message instanceof ClientMessage.Leave) {
            leave(from, true, now, out);
        } else {
            throw new IllegalArgumentException("unhandled message type " + message.getClass().getSimpleName());
        }
    }

    private void relay(Member sender, ClientMessage.Negotiation message, Instant now, Outcome out) {
        if (!requireAdmitted(sender, now, out)) {
            return;
        }
        List<Member> targets = new ArrayList<>();
        if (message.to() != null) {
            Member target = members.get(message.to());
            if (target != null && target != sender && isAdmitted(target.peer)) {
                targets.add(target);
            }
        } else {
            for (Member member : members.values()) {
                if (member != sender && isAdmitted(member.peer)) {
                    targets.add(member);
                }
            }
        }
        if (targets.isEmpty()) {
            out.send(sender.peer, ServerMessage.Error.noPeer("nobody to relay to"));
            return;
        }
        String from = sender.peer.id();
        ServerMessage relayed;
        if (message instanceof ClientMessage.Offer offer) {
            relayed = new ServerMessage.RelayedOffer(from, offer.sdp());
        } else if (message instanceof ClientMessage.Answer answer) {
            relayed = new ServerMessage.RelayedAnswer(from, answer.sdp());
        } else {
            relayed = new ServerMessage.RelayedCandidate(from, ((ClientMessage.Candidate) message).candidate());
        }
        for (Member target : targets) {
            out.send(target.peer, relayed);
            out.relayed++;
        }
    }

    private void admit(Peer advisor, String participantId, Instant now, Outcome out) {
        Member citizen = members.get(participantId);
        if (citizen == null || citizen.peer.role().mayModerate() || isAdmitted(citizen.peer)) {
            out.send(advisor, ServerMessage.Error.noPeer("no such waiting participant"));
            return;
        }
        admittedCitizens.add(participantId);
        out.admissions.put(participantId, Standing.ADMITTED);
        out.send(citizen.peer, new ServerMessage.Admitted());
        sendLobby(out);
        pairUp(citizen, now, out);
    }

    /**
     * Takes a participant out: told why and disconnected if present, admission forgotten, and turned
     * away from now on. The advisor learns the result from the lobby and {@code peer-left}.
     */
    private void removeParticipant(Peer advisor, String participantId, Instant now, Outcome out) {
        Member target = members.get(participantId);
        if (target != null && target.peer.role().mayModerate()) {
            out.send(advisor, ServerMessage.Error.notAllowed("an advisor cannot be removed"));
            return;
        }
        removed.add(participantId);
        if (target != null) {
            remove(target, true, now, out); // tells the others while it still counts as admitted
            out.send(target.peer, ServerMessage.Ended.REMOVED);
            out.close(target.peer, NORMAL_CLOSURE, "removed");
        } else {
            admittedCitizens.remove(participantId);
        }
        out.admissions.put(participantId, Standing.REMOVED); // after remove(), which forgets the admission
    }

    /** A guest's consent covers only their own part: they leave, the consultation goes on. */
    private void guestWithdrew(Member guest, Instant now, Outcome out) {
        remove(guest, true, now, out);
        out.send(guest.peer, ServerMessage.Ended.CONSENT_WITHDRAWN);
        out.close(guest.peer, NORMAL_CLOSURE, "withdrawn");
    }

    /**
     * The consent ledger reports a withdrawal made outside this room (the privacy receipt, another device):
     * the citizen's ends the consultation for everyone in the room, present or not (the advisor waiting
     * for them is told why); a guest's takes that guest out, if connected. Staff have no consent to withdraw.
     */
    void consentWithdrawn(String participantId, Instant now, Outcome out) {
        if (ConsentWithdrawn.CITIZEN.equals(participantId)) {
            if (!members.isEmpty()) {
                end(ServerMessage.Ended.CONSENT_WITHDRAWN, now, out);
            }
            return;
        }
        Member member = members.get(participantId);
        if (member != null && member.peer.role() == Role.GUEST) {
            guestWithdrew(member, now, out);
        }
    }

    private void end(ServerMessage.Ended why, Instant now, Outcome out) {
        for (Member member : members.values()) {
            out.send(member.peer, why);
            out.close(member.peer, NORMAL_CLOSURE, "ended");
        }
        members.clear();
        admittedCitizens.forEach(citizen -> out.admissions.put(citizen, Standing.NONE));
        admittedCitizens.clear();
        callStarted = false;
        endedAt = now;
        out.record(new CallEvent.Ended(now));
    }

    /** Tells the member and every other admitted participant about each other; starts the call if it is complete. */
    private void pairUp(Member member, Instant now, Outcome out) {
        for (Member other : members.values()) {
            if (other != member && isAdmitted(other.peer)) {
                out.send(other.peer, new ServerMessage.PeerJoined(member.peer.info()));
                out.send(member.peer, new ServerMessage.PeerJoined(other.peer.info()));
            }
        }
        if (!callStarted && advisorPresent() && admittedCitizenPresent()) {
            callStarted = true;
            out.record(new CallEvent.Started(now));
        }
    }

    private void remove(Member member, boolean forgetAdmission, Instant now, Outcome out) {
        boolean wasAdmitted = isAdmitted(member.peer);
        boolean advisorWasPresent = advisorPresent();
        members.remove(member.peer.id());
        if (forgetAdmission && admittedCitizens.remove(member.peer.id())) {
            out.admissions.put(member.peer.id(), Standing.NONE);
        }
        if (wasAdmitted) {
            for (Member other : members.values()) {
                if (isAdmitted(other.peer)) {
                    out.send(other.peer, new ServerMessage.PeerLeft(member.peer.id()));
                }
            }
        } else {
            sendLobby(out);
        }
        if (advisorWasPresent && !advisorPresent()) {
            tellWaitingCitizens(out);
        }
        if (members.isEmpty() && callStarted) {
            callStarted = false;
            out.record(new CallEvent.Ended(now));
        }
    }

    private boolean requireAdvisor(Member sender, Instant now, Outcome out) {
        if (sender.peer.role().mayModerate()) {
            return true;
        }
        expel(sender.peer, ServerMessage.Error.notAllowed("only the advisor may do this"), POLICY_VIOLATION, now, out);
        return false;
    }

    private boolean requireAdmitted(Member sender, Instant now, Outcome out) {
        if (isAdmitted(sender.peer)) {
            return true;
        }
        expel(sender.peer, ServerMessage.Error.notAllowed("not admitted yet"), POLICY_VIOLATION, now, out);
        return false;
    }

    private Member current(Peer peer) {
        Member member = members.get(peer.id());
        return member != null && member.peer == peer ? member : null;
    }

    private boolean isAdmitted(Peer peer) {
        return peer.role().mayModerate() || admittedCitizens.contains(peer.id());
    }

    private boolean advisorPresent() {
        return members.values().stream().anyMatch(m -> m.peer.role().mayModerate());
    }

    private boolean admittedCitizenPresent() {
        return members.values().stream().anyMatch(m -> m.peer.role() == Role.CITIZEN && isAdmitted(m.peer));
    }

    private List<Member> waitingCitizens() {
        return members.values().stream().filter(m -> !isAdmitted(m.peer)).toList();
    }

    private ServerMessage.Lobby lobby() {
        return new ServerMessage.Lobby(waitingCitizens().stream()
                .map(m -> new ServerMessage.WaitingCitizen(m.peer.id(), m.peer.role(), m.peer.name(), m.since)).toList());
    }

    private void sendLobby(Outcome out) {
        ServerMessage.Lobby lobby = null;
        for (Member member : members.values()) {
            if (member.peer.role().mayModerate()) {
                lobby = lobby == null ? lobby() : lobby;
                out.send(member.peer, lobby);
            }
        }
    }

    private void tellWaitingCitizens(Outcome out) {
        ServerMessage.Waiting waiting = new ServerMessage.Waiting(advisorPresent());
        for (Member member : waitingCitizens()) {
            out.send(member.peer, waiting);
        }
    }

    private static String closeReason(int code) {
        return switch (code) {
            case POLICY_VIOLATION -> "not allowed";
            case 1003 -> "cannot accept";
            default -> "closed";
        };
    }

    private static final class Member {
        private final Peer peer;
        private final Instant since;

        private Member(Peer peer, Instant since) {
            this.peer = peer;
            this.since = since;
        }
    }

    /** What one decision touched: the peers to flush afterwards, the call events to journal, the relay count. */
    static final class Outcome {
        private final Set<Peer> touched = Collections.newSetFromMap(new IdentityHashMap<>());
        private final List<CallEvent> events = new ArrayList<>();
        /** Standings changed by this decision (admitted, forgotten, removed), for the data grid's copy. */
        private final Map<String, Standing> admissions = new LinkedHashMap<>(2);
        private int relayed;

        void send(Peer peer, ServerMessage message) {
            peer.send(message);
            touched.add(peer);
        }

        void close(Peer peer, int code, String reason) {
            peer.close(code, reason);
            touched.add(peer);
        }

        void record(CallEvent event) {
            events.add(event);
        }

        Set<Peer> touched() {
            return touched;
        }

        List<CallEvent> events() {
            return events;
        }

        int relayed() {
            return relayed;
        }

        Map<String, Standing> admissions() {
            return admissions;
        }
    }
}
