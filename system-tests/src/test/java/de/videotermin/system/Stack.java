package de.videotermin.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.net.URLEncoder;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;

/** Where the running product under test is (set by ./run test), and small HTTP helpers. */
public final class Stack {

    public static final String BASE_URL = property("videotermin.baseUrl", "http://localhost:18080");
    public static final String KEYCLOAK_URL = property("videotermin.keycloakUrl", "http://localhost:18180");
    public static final String REALM_URL = KEYCLOAK_URL + "/realms/videotermin";
    public static final String TICKET_SECRET = property("videotermin.ticketSecret", "");
    public static final String DB_URL = property("videotermin.db.url", "jdbc:postgresql://127.0.0.1:15433/videotermin");
    public static final String DB_PASSWORD = property("videotermin.db.password", "");
    public static final String DEMO_PASSWORD = "demo";

    public static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private Stack() {
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public static HttpResponse<String> get(String url, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * One value of the product's Prometheus metrics (/metrics), by its exported name, for example
     * {@code videotermin_outbox_backlog} or {@code videotermin_tickets_requested_total}; empty when the
     * metric is not exported.
     */
    public static OptionalDouble metric(String name) throws Exception {
        String body = get(BASE_URL + "/metrics", null).body();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name)
                + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(body);
        return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(2))) : OptionalDouble.empty();
    }

    /** Tokens through the demo realm's test client (Resource Owner Password grant). */
    public static JsonObject tokens(String username, String password, String scope) throws Exception {
        Map<String, String> form = Map.of("grant_type", "password", "client_id", "videotermin-cli",
                "username", username, "password", password, "scope", scope);
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(REALM_URL + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token request for " + username + " failed: " + response.statusCode());
        }
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    public static String accessToken(String username) throws Exception {
        return tokens(username, DEMO_PASSWORD, "profile").getString("access_token");
    }

    public static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    /**
     * Runs {@code ./run <command>} against the test stack (to take one of its services away and bring
     * it back; test classes run one after another, so nothing else depends on it meanwhile).
     */
    public static void run(String command, java.util.Map<String, String> environment) throws Exception {
        ProcessBuilder run = new ProcessBuilder(new java.io.File("../run").getAbsolutePath(), command)
                .directory(new java.io.File("..").getAbsoluteFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        run.environment().put("VIDEOTERMIN_HOME", System.getProperty("videotermin.home", ""));
        run.environment().putAll(environment);
        Process process = run.start();
        if (!process.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("./run " + command + " did not finish within 90 s");
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("./run " + command + " failed with exit code " + process.exitValue());
        }
    }
}
