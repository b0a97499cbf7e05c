package de.videotermin.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import de.videotermin.system.AdvisorDesk;
import de.videotermin.system.Browser;
import de.videotermin.system.MediaStats;
import de.videotermin.system.Stack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The walking skeleton, end to end, with two separate headless Chromium instances (fake camera and
 * microphone): the advisor books, the citizen opens the link, consents and waits, the advisor lets
 * them in, and both really receive each other's audio and video.
 */
class ConsultationIT {

    private Browser advisor;
    private Browser citizen;

    @BeforeEach
    void startBrowsers() {
        advisor = Browser.start("de");
        citizen = Browser.start("en");
    }

    @AfterEach
    void closeBrowsers() {
        advisor.close();
        citizen.close();
    }

    @Test
    void advisorAndCitizenSeeAndHearEachOtherDirectly() throws Exception {
        String citizenName = "Erika Direkt " + UUID.randomUUID().toString().substring(0, 8);
        String link = bookAsAdvisor(citizenName);

        citizenConsents(link);
        assertThat(citizen.driver().getCurrentUrl()).contains("/citizen/room.xhtml");
        assertThat(citizen.accessibilityViolations()).as("axe on the citizen's waiting room").isEmpty();

        advisorOpensRoomAndAdmits(citizenName, "");
        awaitState(advisor, "connected");
        awaitState(citizen, "connected");

        MediaStats.assertFlowing(advisor, "advisor");
        MediaStats.assertFlowing(citizen, "citizen");
        assertThat(MediaStats.of(advisor).localCandidateType()).isIn("host", "srflx", "prflx");

        // Chat goes over the data channel, from the advisor to the citizen and back.
        sendChat(advisor, "Guten Tag, können Sie mich hören?");
        sendChat(citizen, "Yes, loud and clear");
        waitUntil(citizen, "return document.getElementById('room-chat-log').textContent.includes('können Sie mich hören')");
        waitUntil(advisor, "return document.getElementById('room-chat-log').textContent.includes('loud and clear')");

        assertThat(advisor.accessibilityViolations()).as("axe on the advisor's room in a call").isEmpty();
        assertThat(citizen.accessibilityViolations()).as("axe on the citizen's room in a call").isEmpty();

        advisor.driver().findElement(By.id("room-end")).click();
        awaitState(advisor, "ended");
        awaitState(citizen, "ended");

        assertThat(consentsInLedger(citizenName)).as("consent entries in the ledger").isEqualTo(1);
        awaitCallRecord(citizenName, "DIRECT");
    }

    @Test
    void callThroughOurTurnServerCarriesMedia() throws Exception {
        String citizenName = "Erika Relay " + UUID.randomUUID().toString().substring(0, 8);
        String link = bookAsAdvisor(citizenName);

        citizenConsents(link);
        // Force the relay on the citizen's side too: the same room page, with iceTransportPolicy 'relay'.
        citizen.open(citizen.driver().getCurrentUrl() + "&ice=relay");

        advisorOpensRoomAndAdmits(citizenName, "&ice=relay");
        awaitState(advisor, "connected");
        awaitState(citizen, "connected");

        MediaStats.assertFlowing(advisor, "advisor");
        MediaStats.assertFlowing(citizen, "citizen");
        assertThat(MediaStats.of(advisor).localCandidateType()).isEqualTo("relay");
        assertThat(MediaStats.of(citizen).localCandidateType()).isEqualTo("relay");

        advisor.driver().findElement(By.id("room-end")).click();
        awaitState(citizen, "ended");
        awaitCallRecord(citizenName, "RELAYED");
    }

    @Test
    void citizenWithoutConsentIsNotLetIntoTheRoom() {
        String citizenName = "Erika Ohne " + UUID.randomUUID().toString().substring(0, 8);
        String link = bookAsAdvisor(citizenName);
        String token = link.substring(link.lastIndexOf('/') + 1);

        citizen.open(Stack.BASE_URL + "/citizen/room.xhtml?t=" + token);

        assertThat(citizen.waitFor(By.id("consent-required")).isDisplayed()).isTrue();
        assertThat(citizen.driver().findElements(By.id("room"))).isEmpty();
    }

