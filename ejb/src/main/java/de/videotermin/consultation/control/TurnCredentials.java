package de.videotermin.consultation.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * TURN REST API credentials as coturn's {@code use-auth-secret} expects them
 * (draft-uberti-behave-turn-rest): username {@code <unix-expiry>:<id>}, password
 * {@code base64(HMAC-SHA1(secret, username))}. coturn checks both without asking us.
 */
public final class TurnCredentials {

    private TurnCredentials() {
    }

    public record Credential(String username, String password) {
    }

    public static Credential issue(String secret, String id, Instant expiresAt) {
        String username = expiresAt.getEpochSecond() + ":" + id;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            String password = Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
            return new Credential(username, password);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is not available", e);
        }
    }
}
