package de.videotermin.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import de.videotermin.consultation.ticket.JoinTicket;
import de.videotermin.consultation.ticket.Role;
import de.videotermin.consultation.ticket.TicketSigner;
import de.videotermin.system.AdvisorDesk;
import de.videotermin.system.Browser;
import de.videotermin.system.Calls;
import de.videotermin.system.Database;
import de.videotermin.system.MediaStats;
import de.videotermin.system.Stack;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A consultation of three, in three separate Chromium instances: the advisor invites an interpreter
 * during the call, the interpreter opens their own link, gives their own consent, waits, is admitted,
 * and everyone receives everyone's audio and video; then the advisor removes the interpreter, who
 * loses access while the consultation goes on.
 */
class ThreeWayConsultationIT {

    private Browser advisor;
    private Browser citizen;
    private Browser interpreter;

    @BeforeEach
    void startBrowsers() {
        advisor = Browser.start("de");
        citizen = Browser.start("de");
        interpreter = Browser.start("en");
    }

    @AfterEach
    void closeBrowsers() {
        for (Browser browser : List.of(advisor, citizen, interpreter)) {
            browser.close();
        }
    }

    @Test
    void interpreterJoinsWithOwnLinkAndConsentAllThreeSeeAndHearEachOtherThenIsRemoved() throws Exception {
        String citizenName = "Dreier " + UUID.randomUUID().toString().substring(0, 8);
        Calls.connect(advisor, citizen, citizenName);
        String citizenId = String.valueOf(advisor.script("return window.videotermin.pc && Object.keys(window.videotermin.pcs)[0]"));
        String advisorId = String.valueOf(citizen.script("return Object.keys(window.videotermin.pcs)[0]"));

        // The advisor invites an interpreter from the room, without leaving the call.
        String guestLink = AdvisorDesk.inviteGuest(advisor, "INTERPRETER", "Maria Dolmetscherin", "en");
        assertThat(guestLink).startsWith(Stack.BASE_URL + "/g/").endsWith("?lang=en");
        String token = guestLink.substring(guestLink.indexOf("/g/") + 3, guestLink.indexOf('?'));
        assertThat(token).as("256-bit token, base64url").hasSize(43);
        assertThat(Database.count("select count(*) from guest_invitation where token_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')", token))
                .as("stored as its SHA-256 hash only").isEqualTo(1);
        assertThat(advisor.script("return window.videotermin.state")).as("the call went on").isEqualTo("connected");

        String guestId = String.valueOf(advisor.script("return window.videotermin.guest.id"));
        // A second invitation while one stands is refused readably; a post without the session's token is refused.
        assertThat(postInvitation(advisor, "csrf")).isEqualTo("409 https://videotermin.de/problems/guest-already-invited");
        assertThat(postInvitation(advisor, "forged")).isEqualTo("403 https://videotermin.de/problems/csrf");

        // The interpreter: own page in their language, own consent, (optional device test,) then the waiting room.
        interpreter.open(guestLink);
        assertThat(interpreter.waitFor(By.id("guest-name")).getText()).isEqualTo("Maria Dolmetscherin");
        assertThat(interpreter.driver().findElement(By.id("guest-kind")).getText()).isEqualTo("Interpreter");
        assertThat(interpreter.accessibilityViolations()).as("axe, guest invitation page").isEmpty();
        interpreter.waitFor(By.id("consent:give-consent")).click();
        interpreter.waitFor(By.id("dt-continue")).click(); // the optional device test: skipped here, see GuestJourneyIT
        Calls.awaitScript(interpreter, "return window.videotermin && window.videotermin.state === 'waiting'", 30);
        assertThat(Database.count("select count(*) from consent_record where guest_id = ?::uuid and withdrawn_at is null", guestId))
                .as("the interpreter's own consent").isEqualTo(1);
        assertThat(Database.count("""
                select count(*) from consent_record r join appointment a on a.id = r.appointment_id
                where a.citizen_name = ? and r.guest_id is null""", citizenName))
                .as("the citizen's consent is still one entry of its own").isEqualTo(1);

        // The advisor sees the interpreter by name in the waiting room and admits them.
        WebElement admit = advisor.waitFor(By.cssSelector("#room-lobby button"), Duration.ofSeconds(30));
        assertThat(advisor.driver().findElement(By.id("room-lobby")).getText()).contains("Maria Dolmetscherin");
        admit.click();
        Calls.awaitScript(interpreter, "return window.videotermin.state === 'connected'"
                + " && Object.keys(window.videotermin.pcs).length === 2"
                + " && Object.values(window.videotermin.pcs).every(pc => pc.connectionState === 'connected')", 45);
        String interpreterId = String.valueOf(advisor.script(
                "return Object.keys(window.videotermin.pcs).find(id => id.indexOf('guest-') === 0)"));
        assertThat(interpreterId).startsWith("guest-");

        // Everyone receives everyone: six directions of audio and video.
        MediaStats.assertFlowing(advisor, citizenId, "advisor from citizen");
        MediaStats.assertFlowing(advisor, interpreterId, "advisor from interpreter");
        MediaStats.assertFlowing(citizen, advisorId, "citizen from advisor");
        MediaStats.assertFlowing(citizen, interpreterId, "citizen from interpreter");
        MediaStats.assertFlowing(interpreter, advisorId, "interpreter from advisor");
        MediaStats.assertFlowing(interpreter, citizenId, "interpreter from citizen");

        // Speaker and interpreter visible at the same time: two remote pictures, both showing frames.
        Calls.awaitScript(citizen, "return [...document.querySelectorAll('.vt-room__remote video')]"
                + ".filter(v => v.videoWidth > 0 && v.getBoundingClientRect().width > 0).length === 2", 20);
        // Each pair can compare its own safety code: the advisor's code with the interpreter is the interpreter's with the advisor.
        Calls.awaitScript(advisor, "return !!window.videotermin.tools.codes[arguments[0]]".replace("arguments[0]", "'" + interpreterId + "'"), 20);
        Calls.awaitScript(interpreter, "return !!window.videotermin.tools.codes['" + advisorId + "']", 20);
        assertThat(advisor.script("return window.videotermin.tools.codes['" + interpreterId + "']"))
                .isEqualTo(interpreter.script("return window.videotermin.tools.codes['" + advisorId + "']"));
        assertThat(advisor.accessibilityViolations()).as("axe, advisor room with three and the guest panel").isEmpty();
        assertThat(interpreter.accessibilityViolations()).as("axe, guest room").isEmpty();

        // Chat reaches both others.
        citizen.driver().findElement(By.id("room-chat-input")).sendKeys("Guten Tag an beide");
        citizen.driver().findElement(By.id("room-chat-send")).click();
        Calls.awaitScript(advisor, "return window.videotermin.chatMessages.some(m => m.text === 'Guten Tag an beide')", 15);
        Calls.awaitScript(interpreter, "return window.videotermin.chatMessages.some(m => m.text === 'Guten Tag an beide')", 15);

        // The advisor removes the interpreter: out of the call at once, the link closed.
        advisor.driver().findElement(By.id("guests-remove")).click();
        Calls.awaitScript(interpreter, "return window.videotermin.state === 'ended'", 20);
        assertThat(interpreter.driver().findElement(By.id("room-ended-text")).getText()).contains("taken you out");
        Calls.awaitScript(advisor, "return Object.keys(window.videotermin.pcs).length === 1", 20);
        Calls.awaitScript(citizen, "return Object.keys(window.videotermin.pcs).length === 1", 20);
        MediaStats.assertFlowing(citizen, "citizen after the interpreter left");
        MediaStats.assertFlowing(advisor, "advisor after the interpreter left");

        HttpResponse<String> page = Stack.HTTP.send(HttpRequest.newBuilder(URI.create(guestLink)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as("the link is closed").isEqualTo(410);
        assertThat(page.body()).contains("invitation-withdrawn");
        interpreter.open(Stack.BASE_URL + "/guest/room.xhtml?g=" + token);
        interpreter.waitFor(By.id("invitation-withdrawn"));
        assertThat(interpreter.script("return document.getElementById('room')")).as("no room, no new ticket").isNull();

        // Even a ticket that is still valid (signed now, for the interpreter) does not bring them back.
        String interpreterTicket = new TicketSigner(Stack.TICKET_SECRET).sign(new JoinTicket(roomIdOf(citizenName),
                Role.GUEST, interpreterId, "Maria Dolmetscherin", java.time.Instant.now().plusSeconds(60)));
        URI signalling = URI.create(Stack.BASE_URL.replaceFirst("^http", "ws") + "/signalling/rooms/" + roomIdOf(citizenName)
                + "?ticket=" + java.net.URLEncoder.encode(interpreterTicket, java.nio.charset.StandardCharsets.UTF_8));
        try (SignallingClient replay = SignallingClient.connect(signalling)) {
            assertThat(replay.next("ended").getString("reason")).isEqualTo("removed-by-advisor");
            assertThat(replay.awaitClose().reason()).isEqualTo("removed");
        }
        assertThat(Database.count("""
                select count(*) from audit_event e join appointment a on a.id = e.appointment_id
                where a.citizen_name = ? and e.action in ('guest.invited', 'guest.revoked')""", citizenName))
                .as("both staff actions in the audit trail").isEqualTo(2);
    }

    /** Posts an invitation as the advisor's page would, with the page's CSRF token or a forged one. */
    private static Object postInvitation(Browser advisor, String token) {
        return advisor.asyncScript("""
                const done = arguments[arguments.length - 1];
                const panel = document.getElementById('guests');
                const body = new URLSearchParams({csrf: arguments[0] === 'csrf' ? panel.dataset.csrf : 'forged',
                    room: panel.dataset.room, action: 'invite', kind: 'OTHER', name: 'Zweite Person', language: 'de'});
                fetch(panel.dataset.url, {method: 'POST', body: body, credentials: 'same-origin'})
                    .then(r => r.json().then(j => done(r.status + ' ' + j.type)), e => done(String(e)));
                """, token);
    }

    private static String roomIdOf(String citizenName) throws Exception {
        try (Connection c = DriverManager.getConnection(Stack.DB_URL, "videotermin", Stack.DB_PASSWORD);
             PreparedStatement s = c.prepareStatement("select room_id from appointment where citizen_name = ?")) {
            s.setString(1, citizenName);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getString(1);
            }
        }
    }
}
