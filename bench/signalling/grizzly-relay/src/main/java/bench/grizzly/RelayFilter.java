package bench.grizzly;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;

/**
 * The PeerJS server's relay on a bare Grizzly filter chain: the HTTP upgrade and RFC 6455 framing written
 * by hand, no Servlet container and no Tyrus. A client connects to {@code /peerjs?id=…}, gets {@code OPEN},
 * and every text message {@code {type, dst, payload}} goes to {@code dst} with {@code src} added. Unlike the
 * Tyrus relay, the message is not rebuilt: it is parsed once with a streaming JSON-P parser (which validates
 * all of it and finds {@code dst}) and {@code src} is spliced in before the closing brace, as a product
 * relay that keeps payloads verbatim would do. Sends do not wait (Grizzly's write queue).
 *
 * <p>A benchmark prototype, not product code: no fragmented frames, no binary frames, no TLS, no limits
 * beyond the frame size and the write queue.
 */
public final class RelayFilter extends BaseFilter {

    private static final Attribute<Peer> PEER = Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute("relay.peer");
    private static final int MAX_HEADER = 8192;
    private static final int MAX_FRAME = 64 * 1024;
    private static final Pattern REQUEST_LINE = Pattern.compile("^GET (/[^ ?]*)(?:\\?([^ ]*))? HTTP/1\\.1\r\n");
    private static final Pattern KEY = Pattern.compile("(?im)^Sec-WebSocket-Key:\\s*([A-Za-z0-9+/=]{24})\\s*$");
    private static final Pattern ID = Pattern.compile("(?:^|&)id=([A-Za-z0-9_-]{1,64})(?:&|$)");
    private static final byte[] OPEN = frame("{\"type\":\"OPEN\"}".getBytes(StandardCharsets.UTF_8), 0x1);
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    private final Map<String, Peer> clients = new ConcurrentHashMap<>();

    /** One WebSocket client: its connection and its PeerJS id, as JSON string bytes for {@code ,"src":"…"}. */
    private record Peer(Connection<?> connection, String id, byte[] srcSuffix) {
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        Connection<?> connection = ctx.getConnection();
        Buffer in = ctx.getMessage();
        Peer peer = PEER.get(connection);
        if (peer == null) {
            peer = handshake(connection, in);
            if (peer == null) {
                return in.remaining() > MAX_HEADER ? close(connection, in) : ctx.getStopAction(in);
            }
        }
        while (in.remaining() >= 2) {
            int start = in.position();
            int b0 = in.get() & 0xff;
            int b1 = in.get() & 0xff;
            int length = b1 & 0x7f;
            if (length == 126) {
                if (in.remaining() < 2) {
                    in.position(start);
                    break;
                }
                length = in.getShort() & 0xffff;
            } else if (length == 127) {
                return close(connection, in); // larger than any signalling message
            }
            if ((b1 & 0x80) == 0 || (b0 & 0x80) == 0 || length > MAX_FRAME) {
                return close(connection, in); // unmasked, fragmented or too large: not for this prototype
            }
            if (in.remaining() < 4 + length) {
                in.position(start);
                break;
            }
            byte m0 = in.get(), m1 = in.get(), m2 = in.get(), m3 = in.get();
            byte[] payload = new byte[length];
            in.get(payload);
            for (int i = 0; i < length; i++) {
                payload[i] ^= switch (i & 3) { case 0 -> m0; case 1 -> m1; case 2 -> m2; default -> m3; };
            }
            switch (b0 & 0x0f) {
                case 0x1 -> relay(peer, payload);
                case 0x9 -> write(connection, frame(payload, 0xA));
                case 0xA -> { /* pong */ }
                default -> {
                    return close(connection, in); // close frame, or an opcode this relay does not speak
                }
            }
        }
        if (!in.hasRemaining()) {
            in.tryDispose();
            return ctx.getStopAction();
        }
        byte[] rest = new byte[in.remaining()];
        in.get(rest);
        in.tryDispose();
        return ctx.getStopAction(Buffers.wrap(memory(connection), rest));
    }

