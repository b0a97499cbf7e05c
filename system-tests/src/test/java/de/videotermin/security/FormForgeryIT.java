package de.videotermin.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.videotermin.appointment.AgencyApi;
import de.videotermin.system.Stack;
import jakarta.json.JsonObject;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * CSRF on Faces forms: a post needs the page's view state, a random value bound to the session. A
 * forged post (wrong view state, or no session as a cross-site post under SameSite=Lax would be)
 * stores nothing and gets a readable 400 page, never a 500; the genuine post still works.
 */
class FormForgeryIT {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    @Test
    void aConsentPostWithoutThePagesViewStateStoresNothing() throws Exception {
        String token = AgencyApi.token();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusHours(3 + (long) (Math.random() * 15)).withMinute(0)
                .withSecond(0).withNano(0);
        JsonObject created = AgencyApi.create(token, AgencyApi.booking(AgencyApi.newAdvisor(), start, 30, null));
        String link = created.getString("citizenLink");
        UUID appointment = UUID.fromString(created.getString("id"));

        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(link)).header("Accept-Language", "de").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher viewState = VIEW_STATE.matcher(page.body());
        assertThat(viewState.find()).as("the consent form carries a view state").isTrue();

        // forged: the session cookie, but a view state the server never issued
        HttpResponse<String> forged = post(browser, "-1234567890:987654321");
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("id=\"error-text\"", "nichts gespeichert").doesNotContain("Exception");
        // cross-site: no session at all
        assertThat(post(Stack.HTTP, viewState.group(1)).statusCode()).isEqualTo(400);
        assertThat(consentRecords(appointment)).isZero();

        // the genuine post from the page is accepted and recorded
        HttpResponse<String> genuine = post(browser, viewState.group(1));
        assertThat(genuine.statusCode()).isIn(200, 302, 303);
        assertThat(consentRecords(appointment)).isEqualTo(1);
    }

    private static HttpResponse<String> post(HttpClient client, String viewState) throws Exception {
        String form = "consent=consent&" + URLEncoder.encode("consent:give-consent", StandardCharsets.UTF_8) + "=x&"
                + URLEncoder.encode("jakarta.faces.ViewState", StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(viewState, StandardCharsets.UTF_8);
        return client.send(HttpRequest.newBuilder(URI.create(Stack.BASE_URL + "/citizen/appointment.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "de")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int consentRecords(UUID appointment) throws Exception {
        try (Connection c = DriverManager.getConnection(Stack.DB_URL, "videotermin", Stack.DB_PASSWORD);
             PreparedStatement s = c.prepareStatement("select count(*) from consent_record where appointment_id = ?")) {
            s.setObject(1, appointment);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }
}
