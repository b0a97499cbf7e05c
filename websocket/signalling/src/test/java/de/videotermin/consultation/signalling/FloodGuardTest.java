package de.videotermin.consultation.signalling;

import static org.assertj.core.api.Assertions.assertThat;

import de.videotermin.consultation.signalling.FloodGuard.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FloodGuardTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private final FloodLimits limits = new FloodLimits(10, 2, 3);

    @Test
    void aBurstPassesThenTheNextFrameIsWarnedAbout() {
        FloodGuard guard = limits.guard(0);
        for (int i = 0; i < 10; i++) {
            assertThat(guard.frame(0)).isEqualTo(Verdict.PASS);
        }
        assertThat(guard.frame(0)).isEqualTo(Verdict.WARN);
    }

    @Test
    void keepingOnAfterTheWarningClosesAfterTheTolerance() {
        FloodGuard guard = limits.guard(0);
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            verdicts.add(guard.frame(0));
        }
        assertThat(verdicts.subList(10, 16))
                .containsExactly(Verdict.WARN, Verdict.DROP, Verdict.DROP, Verdict.DROP, Verdict.CLOSE, Verdict.CLOSE);
    }

    @Test
    void slowingDownAfterTheWarningIsForgiven() {
        FloodGuard guard = limits.guard(0);
        for (int i = 0; i < 12; i++) {
            guard.frame(0); // 10 pass, a warning, one dropped
        }
        assertThat(guard.frame(SECOND)).isEqualTo(Verdict.PASS); // two tokens back after a second
        assertThat(guard.frame(SECOND)).isEqualTo(Verdict.PASS);
        assertThat(guard.frame(SECOND)).isEqualTo(Verdict.WARN); // a fresh warning, not a close
    }

    @Test
    void theSustainedRateAlwaysPasses() {
        FloodGuard guard = limits.guard(0);
        for (int i = 1; i <= 1000; i++) {
            assertThat(guard.frame(i * SECOND / 2)).isEqualTo(Verdict.PASS); // 2 frames/s for 500 s
        }
    }

    @Test
    void theBucketHoldsNoMoreThanTheBurst() {
        FloodGuard guard = limits.guard(0);
        long later = 3600 * SECOND;
        for (int i = 0; i < 10; i++) {
            assertThat(guard.frame(later)).isEqualTo(Verdict.PASS);
        }
        assertThat(guard.frame(later)).isEqualTo(Verdict.WARN);
    }

    @Test
    void theBenchmarksRatesStayFarBelowTheDefaults() {
        FloodLimits defaults = new FloodLimits(100, 20, 50);
        FloodGuard guard = defaults.guard(0);
        // bench/signalling warm-up: 3,000 msg/s over 1,000 rooms, one sender per room: 3 frames/s each
        for (int i = 1; i <= 300; i++) {
            assertThat(guard.frame(i * SECOND / 3)).isEqualTo(Verdict.PASS);
        }
    }
}
