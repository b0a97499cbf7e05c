package de.videotermin.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A signalling participant for system tests: a JDK WebSocket that queues what it receives. */
final class SignallingClient implements AutoCloseable {

    // Generous: on a loaded 2-core CI machine a frame was once later than 5 s; a healthy relay takes milliseconds.
    static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** How a connection ended. */
    record Closing(int code, String reason) {
    }

    private final LinkedBlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closing> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private SignallingClient(URI uri) throws Exception {
        this.socket = HTTP.newWebSocketBuilder().connectTimeout(TIMEOUT).buildAsync(uri, new Listener())
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    static SignallingClient connect(URI uri) throws Exception {
        return new SignallingClient(uri);
    }

    void send(String frame) {
        socket.sendText(frame, true).join();
    }

    void sendBinary(byte[] data) {
        socket.sendBinary(ByteBuffer.wrap(data), true).join();
    }

    /** The next frame, which must arrive within the timeout. */
    JsonObject next() throws InterruptedException {
        JsonObject frame = received.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(frame).as("a frame within " + TIMEOUT).isNotNull();
        return frame;
    }

    /** The next frame, which must be of this type. */
    JsonObject next(String type) throws InterruptedException {
        JsonObject frame = next();
        assertThat(frame.getString("type")).as("type of " + frame).isEqualTo(type);
        return frame;
    }

    /**
     * The next frame, or empty if the server closed the connection without sending one (a node that hands the
     * room on closes with 1012 at once). One of the two must happen within the timeout.
     */
    java.util.Optional<JsonObject> nextUnlessClosed() throws InterruptedException {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < end) {
            JsonObject frame = received.poll(100, TimeUnit.MILLISECONDS);
            if (frame != null) {
                return java.util.Optional.of(frame);
            }
            if (closed.isDone() && received.isEmpty()) {
                return java.util.Optional.empty();
            }
        }
        throw new AssertionError("neither a frame nor a close within " + TIMEOUT);
    }

    /**
     * Asserts that nothing arrived (or arrives) before the answer to a ping sent now. Frames to one
     * connection keep their order, so anything the server queued for this participant earlier shows
     * up before the pong: a barrier without sleeping.
     */
    void assertReceivedNothingMore() throws InterruptedException {
        send("{\"type\":\"ping\"}");
        assertThat(next().getString("type")).as("only the pong is expected").isEqualTo("pong");
        assertThat(received).isEmpty();
    }

    /** The close the server sent, which must come within the timeout. */
    Closing awaitClose() throws Exception {
        return closed.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The close the server sent, or empty if the connection broke first: a client that was still writing when
     * the server closed can get "broken pipe" before it reads the server's close frame. Either way it must end
     * within the timeout.
     */
    java.util.Optional<Closing> awaitCloseOrBreak() throws Exception {
        try {
            return java.util.Optional.of(awaitClose());
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof java.io.IOException) {
                return java.util.Optional.empty();
            }
            throw e;
        }
    }

    boolean isOpen() {
        return !closed.isDone();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try (JsonReader reader = Json.createReader(new StringReader(partial.toString()))) {
                    received.add(reader.readObject());
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Closing(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
