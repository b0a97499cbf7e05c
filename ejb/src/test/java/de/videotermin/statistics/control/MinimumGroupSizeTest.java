package de.videotermin.statistics.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.videotermin.statistics.boundary.Figures;
import org.junit.jupiter.api.Test;

class MinimumGroupSizeTest {

    private static final MinimumGroupSize K5 = new MinimumGroupSize(5);

    /** appointments, held, noShows, calls, callSeconds, heldCallSeconds, relayed, recYes, recAnswers,
     *  ratingSum, ratingAnswers, joinAttempts, joinsOk, low, audio */
    private static Tally tally(long calls, long recommendAnswers, long ratingAnswers, long joinAttempts, long joinsOk) {
        return new Tally(9, 7, 2, calls, calls * 600, calls * 600, calls / 2, recommendAnswers, recommendAnswers,
                ratingAnswers * 4, ratingAnswers, joinAttempts, joinsOk, joinsOk / 2, 0);
    }

    private static FirstFrameHistogram frames(long samples) {
        return new FirstFrameHistogram().add(9, samples);
    }

    @Test
    void theOneRatingOfASmallSiteIsWithheldNotShown() {
        Figures f = K5.figures(tally(8, 1, 1, 8, 8), frames(8));
        assertThat(f.averageRating()).isNull();
        assertThat(f.recommendShare()).isNull();
        assertThat(f.suppressed()).containsExactlyInAnyOrder("averageRating", "recommendShare");
        // figures with enough people behind them stay
        assertThat(f.averageDurationMinutes()).isEqualTo(10.0);
        assertThat(f.joinSuccessShare()).isEqualTo(1.0);
        assertThat(f.medianFirstFrameMs()).isEqualTo(475);
    }

    @Test
    void exactlyKPeopleAreEnough() {
        Figures f = K5.figures(tally(5, 5, 5, 5, 5), frames(5));
        assertThat(f.suppressed()).isEmpty();
        assertThat(f.averageRating()).isEqualTo(4.0);
        assertThat(f.recommendShare()).isEqualTo(1.0);
        assertThat(f.callMinutes()).isEqualTo(50);
    }

    @Test
    void fewCallsWithholdMinutesDurationAndRelayedShareButNotTheCounts() {
        Figures f = K5.figures(tally(4, 6, 6, 6, 6), frames(6));
        assertThat(f.suppressed()).containsExactlyInAnyOrder("callMinutes", "averageDuration", "relayedShare");
        assertThat(f.callMinutes()).isZero();
        assertThat(f.averageDurationMinutes()).isNull();
        assertThat(f.relayedShare()).isNull();
        assertThat(f.appointments()).isEqualTo(9);
        assertThat(f.held()).isEqualTo(7);
        assertThat(f.noShows()).isEqualTo(2);
    }

    @Test
    void fewJoinsWithholdJoinQualityAndFewFramesTheMedian() {
        Figures f = K5.figures(tally(6, 6, 6, 4, 3), frames(3));
        assertThat(f.suppressed()).containsExactlyInAnyOrder("joinSuccessShare", "lowQualityShare", "audioOnlyShare",
                "medianFirstFrame");
        assertThat(f.joinSuccessShare()).isNull();
        assertThat(f.lowQualityShare()).isNull();
        assertThat(f.medianFirstFrameMs()).isNull();
    }

    @Test
    void nothingMeasuredStaysNothingMeasuredNotWithheld() {
        Figures f = K5.figures(tally(0, 0, 0, 0, 0), null);
        assertThat(f.suppressed()).isEmpty();
        assertThat(f.averageRating()).isNull();
        assertThat(f.joinSuccessShare()).isNull();
    }

    @Test
    void minutesSpokenAfterMidnightOfCallsThatStartedTheDayBeforeAreWithheld() {
        Tally afterMidnight = new Tally(0, 0, 0, 0, 900, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(K5.figures(afterMidnight, null).suppressed()).containsExactly("callMinutes");
        assertThat(new MinimumGroupSize(1).figures(afterMidnight, null).callMinutes()).isEqualTo(15);
    }

    @Test
    void aGroupSizeOfOneShowsEverything() {
        Figures f = new MinimumGroupSize(1).figures(tally(1, 1, 1, 1, 1), frames(1));
        assertThat(f.suppressed()).isEmpty();
        assertThat(f.averageRating()).isEqualTo(4.0);
    }

    @Test
    void aGroupSizeBelowOneIsAConfigurationError() {
        assertThatThrownBy(() -> new MinimumGroupSize(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
