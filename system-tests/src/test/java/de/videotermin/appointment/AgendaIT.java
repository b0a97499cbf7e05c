package de.videotermin.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import de.videotermin.system.Browser;
import de.videotermin.system.Stack;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The advisor's agenda page and the citizen's self-service page, in a real browser, with axe. */
class AgendaIT {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private Browser browser;

    @BeforeEach
    void start() {
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    void aDoubleBookingOnTheAgendaPageIsRefusedReadably() {
        signIn();
        LocalDate day = LocalDate.now(BERLIN).plusDays(ThreadLocalRandom.current().nextInt(200, 600));
        book(day, "10:00", "Doppel " + UUID.randomUUID().toString().substring(0, 6));
        assertThat(browser.waitFor(By.id("citizen-link")).getAttribute("value")).startsWith(Stack.BASE_URL + "/t/");

        book(day, "10:15", "Doppel " + UUID.randomUUID().toString().substring(0, 6));

        WebElement error = browser.waitFor(By.cssSelector("#booking .field-error"));
        assertThat(error.getText()).contains("schon einen Termin");
        assertThat(browser.accessibilityViolations()).as("axe on the agenda with an error").isEmpty();
    }

    @Test
    void theWeekViewShowsTheAppointmentsOfThatWeek() {
        signIn();
        LocalDate day = LocalDate.now(BERLIN).plusDays(ThreadLocalRandom.current().nextInt(700, 1000));
        String name = "Woche " + UUID.randomUUID().toString().substring(0, 6);
        book(day, "09:00", name);
        browser.waitFor(By.id("citizen-link"));

        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("range:view"))).selectByValue("week");
        browser.script("document.getElementById('range:anchor').value = arguments[0];", day.toString());
        browser.driver().findElement(By.id("range:show")).click();

        assertThat(browser.waitFor(By.xpath("//tr[td[contains(., '" + name + "')]]")).isDisplayed()).isTrue();
        browser.waitFor(By.id("range:next")).click();
        browser.waitFor(By.id("range:previous"));
        assertThat(browser.driver().findElements(By.xpath("//tr[td[contains(., '" + name + "')]]"))).isEmpty();
        assertThat(browser.accessibilityViolations()).as("axe on the week view").isEmpty();
    }

    @Test
    void theCitizenAsksForAnotherTimeAndTheAdvisorSeesItThenTheCitizenCancels() throws Exception {
        String citizen = "Frau Bitte " + UUID.randomUUID().toString().substring(0, 6);
        ZonedDateTime start = ZonedDateTime.of(LocalDate.now(BERLIN).plusDays(1),
                LocalTime.of(6, 0).plusMinutes(5L * ThreadLocalRandom.current().nextInt(0, 24)), BERLIN);
        JsonObject created = AgencyApi.create(AgencyApi.token(), AgencyApi.booking("anna.berger", start.toOffsetDateTime(), 5,
                "bitte-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org").replace("Erika Muster", citizen).replace("Test Advisor", "Anna Berger"));
        String link = created.getString("citizenLink");
        String token = link.substring(link.lastIndexOf('/') + 1);

        browser.open(Stack.BASE_URL + "/citizen/manage.xhtml?t=" + token);
        assertThat(browser.waitFor(By.id("appointment-when")).getText()).contains("Anna Berger");
        assertThat(browser.accessibilityViolations()).as("axe on the citizen's page").isEmpty();
        browser.driver().findElement(By.id("request:message")).sendKeys("Geht es auch nachmittags?");
        browser.driver().findElement(By.id("request:send")).click();
        assertThat(browser.waitFor(By.id("messages")).getText()).contains("angekommen");

        signIn();
        WebElement row = browser.waitFor(By.xpath("//tr[td[contains(., '" + citizen + "')]]"));
        assertThat(row.findElement(By.className("citizen-request")).getText()).contains("Geht es auch nachmittags?");
        assertThat(row.getText()).contains("Einladung");

        browser.open(Stack.BASE_URL + "/citizen/manage.xhtml?t=" + token);
        browser.waitFor(By.id("cancel:confirm")).click();
        assertThat(browser.waitFor(By.id("closed")).getText()).isNotBlank();
        browser.open(Stack.BASE_URL + "/advisor/");
        assertThat(browser.waitFor(By.xpath("//tr[td[contains(., '" + citizen + "')]]//td[@class='status']")).getText())
                .isEqualTo("Abgesagt");
    }

    private void signIn() {
        browser.open(Stack.BASE_URL + "/advisor/");
        if (!browser.driver().findElements(By.id("username")).isEmpty()) {
            browser.signInAtKeycloak("anna.berger", Stack.DEMO_PASSWORD);
        }
        browser.waitFor(By.id("welcome"));
    }

    private void book(LocalDate day, String time, String name) {
        browser.script("document.getElementById('booking:date').value = arguments[0];"
                + "document.getElementById('booking:time').value = arguments[1];", day.toString(), time);
        WebElement citizenName = browser.waitFor(By.id("booking:citizenName"));
        citizenName.clear();
        citizenName.sendKeys(name);
        browser.driver().findElement(By.id("booking:book")).click();
    }
}
