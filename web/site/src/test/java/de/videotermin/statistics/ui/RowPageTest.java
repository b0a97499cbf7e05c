package de.videotermin.statistics.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RowPageTest {

    @Test
    void aThousandSitesAreTwentyPagesOfFifty() {
        RowPage second = RowPage.of(2, 50, 1000);
        assertThat(second.from()).isEqualTo(50);
        assertThat(second.to()).isEqualTo(100);
        assertThat(second.pages()).isEqualTo(20);
        assertThat(second.hasPrevious()).isTrue();
        assertThat(second.hasNext()).isTrue();
        assertThat(RowPage.of(20, 50, 1000).hasNext()).isFalse();
    }

    @Test
    void aPageBeyondTheLastShowsTheLastAndAShortLastPageEndsAtTheLastRow() {
        RowPage page = RowPage.of(99, 50, 120);
        assertThat(page.number()).isEqualTo(3);
        assertThat(page.from()).isEqualTo(100);
        assertThat(page.to()).isEqualTo(120);
    }

    @Test
    void fewRowsAreOnePageWithoutNavigation() {
        RowPage page = RowPage.of(1, 50, 3);
        assertThat(page.isPaged()).isFalse();
        assertThat(page.to()).isEqualTo(3);
        assertThat(RowPage.of(1, 50, 0).to()).isZero();
    }

    @Test
    void theQueryReadsThePageButLeavesItOutOfTheCsvLink() {
        StatisticsQuery query = StatisticsQuery.parse(Map.of("page", new String[]{"3"}, "breakdown", new String[]{"SITE"}));
        assertThat(query.page()).isEqualTo(3);
        assertThat(query.queryString()).doesNotContain("page");
        StatisticsQuery nonsense = StatisticsQuery.parse(Map.of("page", new String[]{"-1"}));
        assertThat(nonsense.page()).isEqualTo(1);
        assertThat(nonsense.problems()).containsExactly("filter.invalid.page");
    }
}
