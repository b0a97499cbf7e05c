package de.videotermin.consultation.signalling;

import de.videotermin.consultation.ticket.Role;
import java.util.ArrayList;
import java.util.List;

/** A peer that remembers what it was sent. */
final class FakePeer implements Peer {

    private final String id;
    private final Role role;
    private final String name;
    final List<ServerMessage> received = new ArrayList<>();
    Integer closeCode;
    String closeReason;
    int flushes;

    FakePeer(String id, Role role, String name) {
        this.id = id;
        this.role = role;
        this.name = name;
    }

    static FakePeer advisor(String id) {
        return new FakePeer(id, Role.ADVISOR, "Advisor " + id);
    }

    static FakePeer citizen(String id) {
        return new FakePeer(id, Role.CITIZEN, "citizen");
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Role role() {
        return role;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void send(ServerMessage message) {
        if (closeCode == null) {
            received.add(message);
        }
    }

    @Override
    public void close(int code, String reason) {
        if (closeCode == null) {
            closeCode = code;
            closeReason = reason;
        }
    }

    @Override
    public void flush() {
        flushes++;
    }

    List<String> types() {
        return received.stream().map(ServerMessage::type).toList();
    }

    <T extends ServerMessage> List<T> all(Class<T> type) {
        return received.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends ServerMessage> T last(Class<T> type) {
        List<T> all = all(type);
        if (all.isEmpty()) {
            throw new AssertionError("no " + type.getSimpleName() + " received, got " + types());
        }
        return all.get(all.size() - 1);
    }

    void forget() {
        received.clear();
    }
}
