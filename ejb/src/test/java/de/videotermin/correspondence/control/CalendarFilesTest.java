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
}
