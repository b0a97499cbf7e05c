package de.videotermin.statistics.control;

import de.videotermin.statistics.boundary.Figures;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Withholds every figure that fewer than k people stand behind. A report cell for a small site on
 * one day can single out a person — the one rating given there that day is that citizen's rating, the
 * one call's minutes are that call's length — so averages, shares, medians and call minutes are
 * shown only when at least k answers, calls or joins make them up. Counts of appointments, held
 * consultations and no-shows stay: they say how often something happened, not what anyone answered
 * or experienced. Nothing measured (group of 0) stays "nothing measured", not "fewer than k".
 *
 * <p>Group sizes: rating → rating answers; recommendation → recommendation answers; call minutes,
 * average duration and relayed share → completed calls; join success → join attempts; low quality and
 * audio only → successful joins; median time to first frame → the joins in its histogram.
 *
 * <p>This is the primary rule, cell by cell. A total next to the rows could still give a withheld
 * figure back by subtraction; {@link SecondarySuppression} withholds what is needed against that.
 */
public record MinimumGroupSize(int k) {

    public MinimumGroupSize {
        if (k < 1) {
            throw new IllegalArgumentException("the minimum group size must be at least 1, was " + k);
        }
    }

    /** A group too small to show: some people, but fewer than k. */
    public boolean tooSmall(long people) {
        return people > 0 && people < k;
    }

    public Figures figures(Tally t, FirstFrameHistogram firstFrames) {
        Integer median = firstFrames == null ? null : firstFrames.medianMs();
        long medianSamples = firstFrames == null ? 0 : firstFrames.samples();
        Figures all = t.figures(median);
        Set<String> suppressed = new LinkedHashSet<>();
        boolean calls = tooSmall(t.completedCalls());
        if (calls) {
            suppressed.add("callMinutes");
            suppressed.add("averageDuration");
            suppressed.add("relayedShare");
        }
        // call minutes spoken on a day whose calls all started the day before: no calls of its own
        boolean orphanMinutes = t.completedCalls() == 0 && t.callSeconds() > 0 && k > 1;
        if (orphanMinutes) {
            suppressed.add("callMinutes");
        }
        boolean recommend = tooSmall(t.recommendAnswers());
        if (recommend) {
            suppressed.add("recommendShare");
        }
        boolean rating = tooSmall(t.ratingAnswers());
        if (rating) {
            suppressed.add("averageRating");
        }
        boolean joins = tooSmall(t.joinAttempts());
        if (joins) {
            suppressed.add("joinSuccessShare");
        }
        boolean succeeded = tooSmall(t.joinsSucceeded());
        if (succeeded) {
            suppressed.add("lowQualityShare");
            suppressed.add("audioOnlyShare");
        }
        boolean firstFrame = tooSmall(medianSamples);
        if (firstFrame) {
            suppressed.add("medianFirstFrame");
        }
        if (suppressed.isEmpty()) {
            return all;
        }
        return new Figures(all.appointments(), all.held(), all.noShows(),
                calls || orphanMinutes ? 0 : all.callMinutes(),
                calls ? null : all.averageDurationMinutes(),
                recommend ? null : all.recommendShare(),
                rating ? null : all.averageRating(),
                joins ? null : all.joinSuccessShare(),
                calls ? null : all.relayedShare(),
                firstFrame ? null : all.medianFirstFrameMs(),
                succeeded ? null : all.lowQualityShare(),
                succeeded ? null : all.audioOnlyShare(),
                suppressed);
    }
}
