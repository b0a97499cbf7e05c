package de.videotermin.statistics.boundary;

/**
 * The figures of one report row. Shares are 0..1, null where nothing was measured (no answers, no
 * calls), never a misleading 0.
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
        Double audioOnlyShare) {
}
