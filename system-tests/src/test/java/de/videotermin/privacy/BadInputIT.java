package de.videotermin.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import de.videotermin.system.AdvisorDesk;
import de.videotermin.system.Browser;
import de.videotermin.system.Stack;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Hostile or careless input gets a clear answer, never a 500, and is stored and shown as text. */
class BadInputIT {

    private static final String SCRIPT = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=1\">";
    private static final String SQL = "Robert'); DROP TABLE appointment;--";

    @Test
    void scriptAndSqlInANameAreStoredAndShownAsText() {
        try (Browser advisor = Browser.start("en"); Browser citizen = Browser.start("en")) {
            String name = SQL + " " + SCRIPT + " Zoë 🙂 \u202Eevil";
            String link = AdvisorDesk.book(advisor, name, Duration.ofMinutes(5));
            advisor.open(Stack.BASE_URL + "/advisor/");
            assertThat(advisor.waitFor(By.id("agenda")).getText()).contains(SQL).contains("<script>");
            assertThat(advisor.script("return window.__pwned === undefined")).isEqualTo(true);

            citizen.open(link);
            citizen.waitFor(By.id("privacy-receipt")).click();
            assertThat(citizen.waitFor(By.id("receipt")).getText()).contains(SQL).contains("Zoë 🙂");
            assertThat(citizen.script("return window.__pwned === undefined")).isEqualTo(true);
        }
    }

    @Test
    void deviceCheckRejectsMalformedOversizedAndOutOfRangeReports() throws Exception {
        String unknown = "/citizen/device-check?t=" + "q".repeat(43);
        for (String body : List.of("not json", "{\"browserFamily\": 42", "[]", "{\"browserFamily\":\"chrome\",\"roundTripMs\":\"fast\"}")) {
            HttpResponse<String> response = post(unknown, body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("at de.");
        }
        assertThat(post(unknown, "{\"browserFamily\":\"" + "x".repeat(5000) + "\"}").statusCode()).isEqualTo(413);
        String valid = "{\"rehearsal\":true,\"browserFamily\":\"chrome\",\"cameraOk\":true,\"microphoneOk\":true,"
                + "\"relayOk\":true,\"roundTripMs\":12,\"bitrateKbps\":2000}";
        assertThat(post(unknown, valid).statusCode()).as("unknown link").isEqualTo(404);
        assertThat(post("/citizen/device-check?t=%3Cscript%3E", valid).statusCode()).isEqualTo(404);
    }

    @Test
    void unknownOrGarbledLinksGetAPageNotAnError() throws Exception {
        for (String path : List.of("/t/", "/t/%00%01", "/t/" + "a".repeat(5000), "/t/..%2F..%2Fetc%2Fpasswd",
                "/citizen/appointment.xhtml?t=%27%20or%201%3D1--", "/citizen/room.xhtml?t=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/citizen/privacy.xhtml")) {
            HttpResponse<String> response = Stack.get(Stack.BASE_URL + path, null);
            assertThat(response.statusCode()).as(path).isIn(400, 404, 429);
            assertThat(response.body()).as(path).doesNotContain("Exception").doesNotContain("at de.").doesNotContain("<script>");
        }
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return Stack.HTTP.send(HttpRequest.newBuilder(URI.create(Stack.BASE_URL + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
