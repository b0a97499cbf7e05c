package de.videotermin.statistics.boundary;

/**
 * The figures of one report row. Shares are 0..1, null where nothing was measured (no answers, no
 * calls), never a misleading 0. {@code suppressed} names the figures (by their column key, e.g.
 * {@code averageRating}) withheld because fewer people than the minimum group size stand behind
 * them; those hold null (or 0 for call minutes) and must be shown as "fewer than k", not as a value.
 */
public record Figures(
        long appointments,
        long held,
        long noShows,
        long callMinutes,
        Double averageDurationMinutes,
        Double recommendShare,
        Double averageRating,
        Double joinSuccessShare,
        Double relayedShare,
        Integer medianFirstFrameMs,
        Double lowQualityShare,
        Double audioOnlyShare,
        java.util.Set<String> suppressed) {

    public Figures {
        suppressed = suppressed == null ? java.util.Set.of() : java.util.Set.copyOf(suppressed);
    }

    /** Figures with nothing withheld. */
    public Figures(long appointments, long held, long noShows, long callMinutes, Double averageDurationMinutes,
                   Double recommendShare, Double averageRating, Double joinSuccessShare, Double relayedShare,
                   Integer medianFirstFrameMs, Double lowQualityShare, Double audioOnlyShare) {
        this(appointments, held, noShows, callMinutes, averageDurationMinutes, recommendShare, averageRating,
                joinSuccessShare, relayedShare, medianFirstFrameMs, lowQualityShare, audioOnlyShare, java.util.Set.of());
    }

    public boolean isSuppressed(String column) {
        return suppressed.contains(column);
    }
}
