package de.videotermin.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import de.videotermin.appointment.AgencyApi;
import de.videotermin.system.AdvisorDesk;
import de.videotermin.system.Browser;
import de.videotermin.system.Calls;
import de.videotermin.system.Database;
import de.videotermin.system.Stack;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The advisor gives the guest's e-mail address on the room's panel: the server's outbox sends the
 * invitation (GreenMail, read over IMAP) in the guest's language, the link in it leads a browser to the
 * guest's consent page, the panel shows the mail's status, a bad address gets a readable error, and an
 * invitation withdrawn while its mail still waits is never sent.
 */
class GuestInvitationMailIT {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Pattern GUEST_LINK = Pattern.compile("https?://\\S+/g/[A-Za-z0-9_-]{43}\\?lang=(de|en)");

    private final List<Browser> browsers = new ArrayList<>();

    private Browser browser(String language) {
        Browser b = Browser.start(language);
        browsers.add(b);
        return b;
    }

    @AfterEach
    void closeBrowsersAndBringSmtpBack() throws Exception {
        browsers.forEach(Browser::close);
        mail("mail-start");
    }

    /** An advisor who has booked an appointment with this citizen and opened its room, where the guest panel is. */
    private Browser advisorInTheRoomOf(String citizenName, String language) {
        Browser advisor = browser(language);
        AdvisorDesk.book(advisor, citizenName, Duration.ofMinutes(10));
        AdvisorDesk.openRoom(advisor, citizenName, "");
        advisor.waitFor(By.id("guests-email"));
        return advisor;
    }

