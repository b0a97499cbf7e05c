package de.videotermin.correspondence.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CalendarFilesTest {

    private static CalendarFiles.Entry entry(Instant start, int sequence, boolean cancelled) {
        return new CalendarFiles.Entry("abc@videotermin", sequence, start, start.plusSeconds(1800), "Termin", null,
                "https://videotermin.example/t/x", "termine@videotermin.local", "erika@example.org", cancelled);
    }

    @Test
    void writesBerlinLocalTimeWithItsZoneAcrossTheSummerTimeSwitch() {
        Instant winter = LocalDateTime.of(2027, 3, 26, 9, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant();
        Instant summer = LocalDateTime.of(2027, 3, 29, 9, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant();
        assertThat(CalendarFiles.write(entry(winter, 0, false))).contains("DTSTART;TZID=Europe/Berlin:20270326T090000")
                .contains("BEGIN:VTIMEZONE").contains("METHOD:REQUEST").contains("UID:abc@videotermin").contains("SEQUENCE:0");
        assertThat(CalendarFiles.write(entry(summer, 0, false))).contains("DTSTART;TZID=Europe/Berlin:20270329T090000");
    }

    @Test
    void aCancellationKeepsTheUidAndCarriesTheSequenceAndCancelMethod() {
        String ics = CalendarFiles.write(entry(Instant.parse("2027-05-03T08:00:00Z"), 2, true));
        assertThat(ics).contains("UID:abc@videotermin").contains("SEQUENCE:2").contains("METHOD:CANCEL").contains("STATUS:CANCELLED");
    }

    @Test
    void theShortBerlinZoneGivesTheSameOffsetsAsTheFullOneAndTheZoneDatabaseForYearsToCome() {
        var short_ = new net.fortuna.ical4j.model.TimeZone(CalendarFiles.berlin());
        var full = net.fortuna.ical4j.model.TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone("Europe/Berlin");
        java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
        // every hour from 2026 to 2040, across each switch to and from summer time: as ical4j's own
        // definition with all of history (ical4j resolves a switch day as a whole, both definitions alike)
        for (java.time.Instant t = java.time.Instant.parse("2026-01-01T00:00:00Z");
             t.isBefore(java.time.Instant.parse("2040-12-31T00:00:00Z")); t = t.plusSeconds(3600)) {
            assertThat(short_.getOffset(t.toEpochMilli())).as("offset at %s", t).isEqualTo(full.getOffset(t.toEpochMilli()));
            if (t.atZone(java.time.ZoneOffset.UTC).getHour() == 12) {
                assertThat(short_.getOffset(t.toEpochMilli())).as("offset at %s", t)
                        .isEqualTo(berlin.getRules().getOffset(t).getTotalSeconds() * 1000);
            }
        }
    }

    @Test
    void theCalendarFileCarriesNoLinkToAnotherHost() {
        String ics = CalendarFiles.write(entry(java.time.Instant.parse("2027-03-26T08:00:00Z"), 0, false));
        assertThat(ics).contains("TZID:Europe/Berlin").doesNotContain("tzurl").doesNotContain("TZURL")
                .contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
    }
}
