package de.videotermin.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.videotermin.system.Browser;
import de.videotermin.system.Cluster;
import de.videotermin.system.MediaStats;
import de.videotermin.system.Stack;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Signalling across two nodes of the data grid, through haproxy: the Payara Server with the EAR and one
 * Payara Micro signalling node (started by {@code server-config/scripts/cluster.sh}, see docs/scale.md).
 * The advisor's and the citizen's WebSockets land on different nodes, media flows; then the Micro node is
 * killed mid-call, the browser(s) it served reconnect through haproxy to the Payara Server, negotiate a
 * fresh peer connection and media flows again — without a new consent or admission.
 *
 * <p>Runs when {@code videotermin.lbUrl} (haproxy) and {@code videotermin.clusterScript} are given;
 * {@code ./run test} starts the cluster and passes both.
 */
class TwoNodeConsultationIT {

    private static final String LB_URL = Cluster.LB_URL;
    private static final String NODE_URL = Cluster.NODE_URL;

    private Browser advisor;
    private Browser citizen;

    @BeforeEach
    void startBrowsers() {
        assumeTrue(Cluster.isGiven(), "needs the cluster: videotermin.lbUrl, videotermin.nodeUrl, videotermin.clusterScript");
        advisor = Browser.start("de");
        citizen = Browser.start("en");
    }

    @AfterEach
    void closeBrowsers() throws Exception {
        if (advisor != null) {
            advisor.close();
            citizen.close();
            Cluster.run("start-node", "1"); // leave the cluster as we found it
        }
    }

    @Test
    void callAcrossTwoNodesSurvivesTheLossOfOne() throws Exception {
        assertThat(connectionsOn(Stack.BASE_URL) + connectionsOn(NODE_URL)).as("no signalling sessions before").isZero();
        String citizenName = "Erika Knoten " + UUID.randomUUID().toString().substring(0, 8);
        String link = bookAsAdvisor(citizenName);

        // Both browsers reach the site through haproxy; the advisor's session cookie is per host, not per port.
        citizen.open(LB_URL + link.substring(Stack.BASE_URL.length()));
        citizen.waitFor(By.id("consent:give-consent")).click();
        citizen.waitFor(By.id("dt-continue")).click();   // click 2, the device test, is optional
        citizen.waitFor(By.id("room"));
        awaitState(citizen, "waiting");

        advisor.open(Stack.BASE_URL + "/advisor/");
        String roomHref = advisor.waitFor(By.xpath("//tr[td[contains(., '" + citizenName + "')]]//a[contains(@class,'open-room')]"))
                .getAttribute("href");
        advisor.open(LB_URL + roomHref.substring(Stack.BASE_URL.length()));
        admit();
        awaitState(advisor, "connected");
        awaitState(citizen, "connected");

        // haproxy's leastconn put the second WebSocket on the other node
        assertThat(connectionsOn(Stack.BASE_URL)).as("sessions on the Payara Server").isEqualTo(1);
        assertThat(connectionsOn(NODE_URL)).as("sessions on the Micro node").isEqualTo(1);
        MediaStats.assertFlowing(advisor, "advisor");
        MediaStats.assertFlowing(citizen, "citizen");

        markPeerConnections();
        Cluster.run("kill-node", "1");

        // the participant(s) of the dead node reconnect to the Payara Server; both start a fresh peer connection
        waitUntil(advisor, "return window.videotermin.pc !== window.__beforeCrash && window.videotermin.state === 'connected'");
        waitUntil(citizen, "return window.videotermin.pc !== window.__beforeCrash && window.videotermin.state === 'connected'");
        assertThat(connectionsOn(Stack.BASE_URL)).as("both sessions now on the Payara Server").isEqualTo(2);
        MediaStats.assertFlowing(advisor, "advisor after the node died");
        MediaStats.assertFlowing(citizen, "citizen after the node died");
        assertThat(citizen.driver().findElements(By.id("consent:give-consent"))).as("no new consent").isEmpty();

        advisor.driver().findElement(By.id("room-end")).click();
        awaitState(citizen, "ended");
    }

    private String bookAsAdvisor(String citizenName) {
        return de.videotermin.system.AdvisorDesk.book(advisor, citizenName, Duration.ofMinutes(5));
    }

    private void admit() {
        advisor.waitFor(By.cssSelector("#room-lobby button"), Duration.ofSeconds(30)).click();
        for (int attempt = 0; attempt < 3; attempt++) { // see ConsultationIT: a re-rendered lobby may swallow a click
            try {
                new WebDriverWait(advisor.driver(), Duration.ofSeconds(8))
                        .until(d -> d.findElements(By.cssSelector("#room-lobby button")).isEmpty());
                return;
            } catch (org.openqa.selenium.TimeoutException stillWaiting) {
                advisor.driver().findElements(By.cssSelector("#room-lobby button:not([disabled])"))
                        .stream().findFirst().ifPresent(org.openqa.selenium.WebElement::click);
            }
        }
    }

    private void markPeerConnections() {
        for (Browser browser : List.of(advisor, citizen)) {
            browser.script("window.__beforeCrash = window.videotermin.pc; return null;");
        }
    }

    /** Signalling sessions a node holds, from its MicroProfile Metrics gauge. */
    private static long connectionsOn(String nodeUrl) throws Exception {
        HttpResponse<String> response = Stack.HTTP.send(HttpRequest.newBuilder(URI.create(nodeUrl + "/metrics"))
                .header("Accept", "text/plain").timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("metrics of " + nodeUrl).isEqualTo(200);
        Matcher m = Pattern.compile("(?m)^videotermin_signalling_connections(?:\\{[^}]*\\})? ([0-9.]+)").matcher(response.body());
        // the gauge appears with the node's first signalling session
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }

    private static void awaitState(Browser browser, String state) {
        waitUntil(browser, "return window.videotermin && window.videotermin.state === '" + state + "'");
    }

    private static void waitUntil(Browser browser, String script) {
        try {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(45))
                    .until(driver -> Boolean.TRUE.equals(browser.script(script)));
        } catch (org.openqa.selenium.TimeoutException e) {
            Object state = browser.script("return (window.videotermin ? window.videotermin.state : 'no client') + ' / '"
                    + " + (document.getElementById('room-status') || {}).textContent");
            throw new AssertionError("timed out waiting for [" + script + "]; client state: " + state, e);
        }
    }
}
