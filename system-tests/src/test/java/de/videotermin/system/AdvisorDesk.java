package de.videotermin.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.openqa.selenium.By;

/** What an advisor does in the browser before a call: sign in and book an appointment. */
public final class AdvisorDesk {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private AdvisorDesk() {
    }

    public static void signIn(Browser advisor) {
        advisor.open(Stack.BASE_URL + "/advisor/");
        if (!advisor.driver().findElements(By.id("username")).isEmpty()) {
            advisor.signInAtKeycloak("anna.berger", Stack.DEMO_PASSWORD);
        }
        advisor.waitFor(By.id("welcome"));
    }

    /**
     * Books on the advisor's start page and returns the citizen's link. The start is rounded up to
     * the next minute (the form takes minutes); "in" may be small so that the room is open now.
     */
    public static String book(Browser advisor, String citizenName, Duration in) {
        signIn(advisor);
        ZonedDateTime start = ZonedDateTime.now(BERLIN).plus(in).plusMinutes(1).withSecond(0).withNano(0);
        advisor.script("document.getElementById('booking:date').value = arguments[0];"
                        + "document.getElementById('booking:time').value = arguments[1];",
                start.format(DateTimeFormatter.ISO_LOCAL_DATE), start.format(DateTimeFormatter.ofPattern("HH:mm")));
        advisor.waitFor(By.id("booking:citizenName")).sendKeys(citizenName);
        advisor.driver().findElement(By.id("booking:citizenEmail")).sendKeys("erika@example.org");
        advisor.driver().findElement(By.id("booking:book")).click();
        String link = advisor.waitFor(By.id("citizen-link")).getAttribute("value");
        assertThat(link).startsWith(Stack.BASE_URL + "/t/");
        assertThat(link.substring(link.lastIndexOf('/') + 1)).as("256-bit token, base64url").hasSize(43);
        return link;
    }

    /** Opens the room of the appointment booked for this citizen, from the advisor's agenda. */
    public static void openRoom(Browser advisor, String citizenName, String extraQuery) {
        advisor.open(Stack.BASE_URL + "/advisor/");
        String roomHref;
        try {
            roomHref = advisor.waitFor(By.xpath("//tr[td[contains(., '" + citizenName + "')]]//a[contains(@class,'open-room')]"))
                    .getAttribute("href");
        } catch (org.openqa.selenium.TimeoutException e) {
            String body = String.valueOf(advisor.script("return document.body ? document.body.innerText : ''"));
            throw new AssertionError("no agenda row for " + citizenName + " on " + advisor.driver().getCurrentUrl()
                    + "; the page says: " + body.substring(0, Math.min(1500, body.length())), e);
        }
        advisor.open(roomHref + extraQuery);
    }
}