    @Test
    void theGuestGetsTheInvitationByMailInTheirLanguageAndItsLinkLeadsToTheConsentPage() throws Exception {
        String citizenName = newCitizenName();
        Browser advisor = advisorInTheRoomOf(citizenName, "de");
        assertThat(advisor.accessibilityViolations()).as("axe, advisor room with the guest's e-mail field, German").isEmpty();
        assertThat(advisor.driver().findElement(By.cssSelector("label[for=guests-email]")).getText())
                .isEqualTo("E-Mail-Adresse der Person (freiwillig)");

        // Keyboard: from the name the next stop is the address.
        advisor.driver().findElement(By.id("guests-name")).sendKeys("Mary Interpreter");
        new Actions(advisor.driver()).sendKeys(Keys.TAB).perform();
        assertThat(advisor.script("return document.activeElement.id")).isEqualTo("guests-email");

        // A bad address: a readable message at the field, nobody invited. Once caught in the page, once by the server.
        for (String bad : List.of("mary.example.org", "mary@exa_mple.org")) {
            new Select(advisor.driver().findElement(By.id("guests-language"))).selectByValue("en");
            advisor.driver().findElement(By.id("guests-email")).clear();
            advisor.driver().findElement(By.id("guests-email")).sendKeys(bad);
            advisor.driver().findElement(By.id("guests-email")).sendKeys(Keys.ENTER);
            new WebDriverWait(advisor.driver(), Duration.ofSeconds(15)).until(d ->
                    d.findElement(By.id("guests-status")).getText().startsWith("Bitte prüfen Sie die E-Mail-Adresse"));
            assertThat(advisor.driver().findElement(By.id("guests-email")).getAttribute("aria-invalid")).as(bad).isEqualTo("true");
            assertThat(advisor.script("return document.activeElement.id")).isEqualTo("guests-email");
            assertThat(Database.count("select count(*) from guest_invitation g join appointment a on a.id = g.appointment_id "
                    + "where a.citizen_name = ?", citizenName)).as("nothing stored for " + bad).isZero();
            advisor.script("document.getElementById('guests-status').textContent = ''");
        }

        // English guest.
        String english = newAddress("guest-en");
        String panelLink = invite(advisor, english);
        assertThat(panelLink).as("the link can still be copied").endsWith("?lang=en");
        new WebDriverWait(advisor.driver(), Duration.ofSeconds(60)).until(d ->
                d.findElement(By.id("guests-mail-status")).getText().startsWith("Die Einladung per E-Mail ist versandt"));
        Mailbox.Mail mail = Mailbox.await(english, m -> true, Duration.ofSeconds(30));
        Instant start = Database.instant("select starts_at from appointment where citizen_name = ?", citizenName);
        assertThat(mail.subject()).isEqualTo("Invitation to a video consultation on "
                + date(start, Locale.ENGLISH) + " at " + start.atZone(BERLIN).format(DateTimeFormatter.ofPattern("HH:mm")));
        assertThat(mail.text()).startsWith("Hello Mary Interpreter,").contains("Anna Berger invites you")
                .contains(panelLink).doesNotContain(citizenName);
        assertThat(mail.html()).contains("href=\"" + panelLink + "\"");
        String mailLink = link(mail.text());
        assertThat(mailLink).isEqualTo(panelLink);
        String token = mailLink.substring(mailLink.indexOf("/g/") + 3, mailLink.indexOf('?'));
        assertThat(mail.text()).contains(Stack.BASE_URL + "/guest/privacy.xhtml?g=" + token + "&lang=en");
        assertThat(Mailbox.read(english)).as("sent once").hasSize(1);
        try (Connection db = DriverManager.getConnection(Stack.DB_URL, "videotermin", Stack.DB_PASSWORD);
             PreparedStatement q = db.prepareStatement("select m.status, m.link_token, m.body_text, g.email from outbox_message m "
                     + "join guest_invitation g on g.id = m.guest_id where m.recipient = ?")) {
            q.setString(1, english);
            try (ResultSet r = q.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo("SENT");
                assertThat(r.getString(2)).as("the token left the outbox row when the mail was rendered").isNull();
                assertThat(r.getString(3)).as("the delivered body (with the link) is erased").isNull();
                assertThat(r.getString(4)).isEqualTo(english);
            }
        }

        // The link from the mail, in a browser of its own: the guest's consent page, in English.
        Browser guest = browser("de");
        guest.open(mailLink);
        assertThat(guest.waitFor(By.id("guest-name")).getText()).isEqualTo("Mary Interpreter");
        assertThat(guest.script("return document.documentElement.lang")).isEqualTo("en");
        assertThat(guest.driver().findElement(By.id("consent:give-consent")).isDisplayed()).isTrue();
        // The receipt lists the address and when it goes.
        guest.open(Stack.BASE_URL + "/guest/privacy.xhtml?g=" + token + "&lang=en");
        Instant end = Database.instant("select starts_at + make_interval(mins => duration_minutes) from appointment where citizen_name = ?",
                citizenName);
        assertThat(guest.waitFor(By.id("receipt")).getText()).contains("Your email address (entered by the advisor)")
                .contains(english).contains("Deleted on " + date(end.plus(Duration.ofDays(Long.getLong(
                        "videotermin.retention.contact-days", 30))), Locale.ENGLISH, FormatStyle.LONG));

        // Withdrawn; then a German guest.
        advisor.driver().findElement(By.id("guests-remove")).click();
        advisor.waitFor(By.id("guests-form"));
        new WebDriverWait(advisor.driver(), Duration.ofSeconds(15)).until(d -> d.findElement(By.id("guests-form")).isDisplayed());
        String german = newAddress("guest-de");
        new Select(advisor.driver().findElement(By.id("guests-language"))).selectByValue("de");
        String germanLink = invite(advisor, "Jana Dolmetscherin", german);
        Mailbox.Mail deMail = Mailbox.await(german, m -> true, Duration.ofSeconds(60));
        assertThat(deMail.subject()).isEqualTo("Einladung zur Videoberatung am " + date(start, Locale.GERMAN) + " um "
                + start.atZone(BERLIN).format(DateTimeFormatter.ofPattern("HH:mm")) + " Uhr");
        assertThat(deMail.text()).startsWith("Guten Tag Jana Dolmetscherin,").contains(germanLink);
        Browser deGuest = browser("en");
        deGuest.open(link(deMail.text()));
        assertThat(deGuest.waitFor(By.id("guest-name")).getText()).isEqualTo("Jana Dolmetscherin");
        assertThat(deGuest.script("return document.documentElement.lang")).isEqualTo("de");
        // The old guest's link is closed.
        assertThat(Stack.get(mailLink, null).statusCode()).isEqualTo(410);

        advisor.open(Stack.BASE_URL + "/advisor/?lang=en");
        AdvisorDesk.openRoom(advisor, citizenName, "");
        advisor.waitFor(By.id("guests-current")); // a guest is invited: the panel shows them, not the form
        new WebDriverWait(advisor.driver(), Duration.ofSeconds(30)).until(d ->
                d.findElement(By.id("guests-mail-status")).getText().startsWith("The invitation email has been sent"));
        assertThat(advisor.accessibilityViolations()).as("axe, advisor room with the guest's mail status, English").isEmpty();
    }

