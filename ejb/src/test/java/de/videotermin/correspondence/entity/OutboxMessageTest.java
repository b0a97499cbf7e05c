package de.videotermin.correspondence.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutboxMessageTest {

    private final Instant now = Instant.parse("2026-12-01T08:00:00Z");

    private OutboxMessage message() {
        return OutboxMessage.email(UUID.randomUUID(), MessageKind.INVITATION, "k", "a@example.org", "s", "text", "<p>html</p>",
                "BEGIN:VCALENDAR", now);
    }

    @Test
    void retriesWithExponentialBackoffUpToTheLimitThenGivesUp() {
        OutboxMessage m = message();
        Duration initial = Duration.ofSeconds(5);
        Duration max = Duration.ofSeconds(60);
        m.failed("down", now, initial, max, 5);
        assertThat(m.getNextAttemptAt()).isEqualTo(now.plusSeconds(5));
        m.failed("down", now, initial, max, 5);
        assertThat(m.getNextAttemptAt()).isEqualTo(now.plusSeconds(10));
        m.failed("down", now, initial, max, 5);
        m.failed("down", now, initial, max, 5);
        assertThat(m.getNextAttemptAt()).isEqualTo(now.plusSeconds(40));
        assertThat(m.getStatus()).isEqualTo(MessageStatus.RETRYING);
        m.failed("down", now, initial, max, 5);
        assertThat(m.getStatus()).isEqualTo(MessageStatus.FAILED);
    }

    @Test
    void aDeliveredMessageForgetsItsBodyButKeepsItsHistory() {
        OutboxMessage m = message();
        m.sent(now);
        assertThat(m.getStatus()).isEqualTo(MessageStatus.SENT);
        assertThat(m.getBodyText()).isNull();
        assertThat(m.getBodyHtml()).isNull();
        assertThat(m.getIcs()).isNull();
        assertThat(m.getSubject()).isEqualTo("s");
        assertThat(m.getSentAt()).isEqualTo(now);
    }

    @Test
    void aQueuedInvitationHoldsTheLinkTokenOnlyUntilItIsRendered() {
        OutboxMessage m = OutboxMessage.queued(UUID.randomUUID(), MessageKind.INVITATION, "k", "a@example.org", "token", now);
        assertThat(m.isRendered()).isFalse();
        assertThat(m.getLinkToken()).isEqualTo("token");
        m.rendered("Subject", "text with link", "<p>html</p>", "BEGIN:VCALENDAR");
        assertThat(m.isRendered()).isTrue();
        assertThat(m.getLinkToken()).isNull();
        assertThat(m.getSubject()).isEqualTo("Subject");
        m.sent(now);
        assertThat(m.getBodyText()).isNull();
        assertThat(m.getSubject()).isEqualTo("Subject");
    }
}
