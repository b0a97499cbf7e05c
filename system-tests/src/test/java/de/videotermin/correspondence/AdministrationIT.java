package de.videotermin.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import de.videotermin.appointment.AgencyApi;
import de.videotermin.system.Browser;
import de.videotermin.system.Stack;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The admin role's pages (legal areas, sites, mail templates) in a real browser signed in through
 * Keycloak as the demo admin, with the effect checked where it matters: the next invitation the
 * citizen receives (GreenMail), the booking API, the audit trail. Each test makes its own legal
 * area or site, so the general templates other tests rely on stay untouched.
 */
class AdministrationIT {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Duration MAIL_LIMIT = Duration.ofSeconds(90);

    @Test
    void anAdminAddsALegalAreaWithItsOwnInvitationAndTheNextInvitationUsesIt() throws Exception {
        String code = "IT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String marker = "Sprechstunde-" + UUID.randomUUID().toString().substring(0, 6);
        try (Browser admin = signedInAdmin()) {
            admin.open(Stack.BASE_URL + "/");
            admin.waitFor(By.id("nav-admin")).click();
            admin.waitFor(By.id("admin-sites"));
            assertThat(admin.accessibilityViolations()).as("axe, administration start page").isEmpty();

            admin.driver().findElement(By.id("admin-sites")).click();
            admin.waitFor(By.id("area:areaCode")).sendKeys(code);
            admin.driver().findElement(By.id("area:areaNameDe")).sendKeys("Testgebiet " + code);
            admin.driver().findElement(By.id("area:areaNameEn")).sendKeys("Test area " + code);
            admin.driver().findElement(By.id("area:saveArea")).click();
            assertThat(admin.waitFor(By.id("messages")).getText()).contains("Testgebiet " + code);
            assertThat(admin.waitFor(By.id("legal-areas")).getText()).contains(code);
            assertThat(admin.accessibilityViolations()).as("axe, sites and legal areas").isEmpty();

            admin.open(Stack.BASE_URL + "/admin/templates.xhtml");
            new Select(admin.waitFor(By.id("add:newKind"))).selectByValue("INVITATION");
            new Select(admin.driver().findElement(By.id("add:newArea"))).selectByValue(code);
            new Select(admin.driver().findElement(By.id("add:newLanguage"))).selectByValue("de");
            admin.driver().findElement(By.id("add:addTemplate")).click();
            WebElement text = admin.waitFor(By.id("template:text"));
            assertThat(text.getAttribute("value")).as("a copy of the general invitation").contains("{{link}}");
            assertThat(admin.accessibilityViolations()).as("axe, template editor").isEmpty();

            text.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "\n" + marker + " für {{citizenName}}");
            admin.driver().findElement(By.id("template:preview")).click();
            assertThat(admin.waitFor(By.id("preview-text")).getText())
                    .contains(marker + " für Erika Musterfrau").contains("/t/SAMPLE-LINK");
            assertThat(admin.driver().findElement(By.id("preview-html")).getAttribute("sandbox")).as("HTML preview sandboxed").isEmpty();
            assertThat(admin.accessibilityViolations()).as("axe, template preview").isEmpty();

            admin.driver().findElement(By.id("template:save")).click();
            assertThat(admin.waitFor(By.id("messages")).getText()).contains("gespeichert");

            admin.open(Stack.BASE_URL + "/admin/audit.xhtml");
            assertThat(admin.waitFor(By.id("audit")).getText())
                    .contains("legal-area.created").contains("template.edited").contains("INVITATION/" + code + "/de");
        }

