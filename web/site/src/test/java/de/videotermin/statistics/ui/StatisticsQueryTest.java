package de.videotermin.statistics.ui;

import static org.assertj.core.api.Assertions.assertThat;

import de.videotermin.statistics.boundary.Breakdown;
import de.videotermin.statistics.boundary.Granularity;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatisticsQueryTest {

    @Test
    void readsAFilterAndWritesTheSameQueryStringBack() {
        StatisticsQuery query = StatisticsQuery.parse(Map.of("from", new String[]{"2026-03-01"}, "to", new String[]{"2026-03-31"},
                "granularity", new String[]{"WEEK"}, "breakdown", new String[]{"LEGAL_AREA"},
                "legalArea", new String[]{"FAMILY_BENEFITS"}, "site", new String[]{"BER-01"}));
        assertThat(query.problems()).isEmpty();
        assertThat(query.filter().from()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(query.filter().granularity()).isEqualTo(Granularity.WEEK);
        assertThat(query.filter().breakdown()).isEqualTo(Breakdown.LEGAL_AREA);
        assertThat(query.queryString()).isEqualTo(
                "from=2026-03-01&to=2026-03-31&granularity=WEEK&breakdown=LEGAL_AREA&legalArea=FAMILY_BENEFITS&site=BER-01");
    }

    @Test
    void nonsenseBecomesMessagesAndDefaultsNeverExceptions() {
        StatisticsQuery query = StatisticsQuery.parse(Map.of("from", new String[]{"yesterday"}, "granularity", new String[]{"YEAR"},
                "site", new String[]{"<script>"}, "legalArea", new String[]{"x' or 1=1"}));
        assertThat(query.problems()).contains("filter.invalid.from", "filter.invalid.choice", "filter.invalid.site",
                "filter.invalid.legalArea");
        assertThat(query.filter().hasSite()).isFalse();
        assertThat(query.filter().hasLegalArea()).isFalse();
    }

    @Test
    void refusesAnInvertedRange() {
        StatisticsQuery query = StatisticsQuery.parse(Map.of("from", new String[]{"2026-05-01"}, "to", new String[]{"2026-04-01"}));
        assertThat(query.problems()).containsExactly("filter.invalid.range");
        assertThat(query.filter().from()).isBefore(query.filter().to());
    }
}
