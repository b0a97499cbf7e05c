package de.videotermin.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.videotermin.appointment.AgencyApi;
import de.videotermin.system.AdvisorDesk;
import de.videotermin.system.Browser;
import de.videotermin.system.Calls;
import de.videotermin.system.Stack;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Join tickets are issued by the room pages; they are rate-limited per client and per appointment
 * link (test stack: 30 per link and 60 per client within {@code videotermin.ticketWindowSeconds}).
 * Also the link-guessing limit in front of the citizen endpoints that had none.
 */
class TicketLimitIT {

    static final int PER_LINK = 30;
    static final long WINDOW_SECONDS = Long.parseLong(System.getProperty("videotermin.ticketWindowSeconds", "10"));
    static final long LINK_WINDOW_SECONDS = Long.parseLong(System.getProperty("videotermin.linkFailureWindowSeconds", "5"));

    private static String newLinkToken() throws Exception {
        String token = AgencyApi.token();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(400 + (long) (Math.random() * 300)).withHour(9)
                .withMinute(0).withSecond(0).withNano(0);
        String link = AgencyApi.create(token, AgencyApi.booking(AgencyApi.newAdvisor(), start, 30, null)).getString("citizenLink");
        return link.substring(link.lastIndexOf('/') + 1);
    }

    private static HttpResponse<String> room(String linkToken) throws Exception {
        return Stack.HTTP.send(HttpRequest.newBuilder(URI.create(Stack.BASE_URL + "/citizen/room.xhtml?t=" + linkToken))
                .header("Accept-Language", "de").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void tooManyTicketRequestsForOneLinkGet429WithRetryAfterAndOpenAgainAfterTheWindow() throws Exception {
        String link = newLinkToken();
        String other = newLinkToken();
        Thread.sleep(WINDOW_SECONDS * 1000 + 500); // a window of its own, whatever ran before
        for (int i = 1; i <= PER_LINK; i++) {
            assertThat(room(link).statusCode()).as("request %d of %d", i, PER_LINK).isEqualTo(200);
        }
        HttpResponse<String> refused = room(link);
        assertThat(refused.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, WINDOW_SECONDS);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("html"); // a page, not a bare status
        assertThat(refused.body()).contains("id=\"error-text\"", "zu oft", "Sekunden")
                .doesNotContain("Exception", "data-ticket");
        // another appointment's link from the same client is not locked out
        assertThat(room(other).statusCode()).isEqualTo(200);

        Thread.sleep(retryAfter * 1000 + 300);
        assertThat(room(link).statusCode()).as("after Retry-After").isEqualTo(200);
    }

    @Test
    void aNormalJoinWithAReloadUsesAFewTicketsFarBelowTheLimit() throws Exception {
        long requestedBefore = metric("videotermin_tickets_requested_total");
        long refusedBefore = metric("videotermin_tickets_refused_total");
        try (Browser advisor = Browser.start("de"); Browser citizen = Browser.start("de")) {
            String name = "Tickets " + UUID.randomUUID().toString().substring(0, 8);
            String link = AdvisorDesk.book(advisor, name, Duration.ofMinutes(5));
            citizen.open(link);
            citizen.waitFor(By.id("consent:give-consent")).click();
            citizen.waitFor(By.id("device-test"));
            Calls.awaitScript(citizen, "return window.videoterminDeviceTest && window.videoterminDeviceTest.state === 'done'", 40);
            citizen.driver().findElement(By.id("dt-continue")).click();
            Calls.awaitScript(citizen, "return window.videotermin && window.videotermin.state === 'waiting'", 30);
            AdvisorDesk.openRoom(advisor, name, "");
            advisor.waitFor(By.id("room"));
            // the citizen reloads the room (what people do when something seems stuck): a second ticket
            citizen.driver().navigate().refresh();
            Calls.awaitScript(citizen, "return window.videotermin && window.videotermin.state === 'waiting'", 30);
        }
        long used = metric("videotermin_tickets_requested_total") - requestedBefore;
        assertThat(used).as("ticket requests of one join: citizen room twice, advisor room once").isBetween(3L, 4L);
        assertThat(metric("videotermin_tickets_refused_total") - refusedBefore).isZero();
        assertThat(PER_LINK).as("the per-link limit leaves room for many reloads").isGreaterThanOrEqualTo((int) (5 * used));
    }

    @Test
    void guessingLinksAtTheWithdrawalEndpointIsLimitedLikeTheLinkPage() throws Exception {
        Thread.sleep(LINK_WINDOW_SECONDS * 1000 + 500);
        int status = 0;
        int attempts = 0;
        while (attempts < 12 && status != 429) {
            attempts++;
            String guess = UUID.randomUUID().toString().replace("-", "") + "abcdefghijk";
            status = Stack.HTTP.send(HttpRequest.newBuilder(URI.create(Stack.BASE_URL + "/citizen/withdraw?t=" + guess))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
            if (status != 429) {
                assertThat(status).as("an unknown link before the limit").isEqualTo(404);
            }
        }
        assertThat(status).isEqualTo(429);
        assertThat(attempts).isEqualTo(11); // 10 failures allowed per window (videotermin.citizen.link-failures-allowed)
        Thread.sleep(LINK_WINDOW_SECONDS * 1000 + 500);
        assertThat(Stack.HTTP.send(HttpRequest.newBuilder(URI.create(Stack.BASE_URL + "/citizen/withdraw?t=" + "x".repeat(43)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    private static long metric(String name) throws Exception {
        return (long) Stack.metric(name).orElse(0);
    }
}
