package de.videotermin.consent;

import static org.assertj.core.api.Assertions.assertThat;

import de.videotermin.system.AdvisorDesk;
import de.videotermin.system.Browser;
import de.videotermin.system.Calls;
import de.videotermin.system.Database;
import de.videotermin.system.MediaStats;
import de.videotermin.system.Stack;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The citizen's way in: (1) consent, (2) optional device test through our TURN server,
 * (3) waiting room, admitted, media flows — and every way the link can fail, readably.
 */
class CitizenJourneyIT {

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
    void wholeJourneyWithDeviceTestInEnglishAndGerman() throws Exception {
        String name = "Journey " + UUID.randomUUID().toString().substring(0, 8);
        String link = AdvisorDesk.book(advisor, name, Duration.ofMinutes(5));

        citizen.open(link);
        assertThat(citizen.waitFor(By.id("page-title")).getText()).isEqualTo("Your video appointment");
        assertThat(citizen.script("return document.documentElement.lang")).isEqualTo("en");
        assertThat(citizen.accessibilityViolations()).as("axe, link page, English").isEmpty();
        // The language switch keeps the link and changes every text.
        citizen.driver().findElement(By.id("lang-de")).click();
        assertThat(citizen.waitFor(By.id("page-title")).getText()).isEqualTo("Ihr Videotermin");
        assertThat(citizen.accessibilityViolations()).as("axe, link page, German").isEmpty();
        citizen.driver().findElement(By.id("lang-en")).click();
        citizen.waitFor(By.id("consent:give-consent")).click();

        // Click 2: the fake camera and microphone show up and the connection test runs through coturn.
        citizen.waitFor(By.id("device-test"));
        Calls.awaitScript(citizen, "return window.videoterminDeviceTest && window.videoterminDeviceTest.state === 'done'", 40);
        assertThat(citizen.script("return window.videoterminDeviceTest.verdict")).isIn("GOOD", "LOW_QUALITY");
        assertThat(citizen.script("return window.videoterminDeviceTest.result.relayOk")).isEqualTo(true);
        assertThat(citizen.script("return window.videoterminDeviceTest.result.cameraOk")).isEqualTo(true);
        assertThat(((Number) citizen.script("return document.getElementById('dt-camera').options.length")).intValue())
                .as("the fake camera is listed").isPositive();
        assertThat(citizen.driver().findElement(By.id("dt-verdict")).getText()).startsWith("Result:");
        assertThat(citizen.accessibilityViolations()).as("axe, device test").isEmpty();

        // Click 3: enter, wait, be let in.
        citizen.driver().findElement(By.id("dt-continue")).click();
        Calls.awaitScript(citizen, "return window.videotermin && window.videotermin.state === 'waiting'", 30);
        AdvisorDesk.openRoom(advisor, name, "");
        assertThat(advisor.waitFor(By.id("device-check-verdict")).getText()).isIn("gut", "eingeschränkt, niedrige Bildqualität empfohlen");
        Calls.awaitScript(citizen, "return document.getElementById('room-status').textContent.includes('has been told')", 30);
        advisor.waitFor(By.cssSelector("#room-lobby button"), Duration.ofSeconds(30)).click();
        Calls.awaitScript(advisor, "return window.videotermin.state === 'connected'", 30);
        Calls.awaitScript(citizen, "return window.videotermin.state === 'connected'", 30);
        Calls.awaitScript(citizen, "return document.getElementById('remote-video').videoWidth > 0", 20);
        MediaStats stats = MediaStats.of(citizen);
        assertThat(stats.videoBytesReceived()).isPositive();
        assertThat(stats.audioBytesReceived()).isPositive();

        assertThat(deviceChecks(name, false)).as("device test recorded for the advisor").isEqualTo(1);
    }

    @Test
    void withdrawingDuringTheCallEndsItForBothAndIsInTheLedger() throws Exception {
        String name = "Withdraws " + UUID.randomUUID().toString().substring(0, 8);
        String link = inTheCall(name);

        citizen.driver().findElement(By.id("room-withdraw")).click();

        assertTheCallEndedByWithdrawal(name);
        assertRoomStaysClosed(link); // the consultation is over
    }

    @Test
    void withdrawingOnTheReceiptFromAnotherDeviceEndsTheRunningCall() throws Exception {
        String name = "Elsewhere " + UUID.randomUUID().toString().substring(0, 8);
        String link = inTheCall(name);

        // The citizen withdraws on the receipt page of another device (a browser of its own, no room open there):
        // the ledger tells signalling over the data grid, and the call in the first browser ends for both.
        Browser phone = Browser.start("en");
        try {
            phone.open(link);
            phone.waitFor(By.id("privacy-receipt")).click();
            phone.waitFor(By.id("receipt-withdraw:withdraw")).click();
            assertThat(phone.waitFor(By.id("receipt-messages")).getText()).contains("withdrawn");
        } finally {
            phone.close();
        }

        assertTheCallEndedByWithdrawal(name);
    }

