package de.videotermin.consultation.signalling;

/**
 * The wire form of server frames. Relayed negotiation (offer, answer, candidate: nearly every frame under
 * load) is written straight into one {@link StringBuilder}, with the same field order and escaping as
 * {@link ServerMessage#toJson()} produces through JSON-P, but without building a {@code JsonObject} tree and
 * copying the SDP through a generator; everything else uses {@code toJson()}.
 */
final class WireFormat {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private WireFormat() {
    }

    static String encode(ServerMessage message) {
        if (message instanceof ServerMessage.RelayedCandidate candidate) {
            return candidate(candidate);
        }
        if (message instanceof ServerMessage.RelayedOffer offer) {
            return sdp("offer", offer.from(), offer.sdp());
        }
        if (message instanceof ServerMessage.RelayedAnswer answer) {
            return sdp("answer", answer.from(), answer.sdp());
        }
        return message.toJson().toString();
    }

    private static String sdp(String type, String from, String sdp) {
        StringBuilder out = new StringBuilder(40 + from.length() + sdp.length() + sdp.length() / 16);
        out.append("{\"type\":\"").append(type).append("\",\"from\":");
        string(out, from);
        out.append(",\"sdp\":");
        string(out, sdp);
        return out.append('}').toString();
    }

    private static String candidate(ServerMessage.RelayedCandidate message) {
        IceCandidate c = message.candidate();
        StringBuilder out = new StringBuilder(c == null ? 64 : 120 + c.candidate().length());
        out.append("{\"type\":\"candidate\",\"from\":");
        string(out, message.from());
        out.append(",\"candidate\":");
        if (c == null) {
            out.append("null");
        } else {
            out.append("{\"candidate\":");
            string(out, c.candidate());
            out.append(",\"sdpMid\":");
            string(out, c.sdpMid());
            out.append(",\"sdpMLineIndex\":");
            out.append(c.sdpMLineIndex() == null ? "null" : c.sdpMLineIndex().toString());
            out.append(",\"usernameFragment\":");
            string(out, c.usernameFragment());
            out.append('}');
        }
        return out.append('}').toString();
    }

    /** A JSON string (or {@code null}), escaped as JSON-P (Parsson) does: quote, backslash and control characters. */
    static void string(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        int start = 0;
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(value, start, i);
            start = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        out.append(value, start, length);
        out.append('"');
    }
}
