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
        return new StatisticsReport(filter, List.of(new StatisticsRow(key, FIGURES)), FIGURES, 5);
    }

    private static final Figures WITHHELD = new Figures(3, 2, 1, 0, null, null, null, 0.75, null, 425, 0.0, 1.0 / 3,
            java.util.Set.of("callMinutes", "averageDuration", "relayedShare", "averageRating", "recommendShare"));

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
        assertThat(lines[0]).endsWith(";Withheld (fewer than 5 people);Withheld to protect other figures");
        assertThat(lines[1]).isEqualTo(String.join(";", table.rows().get(0)) + ";;");
        assertThat(lines[1]).contains("47.5");
    }

    @Test
    void withheldFiguresReadFewerThanKOnScreenAndAreEmptyAndNamedInTheCsv() {
        StatisticsFilter filter = new StatisticsFilter(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 29), Granularity.DAY,
                Breakdown.PERIOD, null, null);
        StatisticsReport report = new StatisticsReport(filter, List.of(new StatisticsRow("2026-03-29", WITHHELD)), FIGURES, 5);
        StatisticsTable german = StatisticsTable.of(report, Locale.GERMAN);
        assertThat(german.rows().get(0)).containsExactly("2026-03-29", "3", "2", "1", "weniger als 5", "weniger als 5",
                "weniger als 5", "weniger als 5", "75,0", "weniger als 5", "425", "0,0", "33,3");
        assertThat(german.isSuppressed(german.rows().get(0).get(4))).isTrue();
        assertThat(german.isSuppressed("–")).isFalse();

        String[] lines = StatisticsTable.of(report, Locale.ENGLISH).csv().split("\r\n");
        assertThat(lines[1].split(";", -1)).containsExactly("2026-03-29", "3", "2", "1", "", "", "", "", "75.0", "", "425",
                "0.0", "33.3", "Call minutes, Avg. duration (min), Would recommend (%), Avg. rating, Relayed (%)", "");
        // the total has enough people behind it: nothing withheld, markers empty
        assertThat(lines[2]).startsWith("Total;3;2;1;95;47.5").endsWith(";;");
    }

    /** Row 1 primary (ratings), row 2 withheld to protect it: the reasons differ on screen and in the CSV. */
    private static final Figures PROTECTING = new Figures(6, 6, 0, 60, 10.0, null, null, 1.0, 0.5, 425, 0.0, 0.0,
            java.util.Set.of("recommendShare", "averageRating"), java.util.Set.of("recommendShare", "averageRating"));

    @Test
    void figuresWithheldToProtectOthersSayTheirOwnReasonOnScreenAndInTheirOwnCsvColumn() {
        StatisticsFilter filter = new StatisticsFilter(LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 29), Granularity.DAY,
                Breakdown.PERIOD, null, null);
        StatisticsReport report = new StatisticsReport(filter, List.of(new StatisticsRow("2026-03-28", WITHHELD),
                new StatisticsRow("2026-03-29", PROTECTING)), FIGURES, 5);
        StatisticsTable german = StatisticsTable.of(report, Locale.GERMAN);
        assertThat(german.rows().get(1)).containsExactly("2026-03-29", "6", "6", "0", "60", "10,0",
                "zum Schutz zurückgehalten", "zum Schutz zurückgehalten", "100,0", "50,0", "425", "0,0", "0,0");
        assertThat(german.cellClass(german.rows().get(1).get(6))).isEqualTo("suppressed secondary");
        assertThat(german.cellClass(german.rows().get(0).get(6))).isEqualTo("suppressed");
        assertThat(german.cellClass("10,0")).isNull();

        String[] lines = StatisticsTable.of(report, Locale.ENGLISH).csv().split("\r\n");
        assertThat(lines[0].split(";", -1)).endsWith("Withheld (fewer than 5 people)", "Withheld to protect other figures");
        assertThat(lines[1].split(";", -1)).endsWith(
                "Call minutes, Avg. duration (min), Would recommend (%), Avg. rating, Relayed (%)", "");
        assertThat(lines[2].split(";", -1)).containsExactly("2026-03-29", "6", "6", "0", "60", "10.0", "", "", "100.0",
                "50.0", "425", "0.0", "0.0", "", "Would recommend (%), Avg. rating");
    }
}
