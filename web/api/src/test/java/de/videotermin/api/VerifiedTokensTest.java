package de.videotermin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
    private static final Principal AGENCY = () -> "service-account-agency";

    @Test
    void aVerifiedTokenIsKnownUntilItExpiresAndNotASecondLonger() {
        VerifiedTokens tokens = new VerifiedTokens(Clock.fixed(NOW, ZoneOffset.UTC));
        long exp = NOW.plusSeconds(300).getEpochSecond();
        tokens.remember("t1", AGENCY, Set.of("agency"), exp);

        assertThat(tokens.lookup("t1")).hasValueSatisfying(v -> {
            assertThat(v.caller()).isSameAs(AGENCY);
            assertThat(v.groups()).containsExactly("agency");
        });
        assertThat(tokens.lookup("t2")).as("another token is verified by the mechanism").isEmpty();

        VerifiedTokens later = new VerifiedTokens(Clock.fixed(NOW.plusSeconds(300), ZoneOffset.UTC));
        later.remember("t1", AGENCY, Set.of("agency"), exp);
        assertThat(later.lookup("t1")).as("expired: checked afresh (and refused) by the mechanism").isEmpty();
    }

    @Test
    void anExpiredEntryIsDroppedOnLookup() {
        MutableClock clock = new MutableClock(NOW);
        VerifiedTokens tokens = new VerifiedTokens(clock);
        tokens.remember("t1", AGENCY, Set.of("agency"), NOW.plusSeconds(10).getEpochSecond());
        clock.now = NOW.plusSeconds(11);
        assertThat(tokens.lookup("t1")).isEmpty();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void theMapStaysBounded() {
        VerifiedTokens tokens = new VerifiedTokens(Clock.fixed(NOW, ZoneOffset.UTC));
        long exp = NOW.plusSeconds(300).getEpochSecond();
        for (int i = 0; i <= VerifiedTokens.MAX_ENTRIES; i++) {
            tokens.remember("t" + i, AGENCY, Set.of(), exp);
        }
        assertThat(tokens.size()).isLessThanOrEqualTo(VerifiedTokens.MAX_ENTRIES);
        assertThat(tokens.lookup("t" + VerifiedTokens.MAX_ENTRIES)).as("the newest is kept").isPresent();
    }

    @Test
    void onlyBearerHeadersCarryAToken() {
        assertThat(VerifiedTokens.bearer("Bearer abc.def.ghi")).hasValue("abc.def.ghi");
        assertThat(VerifiedTokens.bearer("bearer abc")).hasValue("abc");
        assertThat(VerifiedTokens.bearer("Basic dXNlcjpwYXNz")).isEmpty();
        assertThat(VerifiedTokens.bearer("Bearer ")).isEmpty();
        assertThat(VerifiedTokens.bearer(null)).isEmpty();
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
