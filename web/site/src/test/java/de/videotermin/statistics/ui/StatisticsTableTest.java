package de.videotermin.statistics.ui;

import static org.assertj.core.api.Assertions.assertThat;

import de.videotermin.statistics.boundary.Breakdown;
import de.videotermin.statistics.boundary.Figures;
import de.videotermin.statistics.boundary.Granularity;
import de.videotermin.statistics.boundary.StatisticsFilter;
import de.videotermin.statistics.boundary.StatisticsReport;
import de.videotermin.statistics.boundary.StatisticsRow;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class StatisticsTableTest {

    private static final Figures FIGURES = new Figures(3, 2, 1, 95, 47.5, 0.5, 4.0, 0.75, null, 425, 0.0, 1.0 / 3);

    private static StatisticsReport report(Granularity granularity, String key) {
        StatisticsFilter filter = new StatisticsFilter(LocalDate.of(2026, 3, 23), LocalDate.of(2026, 3, 29), granularity,
                Breakdown.PERIOD, null, null);
        return new StatisticsReport(filter, List.of(new StatisticsRow(key, FIGURES)), FIGURES);
    }

    @Test
    void germanCellsUseADecimalCommaAndADashForNothingMeasured() {
        StatisticsTable table = StatisticsTable.of(report(Granularity.DAY, "2026-03-29"), Locale.GERMAN);
        assertThat(table.rows().get(0)).containsExactly("2026-03-29", "3", "2", "1", "95", "47,5", "50,0", "4,0", "75,0",
                "–", "425", "0,0", "33,3");
        assertThat(table.header().get(1)).isEqualTo("Termine");
        assertThat(table.total().get(0)).isEqualTo("Summe");
    }

    @Test
    void weeksAreIsoWeeksAndMonthsYearMonth() {
        assertThat(StatisticsTable.of(report(Granularity.WEEK, "2026-03-23"), Locale.ENGLISH).rows().get(0).get(0)).isEqualTo("2026-W13");
        assertThat(StatisticsTable.of(report(Granularity.MONTH, "2026-03-01"), Locale.ENGLISH).rows().get(0).get(0)).isEqualTo("2026-03");
    }

    @Test
    void csvHasTheSameCellsAsTheTable() {
        StatisticsTable table = StatisticsTable.of(report(Granularity.DAY, "2026-03-29"), Locale.ENGLISH);
        String[] lines = table.csv().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).isEqualTo(String.join(";", table.rows().get(0)));
        assertThat(lines[1]).contains("47.5");
    }
}
