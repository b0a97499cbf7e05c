package de.videotermin.integration;

import static org.assertj.core.api.Assertions.assertThat;

import de.videotermin.privacy.boundary.Retention;
import de.videotermin.privacy.entity.RetentionRun;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Retention erases exactly what is due at a given moment, and nothing else (real PostgreSQL). */
@ExtendWith(ArquillianExtension.class)
class RetentionIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.ejbModule(RetentionIT.class);
    }

    /** Now: whatever else is in the database is treated exactly as the nightly run would treat it. */
    private final Instant asOf = Instant.now();

    @Test
    void erasesWhatIsDueAndKeepsTheRest() throws Exception {
        DataSource ds = InitialContext.doLookup("jdbc/videotermin");
        // Appointments that ended 31 and 29 days before the run (contact data: 30 days).
        UUID old = appointment(ds, asOf.minus(Duration.ofDays(31)).minus(Duration.ofMinutes(30)), 30);
        UUID recent = appointment(ds, asOf.minus(Duration.ofDays(29)).minus(Duration.ofMinutes(30)), 30);
        UUID oldCall = callRecord(ds, old, asOf.minus(Duration.ofDays(91)));
        UUID recentCall = callRecord(ds, recent, asOf.minus(Duration.ofDays(89)));
        UUID oldConsent = consent(ds, old, asOf.minus(Duration.ofDays(1096)));
        UUID recentConsent = consent(ds, recent, asOf.minus(Duration.ofDays(1094)));
        // Guests invited by e-mail: the address on the invitation and on the outbox row (V10).
        UUID oldGuest = guest(ds, old, "old-guest@example.org");
        UUID recentGuest = guest(ds, recent, "recent-guest@example.org");

        long runsBefore = counter("videotermin.retention.runs");
        long callsErasedBefore = counter("videotermin.retention.erased", new Tag("what", "call_records"));
        RetentionRun run = CDI.current().select(Retention.class).get().runAsOf(asOf);

        assertThat(text(ds, "select citizen_name from appointment where id = ?", old)).isEqualTo(Retention.ERASED);
        assertThat(text(ds, "select citizen_email from appointment where id = ?", old)).isNull();
        assertThat(text(ds, "select link_token_hash from appointment where id = ?", old)).startsWith("erased-");
        assertThat(text(ds, "select citizen_name from appointment where id = ?", recent)).isEqualTo("Retention Test");
        assertThat(text(ds, "select citizen_email from appointment where id = ?", recent)).isEqualTo("rt@example.org");
        assertThat(text(ds, "select display_name from guest_invitation where id = ?", oldGuest)).isEqualTo(Retention.ERASED);
        assertThat(text(ds, "select email from guest_invitation where id = ?", oldGuest)).as("the guest's address").isNull();
        assertThat(text(ds, "select recipient from outbox_message where guest_id = ?", oldGuest)).as("the mail's recipient").isNull();
        assertThat(text(ds, "select status from outbox_message where guest_id = ?", oldGuest)).as("the history stays").isEqualTo("SENT");
        assertThat(text(ds, "select email from guest_invitation where id = ?", recentGuest)).isEqualTo("recent-guest@example.org");
        assertThat(text(ds, "select recipient from outbox_message where guest_id = ?", recentGuest)).isEqualTo("recent-guest@example.org");
        assertThat(exists(ds, "call_record", oldCall)).isFalse();
        assertThat(exists(ds, "call_record", recentCall)).isTrue();
        assertThat(exists(ds, "consent_record", oldConsent)).isFalse();
        assertThat(exists(ds, "consent_record", recentConsent)).isTrue();
        assertThat(run.getAnonymisedAppointments()).isGreaterThanOrEqualTo(1);
        assertThat(run.getDeletedCallRecords()).isGreaterThanOrEqualTo(1);
        assertThat(run.getDeletedConsentRecords()).isGreaterThanOrEqualTo(1);
        // what operators see at /metrics: the run, the rows it erased, and when it ran
        assertThat(counter("videotermin.retention.runs")).isEqualTo(runsBefore + 1);
        assertThat(counter("videotermin.retention.erased", new Tag("what", "call_records")))
                .isEqualTo(callsErasedBefore + run.getDeletedCallRecords());
        assertThat(metrics().getGauges((id, m) -> id.getName().equals("videotermin.retention.lastRunEpochSeconds"))
                .values()).singleElement().satisfies(g -> assertThat(g.getValue().longValue())
                        .isEqualTo(run.getRanAt().getEpochSecond()));

        // A second run finds nothing more of ours: idempotent.
        Retention retention = CDI.current().select(Retention.class).get();
        retention.runAsOf(asOf);
        assertThat(text(ds, "select citizen_name from appointment where id = ?", recent)).isEqualTo("Retention Test");
        assertThat(retention.latestRuns(1)).hasSize(1);
    }

    /** The application's registry (Payara's producer needs an injection point: no CDI.current().select). */
    @Inject
    MetricRegistry registry;

    private MetricRegistry metrics() {
        return registry;
    }

    /** By name and the given tags (the server may add its own, such as the application's name). */
    private long counter(String name, Tag... tags) {
        java.util.Map<String, String> wanted = new java.util.HashMap<>();
        for (Tag tag : tags) {
            wanted.put(tag.getTagName(), tag.getTagValue());
        }
        var found = metrics().getCounters((id, m) -> id.getName().equals(name)
                && id.getTags().entrySet().containsAll(wanted.entrySet()));
        assertThat(found).as(name + " " + wanted + " among " + metrics().getNames()).hasSize(1);
        return found.values().iterator().next().getCount();
    }

    private static UUID appointment(DataSource ds, Instant start, int minutes) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("""
                insert into appointment (id, room_id, link_token_hash, advisor_username, advisor_name, citizen_name,
                  citizen_email, legal_area, starts_at, duration_minutes, status, created_at)
                values (?, ?, ?, ?, 'Ina Test', 'Retention Test', 'rt@example.org', 'CAREER_GUIDANCE', ?, ?, 'DONE', ?)""")) {
            s.setObject(1, id);
            s.setString(2, "rt-" + id);
            s.setString(3, "hash-" + id);
            s.setString(4, "it.advisor-" + id); // an advisor of its own: the test can run again on the same database
            s.setTimestamp(5, Timestamp.from(start));
            s.setInt(6, minutes);
            s.setTimestamp(7, Timestamp.from(start.minus(Duration.ofDays(7))));
            s.executeUpdate();
        }
        return id;
    }

    /** A guest invited with an address, and the invitation mail the outbox sent them. */
    private static UUID guest(DataSource ds, UUID appointment, String email) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("""
                    insert into guest_invitation (id, appointment_id, kind, display_name, language, token_hash, participant_id,
                      created_at, created_by, email)
                    values (?, ?, 'INTERPRETER', 'Maria Dolmetsch', 'de', ?, ?, now(), 'it.advisor', ?)""")) {
                s.setObject(1, id);
                s.setObject(2, appointment);
                s.setString(3, "guest-hash-" + id);
                s.setString(4, "guest-" + id);
                s.setString(5, email);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    insert into outbox_message (id, appointment_id, guest_id, kind, channel, dedupe_key, recipient, subject,
                      status, attempts, next_attempt_at, created_at, sent_at)
                    values (?, ?, ?, 'GUEST_INVITATION', 'EMAIL', ?, ?, 'Einladung', 'SENT', 1, now(), now(), now())""")) {
                s.setObject(1, UUID.randomUUID());
                s.setObject(2, appointment);
                s.setObject(3, id);
                s.setString(4, "GUEST_INVITATION:" + id);
                s.setString(5, email);
                s.executeUpdate();
            }
        }
        return id;
    }

    private static UUID callRecord(DataSource ds, UUID appointment, Instant started) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into call_record (id, appointment_id, started_at, ended_at, duration_seconds, connection_type) values (?, ?, ?, ?, 600, 'DIRECT')")) {
            s.setObject(1, id);
            s.setObject(2, appointment);
            s.setTimestamp(3, Timestamp.from(started));
            s.setTimestamp(4, Timestamp.from(started.plusSeconds(600)));
            s.executeUpdate();
        }
        return id;
    }

    private static UUID consent(DataSource ds, UUID appointment, Instant given) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into consent_record (id, appointment_id, consent_text_id, given_at, channel) "
                        + "values (?, ?, (select min(id) from consent_text), ?, 'web')")) {
            s.setObject(1, id);
            s.setObject(2, appointment);
            s.setTimestamp(3, Timestamp.from(given));
            s.executeUpdate();
        }
        return id;
    }

    private static String text(DataSource ds, String sql, UUID id) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    private static boolean exists(DataSource ds, String table, UUID id) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("select 1 from " + table + " where id = ?")) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }
}