    /** Books for the name, goes through consent and the device page, is admitted: the call runs. Returns the link. */
    private String inTheCall(String name) throws Exception {
        String link = AdvisorDesk.book(advisor, name, Duration.ofMinutes(5));
        citizen.open(link);
        citizen.waitFor(By.id("consent:give-consent")).click();
        citizen.waitFor(By.id("dt-continue")).click();
        Calls.awaitScript(citizen, "return window.videotermin && window.videotermin.state === 'waiting'", 30);
        AdvisorDesk.openRoom(advisor, name, "");
        advisor.waitFor(By.cssSelector("#room-lobby button"), Duration.ofSeconds(30)).click();
        Calls.awaitScript(citizen, "return window.videotermin.state === 'connected'", 30);
        return link;
    }

    /** The room page of the link shows that the room is not open (and requests no ticket). */
    private void assertRoomStaysClosed(String link) {
        String token = link.substring(link.lastIndexOf('/') + 1);
        citizen.open(Stack.BASE_URL + "/citizen/room.xhtml?t=" + token);
        assertThat(citizen.waitFor(By.id("room-not-open")).isDisplayed()).isTrue();
    }

    /** Both sides were told the citizen withdrew, and the ledger has exactly that withdrawal. */
    private void assertTheCallEndedByWithdrawal(String name) throws Exception {
        Calls.awaitScript(citizen, "return window.videotermin.state === 'ended'", 20);
        Calls.awaitScript(advisor, "return window.videotermin.state === 'ended'", 20);
        assertThat(citizen.driver().findElement(By.id("room-status")).getText()).contains("You withdrew your consent");
        assertThat(advisor.driver().findElement(By.id("room-status")).getText()).contains("Einwilligung widerrufen");
        assertThat(Database.count("select count(*) from consent_record r join appointment a on a.id = r.appointment_id "
                + "where a.citizen_name = ? and r.withdrawn_at is not null", name)).isEqualTo(1);
    }

    @Test
    void receiptShowsWhatIsStoredWhyAndUntilWhenAndAllowsWithdrawal() throws Exception {
        String name = "Receipt " + UUID.randomUUID().toString().substring(0, 8);
        String link = AdvisorDesk.book(advisor, name, Duration.ofMinutes(5));
        citizen.open(link);
        citizen.waitFor(By.id("consent:give-consent")).click();
        citizen.waitFor(By.id("device-test"));
        citizen.open(link);
        citizen.waitFor(By.id("privacy-receipt")).click();

        String receipt = citizen.waitFor(By.id("receipt")).getText();
        assertThat(receipt).contains(name).contains("erika@example.org").contains("Consented to version 1")
                .contains("anonymised afterwards").contains("limitation period");
        assertThat(citizen.driver().findElements(By.cssSelector("#receipt tbody tr td:last-child")))
                .as("every line says when it is deleted").allSatisfy(cell -> assertThat(cell.getText()).matches(".*\\d{4}.*"));
        assertThat(citizen.accessibilityViolations()).as("axe, receipt").isEmpty();

        citizen.driver().findElement(By.id("receipt-withdraw:withdraw")).click();
        assertThat(citizen.waitFor(By.id("receipt-messages")).getText()).contains("withdrawn");
        assertThat(citizen.waitFor(By.id("receipt")).getText()).contains("withdrawn on");
        assertThat(Database.count("select count(*) from consent_record r join appointment a on a.id = r.appointment_id "
                + "where a.citizen_name = ? and r.withdrawn_at is not null", name)).isEqualTo(1);
    }

    @Test
    void devicePageAndWaitingRoomPassAxeInGermanToo() {
        String name = "Deutsch " + UUID.randomUUID().toString().substring(0, 8);
        String link = AdvisorDesk.book(advisor, name, Duration.ofMinutes(5));
        citizen.open(link + "?lang=de");
        citizen.waitFor(By.id("consent:give-consent")).click();
        citizen.waitFor(By.id("device-test"));
        Calls.awaitScript(citizen, "return window.videoterminDeviceTest && window.videoterminDeviceTest.state === 'done'", 40);
        assertThat(citizen.script("return document.documentElement.lang")).isEqualTo("de");
        assertThat(citizen.accessibilityViolations()).as("axe, device test, German").isEmpty();
        citizen.driver().findElement(By.id("dt-continue")).click();
        Calls.awaitScript(citizen, "return window.videotermin && window.videotermin.state === 'waiting'", 30);
        assertThat(citizen.accessibilityViolations()).as("axe, waiting room, German").isEmpty();
        // The quality the device test suggested is where the room starts.
        String expected = "LOW_QUALITY".equals(citizen.script("return sessionStorage.getItem('videotermin.quality') === 'low' ? 'LOW_QUALITY' : 'GOOD'"))
                ? "low" : "high";
        assertThat(citizen.script("return document.getElementById('room-quality').value")).isEqualTo(expected);
    }

