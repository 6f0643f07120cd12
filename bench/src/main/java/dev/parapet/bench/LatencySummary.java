package dev.parapet.bench;

import org.HdrHistogram.Histogram;

/**
 * The figures reported for one target.
 *
 * @param requests      successful requests measured
 * @param p50Ms         median latency, milliseconds
 * @param p90Ms         90th percentile, milliseconds
 * @param p99Ms         99th percentile, milliseconds
 * @param maxMs         slowest request, milliseconds
 * @param throughputRps the rate this target sustains at the run's concurrency, by Little's law:
 *                      concurrency ÷ mean latency. The two targets share one wall clock in an
 *                      interleaved run, so requests ÷ wall time would be the same for both.
 * @param errors        requests that failed or answered with an unexpected status
 */
record LatencySummary(long requests, double p50Ms, double p90Ms, double p99Ms, double maxMs, double throughputRps,
                      long errors) {

    private static final double NANOS_PER_MS = 1_000_000.0;

    /** Summarises a histogram of nanosecond latencies. */
    static LatencySummary of(Histogram nanos, int concurrency, long errors) {
        long n = nanos.getTotalCount();
        if (n == 0) {
            return new LatencySummary(0, 0, 0, 0, 0, 0, errors);
        }
        double meanSeconds = nanos.getMean() / 1e9;
        return new LatencySummary(n,
                ms(nanos.getValueAtPercentile(50)),
                ms(nanos.getValueAtPercentile(90)),
                ms(nanos.getValueAtPercentile(99)),
                ms(nanos.getMaxValue()),
                concurrency / meanSeconds,
                errors);
    }

    private static double ms(long nanos) {
        return nanos / NANOS_PER_MS;
    }
}
