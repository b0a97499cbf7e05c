package de.videotermin.bench;

import de.videotermin.system.Browser;
import de.videotermin.system.Calls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Benchmark, not a test (run by bench/room/run.sh with -Pbench, never in CI): time from the
 * citizen being let into the room to the first remote video frame shown, over N calls directly and
 * N calls forced through our TURN server. Writes bench/room/RESULTS.md. Measured in the citizen's
 * browser with performance.now() (room.js records the moments).
 */
class FirstFrameBenchmark {

    private static final int CALLS = Integer.getInteger("bench.calls", 10);

    @Test
    void timeToFirstRemoteFrame() throws Exception {
        List<Double> direct = measure("");
        List<Double> relayed = measure("&ice=relay");
        StringBuilder out = new StringBuilder();
        out.append("# Time from entering the room to the first remote video frame\n\n")
                .append("Run ").append(Instant.now()).append(" against ").append(System.getProperty("videotermin.baseUrl"))
                .append(", ").append(CALLS).append(" calls each, two headless Chromium instances with fake devices on one ")
                .append(Runtime.getRuntime().availableProcessors()).append("-core machine (server, browsers and TURN share it).\n")
                .append("Measured in the citizen's browser: from the `admitted` message to the first remote frame presented ")
                .append("(`requestVideoFrameCallback`). Goal: ≤ 1.0 s direct, ≤ 1.5 s relayed.\n\n")
                .append("| path | median | p90 | min | max |\n|---|---|---|---|---|\n")
                .append(row("direct", direct)).append(row("relayed (TURN)", relayed))
                .append("\nRaw (ms): direct ").append(direct).append("; relayed ").append(relayed).append('\n');
        Path file = Path.of(System.getProperty("bench.results", "../bench/room/RESULTS.md"));
        Files.writeString(file, out.toString());
        System.out.println(out);
    }

    private static List<Double> measure(String iceQuery) throws IOException {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            try (Browser advisor = Browser.start("de"); Browser citizen = Browser.start("de")) {
                String name = "Bench " + UUID.randomUUID().toString().substring(0, 8);
                String link = de.videotermin.system.AdvisorDesk.book(advisor, name, java.time.Duration.ofMinutes(5));
                citizen.open(link);
                citizen.waitFor(By.id("consent:give-consent")).click();
                citizen.waitFor(By.id("dt-continue"));
                citizen.open(citizen.driver().getCurrentUrl().replace("/citizen/devices.xhtml", "/citizen/room.xhtml") + iceQuery);
                Calls.awaitScript(citizen, "return window.videotermin && window.videotermin.state === 'waiting'", 30);
                de.videotermin.system.AdvisorDesk.openRoom(advisor, name, iceQuery);
                advisor.waitFor(By.cssSelector("#room-lobby button"), java.time.Duration.ofSeconds(30)).click();
                Calls.awaitScript(citizen, "return !!(window.videotermin.timings && window.videotermin.timings.firstFrameAt)", 30);
                @SuppressWarnings("unchecked")
                Map<String, Object> t = (Map<String, Object>) citizen.script("return window.videotermin.timings");
                millis.add(((Number) t.get("firstFrameAt")).doubleValue() - ((Number) t.get("admittedAt")).doubleValue());
            }
        }
        return millis;
    }

    private static String row(String label, List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format("| %s | %.0f ms | %.0f ms | %.0f ms | %.0f ms |%n", label, percentile(sorted, 50),
                percentile(sorted, 90), sorted.get(0), sorted.get(sorted.size() - 1));
    }

    private static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
