package de.videotermin.system;

import java.time.Duration;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Brings an advisor and a citizen browser into a connected call, the way people do it. */
public final class Calls {

    private Calls() {
    }

    /** Books, consents (skipping the optional device test), admits, and waits until both are connected. */
    public static void connect(Browser advisor, Browser citizen, String citizenName) {
        String link = AdvisorDesk.book(advisor, citizenName, Duration.ofMinutes(5));
        citizen.open(link);
        citizen.waitFor(By.id("consent:give-consent")).click();
        citizen.waitFor(By.id("dt-continue")).click();
        awaitScript(citizen, "return window.videotermin && window.videotermin.state === 'waiting'", 30);
        AdvisorDesk.openRoom(advisor, citizenName, "");
        advisor.waitFor(By.cssSelector("#room-lobby button"), Duration.ofSeconds(30)).click();
        awaitScript(advisor, "return window.videotermin.state === 'connected'", 30);
        awaitScript(citizen, "return window.videotermin.state === 'connected'", 30);
    }

    /** The same, with both browsers forced through our TURN server ({@code iceTransportPolicy: 'relay'}). */
    public static void connectRelayed(Browser advisor, Browser citizen, String citizenName) {
        String link = AdvisorDesk.book(advisor, citizenName, Duration.ofMinutes(5));
        citizen.open(link);
        citizen.waitFor(By.id("consent:give-consent")).click();
        citizen.waitFor(By.id("dt-continue")).click();
        citizen.waitFor(By.id("room"));
        citizen.open(citizen.driver().getCurrentUrl() + "&ice=relay");
        awaitScript(citizen, "return window.videotermin && window.videotermin.state === 'waiting'", 30);
        AdvisorDesk.openRoom(advisor, citizenName, "&ice=relay");
        advisor.waitFor(By.cssSelector("#room-lobby button"), Duration.ofSeconds(30)).click();
        awaitScript(advisor, "return window.videotermin.state === 'connected'", 30);
        awaitScript(citizen, "return window.videotermin.state === 'connected'", 30);
    }

    public static void awaitScript(Browser browser, String script, int seconds) {
        try {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(seconds))
                    .until(d -> Boolean.TRUE.equals(browser.script(script)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("timed out after " + seconds + " s: " + script + " on " + browser.driver().getCurrentUrl(), e);
        }
    }

    /** Polls until the condition holds (media adapts over seconds, not at once); fails with the last value. */
    public static <T> T eventually(Supplier<T> probe, java.util.function.Predicate<T> condition, Duration limit, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        T value = probe.get();
        while (!condition.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + limit.toSeconds() + " s; last value: " + value);
            }
            Thread.sleep(500);
            value = probe.get();
        }
        return value;
    }
}
