package de.videotermin.api;

import java.security.Principal;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens whose signature and claims were already checked, with the caller and groups they
 * stand for, until the token expires. An agency system sends the same service-account token with
 * every request for minutes; verifying its signature and parsing its JSON each time was a seventh of
 * the server's CPU while a day was booked (bench/correspondence/RESULTS.md, session 3).
 *
 * <p>Only what the MP-JWT mechanism accepted is kept, and only until the token's own expiry: a token
 * is never valid here for longer than it would be when checked afresh. The map is bounded; when full
 * it is emptied (the next requests verify again). Tokens are never logged.
 */
final class VerifiedTokens {

    static final int MAX_ENTRIES = 10_000;

    record Verified(Principal caller, Set<String> groups, long expiresAtMillis) {
    }

    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
    private final Clock clock;

    VerifiedTokens(Clock clock) {
        this.clock = clock;
    }

    /** The bearer token of an {@code Authorization} header, if it has one. */
    static Optional<String> bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    Optional<Verified> lookup(String token) {
        Verified known = verified.get(token);
        if (known == null) {
            return Optional.empty();
        }
        if (known.expiresAtMillis() <= clock.millis()) {
            verified.remove(token, known);
            return Optional.empty();
        }
        return Optional.of(known);
    }

    /** Remembers a token the mechanism accepted; {@code expiresAtSeconds} is its {@code exp} claim. */
    void remember(String token, Principal caller, Set<String> groups, long expiresAtSeconds) {
        long expiresAt = expiresAtSeconds * 1000;
        if (caller == null || groups == null || expiresAt <= clock.millis()) {
            return;
        }
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(token, new Verified(caller, Set.copyOf(groups), expiresAt));
    }

    int size() {
        return verified.size();
    }
}
