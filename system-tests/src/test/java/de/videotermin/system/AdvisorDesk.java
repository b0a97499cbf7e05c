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
        // Generous: once, on a loaded CI machine, the round trip through Keycloak took over 20 s.
        advisor.waitFor(By.id("welcome"), Duration.ofSeconds(45));
    }

    /**
     * Slots for bookings "soon": an advisor cannot be double-booked, so each booking of this test
     * run takes the next 35-minute slot from a few minutes from now on (the test stack opens rooms
     * a day ahead, videotermin.citizen.entry-opens-minutes-before=1440). A slot already taken, by
     * another test or an earlier run against the same database, is skipped.
     */
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_SLOT = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Books on the advisor's start page and returns the citizen's link. {@code in} under a day means
     * "soon" (the room is open now on the test stack); longer means that day, at a free slot.
     */
    public static String book(Browser advisor, String citizenName, Duration in) {
        signIn(advisor);
        for (int attempt = 0; attempt < 40; attempt++) {
            ZonedDateTime start = in.compareTo(Duration.ofDays(1)) < 0
                    ? ZonedDateTime.now(BERLIN).plusMinutes(5 + 35L * NEXT_SLOT.getAndIncrement()).withSecond(0).withNano(0)
                    : ZonedDateTime.now(BERLIN).plus(in).plusMinutes(35L * attempt).withSecond(0).withNano(0);
            advisor.open(Stack.BASE_URL + "/advisor/");
            advisor.waitFor(By.id("booking:citizenName"));
            advisor.script("document.getElementById('booking:date').value = arguments[0];"
                            + "document.getElementById('booking:time').value = arguments[1];"
                            + "document.getElementById('booking:durationMinutes').value = '30';",
                    start.format(DateTimeFormatter.ISO_LOCAL_DATE), start.format(DateTimeFormatter.ofPattern("HH:mm")));
            advisor.driver().findElement(By.id("booking:citizenName")).sendKeys(citizenName);
            advisor.driver().findElement(By.id("booking:citizenEmail")).sendKeys("erika@example.org");
            advisor.driver().findElement(By.id("booking:book")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(advisor.driver(), Duration.ofSeconds(20)).until(d ->
                    !d.findElements(By.id("citizen-link")).isEmpty() || !d.findElements(By.cssSelector(".field-error, #messages li")).isEmpty());
            if (!advisor.driver().findElements(By.id("citizen-link")).isEmpty()) {
                String link = advisor.driver().findElement(By.id("citizen-link")).getAttribute("value");
                assertThat(link).startsWith(Stack.BASE_URL + "/t/");
                assertThat(link.substring(link.lastIndexOf('/') + 1)).as("256-bit token, base64url").hasSize(43);
                return link;
            }
        }
        throw new AssertionError("no free slot found for " + citizenName);
    }

    /** Opens the room of the appointment booked for this citizen, from the advisor's agenda. */
    public static void openRoom(Browser advisor, String citizenName, String extraQuery) {
        advisor.open(Stack.BASE_URL + "/advisor/");
        // Browser.waitFor fails with what the page says if the row never comes.
        String roomHref = advisor.waitFor(By.xpath("//tr[td[contains(., '" + citizenName + "')]]//a[contains(@class,'open-room')]"))
                .getAttribute("href");
        advisor.open(roomHref + extraQuery);
    }

    /** Invites a guest from the room's guest panel (the room must be open) and returns the link the advisor passes on. */
    public static String inviteGuest(Browser advisor, String kind, String name, String language) {
        new org.openqa.selenium.support.ui.Select(advisor.waitFor(By.id("guests-kind"))).selectByValue(kind);
        advisor.driver().findElement(By.id("guests-name")).sendKeys(name);
        new org.openqa.selenium.support.ui.Select(advisor.driver().findElement(By.id("guests-language"))).selectByValue(language);
        advisor.driver().findElement(By.id("guests-invite")).click();
        org.openqa.selenium.WebElement linkField = advisor.waitFor(By.id("guests-link"));
        new org.openqa.selenium.support.ui.WebDriverWait(advisor.driver(), Duration.ofSeconds(15))
                .until(d -> !linkField.getAttribute("value").isEmpty());
        return linkField.getAttribute("value");
    }
}