    @Test
    void keyboardAloneLeadsThroughTheThreeClicks() {
        String name = "Keyboard " + UUID.randomUUID().toString().substring(0, 8);
        String link = AdvisorDesk.book(advisor, name, Duration.ofMinutes(5));
        citizen.open(link);
        citizen.waitFor(By.id("page-title"));

        tabTo(citizen, "consent:give-consent");
        new Actions(citizen.driver()).sendKeys(Keys.ENTER).perform();
        citizen.waitFor(By.id("device-test"));
        tabTo(citizen, "dt-continue");
        new Actions(citizen.driver()).sendKeys(Keys.ENTER).perform();
        Calls.awaitScript(citizen, "return window.videotermin && window.videotermin.state === 'waiting'", 30);
        assertThat(citizen.driver().getCurrentUrl()).contains("/citizen/room.xhtml");
    }

    @Test
    void rehearsalDaysBeforeTestsDevicesWithoutOpeningTheRoom() throws Exception {
        String name = "Rehearsal " + UUID.randomUUID().toString().substring(0, 8);
        String link = AdvisorDesk.book(advisor, name, Duration.ofDays(3));
        citizen.open(link);
        assertThat(citizen.waitFor(By.id("not-yet-title")).getText()).isEqualTo("The consultation has not started yet");
        assertThat(citizen.driver().findElements(By.id("consent:give-consent"))).isEmpty();
        assertThat(citizen.accessibilityViolations()).as("axe, not yet open").isEmpty();

        citizen.driver().findElement(By.id("rehearsal:rehearse")).click();
        assertThat(citizen.waitFor(By.id("page-title")).getText()).startsWith("Rehearsal");
        Calls.awaitScript(citizen, "return window.videoterminDeviceTest && window.videoterminDeviceTest.state === 'done'", 40);
        assertThat(citizen.driver().findElements(By.id("dt-continue"))).as("no way into a room days before").isEmpty();
        assertThat(deviceChecks(name, true)).isEqualTo(1);

        assertRoomStaysClosed(link);
    }

    @Test
    void expiredCancelledAndHeldLinksEachSayWhatHappened() throws Exception {
        String name = "States " + UUID.randomUUID().toString().substring(0, 8);
        String link = AdvisorDesk.book(advisor, name, Duration.ofMinutes(5));

        update("update appointment set status = 'CANCELLED' where citizen_name = ?", name);
        citizen.open(link);
        assertThat(citizen.waitFor(By.id("cancelled-title")).getText()).isEqualTo("This appointment was cancelled");
        assertThat(citizen.accessibilityViolations()).as("axe, cancelled").isEmpty();

        update("update appointment set status = 'DONE' where citizen_name = ?", name);
        citizen.open(link);
        assertThat(citizen.waitFor(By.id("finished-title")).getText()).isEqualTo("This consultation has already taken place");

        update("update appointment set status = 'PLANNED', starts_at = now() - interval '3 hours' where citizen_name = ?", name);
        citizen.open(link);
        assertThat(citizen.waitFor(By.id("expired-title")).getText()).isEqualTo("This link has expired");
        assertThat(citizen.accessibilityViolations()).as("axe, expired").isEmpty();
    }

    @Test
    void decliningLeadsToTheAlternativesAndIsRecorded() throws Exception {
        String name = "Declines " + UUID.randomUUID().toString().substring(0, 8);
        String link = AdvisorDesk.book(advisor, name, Duration.ofMinutes(5));
        citizen.open(link);
        citizen.waitFor(By.id("consent:decline")).click();
        assertThat(citizen.waitFor(By.id("declined-title")).getText()).isEqualTo("You declined the video consultation");
        assertThat(citizen.accessibilityViolations()).as("axe, declined").isEmpty();
        assertThat(Database.count("select count(*) from consent_record r join appointment a on a.id = r.appointment_id "
                + "where a.citizen_name = ? and r.decision = 'DECLINED'", name)).isEqualTo(1);
    }

    @Test
    void guessingTokensIsRateLimited() throws Exception {
        int allowed = Integer.getInteger("videotermin.linkFailuresAllowed", 10);
        long windowSeconds = Long.getLong("videotermin.linkFailureWindowSeconds", 5);
        HttpResponse<String> last = null;
        for (int i = 0; i <= allowed; i++) {
            last = Stack.get(Stack.BASE_URL + "/t/" + ("guess" + i + "x".repeat(43)).substring(0, 43), null);
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.body()).contains("too-many-attempts").doesNotContain("Exception");
        // After the window the same client may look up links again.
        Thread.sleep(windowSeconds * 1000 + 500);
        assertThat(Stack.get(Stack.BASE_URL + "/t/" + "y".repeat(43), null).statusCode()).isEqualTo(404);
    }

    private static void tabTo(Browser browser, String id) {
        for (int i = 0; i < 60; i++) {
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            if (id.equals(browser.script("return document.activeElement && document.activeElement.id"))) {
                return;
            }
        }
        throw new AssertionError("could not reach #" + id + " with the Tab key");
    }

    private static int deviceChecks(String citizenName, boolean rehearsal) throws Exception {
        return Database.count("select count(*) from device_check d join appointment a on a.id = d.appointment_id "
                + "where a.citizen_name = ? and d.relay_ok and d.rehearsal = " + rehearsal, citizenName);
    }

    private static void update(String sql, String citizenName) throws Exception {
        try (Connection c = DriverManager.getConnection(Stack.DB_URL, "videotermin", Stack.DB_PASSWORD);
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, citizenName);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }
}