    @Test
    void unknownLinkGetsAReadablePage() {
        citizen.open(Stack.BASE_URL + "/t/thisIsNotAValidTokenAtAllButLooksLikeOneXYZ12");
        assertThat(citizen.waitFor(By.id("link-invalid")).getText()).isNotBlank();
        assertThat(citizen.accessibilityViolations()).as("axe on the invalid-link page").isEmpty();
    }

    private String bookAsAdvisor(String citizenName) {
        return AdvisorDesk.book(advisor, citizenName, Duration.ofMinutes(5));
    }

    private void citizenConsents(String link) {
        citizen.open(link);
        assertThat(citizen.waitFor(By.id("appointment-advisor")).getText()).isEqualTo("Anna Berger");
        assertThat(citizen.driver().findElement(By.id("consent-text")).getText()).contains("consent");
        assertThat(citizen.accessibilityViolations()).as("axe on the citizen's link page").isEmpty();
        citizen.driver().findElement(By.id("consent:give-consent")).click();
        // Click 2, the device test, is optional: skip it.
        citizen.waitFor(By.id("dt-continue")).click();
        citizen.waitFor(By.id("room"));
        awaitState(citizen, "waiting");
    }

    private void advisorOpensRoomAndAdmits(String citizenName, String extraQuery) {
        AdvisorDesk.openRoom(advisor, citizenName, extraQuery);
        advisor.waitFor(By.cssSelector("#room-lobby button"), Duration.ofSeconds(30)).click();
        // Admission shows as the lobby emptying. Once in CI the lobby was re-rendered as the click
        // landed and the citizen stayed waiting; a person would click again, and so does the test.
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                new WebDriverWait(advisor.driver(), Duration.ofSeconds(8))
                        .until(d -> d.findElements(By.cssSelector("#room-lobby button")).isEmpty());
                return;
            } catch (org.openqa.selenium.TimeoutException stillWaiting) {
                advisor.driver().findElements(By.cssSelector("#room-lobby button:not([disabled])"))
                        .stream().findFirst().ifPresent(org.openqa.selenium.WebElement::click);
            }
        }
    }

    private static void sendChat(Browser browser, String text) {
        var input = browser.waitFor(By.id("room-chat-input"));
        waitUntil(browser, "return !document.getElementById('room-chat-input').disabled");
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
    }

    private static void awaitState(Browser browser, String state) {
        waitUntil(browser, "return window.videotermin && window.videotermin.state === '" + state + "'");
    }

    private static void waitUntil(Browser browser, String script) {
        try {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(driver -> Boolean.TRUE.equals(browser.script(script)));
        } catch (org.openqa.selenium.TimeoutException e) {
            Object state = browser.script("return (window.videotermin ? window.videotermin.state : 'no client') + ' / '"
                    + " + (document.getElementById('room-status') || {}).textContent");
            throw new AssertionError("timed out waiting for [" + script + "]; client state: " + state
                    + "; page: " + browser.driver().getCurrentUrl(), e);
        }
    }

    private static int consentsInLedger(String citizenName) throws Exception {
        try (Connection c = DriverManager.getConnection(Stack.DB_URL, "videotermin", Stack.DB_PASSWORD);
             PreparedStatement s = c.prepareStatement("""
                     select count(*) from consent_record r join appointment a on a.id = r.appointment_id
                     where a.citizen_name = ? and r.withdrawn_at is null and r.channel = 'web'""")) {
            s.setString(1, citizenName);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** The call record is written when signalling reports the end; allow it a moment. */
    private static void awaitCallRecord(String citizenName, String connectionType) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (Connection c = DriverManager.getConnection(Stack.DB_URL, "videotermin", Stack.DB_PASSWORD);
                 PreparedStatement s = c.prepareStatement("""
                         select c.duration_seconds, c.connection_type, a.status from call_record c
                         join appointment a on a.id = c.appointment_id where a.citizen_name = ?""")) {
                s.setString(1, citizenName);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next() && r.getObject(1) != null) {
                        assertThat(r.getInt(1)).as("call duration in seconds").isGreaterThanOrEqualTo(0);
                        assertThat(r.getString(2)).isEqualTo(connectionType);
                        assertThat(r.getString(3)).isEqualTo("DONE");
                        return;
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no finished call record for " + citizenName);
            }
            Thread.sleep(300);
        }
    }
}
