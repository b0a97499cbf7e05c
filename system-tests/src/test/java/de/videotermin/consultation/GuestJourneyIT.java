package de.videotermin.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import de.videotermin.system.AdvisorDesk;
import de.videotermin.system.Browser;
import de.videotermin.system.Calls;
import de.videotermin.system.Database;
import de.videotermin.system.MediaStats;
import de.videotermin.system.Stack;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An invited guest's own way in, the citizen's three steps: (1) consent, (2) the optional device test
 * through our coturn, (3) waiting room, admitted, media flows — walked by keyboard alone — and the guest's
 * own privacy receipt: what is stored about them, until when, and withdrawing from there, which is
 * recorded in the ledger, takes the guest out of the call, and stops any new ticket.
 */
class GuestJourneyIT {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private Browser advisor;
    private Browser citizen;
    private Browser guest;

    @BeforeEach
    void startBrowsers() {
        advisor = Browser.start("de");
        citizen = Browser.start("de");
        guest = Browser.start("de");
    }

    @AfterEach
    void closeBrowsers() {
        for (Browser browser : List.of(advisor, citizen, guest)) {
            browser.close();
        }
    }

    @Test
    void guestConsentsTestsDevicesByKeyboardIsAdmittedSeesTheReceiptAndWithdrawsFromIt() throws Exception {
        String citizenName = "Gastweg " + UUID.randomUUID().toString().substring(0, 8);
        Calls.connect(advisor, citizen, citizenName);
        String citizenId = String.valueOf(advisor.script("return Object.keys(window.videotermin.pcs)[0]"));
        String advisorId = String.valueOf(citizen.script("return Object.keys(window.videotermin.pcs)[0]"));
        String guestLink = AdvisorDesk.inviteGuest(advisor, "RELATIVE", "Jana Vertrauensperson", "de");
        String token = guestLink.substring(guestLink.indexOf("/g/") + 3, guestLink.indexOf('?'));

        // Step 1, keyboard only: the invitation page, its way to the receipt, consent.
        guest.open(guestLink);
        assertThat(guest.waitFor(By.id("guest-name")).getText()).isEqualTo("Jana Vertrauensperson");
        assertThat(guest.driver().findElement(By.id("privacy-receipt")).getAttribute("href")).endsWith("/guest/privacy.xhtml?g=" + token);
        assertThat(guest.accessibilityViolations()).as("axe, guest invitation page, German").isEmpty();
        tabTo(guest, "consent:give-consent");
        new Actions(guest.driver()).sendKeys(Keys.ENTER).perform();

        // Step 2: the citizen's device test, on the guest's own link: fake camera listed, loopback through coturn.
        guest.waitFor(By.id("device-test"));
        assertThat(guest.driver().getCurrentUrl()).contains("/guest/devices.xhtml?g=" + token);
        awaitDeviceTest(guest);
        assertThat(guest.script("return window.videoterminDeviceTest.verdict")).isIn("GOOD", "LOW_QUALITY");
        assertThat(guest.script("return window.videoterminDeviceTest.result.relayOk")).as("loopback through coturn").isEqualTo(true);
        assertThat(guest.script("return window.videoterminDeviceTest.result.cameraOk")).isEqualTo(true);
        assertThat(String.valueOf(guest.script("return [...document.getElementById('dt-camera').options].map(o => o.text).join('|')")))
                .as("the fake camera is listed").containsIgnoringCase("fake");
        assertThat(guest.driver().findElement(By.id("dt-verdict")).getText()).startsWith("Ergebnis:");
        assertThat(Database.count("select count(*) from device_check d join appointment a on a.id = d.appointment_id where a.citizen_name = ?",
                citizenName)).as("the guest's result is judged, not stored").isZero();
        assertThat(guest.accessibilityViolations()).as("axe, guest device test, German").isEmpty();
        HttpResponse<String> devicePage = Stack.get(Stack.BASE_URL + "/guest/devices.xhtml?g=" + token, null);
        assertThat(devicePage.headers().firstValue("Permissions-Policy").orElse("")).contains("camera=(self)").contains("microphone=(self)");
        HttpResponse<String> receiptPage = Stack.get(Stack.BASE_URL + "/guest/privacy.xhtml?g=" + token, null);
        assertThat(receiptPage.headers().firstValue("Permissions-Policy").orElse("")).contains("camera=()");
        // The language switch keeps the guest's link; the test runs again in English.
        guest.driver().findElement(By.id("lang-en")).click();
        assertThat(guest.waitFor(By.id("page-title")).getText()).isEqualTo("Test camera, microphone and connection");
        awaitDeviceTest(guest);
        assertThat(guest.accessibilityViolations()).as("axe, guest device test, English").isEmpty();
        // A microphone chosen here is the one the room uses.
        String microphone = String.valueOf(guest.script("""
                const select = document.getElementById('dt-microphone');
                select.selectedIndex = select.options.length - 1;
                select.dispatchEvent(new Event('change'));
                return select.value;"""));
        String expectedQuality = "low".equals(guest.script("return sessionStorage.getItem('videotermin.quality')")) ? "low" : "high";

        // Step 3, keyboard only: into the waiting room; the advisor admits; media flows both ways.
        tabTo(guest, "dt-continue");
        new Actions(guest.driver()).sendKeys(Keys.ENTER).perform();
        Calls.awaitScript(guest, "return window.videotermin && window.videotermin.state === 'waiting'", 30);
        assertThat(guest.script("return document.getElementById('room-quality').value"))
                .as("the room starts in the quality the device test suggested").isEqualTo(expectedQuality);
        assertThat(guest.script("return window.videotermin.localStream.getAudioTracks()[0].getSettings().deviceId"))
                .as("the microphone chosen in the device test").isEqualTo(microphone);
        advisor.waitFor(By.cssSelector("#room-lobby button"), Duration.ofSeconds(30)).click();
        Calls.awaitScript(guest, "return window.videotermin.state === 'connected'"
                + " && Object.keys(window.videotermin.pcs).length === 2"
                + " && Object.values(window.videotermin.pcs).every(pc => pc.connectionState === 'connected')", 45);
        String guestId = String.valueOf(advisor.script(
                "return Object.keys(window.videotermin.pcs).find(id => id.indexOf('guest-') === 0)"));
        MediaStats.assertFlowing(guest, advisorId, "guest from advisor");
        MediaStats.assertFlowing(guest, citizenId, "guest from citizen");
        MediaStats.assertFlowing(advisor, guestId, "advisor from guest");
        assertThat(guest.accessibilityViolations()).as("axe, guest room with the receipt link, English").isEmpty();

        // The receipt, opened from the room in a tab of its own (the call goes on).
        String roomWindow = guest.driver().getWindowHandle();
        guest.driver().findElement(By.id("privacy-receipt")).click();
        new WebDriverWait(guest.driver(), Duration.ofSeconds(10)).until(d -> d.getWindowHandles().size() == 2);
        String receiptWindow = guest.driver().getWindowHandles().stream().filter(h -> !h.equals(roomWindow)).findFirst().orElseThrow();
        guest.driver().switchTo().window(receiptWindow);
        String receipt = guest.waitFor(By.id("receipt")).getText();
        Instant end = Database.instant("select starts_at + make_interval(mins => duration_minutes) from appointment where citizen_name = ?", citizenName);
        Instant consentGiven = Database.instant("select r.given_at from consent_record r join guest_invitation g on g.id = r.guest_id "
                + "join appointment a on a.id = g.appointment_id where a.citizen_name = ?", citizenName);
        Instant callStarted = Database.instant("select c.started_at from call_record c join appointment a on a.id = c.appointment_id "
                + "where a.citizen_name = ? order by c.started_at limit 1", citizenName);
        assertThat(receipt).contains("Jana Vertrauensperson").contains("Relative or person of trust")
                .contains("Consented to version").contains("limitation period")
                .contains("Replaced by \"–\" on " + date(end.plus(Duration.ofDays(days("contact", 30))), Locale.ENGLISH))
                .contains("Your link is closed on " + date(end.plus(Duration.ofDays(days("contact", 30))), Locale.ENGLISH))
                .contains("Stays with the appointment without your name")
                .contains(date(consentGiven.plus(Duration.ofDays(days("consent-evidence", 1095))), Locale.ENGLISH))
                .contains(date(callStarted.plus(Duration.ofDays(days("call-metadata", 90))), Locale.ENGLISH))
                .doesNotContain(citizenName);
        assertThat(guest.driver().findElement(By.id("receipt-not-stored")).getText()).contains("device test");
        assertThat(guest.accessibilityViolations()).as("axe, guest receipt, English").isEmpty();
        guest.driver().findElement(By.id("lang-de")).click();
        assertThat(guest.waitFor(By.id("receipt-title")).getText()).isEqualTo("Was über Sie als Gast gespeichert ist");
        assertThat(guest.driver().findElement(By.id("receipt")).getText())
                .contains("Am " + date(end.plus(Duration.ofDays(days("contact", 30))), Locale.GERMAN) + " durch „–“ ersetzt");
        assertThat(guest.accessibilityViolations()).as("axe, guest receipt, German").isEmpty();

        // Withdrawing there, by keyboard: in the ledger; the room tab leaves the call; the others go on.
        tabTo(guest, "receipt-withdraw:withdraw");
        new Actions(guest.driver()).sendKeys(Keys.ENTER).perform();
        assertThat(guest.waitFor(By.id("receipt-messages")).getText()).contains("widerrufen");
        assertThat(guest.waitFor(By.id("receipt")).getText()).contains("widerrufen am");
        assertThat(guest.driver().findElements(By.id("receipt-withdraw:withdraw"))).as("nothing left to withdraw").isEmpty();
        assertThat(Database.count("select count(*) from consent_record r join guest_invitation g on g.id = r.guest_id "
                + "join appointment a on a.id = g.appointment_id where a.citizen_name = ? and r.withdrawn_at is not null", citizenName))
                .as("the guest's withdrawal is in the ledger").isEqualTo(1);
        assertThat(Database.count("select count(*) from consent_record r join appointment a on a.id = r.appointment_id "
                + "where a.citizen_name = ? and r.guest_id is null and r.withdrawn_at is null", citizenName))
                .as("the citizen's consent stands").isEqualTo(1);
        guest.driver().switchTo().window(roomWindow);
        Calls.awaitScript(guest, "return window.videotermin.state === 'ended'", 20);
        Calls.awaitScript(advisor, "return Object.keys(window.videotermin.pcs).length === 1", 20);
        Calls.awaitScript(citizen, "return Object.keys(window.videotermin.pcs).length === 1", 20);
        MediaStats.assertFlowing(citizen, "citizen after the guest withdrew");

        // No new ticket: the room page asks for consent instead of opening the room.
        guest.open(Stack.BASE_URL + "/guest/room.xhtml?g=" + token);
        guest.waitFor(By.id("consent-required"));
        assertThat(guest.script("return document.getElementById('room')")).as("no room, no ticket").isNull();
    }

