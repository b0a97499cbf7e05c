package de.videotermin.appointment.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LinkTokensTest {

    @Test
    void tokensAre256BitBase64UrlAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = LinkTokens.newToken();
            assertThat(LinkTokens.isWellFormed(token)).isTrue();
            assertThat(seen.add(token)).isTrue();
        }
    }

    @Test
    void appointmentIdsAreRandomVersion4Uuids() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            UUID id = LinkTokens.newUuid();
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(seen.add(id)).isTrue();
        }
    }
}
