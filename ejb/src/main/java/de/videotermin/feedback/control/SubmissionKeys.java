package de.videotermin.feedback.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash that marks an appointment's survey as answered. Keyed (HMAC-SHA256), so that the
 * 122 random bits of an appointment id cannot simply be hashed by whoever holds a list of ids without
 * also holding the server secret; the label separates it from every other use of the same secret.
 */
public final class SubmissionKeys {

    private static final String LABEL = "videotermin.feedback.submission:";

    private final byte[] secret;

    public SubmissionKeys(String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("the feedback secret must have at least 32 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String of(UUID appointmentId) {
        Objects.requireNonNull(appointmentId);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((LABEL + appointmentId).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
