package de.videotermin.consultation.ticket;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encodes and verifies join tickets: {@code base64url(claims) "." base64url(HMAC-SHA256(claims))}.
 *
 * <p>Claims are newline-separated so that no field can smuggle a separator (fields are checked to be
 * single-line). Signatures are compared in constant time. Thread-safe: a {@link Mac} is created per call.
 */
public final class TicketSigner {

    private static final String VERSION = "vt1";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAX_TICKET_LENGTH = 2048;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Clock clock;

    public TicketSigner(String secret, Clock clock) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("the ticket secret must have at least 32 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.clock = clock;
    }

    public TicketSigner(String secret) {
        this(secret, Clock.systemUTC());
    }

    public String sign(JoinTicket ticket) {
        String claims = String.join("\n", VERSION, ticket.roomId(), ticket.role().name(), ticket.participantId(),
                Long.toString(ticket.expiresAt().getEpochSecond()), ticket.displayName().replace('\n', ' '));
        byte[] claimBytes = claims.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(claimBytes) + "." + ENCODER.encodeToString(mac(claimBytes));
    }

    /** Verifies signature and expiry. */
    public JoinTicket verify(String encoded) {
        if (encoded == null || encoded.isEmpty() || encoded.length() > MAX_TICKET_LENGTH) {
            throw new InvalidTicketException(InvalidTicketException.Reason.MALFORMED);
        }
        int dot = encoded.indexOf('.');
        if (dot <= 0 || dot != encoded.lastIndexOf('.')) {
            throw new InvalidTicketException(InvalidTicketException.Reason.MALFORMED);
        }
        byte[] claimBytes;
        byte[] signature;
        try {
            claimBytes = DECODER.decode(encoded.substring(0, dot));
            signature = DECODER.decode(encoded.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new InvalidTicketException(InvalidTicketException.Reason.MALFORMED);
        }
        if (!MessageDigest.isEqual(mac(claimBytes), signature)) {
            throw new InvalidTicketException(InvalidTicketException.Reason.BAD_SIGNATURE);
        }
        String[] parts = new String(claimBytes, StandardCharsets.UTF_8).split("\n", -1);
        if (parts.length != 6 || !VERSION.equals(parts[0])) {
            throw new InvalidTicketException(InvalidTicketException.Reason.MALFORMED);
        }
        JoinTicket ticket;
        try {
            ticket = new JoinTicket(parts[1], Role.valueOf(parts[2]), parts[3], parts[5],
                    Instant.ofEpochSecond(Long.parseLong(parts[4])));
        } catch (IllegalArgumentException e) {
            throw new InvalidTicketException(InvalidTicketException.Reason.MALFORMED);
        }
        if (ticket.isExpiredAt(clock.instant())) {
            throw new InvalidTicketException(InvalidTicketException.Reason.EXPIRED);
        }
        return ticket;
    }

    /** Verifies the ticket and that it was issued for this room. */
    public JoinTicket verifyFor(String encoded, String roomId) {
        JoinTicket ticket = verify(encoded);
        if (!ticket.roomId().equals(roomId)) {
            throw new InvalidTicketException(InvalidTicketException.Reason.WRONG_ROOM);
        }
        return ticket;
    }

    private byte[] mac(byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
