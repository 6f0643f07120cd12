package dev.parapet.detect.eval;

import java.util.Arrays;

/**
 * The wall time of {@code DetectionEngine.scan} per text, in microseconds.
 *
 * @param samples    how many texts were timed
 * @param p50Micros  the median, nearest rank
 * @param p99Micros  the 99th percentile, nearest rank
 */
public record LatencySummary(int samples, double p50Micros, double p99Micros) {

    /** Summarises per-text durations in nanoseconds; NaN percentiles when there are none. */
    public static LatencySummary ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            return new LatencySummary(0, Double.NaN, Double.NaN);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new LatencySummary(sorted.length,
                Metrics.percentile(sorted, 0.50) / 1_000.0,
                Metrics.percentile(sorted, 0.99) / 1_000.0);
    }
}
