package de.videotermin.appointment;

import de.videotermin.system.Stack;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The agency's system as a client of /api/v1/appointments: a Keycloak service account with the role agency-system. */
public final class AgencyApi {

    public static final String APPOINTMENTS = Stack.BASE_URL + "/api/v1/appointments";
    private static final String SECRET = System.getProperty("videotermin.agencyClientSecret", "");

    private AgencyApi() {
    }

    public static String token() throws Exception {
        String body = "grant_type=client_credentials&client_id=videotermin-agency-system&client_secret="
                + URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
        HttpResponse<String> response = Stack.HTTP.send(HttpRequest.newBuilder(
                        URI.create(Stack.REALM_URL + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("service-account token failed: " + response.statusCode());
        }
        return Stack.json(response.body()).getString("access_token");
    }

    public static HttpResponse<String> post(String url, String token, String json, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return Stack.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A fresh advisor name per test, so tests never collide in anyone's agenda. */
    public static String newAdvisor() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String booking(String advisor, OffsetDateTime start, int minutes, String citizenEmail) {
        return "{\"advisorUsername\":\"" + advisor + "\",\"advisorName\":\"Test Advisor\",\"legalArea\":\"CAREER_GUIDANCE\","
                + "\"startsAt\":\"" + start + "\",\"durationMinutes\":" + minutes + ",\"citizenName\":\"Erika Muster\","
                + (citizenEmail == null ? "\"citizenPostalAddress\":\"Musterweg 1\\n12345 Berlin\"," : "\"citizenEmail\":\"" + citizenEmail + "\",")
                + "\"topic\":\"Ausbildung\",\"extraInfo\":\"Bitte Zeugnisse bereithalten.\"}";
    }

    public static JsonObject create(String token, String json) throws Exception {
        HttpResponse<String> response = post(APPOINTMENTS, token, json, null);
        if (response.statusCode() != 201) {
            throw new AssertionError("create failed: " + response.statusCode() + " " + response.body());
        }
        return Stack.json(response.body());
    }
}
