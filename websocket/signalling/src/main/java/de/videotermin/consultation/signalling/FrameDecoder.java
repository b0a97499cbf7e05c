package de.videotermin.consultation.signalling;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;

/**
 * Turns a text frame into a {@link ClientMessage}, or says precisely why it cannot. Hand-written on
 * JSON-P (rather than a WebSocket {@code Decoder}) so that "not JSON" (close 1003) and "JSON, but not a
 * valid message" (error frame, stay open) can be told apart, as the protocol requires.
 */
public final class FrameDecoder {

    /** Upper bound for ids; real ones are short opaque tokens. */
    static final int MAX_ID_LENGTH = 256;

    static final java.util.Set<String> QUALITY_MODES = java.util.Set.of("high", "low", "audio");

    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private FrameDecoder() {
    }

    public static ClientMessage decode(String text) {
        JsonObject json = parseObject(text);
        JsonValue type = json.get("type");
        if (!(type instanceof JsonString typeName)) {
            throw BadFrameException.invalid("'type' must be a string");
        }
        return switch (typeName.getString()) {
            case "offer" -> new ClientMessage.Offer(requiredString(json, "sdp"), optionalId(json, "to"));
            case "answer" -> new ClientMessage.Answer(requiredString(json, "sdp"), optionalId(json, "to"));
            case "candidate" -> new ClientMessage.Candidate(candidate(json), optionalId(json, "to"));
            case "admit" -> new ClientMessage.Admit(requiredId(json, "participantId"));
            case "remove" -> new ClientMessage.Remove(requiredId(json, "participantId"));
            case "end" -> new ClientMessage.End();
            case "leave" -> new ClientMessage.Leave();
            case "withdraw" -> new ClientMessage.Withdraw();
            case "connection" -> new ClientMessage.ConnectionReport(requiredBoolean(json, "relayed"),
                    optionalMillis(json, "firstFrameMs"), optionalBoolean(json, "recovered"));
            case "quality" -> new ClientMessage.QualityReport(qualityMode(json));
            case "ping" -> new ClientMessage.Ping();
            default -> throw BadFrameException.unknownType();
        };
    }

    private static JsonObject parseObject(String text) {
        JsonValue value;
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            // JsonParsingException is a JsonException; its message may quote the input, so it is not passed on
            throw BadFrameException.undecodable("not a JSON object");
        }
        if (!(value instanceof JsonObject object)) {
            throw BadFrameException.undecodable("not a JSON object");
        }
        return object;
    }

    private static String requiredString(JsonObject json, String name) {
        if (!(json.get(name) instanceof JsonString string) || string.getString().isEmpty()) {
            throw BadFrameException.invalid("'" + name + "' must be a non-empty string");
        }
        return string.getString();
    }

    private static String requiredId(JsonObject json, String name) {
        String id = optionalId(json, name);
        if (id == null) {
            throw BadFrameException.invalid("'" + name + "' is required");
        }
        return id;
    }

    private static String optionalId(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (isNull(value)) {
            return null;
        }
        if (!(value instanceof JsonString string) || string.getString().isBlank()
                || string.getString().length() > MAX_ID_LENGTH) {
            throw BadFrameException.invalid("'" + name + "' must be a participant id");
        }
        return string.getString();
    }

    private static boolean requiredBoolean(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value != null && value.getValueType() == JsonValue.ValueType.TRUE) {
            return true;
        }
        if (value != null && value.getValueType() == JsonValue.ValueType.FALSE) {
            return false;
        }
        throw BadFrameException.invalid("'" + name + "' must be a boolean");
    }

    private static boolean optionalBoolean(JsonObject json, String name) {
        return !isNull(json.get(name)) && requiredBoolean(json, name);
    }

    /** A duration in milliseconds up to ten minutes (longer is not a first frame, it is a failure). */
    private static Integer optionalMillis(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (isNull(value)) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()
                && number.longValue() >= 0 && number.longValue() <= 600_000) {
            return number.intValue();
        }
        throw BadFrameException.invalid("'" + name + "' must be milliseconds between 0 and 600000");
    }

    private static String qualityMode(JsonObject json) {
        String mode = requiredString(json, "mode");
        if (!QUALITY_MODES.contains(mode)) {
            throw BadFrameException.invalid("'mode' must be one of high, low, audio");
        }
        return mode;
    }

    private static IceCandidate candidate(JsonObject json) {
        if (!json.containsKey("candidate")) {
            throw BadFrameException.invalid("'candidate' is required (null for end of candidates)");
        }
        JsonValue value = json.get("candidate");
        if (isNull(value)) {
            return null;
        }
        if (!(value instanceof JsonObject c) || !(c.get("candidate") instanceof JsonString line)) {
            throw BadFrameException.invalid("'candidate' must be an object with a string 'candidate'");
        }
        return new IceCandidate(line.getString(), nullableString(c, "sdpMid"), lineIndex(c),
                nullableString(c, "usernameFragment"));
    }

    private static String nullableString(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (isNull(value)) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw BadFrameException.invalid("'candidate." + name + "' must be a string or null");
    }

    private static Integer lineIndex(JsonObject json) {
        JsonValue value = json.get("sdpMLineIndex");
        if (isNull(value)) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                int index = number.intValueExact();
                if (index >= 0) {
                    return index;
                }
            } catch (ArithmeticException e) {
                // falls through to the error below
            }
        }
        throw BadFrameException.invalid("'candidate.sdpMLineIndex' must be a non-negative integer or null");
    }

    private static boolean isNull(JsonValue value) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL;
    }
}
