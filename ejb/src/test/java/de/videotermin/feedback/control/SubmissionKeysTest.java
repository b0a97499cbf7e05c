package de.videotermin.feedback.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class SubmissionKeysTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @Test
    void sameAppointmentSameKeyOtherAppointmentOtherKey() {
        UUID id = UUID.randomUUID();
        SubmissionKeys keys = new SubmissionKeys(SECRET);
        assertThat(keys.of(id)).isEqualTo(keys.of(id)).hasSize(64).doesNotContain(id.toString());
        assertThat(keys.of(id)).isNotEqualTo(keys.of(UUID.randomUUID()));
    }

    @Test
    void withoutTheSecretTheKeyCannotBeRecomputed() {
        UUID id = UUID.randomUUID();
        assertThat(new SubmissionKeys(SECRET).of(id)).isNotEqualTo(new SubmissionKeys(SECRET + "x").of(id));
    }

    @Test
    void refusesAShortSecret() {
        assertThatThrownBy(() -> new SubmissionKeys("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
