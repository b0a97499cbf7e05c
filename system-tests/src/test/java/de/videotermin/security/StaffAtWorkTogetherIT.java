package de.videotermin.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.videotermin.system.Stack;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieHandler;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Several staff members working at the same moment keep their own rights on every request. On Payara's
 * container roles, about 1 % of such requests were refused (403 with the user still signed in) — the random
 * "not allowed" that CI saw right after signing in; the staff areas now take the roles from each session's
 * own token ({@code StaffAreas}). Also checks that under the same load an advisor never gets into the
 * analyst's pages: the roles of one session never leak into another.
 */
class StaffAtWorkTogetherIT {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
    private static final int CLIENTS_PER_SESSION = 6;
    private static final int REQUESTS_PER_CLIENT = 40;

    @Test
    void twoStaffMembersAskingAtOnceAlwaysGetTheirOwnPagesAndNeverTheOthers() throws Exception {
        HostCookies advisor = signedIn("anna.berger", "/advisor/");
        HostCookies analyst = signedIn("lena.vogel", "/analyst/");

        List<Callable<Map<String, Integer>>> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS_PER_SESSION; i++) {
            clients.add(() -> statuses(advisor, "advisor on /advisor/", "/advisor/"));
            clients.add(() -> statuses(analyst, "analyst on /analyst/", "/analyst/index.xhtml"));
            clients.add(() -> statuses(advisor, "advisor on /analyst/", "/analyst/index.xhtml"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        Map<String, Integer> seen = new TreeMap<>();
        try {
            for (Future<Map<String, Integer>> result : pool.invokeAll(clients)) {
                result.get().forEach((key, count) -> seen.merge(key, count, Integer::sum));
            }
        } finally {
            pool.shutdownNow();
        }
        int each = CLIENTS_PER_SESSION * REQUESTS_PER_CLIENT;
        assertThat(seen).as("status codes by who asked for what").containsOnly(
                Map.entry("advisor on /advisor/ -> 200", each),
                Map.entry("analyst on /analyst/ -> 200", each),
                Map.entry("advisor on /analyst/ -> 403", each));
    }

    /**
     * Asks for the page again and again on a new connection each time (as a browser's parallel connections
     * do; over one kept-alive connection the fault did not show), with the session's cookie.
     */
    private static Map<String, Integer> statuses(HostCookies session, String who, String page) throws Exception {
        URI base = URI.create(Stack.BASE_URL);
        String request = "GET " + page + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\nCookie: "
                + session.header(base) + "\r\nConnection: close\r\n\r\n";
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                socket.setSoTimeout(30_000);
                socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                InputStream response = socket.getInputStream();
                String statusLine = new String(response.readNBytes(12), StandardCharsets.ISO_8859_1); // "HTTP/1.1 200"
                response.transferTo(OutputStream.nullOutputStream());
                counts.merge(who + " -> " + statusLine.substring(9), 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * Cookies by host, as a browser keeps them for {@code localhost}: the JDK's {@code CookieManager} files a
     * cookie from a host without a dot under {@code localhost.local} and never sends it back, so Keycloak's
     * login would fail with "cookie not found". Paths and expiry do not matter for these few requests.
     */
    private static final class HostCookies extends CookieHandler {
        private final Map<String, Map<String, String>> byHost = new ConcurrentHashMap<>();

        /** The Cookie header for this host. */
        String header(URI uri) {
            return byHost.getOrDefault(uri.getHost() + ":" + uri.getPort(), Map.of()).entrySet().stream()
                    .map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; "));
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            String cookies = header(uri);
            return cookies.isEmpty() ? Map.of() : Map.of("Cookie", List.of(cookies));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            Map<String, String> cookies = byHost.computeIfAbsent(uri.getHost() + ":" + uri.getPort(), h -> new ConcurrentHashMap<>());
            responseHeaders.forEach((name, values) -> {
                if ("set-cookie".equalsIgnoreCase(name)) {
                    for (String value : values) {
                        String pair = value.split(";", 2)[0];
                        int eq = pair.indexOf('=');
                        if (eq > 0) {
                            cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                        }
                    }
                }
            });
        }
    }

    /** A session of its own (cookies), signed in through Keycloak's login form as a browser would be. */
    private static HostCookies signedIn(String username, String landing) throws Exception {
        HostCookies cookies = new HostCookies();
        HttpClient session = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> login = session.send(HttpRequest.newBuilder(URI.create(Stack.BASE_URL + landing)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher action = FORM_ACTION.matcher(login.body());
        assertThat(action.find()).as("Keycloak's login form for " + username).isTrue();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(Stack.DEMO_PASSWORD, StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<String> signedIn = session.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as("signed in as " + username).isEqualTo(200);
        assertThat(signedIn.uri().getPath()).as("landed on the staff start page of " + username).startsWith(landing);
        return cookies;
    }
}
