package de.videotermin.consultation.signalling;

import jakarta.websocket.Session;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes a text frame that this class framed itself, through Tyrus's {@code TyrusWebSocket.sendRawFrame}
 * — the same protocol-handler lock and writer as {@code getBasicRemote().sendText}, in order, but without
 * waiting for the write (see {@link #sendText}).
 *
 * <p>Why: Tyrus 2.1.5 encodes outgoing text with its own {@code StrictUtf8} charset through a
 * {@code CharBuffer} wrapped around the {@code String}, one character at a time (about a quarter of the
 * server's CPU samples in bench/signalling); {@link String#getBytes} with UTF-8 is an intrinsic of the JVM.
 * A server frame is simple to build (no mask, RFC 6455 section 5.2). Only used when the connection has no
 * negotiated extension (the endpoint offers none), and only for Tyrus sessions; anything else, or a Tyrus
 * without this method, falls back to {@code sendText} (logged once).
 */
final class TextFrameWriter {

    private static final Logger LOG = Logger.getLogger(TextFrameWriter.class.getName());
    private static volatile boolean unavailable;
    private static volatile Access access;

    private record Access(Class<?> remoteType, Field webSocket, Method sendRawFrame) {
    }

    private final Object webSocket;
    private final Method sendRawFrame;
    /** Frames handed over and not yet written, oldest first; only the writing thread touches it. */
    private final ArrayDeque<Future<?>> inFlight = new ArrayDeque<>();

    private TextFrameWriter(Object webSocket, Method sendRawFrame) {
        this.webSocket = webSocket;
        this.sendRawFrame = sendRawFrame;
    }

    /** A writer for the session, or null if frames must go through {@code sendText}. */
    static TextFrameWriter of(Session session) {
        if (unavailable) {
            return null;
        }
        Object remote;
        try {
            remote = session.getBasicRemote();
            if (tyrusRemote(remote.getClass()) == null || !session.getNegotiatedExtensions().isEmpty()) {
                return null;
            }
        } catch (RuntimeException e) {
            return null; // not a session this can write to
        }
        try {
            Access known = access;
            if (known == null || known.remoteType() != remote.getClass()) {
                known = find(remote.getClass());
                access = known;
            }
            Object webSocket = known.webSocket().get(remote);
            return webSocket == null ? null : new TextFrameWriter(webSocket, known.sendRawFrame());
        } catch (ReflectiveOperationException | RuntimeException e) {
            unavailable = true;
            LOG.log(Level.INFO, "frames are encoded by the WebSocket container ({0})", e.getClass().getName());
            return null;
        }
    }

    private static Class<?> tyrusRemote(Class<?> remoteType) {
        for (Class<?> type = remoteType; type != null; type = type.getSuperclass()) {
            if (type.getName().equals("org.glassfish.tyrus.core.TyrusRemoteEndpoint")) {
                return type;
            }
        }
        return null;
    }

    private static Access find(Class<?> remoteType) throws ReflectiveOperationException {
        Field field = tyrusRemote(remoteType).getDeclaredField("webSocket");
        field.setAccessible(true);
        Method method = field.getType().getMethod("sendRawFrame", ByteBuffer.class);
        if (!Future.class.isAssignableFrom(method.getReturnType())) {
            throw new NoSuchMethodException("sendRawFrame returns " + method.getReturnType().getName());
        }
        return new Access(remoteType, field, method);
    }

    /**
     * Hands the frame to the connection without waiting for it to be written: the container queues it behind
     * the frames before it (in order) and writes it when the socket can take it. Returns false if the client
     * has more than {@link SessionPeer#MAX_QUEUED} frames not yet written: it is not reading.
     *
     * <p>Why not wait, as {@code getBasicRemote().sendText} does: a worker thread waiting for a slow client's
     * socket is a thread not reading anybody's frames; in bench/signalling (32 worker threads) that left the
     * server at half a core while relay latency grew to seconds.
     */
    boolean sendText(String text) throws IOException {
        Future<?> sent;
        try {
            sent = (Future<?>) sendRawFrame.invoke(webSocket, ByteBuffer.wrap(frame(text)));
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause);
        }
        inFlight.add(sent);
        while (!inFlight.isEmpty() && inFlight.peek().isDone()) {
            Future<?> done = inFlight.poll();
            try {
                done.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while sending");
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
        }
        return inFlight.size() <= SessionPeer.MAX_QUEUED;
    }

    /** An unmasked, final text frame holding the text as UTF-8. */
    static byte[] frame(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        int length = payload.length;
        int header = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
        byte[] frame = new byte[header + length];
        frame[0] = (byte) 0x81; // FIN, opcode 1 (text)
        if (header == 2) {
            frame[1] = (byte) length;
        } else if (header == 4) {
            frame[1] = 126;
            frame[2] = (byte) (length >>> 8);
            frame[3] = (byte) length;
        } else {
            frame[1] = 127;
            for (int i = 0; i < 8; i++) {
                frame[2 + i] = (byte) ((long) length >>> (56 - 8 * i));
            }
        }
        System.arraycopy(payload, 0, frame, header, length);
        return frame;
    }
}
