package de.videotermin.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import de.videotermin.system.Browser;
import de.videotermin.system.Stack;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The citizen's survey after the call (anonymous, once) and the advisor's outcome, in real browsers. */
class FeedbackIT {

    private final String site = "FB-" + UUID.randomUUID().toString().substring(0, 8);
    private final UUID appointmentId = UUID.randomUUID();
    private final String roomId = token();
    private final String linkToken = token();

    @BeforeEach
    void seedAppointment(org.junit.jupiter.api.TestInfo test) throws Exception {
        // The outcome test needs Anna's own appointment; every other test an advisor of its own
        // (advisors cannot be double-booked, and all these appointments share one start time).
        boolean annasOwn = test.getTestMethod().map(m -> m.getName().startsWith("advisorRecords")).orElse(false);
        String advisorUsername = annasOwn ? "anna.berger" : "fb-" + UUID.randomUUID();
        if (annasOwn) {
            try (Connection c = db(); PreparedStatement earlier = c.prepareStatement(
                    "delete from appointment where advisor_username = 'anna.berger' "
                            + "and starts_at = timestamp '2026-03-29 10:00' at time zone 'Europe/Berlin'")) {
                earlier.executeUpdate();   // this test's own fixture from an earlier run against the same database
            }
        }
        try (Connection c = db(); PreparedStatement site = c.prepareStatement(
                "insert into site (code, name) values (?, 'Feedback test site') on conflict (code) do nothing")) {
            site.setString(1, this.site);
            site.executeUpdate();
        }
        // An advisor of its own per test: advisors cannot be double-booked.
        try (Connection c = db(); PreparedStatement s = c.prepareStatement("""
                insert into appointment (id, room_id, link_token_hash, advisor_username, advisor_name, citizen_name, legal_area,
                    starts_at, duration_minutes, status, created_at, site_code)
                values (?, ?, ?, ?, 'Anna Berger', 'Erika Mustermann', 'FAMILY_BENEFITS',
                    timestamp '2026-03-29 10:00' at time zone 'Europe/Berlin', 30, 'DONE', now(), ?)""")) {
            s.setObject(1, appointmentId);
            s.setString(2, roomId);
            s.setString(3, sha256(linkToken));
            s.setString(4, advisorUsername);
            s.setString(5, site);
            s.executeUpdate();
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        try (Connection c = db()) {
            c.createStatement().execute("delete from feedback_answer where site_code = '" + site + "'");
            c.createStatement().execute("delete from appointment where id = '" + appointmentId + "'");
        }
    }

    @Test
    void citizenAnswersOnceAndTheAnswerCannotBeJoinedBackToTheAppointment() throws Exception {
        try (Browser browser = Browser.start("en")) {
            browser.open(Stack.BASE_URL + "/citizen/feedback.xhtml?t=" + linkToken);
            browser.waitFor(By.id("survey-title"));
            assertThat(browser.driver().findElement(By.id("survey-anonymous")).getText()).contains("anonymous");
            browser.driver().findElement(By.cssSelector("input[name='survey:rating'][value='4']")).click();
            browser.driver().findElement(By.cssSelector("input[name='survey:recommend'][value='yes']")).click();
            browser.driver().findElement(By.cssSelector("input[name='survey:av'][value='no']")).click();
            browser.driver().findElement(By.id("survey:comment")).sendKeys("The sound dropped twice.");
            browser.driver().findElement(By.id("survey:send")).click();
            assertThat(browser.waitFor(By.id("survey-thanks")).getText()).isEqualTo("Thank you!");

            // a second visit with the same link cannot answer again
            browser.open(Stack.BASE_URL + "/citizen/feedback.xhtml?t=" + linkToken);
            browser.waitFor(By.id("survey-answered"));
            assertThat(browser.driver().findElements(By.id("survey:send"))).isEmpty();
        }

        try (Connection c = db()) {
            // the stored answer: area, site, day and the answers, nothing else
            List<String> row = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("select legal_area, answered_on, rating, would_recommend, easy_to_join,"
                    + " picture_sound_ok, comment from feedback_answer where site_code = '" + site + "'")) {
                assertThat(rs.next()).isTrue();
                for (int i = 1; i <= 7; i++) {
                    row.add(String.valueOf(rs.getObject(i)));
                }
                assertThat(rs.next()).as("exactly one answer").isFalse();
            }
            assertThat(row).containsExactly("FAMILY_BENEFITS", "2026-03-29", "4", "true", "null", "false", "The sound dropped twice.");

            // no column that could lead back: no appointment, room, citizen, advisor, or time of day
            assertThat(columns(c, "feedback_answer")).containsExactlyInAnyOrder("id", "legal_area", "site_code", "answered_on",
                    "rating", "would_recommend", "easy_to_join", "picture_sound_ok", "comment");
            assertThat(columns(c, "feedback_submission")).containsExactly("submission_hash");
            try (ResultSet rs = c.createStatement().executeQuery("select count(*) from information_schema.table_constraints"
                    + " where table_name in ('feedback_answer', 'feedback_submission') and constraint_type = 'FOREIGN KEY'")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
            // the double-submission marker is keyed: not the appointment id, nor its plain hash, nor the link's hash
            try (ResultSet rs = c.createStatement().executeQuery("select count(*) from feedback_submission where submission_hash in ('"
                    + appointmentId + "', '" + sha256(appointmentId.toString()) + "', '" + sha256(linkToken) + "')")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    @Test
    void anEmptySurveyIsNotSentAndSaysSo() throws Exception {
        try (Browser browser = Browser.start("de")) {
            browser.open(Stack.BASE_URL + "/citizen/feedback.xhtml?t=" + linkToken);
            browser.waitFor(By.id("survey:send")).click();
            assertThat(browser.waitFor(By.id("messages")).getText()).contains("noch keine Frage beantwortet");
            assertThat(browser.driver().findElements(By.id("survey:send"))).isNotEmpty();
        }
        try (Connection c = db(); ResultSet rs = c.createStatement().executeQuery(
                "select count(*) from feedback_answer where site_code = '" + site + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void aWrongLinkShowsAReadableMessage() {
        try (Browser browser = Browser.start("de")) {
            browser.open(Stack.BASE_URL + "/citizen/feedback.xhtml?t=" + token());
            assertThat(browser.waitFor(By.id("link-invalid")).getText()).isEqualTo("Dieser Link ist nicht gültig");
        }
    }

    @Test
    void surveyPassesAxeInGermanAndEnglish() {
        for (String language : List.of("de", "en")) {
            try (Browser browser = Browser.start(language)) {
                browser.open(Stack.BASE_URL + "/citizen/feedback.xhtml?t=" + linkToken);
                browser.waitFor(By.id("survey-title"));
                assertThat(browser.accessibilityViolations()).as("axe on the survey (" + language + ")").isEmpty();
            }
        }
    }

    @Test
    void advisorRecordsTheOutcomeOfTheirOwnAppointmentOnly() throws Exception {
        try (Browser browser = Browser.start("de")) {
            browser.open(Stack.BASE_URL + "/advisor/outcome.xhtml?room=" + roomId);
            browser.signInAtKeycloak("anna.berger", Stack.DEMO_PASSWORD);
            browser.waitFor(By.id("staff-name"));
            browser.open(Stack.BASE_URL + "/advisor/outcome.xhtml?room=" + roomId);
            browser.waitFor(By.id("outcome-title"));
            assertThat(browser.accessibilityViolations()).as("axe on the outcome page").isEmpty();
            browser.driver().findElement(By.cssSelector("input[name='outcome:choice'][value='NO_SHOW']")).click();
            browser.driver().findElement(By.id("outcome:save")).click();
            assertThat(browser.waitFor(By.id("messages")).getText()).contains("gespeichert");
        }
        try (Connection c = db(); ResultSet rs = c.createStatement().executeQuery(
                "select outcome from consultation_outcome where appointment_id = '" + appointmentId + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("NO_SHOW");
        }
        try (Browser other = Browser.start("de")) {
            other.open(Stack.BASE_URL + "/advisor/outcome.xhtml?room=" + roomId);
            other.signInAtKeycloak("thomas.krueger", Stack.DEMO_PASSWORD);
            other.waitFor(By.id("staff-name"));
            other.open(Stack.BASE_URL + "/advisor/outcome.xhtml?room=" + roomId);
            assertThat(other.waitFor(By.id("outcome-not-found")).isDisplayed()).isTrue();
            assertThat(other.driver().getPageSource()).doesNotContain("Erika Mustermann");
        }
    }

    private static List<String> columns(Connection c, String table) throws Exception {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(
                "select column_name from information_schema.columns where table_name = '" + table + "'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static Connection db() throws Exception {
        return DriverManager.getConnection(Stack.DB_URL, "videotermin", Stack.DB_PASSWORD);
    }

    private static String token() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
    }
}
