package de.videotermin.appointment.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Random tokens for citizens' links and room ids. 256 bits from {@link SecureRandom}, base64url;
 * only the SHA-256 hash of a link token is ever stored (a fast hash is enough for 256 random bits).
 */
public final class LinkTokens {

    /**
     * One generator per thread: the platform's default (NativePRNG) serialises every caller on one
     * lock, which showed up under concurrent bookings. DRBG instances are independent and each is
     * seeded from the operating system's entropy.
     */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    });
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private LinkTokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.get().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Room ids need not be secret, but must not be guessable or sequential: 128 bits. */
    public static String newRoomId() {
        byte[] bytes = new byte[16];
        RANDOM.get().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A random (version 4) UUID from this thread's generator; {@link java.util.UUID#randomUUID()} shares one lock. */
    public static java.util.UUID newUuid() {
        SecureRandom random = RANDOM.get();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new java.util.UUID(high, low);
    }

    /** Cheap check before touching the database: anything not shaped like a token cannot be one. */
    public static boolean isWellFormed(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
