package de.videotermin.statistics.control;

import de.videotermin.statistics.boundary.Figures;

/** The additive sums behind a report row; figures are derived only at the end, so totals are exact. */
public record Tally(long appointments, long held, long noShows, long completedCalls, long callSeconds,
                    long heldCallSeconds, long relayedCalls, long recommendYes, long recommendAnswers,
                    long ratingSum, long ratingAnswers, long joinAttempts, long joinsSucceeded,
                    long lowQuality, long audioOnly) {

    public static final Tally ZERO = new Tally(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** From the 15 sums in the order of the columns of statistics_day after the key. */
    public static Tally of(Object[] row, int offset) {
        long[] v = new long[15];
        for (int i = 0; i < v.length; i++) {
            Object value = row[offset + i];
            v[i] = value == null ? 0 : ((Number) value).longValue();
        }
        return new Tally(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14]);
    }

    public Tally plus(Tally o) {
        return new Tally(appointments + o.appointments, held + o.held, noShows + o.noShows,
                completedCalls + o.completedCalls, callSeconds + o.callSeconds, heldCallSeconds + o.heldCallSeconds,
                relayedCalls + o.relayedCalls, recommendYes + o.recommendYes, recommendAnswers + o.recommendAnswers,
                ratingSum + o.ratingSum, ratingAnswers + o.ratingAnswers, joinAttempts + o.joinAttempts,
                joinsSucceeded + o.joinsSucceeded, lowQuality + o.lowQuality, audioOnly + o.audioOnly);
    }

    public Figures figures(Integer medianFirstFrameMs) {
        return new Figures(appointments, held, noShows, Math.round(callSeconds / 60.0),
                ratio(heldCallSeconds / 60.0, completedCalls), ratio(recommendYes, recommendAnswers),
                ratio(ratingSum, ratingAnswers), ratio(joinsSucceeded, joinAttempts), ratio(relayedCalls, completedCalls),
                medianFirstFrameMs, ratio(lowQuality, joinsSucceeded), ratio(audioOnly, joinsSucceeded));
    }

    private static Double ratio(double part, long whole) {
        return whole == 0 ? null : part / whole;
    }
}
