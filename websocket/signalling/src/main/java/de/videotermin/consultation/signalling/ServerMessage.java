package de.videotermin.consultation.signalling;

import de.videotermin.consultation.ticket.Role;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A frame the server sends; {@link #toJson()} gives the wire form described in the protocol doc. */
public sealed interface ServerMessage {

    JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    String type();

    JsonObject toJson();

    private static JsonObjectBuilder typed(String type) {
        return JSON.createObjectBuilder().add("type", type);
    }

    /** Who someone is in a room, as the other side may see it. */
    record PeerInfo(String id, Role role, String name) {
        JsonObject toJson() {
            return JSON.createObjectBuilder().add("id", id).add("role", role.name()).add("name", name).build();
        }
    }

    /** One citizen (or invited guest) in the waiting room. */
    record WaitingCitizen(String id, Role role, String name, Instant since) {
    }

    record Welcome(PeerInfo self, boolean admitted) implements ServerMessage {
        public String type() {
            return "welcome";
        }

        public JsonObject toJson() {
            return typed(type()).add("self", self.toJson()).add("admitted", admitted).build();
        }
    }

    /** @param advisorPresent whether an advisor is in the room (and so has been told that the citizen waits) */
    record Waiting(boolean advisorPresent) implements ServerMessage {
        public String type() {
            return "waiting";
        }

        public JsonObject toJson() {
            return typed(type()).add("advisorPresent", advisorPresent).build();
        }
    }

    record Lobby(List<WaitingCitizen> waiting) implements ServerMessage {
        public Lobby {
            waiting = List.copyOf(waiting);
        }

        public String type() {
            return "lobby";
        }

        public JsonObject toJson() {
            JsonArrayBuilder list = JSON.createArrayBuilder();
            for (WaitingCitizen citizen : waiting) {
                list.add(JSON.createObjectBuilder().add("id", citizen.id()).add("role", citizen.role().name()).add("name", citizen.name())
                        .add("since", citizen.since().toString()));
            }
            return typed(type()).add("waiting", list).build();
        }
    }

    record Admitted() implements ServerMessage {
        public String type() {
            return "admitted";
        }

        public JsonObject toJson() {
            return typed(type()).build();
        }
    }

    record PeerJoined(PeerInfo peer) implements ServerMessage {
        public String type() {
            return "peer-joined";
        }

        public JsonObject toJson() {
            return typed(type()).add("peer", peer.toJson()).build();
        }
    }

    record RelayedOffer(String from, String sdp) implements ServerMessage {
        public String type() {
            return "offer";
        }

        public JsonObject toJson() {
            return typed(type()).add("from", from).add("sdp", sdp).build();
        }

        @Override
        public String toString() {
            return "RelayedOffer[redacted]";
        }
    }

    record RelayedAnswer(String from, String sdp) implements ServerMessage {
        public String type() {
            return "answer";
        }

        public JsonObject toJson() {
            return typed(type()).add("from", from).add("sdp", sdp).build();
        }

        @Override
        public String toString() {
            return "RelayedAnswer[redacted]";
        }
    }

    /** @param candidate the candidate, or {@code null} for end of candidates */
    record RelayedCandidate(String from, IceCandidate candidate) implements ServerMessage {
        public String type() {
            return "candidate";
        }

        public JsonObject toJson() {
            JsonObjectBuilder json = typed(type()).add("from", from);
            if (candidate == null) {
                json.addNull("candidate");
            } else {
                JsonObjectBuilder c = JSON.createObjectBuilder().add("candidate", candidate.candidate());
                nullable(c, "sdpMid", candidate.sdpMid());
                if (candidate.sdpMLineIndex() == null) {
                    c.addNull("sdpMLineIndex");
                } else {
                    c.add("sdpMLineIndex", candidate.sdpMLineIndex());
                }
                nullable(c, "usernameFragment", candidate.usernameFragment());
                json.add("candidate", c);
            }
            return json.build();
        }

        private static void nullable(JsonObjectBuilder json, String name, String value) {
            if (value == null) {
                json.addNull(name);
            } else {
                json.add(name, value);
            }
        }

        @Override
        public String toString() {
            return "RelayedCandidate[redacted]";
        }
    }

    /** A fresh join ticket for the same room, role and participant, for reconnecting later. */
    record Ticket(String ticket) implements ServerMessage {
        public String type() {
            return "ticket";
        }

        public JsonObject toJson() {
            return typed(type()).add("ticket", ticket).build();
        }

        @Override
        public String toString() {
            return "Ticket[redacted]";
        }
    }

    record PeerLeft(String id) implements ServerMessage {
        public String type() {
            return "peer-left";
        }

        public JsonObject toJson() {
            return typed(type()).add("id", id).build();
        }
    }

    record Ended(String reason) implements ServerMessage {
        static final Ended BY_ADVISOR = new Ended("ended-by-advisor");
        static final Ended CONSENT_WITHDRAWN = new Ended("consent-withdrawn");
        /** Sent only to a participant the advisor removed. */
        static final Ended REMOVED = new Ended("removed-by-advisor");

        public String type() {
            return "ended";
        }

        public JsonObject toJson() {
            return typed(type()).add("reason", reason).build();
        }
    }

    /** @param code one of {@code bad-message}, {@code unknown-type}, {@code not-allowed}, {@code no-peer} */
    record Error(String code, String message) implements ServerMessage {
        static Error badMessage(String message) {
            return new Error("bad-message", message);
        }

        static Error unknownType() {
            return new Error("unknown-type", "unknown message type");
        }

        static Error notAllowed(String message) {
            return new Error("not-allowed", message);
        }

        static Error noPeer(String message) {
            return new Error("no-peer", message);
        }

        public String type() {
            return "error";
        }

        public JsonObject toJson() {
            return typed(type()).add("code", code).add("message", message).build();
        }
    }

    record Pong() implements ServerMessage {
        public String type() {
            return "pong";
        }

        public JsonObject toJson() {
            return typed(type()).build();
        }
    }
}
