package de.videotermin.statistics.control;

import java.util.Map;
import java.util.TreeMap;

/**
 * Time to first frame counted in 50 ms buckets (bucket b holds b·50 … b·50+49 ms; the last bucket,
 * 200, everything from 10 s on). The median is reported as the middle of its bucket: exact to ±25 ms,
 * and additive over days, which a stored median would not be.
 */
public final class FirstFrameHistogram {

    public static final int BUCKET_MS = 50;

    private final TreeMap<Integer, Long> counts = new TreeMap<>();

    public FirstFrameHistogram add(int bucket, long samples) {
        counts.merge(bucket, samples, Long::sum);
        return this;
    }

    public FirstFrameHistogram addAll(FirstFrameHistogram other) {
        other.counts.forEach(this::add);
        return this;
    }

    /** How many joins the histogram holds: the group size behind its median. */
    public long samples() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The lower median's bucket middle in ms, or null without samples. */
    public Integer medianMs() {
        long total = samples();
        if (total == 0) {
            return null;
        }
        long rank = (total + 1) / 2;
        long seen = 0;
        for (Map.Entry<Integer, Long> bucket : counts.entrySet()) {
            seen += bucket.getValue();
            if (seen >= rank) {
                return bucket.getKey() * BUCKET_MS + BUCKET_MS / 2;
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