        String email = "admin-it-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String created = AgencyApi.create(AgencyApi.token(), bookingIn(code, email)).getString("citizenLink");
        Mailbox.Mail invitation = Mailbox.await(email, m -> m.ics() != null, MAIL_LIMIT);
        assertThat(invitation.text()).contains(marker + " für Erika Muster").contains(created);
        assertThat(invitation.text()).as("the area's own name from the admin's data").contains("Testgebiet " + code);
    }

    @Test
    void aTemplateWithoutThePersonalLinkOrWithAnUnknownPlaceholderIsRefusedReadablyAndNothingIsSaved() throws Exception {
        String code = "IT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        try (Browser admin = signedInAdmin()) {
            addLegalArea(admin, code);
            admin.open(Stack.BASE_URL + "/admin/templates.xhtml");
            new Select(admin.waitFor(By.id("add:newArea"))).selectByValue(code);
            admin.driver().findElement(By.id("add:addTemplate")).click();
            WebElement text = admin.waitFor(By.id("template:text"));
            String before = text.getAttribute("value");
            admin.script("document.getElementById('template:text').value = arguments[0];",
                    before.replace("{{link}}", "(siehe Brief)").replace("{{topic}}", "{{thema}}"));
            admin.driver().findElement(By.id("template:save")).click();

            String page = admin.waitFor(By.id("messages")).getText();
            assertThat(page).contains("nicht gespeichert");
            String fieldErrors = admin.waitFor(By.cssSelector("#template .field-error")).getText()
                    + admin.driver().findElements(By.cssSelector("#template .field-error")).stream().map(WebElement::getText).toList();
            assertThat(fieldErrors).contains("{{link}}").contains("{{thema}}");
            assertThat(admin.accessibilityViolations()).as("axe, template editor with errors").isEmpty();
        }
        try (Connection c = DriverManager.getConnection(Stack.DB_URL, "videotermin", Stack.DB_PASSWORD);
             PreparedStatement s = c.prepareStatement("select body_text from mail_template where legal_area = ? and kind = 'INVITATION'")) {
            s.setString(1, code);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).as("the stored template is unchanged").contains("{{link}}").doesNotContain("{{thema}}");
            }
        }
    }

    @Test
    void aDeactivatedSiteIsNoLongerOfferedButKeptAndTheKeyboardAloneDoesIt() throws Exception {
        String code = "SITE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        try (Browser admin = signedInAdmin()) {
            admin.open(Stack.BASE_URL + "/admin/sites.xhtml");
            WebElement field = admin.waitFor(By.id("site:siteCode"));
            // keyboard only: tab to the site form's code field, type, tab on, Enter submits
            admin.script("document.activeElement.blur();");
            WebElement focused = admin.driver().switchTo().activeElement();
            for (int i = 0; i < 400 && !"site:siteCode".equals(focused.getAttribute("id")); i++) {
                new Actions(admin.driver()).sendKeys(Keys.TAB).perform();
                focused = admin.driver().switchTo().activeElement();
            }
            assertThat(focused.getAttribute("id")).as("the code field is reachable with Tab").isEqualTo(field.getAttribute("id"));
            focused.sendKeys(code);
            focused.sendKeys(Keys.TAB);
            admin.driver().switchTo().activeElement().sendKeys("Standort " + code, Keys.ENTER);
            assertThat(admin.waitFor(By.id("messages")).getText()).contains("Standort " + code);

            admin.open(Stack.BASE_URL + "/admin/sites.xhtml?site=" + code);
            WebElement active = admin.waitFor(By.id("site:siteActive"));
            assertThat(active.isSelected()).isTrue();
            active.sendKeys(Keys.SPACE);
            admin.driver().findElement(By.id("site:saveSite")).sendKeys(Keys.ENTER);
            admin.waitFor(By.id("messages"));
            assertThat(admin.waitFor(By.xpath("//table[@id='sites']//tr[td[1][normalize-space()='" + code + "']]")).getText())
                    .contains("Deaktiviert");
        }
        String body = AgencyApi.booking(AgencyApi.newAdvisor(), soon().toOffsetDateTime(), 30, "x@example.org")
                .replace("\"legalArea\"", "\"siteCode\":\"" + code + "\",\"legalArea\"");
        HttpResponse<String> refused = AgencyApi.post(AgencyApi.APPOINTMENTS, AgencyApi.token(), body, null);
        assertThat(refused.statusCode()).as("booking at a deactivated site").isEqualTo(422);
        assertThat(refused.body()).contains("siteCode");
        try (Connection c = DriverManager.getConnection(Stack.DB_URL, "videotermin", Stack.DB_PASSWORD);
             PreparedStatement s = c.prepareStatement("select active from site where code = ?")) {
            s.setString(1, code);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).as("kept, not deleted").isTrue();
                assertThat(r.getBoolean(1)).isFalse();
            }
        }
    }

    @Test
    void anAdvisorWhoIsNotAdminIsRefusedEveryAdministrationPage() {
        try (Browser advisor = Browser.start("en")) {
            advisor.open(Stack.BASE_URL + "/admin/templates.xhtml");
            advisor.signInAtKeycloak("anna.berger", Stack.DEMO_PASSWORD);
            for (String page : new String[]{"/admin/", "/admin/sites.xhtml", "/admin/templates.xhtml"}) {
                advisor.open(Stack.BASE_URL + page);
                assertThat(advisor.waitFor(By.id("error-text"), Duration.ofSeconds(45)).getText())
                        .as(page).isEqualTo("You are not allowed to see this page.");
                assertThat(advisor.driver().findElements(By.id("templates"))).isEmpty();
                assertThat(advisor.driver().findElements(By.id("sites"))).isEmpty();
            }
            assertThat(advisor.driver().findElements(By.id("nav-admin"))).as("no admin link for an advisor").isEmpty();
        }
    }

    private static Browser signedInAdmin() {
        Browser admin = Browser.start("de");
        admin.open(Stack.BASE_URL + "/admin/");
        admin.signInAtKeycloak("thomas.krueger", Stack.DEMO_PASSWORD);
        // back from Keycloak on a page of ours, signed in (generous: the round trip is slow on a loaded machine)
        admin.waitFor(By.id("staff-name"), Duration.ofSeconds(45));
        admin.open(Stack.BASE_URL + "/admin/");
        admin.waitFor(By.id("admin-sites"), Duration.ofSeconds(45));
        return admin;
    }

    private static void addLegalArea(Browser admin, String code) {
        admin.open(Stack.BASE_URL + "/admin/sites.xhtml");
        admin.waitFor(By.id("area:areaCode")).sendKeys(code);
        admin.driver().findElement(By.id("area:areaNameDe")).sendKeys("Testgebiet " + code);
        admin.driver().findElement(By.id("area:areaNameEn")).sendKeys("Test area " + code);
        admin.driver().findElement(By.id("area:saveArea")).click();
        admin.waitFor(By.xpath("//table[@id='legal-areas']//td[normalize-space()='" + code + "']"));
    }

    private static ZonedDateTime soon() {
        return ZonedDateTime.of(LocalDate.now(BERLIN).plusDays(ThreadLocalRandom.current().nextInt(30, 300)),
                LocalTime.of(8, 0).plusMinutes(5L * ThreadLocalRandom.current().nextInt(0, 100)), BERLIN);
    }

    private static String bookingIn(String legalArea, String email) {
        return AgencyApi.booking(AgencyApi.newAdvisor(), soon().toOffsetDateTime(), 30, email)
                .replace("\"legalArea\":\"CAREER_GUIDANCE\"", "\"legalArea\":\"" + legalArea + "\"");
    }
}
