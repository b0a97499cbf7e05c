package de.videotermin.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import de.videotermin.appointment.AgencyApi;
import de.videotermin.system.Stack;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SMTP server goes away: the booking still succeeds, the invitation waits in the outbox and is
 * retried; when the server is back it is delivered, exactly once. The test stops and starts the stack's
 * own GreenMail with ./run (safe: test classes run one after another, and GreenMail is only ours).
 */
class OutboxOutageIT {

    @AfterEach
    void smtpIsBack() throws Exception {
        mail("mail-start");
    }

    @Test
    void anInvitationWaitsWhileSmtpIsDownAndIsDeliveredOnceWhenItIsBack() throws Exception {
        double backlogBefore = Stack.metric("videotermin_outbox_backlog").orElseThrow();
        double failedBefore = Stack.metric("videotermin_outbox_failedAttempts_total").orElseThrow();
        mail("mail-stop");
        String email = "outage-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        ZonedDateTime start = ZonedDateTime.of(LocalDate.now().plusDays(3), LocalTime.of(15, 0), ZoneId.of("Europe/Berlin"));
        JsonObject created = AgencyApi.create(AgencyApi.token(),
                AgencyApi.booking(AgencyApi.newAdvisor(), start.toOffsetDateTime(), 30, email));
        UUID id = UUID.fromString(created.getString("id"));

        awaitOutbox(id, "RETRYING", Duration.ofSeconds(60));
        // operators see it: the backlog grows, the failed attempt is counted, the oldest message has waited
        awaitMetric("videotermin_outbox_backlog", v -> v >= backlogBefore + 1, Duration.ofSeconds(30));
        assertThat(Stack.metric("videotermin_outbox_failedAttempts_total").orElseThrow()).isGreaterThan(failedBefore);
        assertThat(Stack.metric("videotermin_outbox_oldestWaitingSeconds").orElseThrow()).isPositive();

        double sentBefore = Stack.metric("videotermin_outbox_sent_total").orElseThrow();
        mail("mail-start");
        awaitOutbox(id, "SENT", Duration.ofSeconds(180));
        assertThat(Stack.metric("videotermin_outbox_sent_total").orElseThrow()).isGreaterThan(sentBefore);
        awaitMetric("videotermin_outbox_backlog", v -> v <= backlogBefore, Duration.ofSeconds(30));

        Mailbox.Mail mail = Mailbox.await(email, m -> m.ics() != null, Duration.ofSeconds(30));
        assertThat(mail.text()).contains(created.getString("citizenLink"));
        assertThat(Mailbox.read(email)).as("delivered exactly once").hasSize(1);
        try (Connection db = DriverManager.getConnection(Stack.DB_URL, "videotermin", Stack.DB_PASSWORD);
             PreparedStatement q = db.prepareStatement("select attempts, body_text from outbox_message where appointment_id = ?")) {
            q.setObject(1, id);
            try (ResultSet rows = q.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).as("failed at least once, then delivered").isGreaterThanOrEqualTo(2);
                assertThat(rows.getString(2)).as("the delivered body (with the link) is erased").isNull();
            }
        }
    }

    private static void awaitOutbox(UUID appointment, String status, Duration limit) throws Exception {
        Instant end = Instant.now().plus(limit);
        String seen = null;
        while (Instant.now().isBefore(end)) {
            try (Connection db = DriverManager.getConnection(Stack.DB_URL, "videotermin", Stack.DB_PASSWORD);
                 PreparedStatement q = db.prepareStatement("select status from outbox_message where appointment_id = ? and kind = 'INVITATION'")) {
                q.setObject(1, appointment);
                try (ResultSet rows = q.executeQuery()) {
                    seen = rows.next() ? rows.getString(1) : null;
                }
            }
            if (status.equals(seen)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("outbox message is " + seen + ", expected " + status);
    }

    private static void awaitMetric(String name, java.util.function.DoublePredicate expected, Duration timeout)
            throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        double value = Stack.metric(name).orElseThrow();
        while (!expected.test(value) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            value = Stack.metric(name).orElseThrow();
        }
        assertThat(expected.test(value)).as(name + " = " + value).isTrue();
    }

    private static void mail(String command) throws Exception {
        Stack.run(command, java.util.Map.of(
                "VIDEOTERMIN_SMTP_PORT", System.getProperty("videotermin.smtpPort", "13025"),
                "VIDEOTERMIN_IMAP_PORT", String.valueOf(Mailbox.IMAP_PORT),
                "VIDEOTERMIN_MAIL_API_PORT", System.getProperty("videotermin.mailApiPort", "18025")));
    }
}
