package de.videotermin.consultation.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConsentWithdrawnTest {

    @Test
    void travelsAsOneLineAndComesBackTheSame() {
        ConsentWithdrawn notice = new ConsentWithdrawn("room-7f3a", "guest-12ab");
        assertThat(ConsentWithdrawn.decode(notice.encode())).contains(notice);
    }

    @Test
    void anythingElseOnTheTopicIsIgnored() {
        assertThat(ConsentWithdrawn.decode(null)).isEmpty();
        assertThat(ConsentWithdrawn.decode("")).isEmpty();
        assertThat(ConsentWithdrawn.decode("room-only")).isEmpty();
        assertThat(ConsentWithdrawn.decode("\u001fcitizen")).isEmpty();
        assertThat(ConsentWithdrawn.decode("room\u001f")).isEmpty();
        assertThat(ConsentWithdrawn.decode("a\u001fb\u001fc")).isEmpty();
    }

    @Test
    void idsWithTheSeparatorAreRefused() {
        assertThatThrownBy(() -> new ConsentWithdrawn("a\u001fb", "citizen")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConsentWithdrawn("room", "")).isInstanceOf(IllegalArgumentException.class);
    }
}
