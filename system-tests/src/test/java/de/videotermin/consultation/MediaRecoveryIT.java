package de.videotermin.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import de.videotermin.system.Browser;
import de.videotermin.system.Calls;
import de.videotermin.system.MediaStats;
import de.videotermin.system.Stack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The media path dies under a running call, the way it does when a phone moves from Wi-Fi to mobile
 * data: a call relayed through our TURN server loses its relay (the test stops coturn and starts a
 * fresh one, so every allocation is gone). Only an ICE restart with new candidates can bring the call
 * back. Both sides show "reconnecting", the offering side restarts ICE by itself, frames are decoded
 * again, nobody consents again, and the call record counts the reconnect.
 */
class MediaRecoveryIT {

    private Browser advisor;
    private Browser citizen;

    @BeforeEach
    void startBrowsers() {
        advisor = Browser.start("de");
        citizen = Browser.start("en");
    }

    @AfterEach
    void closeBrowsers() throws Exception {
        turn("turn-start"); // whatever happened: leave the stack as it was
        advisor.close();
        citizen.close();
    }

    @Test
    void relayedCallComesBackByItselfAfterTheRelayIsLostAndReplaced() throws Exception {
        String citizenName = "Netzwechsel " + UUID.randomUUID().toString().substring(0, 8);
        int joinRowsBefore = count("select count(*) from call_quality where join_succeeded and first_frame_ms is not null");
        Calls.connectRelayed(advisor, citizen, citizenName);
        MediaStats.assertFlowing(advisor, "advisor before");
        MediaStats.assertFlowing(citizen, "citizen before");
        assertThat(MediaStats.of(citizen).localCandidateType()).isEqualTo("relay");
        advisor.script("window.__before = window.videotermin.pc; return null;");

        turn("turn-stop");
        Calls.awaitScript(citizen, "return window.videotermin.state === 'reconnecting'", 45);
        Calls.awaitScript(advisor, "return window.videotermin.state === 'reconnecting'", 45);
        assertThat(citizen.driver().findElement(org.openqa.selenium.By.id("room-status")).getText())
                .as("visible to the user").contains("interrupted");
        turn("turn-start");

        Calls.awaitScript(advisor, "return window.videotermin.state === 'connected'", 60);
        Calls.awaitScript(citizen, "return window.videotermin.state === 'connected'", 60);
        assertThat(advisor.script("return window.videotermin.pc === window.__before"))
                .as("the same peer connection, restarted (not a new call)").isEqualTo(Boolean.TRUE);
        assertThat(((Number) advisor.script("return window.videotermin.iceRestarts || 0")).intValue())
                .as("the advisor's side restarted ICE").isPositive();
        MediaStats.assertResumes(citizen, "citizen after the relay came back");
        MediaStats.assertResumes(advisor, "advisor after the relay came back");
        assertThat(citizen.driver().findElements(org.openqa.selenium.By.id("consent:give-consent"))).as("no new consent").isEmpty();

        advisor.driver().findElement(org.openqa.selenium.By.id("room-end")).click();
        Calls.awaitScript(citizen, "return window.videotermin.state === 'ended'", 20);
        Calls.eventually(() -> reconnects(citizenName), n -> n >= 1, Duration.ofSeconds(20), "the call record counts the reconnect");
        // The statistics learn about this join from the call itself: one anonymous row, with the time to first frame.
        assertThat(count("select count(*) from call_quality where join_succeeded and first_frame_ms is not null"))
                .isGreaterThan(joinRowsBefore);
        // The advisor sees it afterwards, on the page where the outcome is recorded.
        advisor.driver().findElement(org.openqa.selenium.By.id("room-leave-link")).click();
        String reconnectsShown = advisor.waitFor(org.openqa.selenium.By.cssSelector("#calls .calls-reconnects")).getText();
        assertThat(Integer.parseInt(reconnectsShown.trim())).isPositive();
        assertThat(advisor.accessibilityViolations()).as("axe, outcome page with the call record").isEmpty();
    }

    @Test
    void whenTheConnectionStaysLostBothSidesAreToldPlainlyAndItStillComesBackLater() throws Exception {
        Calls.connectRelayed(advisor, citizen, "Funkloch " + UUID.randomUUID().toString().substring(0, 8));
        MediaStats.assertFlowing(citizen, "citizen before");

        turn("turn-stop");
        // the limit is 30 s after the connection was lost
        Calls.awaitScript(citizen, "return window.videotermin.state === 'connection-failed'", 75);
        Calls.awaitScript(advisor, "return window.videotermin.state === 'connection-failed'", 75);
        assertThat(citizen.driver().findElement(org.openqa.selenium.By.id("room-status")).getText())
                .contains("could not be restored").contains("reload");
        assertThat(advisor.driver().findElement(org.openqa.selenium.By.id("room-status")).getText())
                .contains("ließ sich nicht wiederherstellen");

        turn("turn-start");
        Calls.awaitScript(advisor, "return window.videotermin.state === 'connected'", 60);
        Calls.awaitScript(citizen, "return window.videotermin.state === 'connected'", 60);
        MediaStats.assertResumes(citizen, "citizen once the network is back");
    }

    private static int count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(Stack.DB_URL, "videotermin", Stack.DB_PASSWORD);
             PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getInt(1);
        }
    }

    private static int reconnects(String citizenName) {
        try (Connection c = DriverManager.getConnection(Stack.DB_URL, "videotermin", Stack.DB_PASSWORD);
             PreparedStatement s = c.prepareStatement("""
                     select coalesce(max(r.reconnects), -1) from call_record r join appointment a on a.id = r.appointment_id
                     where a.citizen_name = ? and r.ended_at is not null""")) {
            s.setString(1, citizenName);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops or starts the test stack's own coturn. */
    private static void turn(String command) throws Exception {
        Stack.run(command, java.util.Map.of(
                "VIDEOTERMIN_TURN_PORT", System.getProperty("videotermin.turnPort", "13478"),
                "VIDEOTERMIN_TURN_MIN_PORT", System.getProperty("videotermin.turnMinPort", "49300"),
                "VIDEOTERMIN_TURN_MAX_PORT", System.getProperty("videotermin.turnMaxPort", "49340")));
    }
}
