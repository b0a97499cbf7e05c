package de.videotermin.statistics.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FirstFrameHistogramTest {

    @Test
    void medianIsTheMiddleOfTheBucketHoldingTheLowerMedian() {
        // 380 ms, 420 ms, 430 ms, 900 ms, 2000 ms -> median 430 ms, bucket 8 (400..449) -> 425
        FirstFrameHistogram histogram = new FirstFrameHistogram().add(7, 1).add(8, 2).add(18, 1).add(40, 1);
        assertThat(histogram.medianMs()).isEqualTo(425);
    }

    @Test
    void histogramsOfDaysAddUp() {
        FirstFrameHistogram monday = new FirstFrameHistogram().add(2, 3);
        FirstFrameHistogram tuesday = new FirstFrameHistogram().add(10, 4);
        assertThat(new FirstFrameHistogram().addAll(monday).addAll(tuesday).medianMs()).isEqualTo(525);
    }

    @Test
    void noSamplesNoMedian() {
        assertThat(new FirstFrameHistogram().medianMs()).isNull();
    }
}
