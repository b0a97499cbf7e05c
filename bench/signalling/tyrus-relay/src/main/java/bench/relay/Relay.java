package bench.relay;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonWriterFactory;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The PeerJS server's relay, as little as it is: a client connects with {@code ?id=}, gets {@code OPEN},
 * and every message {@code {type, dst, payload}} goes to {@code dst} with {@code src} added (parsed and
 * written again with JSON-P, as PeerJS does with JSON.parse / JSON.stringify). Sends do not wait.
 */
@ServerEndpoint("/peerjs")
public class Relay {

    private static final Map<String, Session> CLIENTS = new ConcurrentHashMap<>();
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());
    private static final JsonWriterFactory WRITERS = Json.createWriterFactory(Map.of());

    @OnOpen
    public void open(Session session) {
        List<String> id = session.getRequestParameterMap().get("id");
        if (id == null || id.isEmpty()) {
            return;
        }
        session.getUserProperties().put("id", id.get(0));
        CLIENTS.put(id.get(0), session);
        session.getAsyncRemote().sendText("{\"type\":\"OPEN\"}");
    }

    @OnMessage
    public void message(Session session, String text) {
        JsonObject in;
        try (var reader = READERS.createReader(new StringReader(text))) {
            in = reader.readObject();
        }
        Session target = CLIENTS.get(in.getString("dst", ""));
        if (target == null) {
            return;
        }
        JsonObject out = Json.createObjectBuilder(in).add("src", (String) session.getUserProperties().get("id")).build();
        StringWriter written = new StringWriter(text.length() + 32);
        try (var writer = WRITERS.createWriter(written)) {
            writer.write(out);
        }
        target.getAsyncRemote().sendText(written.toString());
    }

    @OnClose
    public void close(Session session) {
        Object id = session.getUserProperties().get("id");
        if (id != null) {
            CLIENTS.remove(id, session);
        }
    }
}
