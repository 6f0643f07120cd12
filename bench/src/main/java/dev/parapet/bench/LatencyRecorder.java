package dev.parapet.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies of the successful requests to one target, in nanoseconds with three significant
 * digits, and a count of failures by kind. Failed requests are counted, never recorded as latencies.
 * Safe for concurrent use by the workers.
 */
final class LatencyRecorder {
    private final ConcurrentHistogram histogram = new ConcurrentHistogram(3);
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    void recordSuccess(long nanos) {
        histogram.recordValue(Math.max(1, nanos));
    }

    void recordError(String kind) {
        errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /** A copy of the latencies recorded so far. */
    Histogram histogram() {
        return histogram.copy();
    }

    long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Failure kinds ({@code status 500}, {@code HttpTimeoutException}, …) and their counts, sorted by kind. */
    Map<String, Long> errorsByKind() {
        Map<String, Long> out = new TreeMap<>();
        errors.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
