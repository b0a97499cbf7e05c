package de.videotermin.statistics.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.videotermin.statistics.boundary.Figures;
import org.junit.jupiter.api.Test;

class TallyTest {

    @Test
    void totalsAreComputedFromSumsNotFromAveragesOfRows() {
        // day 1: one 10-minute call, 1 of 1 recommends; day 2: three 30-minute calls, 1 of 3 recommend
        Tally day1 = new Tally(2, 1, 1, 1, 600, 600, 0, 1, 1, 5, 1, 1, 1, 0, 0);
        Tally day2 = new Tally(3, 3, 0, 3, 5400, 5400, 3, 1, 3, 9, 3, 4, 3, 1, 0);
        Figures total = day1.plus(day2).figures(null);
        assertThat(total.appointments()).isEqualTo(5);
        assertThat(total.callMinutes()).isEqualTo(100);
        assertThat(total.averageDurationMinutes()).isCloseTo(25.0, within(1e-9));
        assertThat(total.recommendShare()).isCloseTo(0.5, within(1e-9));
        assertThat(total.averageRating()).isCloseTo(3.5, within(1e-9));
        assertThat(total.joinSuccessShare()).isCloseTo(0.8, within(1e-9));
        assertThat(total.relayedShare()).isCloseTo(0.75, within(1e-9));
        assertThat(total.lowQualityShare()).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void nothingMeasuredIsNullNotZero() {
        Figures figures = new Tally(4, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0).figures(null);
        assertThat(figures.noShows()).isEqualTo(4);
        assertThat(figures.recommendShare()).isNull();
        assertThat(figures.averageDurationMinutes()).isNull();
        assertThat(figures.relayedShare()).isNull();
    }
}
