import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Books a whole agency day through POST /api/v1/appointments as the agency's service account:
 * SITES sites x PER_SITE appointments (30 minutes each, from 08:00 Berlin), one advisor per site,
 * every citizen with an email address (so every booking queues an invitation with a calendar file).
 * Prints one line of key=value results. Run with: java Bench.java BASE_URL REALM_URL SECRET RUN_ID DAY
 */
public class Bench {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String realm = args[1];
        String secret = args[2];
        String run = args[3];
        LocalDate day = LocalDate.parse(args[4]);
        int sites = Integer.parseInt(System.getProperty("sites", "1000"));
        int perSite = Integer.parseInt(System.getProperty("perSite", "14"));
        int threads = Integer.parseInt(System.getProperty("threads", "16"));

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        // service-account tokens live five minutes: refresh well before, from any worker
        java.util.concurrent.atomic.AtomicReference<String> token = new java.util.concurrent.atomic.AtomicReference<>(token(http, realm, secret));
        java.util.concurrent.atomic.AtomicLong tokenAt = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        List<String> bodies = new ArrayList<>();
        for (int slot = 0; slot < perSite; slot++) {
            for (int s = 0; s < sites; s++) {
                ZonedDateTime start = ZonedDateTime.of(day, LocalTime.of(8, 0).plusMinutes(30L * slot), berlin);
                String site = String.format("BENCH-%04d", s);
                bodies.add("{\"advisorUsername\":\"bench-" + run + "-" + s + "\",\"advisorName\":\"Bench Advisor " + s
                        + "\",\"siteCode\":\"" + site + "\",\"legalArea\":\"CAREER_GUIDANCE\",\"startsAt\":\""
                        + start.toOffsetDateTime() + "\",\"durationMinutes\":30,\"citizenName\":\"Bench Citizen " + s + "-" + slot
                        + "\",\"citizenEmail\":\"bench-" + run + "-" + s + "-" + slot + "@example.org\",\"topic\":\"Benchmark\"}");
            }
        }
        long[] latencies = new long[bodies.size()];
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long begin = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < bodies.size()) {
                    long t0 = System.nanoTime();
                    long issued = tokenAt.get();
                    if (t0 - issued > 180_000_000_000L && tokenAt.compareAndSet(issued, t0)) {
                        try {
                            token.set(token(http, realm, secret));
                        } catch (Exception e) {
                            tokenAt.set(issued);
                        }
                    }
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/appointments"))
                                .timeout(Duration.ofSeconds(60))
                                .header("Authorization", "Bearer " + token.get())
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", run + "-" + i)
                                .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 201) {
                            if (failures.incrementAndGet() <= 5) {
                                System.err.println("HTTP " + r.statusCode() + " " + r.body());
                            }
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    latencies[i] = System.nanoTime() - t0;
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        long elapsed = System.nanoTime() - begin;
        pool.shutdown();
        List<Long> sorted = new ArrayList<>();
        for (long l : latencies) {
            sorted.add(l);
        }
        Collections.sort(sorted);
        System.out.printf("requests=%d failures=%d threads=%d booking_seconds=%.1f throughput_per_s=%.0f p50_ms=%.0f p99_ms=%.0f max_ms=%.0f%n",
                bodies.size(), failures.get(), threads, elapsed / 1e9, bodies.size() / (elapsed / 1e9),
                sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1e6,
                sorted.get(sorted.size() - 1) / 1e6);
    }

    private static String token(HttpClient http, String realm, String secret) throws Exception {
        String form = "grant_type=client_credentials&client_id=videotermin-agency-system&client_secret="
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("token: HTTP " + r.statusCode());
        }
        return m.group(1);
    }
}
