package de.videotermin.statistics.boundary;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The figures of one report row. Shares are 0..1, null where nothing was measured (no answers, no
 * calls), never a misleading 0. {@code suppressed} names every withheld figure (by its column key,
 * e.g. {@code averageRating}); those hold null (or 0 for call minutes) and must be shown as withheld,
 * not as a value. {@code secondary} is the part of them withheld not for their own group size but to
 * protect another withheld figure that a shown total minus the shown rows would otherwise give back
 * (complementary suppression, see {@code SecondarySuppression}); the rest are withheld because fewer
 * people than the minimum group size stand behind them.
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
        Set<String> suppressed,
        Set<String> secondary) {

    public Figures {
        suppressed = suppressed == null ? Set.of() : Set.copyOf(suppressed);
        secondary = secondary == null ? Set.of() : Set.copyOf(secondary);
        if (!suppressed.containsAll(secondary)) {
            throw new IllegalArgumentException("secondary suppressions must be suppressed: " + secondary);
        }
    }

    /** Figures with the given figures withheld because their own group is too small. */
    public Figures(long appointments, long held, long noShows, long callMinutes, Double averageDurationMinutes,
                   Double recommendShare, Double averageRating, Double joinSuccessShare, Double relayedShare,
                   Integer medianFirstFrameMs, Double lowQualityShare, Double audioOnlyShare, Set<String> suppressed) {
        this(appointments, held, noShows, callMinutes, averageDurationMinutes, recommendShare, averageRating,
                joinSuccessShare, relayedShare, medianFirstFrameMs, lowQualityShare, audioOnlyShare, suppressed, Set.of());
    }

    /** Figures with nothing withheld. */
    public Figures(long appointments, long held, long noShows, long callMinutes, Double averageDurationMinutes,
                   Double recommendShare, Double averageRating, Double joinSuccessShare, Double relayedShare,
                   Integer medianFirstFrameMs, Double lowQualityShare, Double audioOnlyShare) {
        this(appointments, held, noShows, callMinutes, averageDurationMinutes, recommendShare, averageRating,
                joinSuccessShare, relayedShare, medianFirstFrameMs, lowQualityShare, audioOnlyShare, Set.of(), Set.of());
    }

    public boolean isSuppressed(String column) {
        return suppressed.contains(column);
    }

    /** Withheld only to protect another figure (complementary suppression). */
    public boolean isSecondary(String column) {
        return secondary.contains(column);
    }

    /** Withheld because fewer than k people stand behind the figure itself. */
    public boolean isPrimary(String column) {
        return suppressed.contains(column) && !secondary.contains(column);
    }

    /**
     * These figures with {@code columns} withheld as well, to protect other figures; figures already
     * withheld keep their reason. The values are cleared as a withheld figure's are (null, 0 for call minutes).
     */
    public Figures withholdToProtect(Set<String> columns) {
        Set<String> added = new LinkedHashSet<>(columns);
        added.removeAll(suppressed);
        if (added.isEmpty()) {
            return this;
        }
        Set<String> allSuppressed = new LinkedHashSet<>(suppressed);
        allSuppressed.addAll(added);
        Set<String> allSecondary = new LinkedHashSet<>(secondary);
        allSecondary.addAll(added);
        return new Figures(appointments, held, noShows,
                added.contains("callMinutes") ? 0 : callMinutes,
                added.contains("averageDuration") ? null : averageDurationMinutes,
                added.contains("recommendShare") ? null : recommendShare,
                added.contains("averageRating") ? null : averageRating,
                added.contains("joinSuccessShare") ? null : joinSuccessShare,
                added.contains("relayedShare") ? null : relayedShare,
                added.contains("medianFirstFrame") ? null : medianFirstFrameMs,
                added.contains("lowQualityShare") ? null : lowQualityShare,
                added.contains("audioOnlyShare") ? null : audioOnlyShare,
                allSuppressed, allSecondary);
    }
}
