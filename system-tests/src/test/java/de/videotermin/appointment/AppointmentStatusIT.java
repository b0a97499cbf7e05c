package de.videotermin.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import de.videotermin.system.AdvisorDesk;
import de.videotermin.system.Browser;
import de.videotermin.system.Calls;
import de.videotermin.system.Stack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An appointment's status follows what happens: the citizen entering the waiting room, the call
 * starting and ending; and the advisor records a no-show from the agenda, but only once the start
 * time has passed. The agenda shows the status.
 */
class AppointmentStatusIT {

    @Test
    void theStatusFollowsTheCitizenIntoTheWaitingRoomAndThroughTheCall() throws Exception {
        String name = "Status " + UUID.randomUUID().toString().substring(0, 8);
        try (Browser advisor = Browser.start(); Browser citizen = Browser.start()) {
            String link = AdvisorDesk.book(advisor, name, Duration.ofMinutes(5));
            assertThat(statusInAgenda(advisor, name)).isIn("Geplant", "Eingeladen");

            citizen.open(link);
            citizen.waitFor(By.id("consent:give-consent")).click();
            citizen.waitFor(By.id("dt-continue")).click();
            Calls.awaitScript(citizen, "return window.videotermin && window.videotermin.state === 'waiting'", 30);
            assertThat(status(name)).isEqualTo("CITIZEN_WAITING");
            assertThat(statusInAgenda(advisor, name)).isEqualTo("Bürger/in wartet");

            AdvisorDesk.openRoom(advisor, name, "");
            advisor.waitFor(By.cssSelector("#room-lobby button"), Duration.ofSeconds(30)).click();
            Calls.awaitScript(advisor, "return window.videotermin.state === 'connected'", 30);
            Calls.eventually(() -> status(name), "IN_PROGRESS"::equals, Duration.ofSeconds(20), "status while the call runs");

            advisor.waitFor(By.id("room-end")).click();
            Calls.eventually(() -> status(name), "DONE"::equals, Duration.ofSeconds(20), "status after the call");
            assertThat(statusInAgenda(advisor, name)).isEqualTo("Erledigt");
        }
    }

    @Test
    void theAdvisorRecordsANoShowOnlyAfterTheStartTime() throws Exception {
        // one of Anna's appointments that began an hour ago (seeded: bookings in the past are refused),
        // on a day of its own far back so that it collides with nothing
        LocalDate day = LocalDate.of(2020, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 1500));
        String past = "Vergangen " + UUID.randomUUID().toString().substring(0, 8);
        seedAppointment(past, day);
        String future = "Zukunft " + UUID.randomUUID().toString().substring(0, 8);
        try (Browser advisor = Browser.start()) {
            AdvisorDesk.book(advisor, future, Duration.ofDays(400 + ThreadLocalRandom.current().nextInt(0, 300)));
            advisor.open(Stack.BASE_URL + "/advisor/");
            WebElement futureRow = advisor.waitFor(By.xpath("//tr[td[contains(., '" + future + "')]]"));
            assertThat(futureRow.findElements(By.className("mark-no-show"))).as("no no-show before the start").isEmpty();

            new Select(advisor.waitFor(By.id("range:view"))).selectByValue("day");
            advisor.script("document.getElementById('range:anchor').value = arguments[0];", day.toString());
            advisor.driver().findElement(By.id("range:show")).click();
            WebElement row = advisor.waitFor(By.xpath("//tr[td[contains(., '" + past + "')]]"));
            assertThat(row.findElement(By.className("status")).getText()).isEqualTo("Eingeladen");
            row.findElement(By.className("mark-no-show")).click();

            assertThat(advisor.waitFor(By.id("messages")).getText()).contains(past);
            WebElement updated = advisor.waitFor(By.xpath("//tr[td[contains(., '" + past + "')]]"));
            assertThat(updated.findElement(By.className("status")).getText()).isEqualTo("Nicht erschienen");
            assertThat(updated.findElements(By.className("mark-no-show"))).isEmpty();
            assertThat(advisor.accessibilityViolations()).as("axe, day view with a no-show").isEmpty();
        }
        assertThat(status(past)).isEqualTo("NO_SHOW");
    }

    private static String statusInAgenda(Browser advisor, String name) {
        advisor.open(Stack.BASE_URL + "/advisor/");
        return advisor.waitFor(By.xpath("//tr[td[contains(., '" + name + "')]]//td[@class='status']")).getText();
    }

    private static String status(String citizenName) {
        try (Connection c = DriverManager.getConnection(Stack.DB_URL, "videotermin", Stack.DB_PASSWORD);
             PreparedStatement s = c.prepareStatement("select status from appointment where citizen_name = ?")) {
            s.setString(1, citizenName);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void seedAppointment(String citizenName, LocalDate day) throws Exception {
        try (Connection c = DriverManager.getConnection(Stack.DB_URL, "videotermin", Stack.DB_PASSWORD);
             PreparedStatement s = c.prepareStatement("""
                     insert into appointment (id, room_id, link_token_hash, advisor_username, advisor_name, citizen_name,
                         citizen_email, legal_area, starts_at, duration_minutes, status, created_at)
                     values (?, ?, ?, 'anna.berger', 'Anna Berger', ?, 'vergangen@example.org', 'CAREER_GUIDANCE',
                         (?::date + time '10:00') at time zone 'Europe/Berlin', 30, 'INVITED', now())""")) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, UUID.randomUUID().toString().replace("-", ""));
            s.setString(3, UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", ""));
            s.setString(4, citizenName);
            s.setString(5, day.toString());
            s.executeUpdate();
        }
    }
}
