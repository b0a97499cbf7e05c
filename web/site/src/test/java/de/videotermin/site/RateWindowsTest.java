package de.videotermin.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateWindowsTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final RateWindows windows = new RateWindows(3, 10, now::get);

    @Test
    void allowsUpToTheLimitThenSaysHowLongToWait() {
        assertThat(windows.take("a")).isZero();
        assertThat(windows.take("a")).isZero();
        assertThat(windows.take("a")).isZero();
        now.addAndGet(2_500);
        assertThat(windows.take("a")).isEqualTo(8); // 7.5 s left, rounded up
        assertThat(windows.isOpen("a")).isFalse();
    }

    @Test
    void opensAgainWhenTheWindowHasPassed() {
        for (int i = 0; i < 4; i++) {
            windows.take("a");
        }
        now.addAndGet(10_000);
        assertThat(windows.isOpen("a")).isTrue();
        assertThat(windows.take("a")).isZero();
    }

    @Test
    void keysAreCountedApart() {
        for (int i = 0; i < 5; i++) {
            windows.take("a");
        }
        assertThat(windows.take("b")).isZero();
    }

    @Test
    void refusedRequestsDoNotExtendTheWindow() {
        for (int i = 0; i < 3; i++) {
            windows.take("a");
        }
        now.addAndGet(9_000);
        assertThat(windows.take("a")).isEqualTo(1);
        now.addAndGet(1_000);
        assertThat(windows.take("a")).isZero();
    }

    @Test
    void countingFailuresClosesAfterTheLimit() {
        windows.count("x");
        windows.count("x");
        assertThat(windows.isOpen("x")).isTrue();
        windows.count("x");
        assertThat(windows.isOpen("x")).isFalse();
    }

    @Test
    void aLimitBelowOneIsAConfigurationError() {
        assertThatThrownBy(() -> new RateWindows(0, 10, now::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