    @Test
    void aGuestWithdrawnWhileTheMailWaitsIsNeverSent() throws Exception {
        Browser advisor = advisorInTheRoomOf(newCitizenName(), "en");
        mail("mail-stop");
        String withdrawn = newAddress("guest-gone");
        String link = invite(advisor, "Never Mailed", withdrawn);
        new WebDriverWait(advisor.driver(), Duration.ofSeconds(60)).until(d ->
                d.findElement(By.id("guests-mail-status")).getText().startsWith("The invitation email could not be delivered yet"));
        assertThat(Database.count("select count(*) from outbox_message where recipient = ? and status = 'RETRYING'", withdrawn)).isOne();

        advisor.driver().findElement(By.id("guests-remove")).click();
        new WebDriverWait(advisor.driver(), Duration.ofSeconds(15)).until(d -> d.findElement(By.id("guests-form")).isDisplayed());
        assertThat(Database.count("select count(*) from outbox_message where recipient = ?", withdrawn))
                .as("the waiting mail is deleted with the withdrawal").isZero();
        assertThat(Stack.get(link, null).statusCode()).as("and the link is closed").isEqualTo(410);

        // SMTP back: a later guest's mail goes out, the withdrawn one never does.
        mail("mail-start");
        String later = newAddress("guest-later");
        invite(advisor, "Later Guest", later);
        Mailbox.await(later, m -> true, Duration.ofSeconds(120));
        assertThat(Mailbox.read(withdrawn)).isEmpty();
    }

    @Test
    void aGuestMailStillWaitingWhenTheAppointmentIsCancelledIsNeverSent() throws Exception {
        Browser advisor = advisorInTheRoomOf(newCitizenName(), "de");
        mail("mail-stop");
        String address = newAddress("guest-cancelled");
        invite(advisor, "Abgesagt Gast", address);
        assertThat(Database.count("select count(*) from outbox_message where recipient = ? and status in ('PENDING', 'RETRYING')",
                address)).as("the guest's mail waits for the mail server").isOne();

        String appointment = Database.text("select cast(appointment_id as varchar) from guest_invitation where email = ?", address);
        HttpResponse<String> cancelled = AgencyApi.post(Stack.BASE_URL + "/api/v1/appointments/" + appointment + "/cancel",
                AgencyApi.token(), "", null);
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(Database.count("select count(*) from outbox_message where recipient = ?", address))
                .as("no invitation to a cancelled consultation").isZero();
        mail("mail-start");
    }

    private static String newCitizenName() {
        return "Gastpost " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An address of its own for this run, so that mailboxes of earlier runs never answer. */
    private static String newAddress(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** Fills the guest's name and address, invites, and returns the link the panel shows. */
    private static String invite(Browser advisor, String name, String email) {
        advisor.driver().findElement(By.id("guests-name")).sendKeys(name);
        return invite(advisor, email);
    }

    /** Fills the address (the name is typed already), invites, and returns the link the panel shows. */
    private static String invite(Browser advisor, String email) {
        advisor.driver().findElement(By.id("guests-email")).clear();
        advisor.driver().findElement(By.id("guests-email")).sendKeys(email);
        advisor.driver().findElement(By.id("guests-invite")).click();
        var field = advisor.waitFor(By.id("guests-link"));
        new WebDriverWait(advisor.driver(), Duration.ofSeconds(15)).until(d -> !field.getAttribute("value").isEmpty());
        return field.getAttribute("value");
    }

    private static String link(String text) {
        Matcher m = GUEST_LINK.matcher(text);
        assertThat(m.find()).as("a guest link in " + text).isTrue();
        return m.group();
    }

    private static String date(Instant instant, Locale locale) {
        return date(instant, locale, FormatStyle.FULL);
    }

    private static String date(Instant instant, Locale locale, FormatStyle style) {
        return instant.atZone(BERLIN).format(DateTimeFormatter.ofLocalizedDate(style).withLocale(locale));
    }

    private static void mail(String command) throws Exception {
        Stack.run(command, java.util.Map.of(
                "VIDEOTERMIN_SMTP_PORT", System.getProperty("videotermin.smtpPort", "13025"),
                "VIDEOTERMIN_IMAP_PORT", String.valueOf(Mailbox.IMAP_PORT),
                "VIDEOTERMIN_MAIL_API_PORT", System.getProperty("videotermin.mailApiPort", "18025")));
    }
}