    @Override
    public NextAction handleClose(FilterChainContext ctx) throws IOException {
        Peer peer = PEER.remove(ctx.getConnection());
        if (peer != null) {
            clients.remove(peer.id(), peer);
        }
        return ctx.getInvokeAction();
    }

    private Peer handshake(Connection<?> connection, Buffer in) {
        int end = headerEnd(in);
        if (end < 0) {
            return null;
        }
        byte[] head = new byte[end - in.position()];
        in.get(head);
        String request = new String(head, StandardCharsets.ISO_8859_1);
        Matcher line = REQUEST_LINE.matcher(request);
        Matcher key = KEY.matcher(request);
        Matcher id = line.find() && "/peerjs".equals(line.group(1)) && line.group(2) != null ? ID.matcher(line.group(2)) : null;
        if (id == null || !id.find() || !key.find()) {
            write(connection, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            connection.closeSilently();
            return null;
        }
        write(connection, ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept(key.group(1)) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        Peer peer = new Peer(connection, id.group(1),
                (",\"src\":\"" + id.group(1) + "\"}").getBytes(StandardCharsets.UTF_8));
        PEER.set(connection, peer);
        clients.put(peer.id(), peer);
        write(connection, OPEN);
        return peer;
    }

    /** Validates the whole message, finds {@code dst} at the top level, splices {@code src} in and sends it. */
    private void relay(Peer from, byte[] message) {
        String dst = null;
        int lastBrace = -1;
        try (JsonParser parser = PARSERS.createParser(new ByteArrayInputStream(message), StandardCharsets.UTF_8)) {
            int depth = 0;
            boolean dstNext = false;
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case KEY_NAME -> dstNext = depth == 1 && "dst".equals(parser.getString());
                    case VALUE_STRING -> {
                        if (dstNext) {
                            dst = parser.getString();
                        }
                    }
                    default -> { }
                }
                if (event != JsonParser.Event.KEY_NAME) {
                    dstNext = false;
                }
            }
        } catch (JsonParsingException e) {
            return; // PeerJS drops what it cannot parse
        }
        for (int i = message.length - 1; i >= 0; i--) {
            if (message[i] == '}') {
                lastBrace = i;
                break;
            }
        }
        Peer to = dst == null ? null : clients.get(dst);
        if (to == null || lastBrace < 0) {
            return;
        }
        byte[] suffix = from.srcSuffix();
        int length = lastBrace + suffix.length;
        int header = length < 126 ? 2 : 4;
        byte[] out = new byte[header + length];
        writeHeader(out, length, 0x1);
        System.arraycopy(message, 0, out, header, lastBrace);
        System.arraycopy(suffix, 0, out, header + lastBrace, suffix.length);
        write(to.connection(), out);
    }

    private static void write(Connection<?> connection, byte[] bytes) {
        try {
            connection.write(Buffers.wrap(memory(connection), bytes));
        } catch (RuntimeException e) {
            connection.closeSilently(); // the write queue is full: a client that does not read
        }
    }

    private static MemoryManager<?> memory(Connection<?> connection) {
        return connection.getMemoryManager();
    }

    private static NextAction close(Connection<?> connection, Buffer in) {
        in.tryDispose();
        connection.closeSilently();
        return new FilterChainContext().getStopAction();
    }

    private static int headerEnd(Buffer in) {
        for (int i = in.position(); i + 3 < in.limit(); i++) {
            if (in.get(i) == '\r' && in.get(i + 1) == '\n' && in.get(i + 2) == '\r' && in.get(i + 3) == '\n') {
                return i + 4;
            }
        }
        return -1;
    }

    private static byte[] frame(byte[] payload, int opcode) {
        int header = payload.length < 126 ? 2 : 4;
        byte[] out = new byte[header + payload.length];
        writeHeader(out, payload.length, opcode);
        System.arraycopy(payload, 0, out, header, payload.length);
        return out;
    }

    private static void writeHeader(byte[] out, int length, int opcode) {
        out[0] = (byte) (0x80 | opcode);
        if (length < 126) {
            out[1] = (byte) length;
        } else {
            out[1] = 126;
            out[2] = (byte) (length >>> 8);
            out[3] = (byte) length;
        }
    }

    private static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1")
                    .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