    @Test
    void guessingAtTheGuestsDeviceCheckIsLimitedLikeTheCitizensAndBadInputIsAnsweredReadably() throws Exception {
        int allowed = Integer.getInteger("videotermin.linkFailuresAllowed", 10);
        long windowSeconds = Long.getLong("videotermin.linkFailureWindowSeconds", 5);
        String report = "{\"rehearsal\":false,\"browserFamily\":\"chrome\",\"cameraOk\":true,\"microphoneOk\":true,"
                + "\"relayOk\":true,\"roundTripMs\":20,\"bitrateKbps\":2000}";
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i <= allowed; i++) {
            statuses.add(postReport("/guest/device-check?g=" + ("guess" + i + "x".repeat(43)).substring(0, 43), report).statusCode());
        }
        assertThat(statuses.subList(0, allowed)).as("unknown guest links").containsOnly(404);
        HttpResponse<String> blocked = postReport("/guest/device-check?g=" + "z".repeat(43), report);
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
        assertThat(postReport("/citizen/device-check?t=" + "z".repeat(43), report).statusCode())
                .as("one limit for both: the citizen's endpoint is closed to this client too").isEqualTo(429);
        // After the window the same client may report again (and an unknown link is a plain 404 again).
        Thread.sleep(windowSeconds * 1000 + 500);
        HttpResponse<String> again = postReport("/guest/device-check?g=" + "y".repeat(43), report);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        // Bad input is a readable answer, never an error page with a stack trace.
        HttpResponse<String> malformed = postReport("/guest/device-check?g=" + "q".repeat(43), "{not json");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("invalid-input").doesNotContain("Exception");
        for (String path : List.of("/guest/devices.xhtml?g=%3Cscript%3E", "/guest/privacy.xhtml", "/guest/privacy.xhtml?g=" + "q".repeat(43))) {
            HttpResponse<String> page = Stack.get(Stack.BASE_URL + path, null);
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).contains("link-invalid").doesNotContain("Exception");
        }
    }

    private static HttpResponse<String> postReport(String path, String json) throws Exception {
        return Stack.HTTP.send(HttpRequest.newBuilder(URI.create(Stack.BASE_URL + path))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitDeviceTest(Browser browser) {
        Calls.awaitScript(browser, "return window.videoterminDeviceTest && window.videoterminDeviceTest.state === 'done'", 40);
    }

    private static void tabTo(Browser browser, String id) {
        for (int i = 0; i < 80; i++) {
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            if (id.equals(browser.script("return document.activeElement && document.activeElement.id"))) {
                return;
            }
        }
        throw new AssertionError("could not reach #" + id + " with the Tab key on " + browser.describePage());
    }

    /** The receipt's date format (SiteSettings.formatDate): long, local to the agency. */
    private static String date(Instant instant, Locale locale) {
        return instant.atZone(BERLIN).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }

    /** The retention period the stack runs with (its defaults unless the run overrides them). */
    private static long days(String kind, long fallback) {
        return Long.getLong("videotermin.retention." + kind + "-days", fallback);
    }
}
