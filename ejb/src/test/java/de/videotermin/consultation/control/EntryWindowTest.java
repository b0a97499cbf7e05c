package de.videotermin.consultation.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EntryWindowTest {

    private final EntryWindow window = new EntryWindow(Duration.ofMinutes(30), Duration.ofMinutes(15));
    private final Instant start = Instant.parse("2026-03-29T08:00:00Z");
    private final Instant end = start.plus(Duration.ofMinutes(45));

    @Test
    void opensThirtyMinutesBeforeTheStart() {
        assertThat(window.stateAt(start.minusSeconds(30 * 60 + 1), start, end, "PLANNED")).isEqualTo(EntryWindow.State.NOT_YET_OPEN);
        assertThat(window.stateAt(start.minusSeconds(30 * 60), start, end, "PLANNED")).isEqualTo(EntryWindow.State.OPEN);
    }

    @Test
    void staysOpenUntilTheEndPlusGrace() {
        assertThat(window.stateAt(end.plusSeconds(15 * 60), start, end, "IN_PROGRESS")).isEqualTo(EntryWindow.State.OPEN);
        assertThat(window.stateAt(end.plusSeconds(15 * 60 + 1), start, end, "PLANNED")).isEqualTo(EntryWindow.State.EXPIRED);
    }

    @Test
    void cancelledAndHeldAppointmentsNeverOpen() {
        assertThat(window.stateAt(start, start, end, "CANCELLED")).isEqualTo(EntryWindow.State.CANCELLED);
        assertThat(window.stateAt(start, start, end, "DONE")).isEqualTo(EntryWindow.State.FINISHED);
        assertThat(window.stateAt(start, start, end, "NO_SHOW")).isEqualTo(EntryWindow.State.FINISHED);
    }
}
