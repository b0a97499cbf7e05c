package de.videotermin.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import de.videotermin.system.Browser;
import de.videotermin.system.Calls;
import de.videotermin.system.MediaStats;
import de.videotermin.system.OutboundVideo;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The room in depth, between two real browsers: picture quality and audio-only measured on the
 * wire, screen sharing at screen resolution, the safety code, the data counter, remote mute.
 */
class RoomToolsIT {

    private Browser advisor;
    private Browser citizen;

    @BeforeEach
    void connect() {
        advisor = Browser.start("de");
        citizen = Browser.start("en");
        Calls.connect(advisor, citizen, "Tools " + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterEach
    void close() {
        advisor.close();
        citizen.close();
    }

    @Test
    void bothSidesShowTheSameSafetyCodeAndATamperedSdpGivesAnother() {
        Calls.awaitScript(advisor, "return /^\\d{3} \\d{3}$/.test(document.getElementById('room-safety-code').textContent)", 20);
        Calls.awaitScript(citizen, "return /^\\d{3} \\d{3}$/.test(document.getElementById('room-safety-code').textContent)", 20);
        String advisorCode = advisor.driver().findElement(By.id("room-safety-code")).getText();
        String citizenCode = citizen.driver().findElement(By.id("room-safety-code")).getText();
        assertThat(advisorCode).isEqualTo(citizenCode);

        // A man in the middle must put his own DTLS fingerprint into the SDP the other side sees.
        Object tampered = citizen.asyncScript("""
                const done = arguments[arguments.length - 1];
                const pc = window.videotermin.pc;
                const forged = pc.remoteDescription.sdp.replace(/a=fingerprint:sha-256 ([0-9A-F:]{2})/,
                    (m, first) => 'a=fingerprint:sha-256 ' + (first === 'AA' ? 'BB' : 'AA'));
                window.videotermin.tools.safetyCode(pc.localDescription.sdp, forged).then(done);
                """);
        assertThat(tampered).isNotNull().isNotEqualTo(citizenCode);
        assertThat(advisor.accessibilityViolations()).as("axe, room with tools").isEmpty();
    }

    @Test
    void lowQualityStaysUnder250KbitsHighRaisesItAgainAndAudioOnlySendsNoVideo() throws Exception {
        Calls.eventually(() -> OutboundVideo.measure(citizen, 2000), v -> v.kilobitsPerSecond() > 300,
                Duration.ofSeconds(30), "high quality ramping up above 300 kbit/s");

        new Select(citizen.driver().findElement(By.id("room-quality"))).selectByValue("low");
        OutboundVideo low = Calls.eventually(() -> OutboundVideo.measure(citizen, 3000), v -> v.kilobitsPerSecond() < 250,
                Duration.ofSeconds(30), "low quality under 250 kbit/s");
        assertThat(low.framesEncodedDelta()).as("low still sends video").isPositive();

        new Select(citizen.driver().findElement(By.id("room-quality"))).selectByValue("high");
        Calls.eventually(() -> OutboundVideo.measure(citizen, 2000), v -> v.kilobitsPerSecond() > 300,
                Duration.ofSeconds(30), "high quality back above 300 kbit/s");

        new Select(citizen.driver().findElement(By.id("room-quality"))).selectByValue("audio");
        Calls.eventually(() -> OutboundVideo.measure(citizen, 2000), v -> v.framesEncodedDelta() == 0 && v.kilobitsPerSecond() < 5,
                Duration.ofSeconds(20), "audio-only sending no video");
        assertThat(MediaStats.of(advisor).audioBytesReceived()).as("sound still flows").isPositive();
    }

    @Test
    void receiverCanAskForLowQuality() throws Exception {
        // The citizen on a prepaid plan turns on data-saving: the advisor's browser sends less.
        citizen.driver().findElement(By.id("room-budget")).click();
        Calls.eventually(() -> OutboundVideo.measure(advisor, 3000), v -> v.kilobitsPerSecond() < 250,
                Duration.ofSeconds(30), "advisor sending under 250 kbit/s to a data-saving citizen");
        Calls.awaitScript(citizen, "return parseFloat(document.getElementById('room-data-used').textContent) > 0", 10);
    }

    @Test
    void screenShareReachesTheOtherSideAtScreenResolutionAndBack() throws Exception {
        Calls.eventually(() -> MediaStats.of(citizen), s -> s.frameWidth() > 0, Duration.ofSeconds(20), "video decoded");
        advisor.driver().findElement(By.id("room-share")).click();
        Calls.awaitScript(advisor, "return !document.getElementById('room-sharing-indicator').hidden", 15);
        assertThat(advisor.driver().findElement(By.id("room-share")).getAttribute("aria-pressed")).isEqualTo("true");
        long screenWidth = ((Number) advisor.script("return window.videotermin.tools.screenWidth")).longValue();
        assertThat(screenWidth).as("the shared screen is wider than the 640 px camera").isGreaterThan(640);
        Calls.eventually(() -> MediaStats.of(citizen), s -> s.frameWidth() == screenWidth, Duration.ofSeconds(30),
                "the citizen decoding the screen at its full width of " + screenWidth + " px");

        advisor.driver().findElement(By.id("room-share")).click();
        Calls.eventually(() -> MediaStats.of(citizen), s -> s.frameWidth() > 0 && s.frameWidth() <= 640, Duration.ofSeconds(30),
                "the camera (640 px) again after sharing stopped");
        assertThat(advisor.driver().findElement(By.id("room-sharing-indicator")).isDisplayed()).isFalse();
    }

    @Test
    void muteIsVisibleAndAnnouncedOnTheOtherSide() {
        citizen.driver().findElement(By.id("room-mute")).click();
        Calls.awaitScript(advisor, "return !document.getElementById('room-peer-muted').hidden", 15);
        Calls.awaitScript(advisor, "return document.getElementById('room-announce').textContent.length > 0", 5);
        citizen.driver().findElement(By.id("room-mute")).click();
        Calls.awaitScript(advisor, "return document.getElementById('room-peer-muted').hidden", 15);
    }
}
