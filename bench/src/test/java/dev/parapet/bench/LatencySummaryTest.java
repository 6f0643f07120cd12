package dev.parapet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    private static Histogram millis(long... values) {
        Histogram h = new Histogram(3);
        for (long v : values) {
            h.recordValue(v * 1_000_000);
        }
        return h;
    }

    private static long[] oneToHundred() {
        long[] v = new long[100];
        for (int i = 0; i < 100; i++) {
            v[i] = i + 1;
        }
        return v;
    }

    @Test
    void percentilesOfOneToHundredMillisecondsAreTheNearestRanks() {
        LatencySummary s = LatencySummary.of(millis(oneToHundred()), 8, 0);

        // Three significant digits: values are exact to 0.1 %.
        assertThat(s.requests()).isEqualTo(100);
        assertThat(s.p50Ms()).isCloseTo(50, within(0.05));
        assertThat(s.p90Ms()).isCloseTo(90, within(0.09));
        assertThat(s.p99Ms()).isCloseTo(99, within(0.1));
        assertThat(s.maxMs()).isCloseTo(100, within(0.1));
    }

    @Test
    void throughputIsConcurrencyOverMeanLatency() {
        // Mean 10 ms with 4 in flight: 4 / 0.010 s = 400 requests per second.
        LatencySummary s = LatencySummary.of(millis(5, 10, 15), 4, 0);

        assertThat(s.throughputRps()).isCloseTo(400, within(1.0));
    }

    @Test
    void emptyHistogramReportsZerosAndKeepsTheErrorCount() {
        LatencySummary s = LatencySummary.of(new Histogram(3), 8, 7);

        assertThat(s).isEqualTo(new LatencySummary(0, 0, 0, 0, 0, 0, 7));
    }

    @Test
    void overheadIsGatewayMinusDirectAndGatewayOverDirect() {
        LatencySummary direct = new LatencySummary(10, 2.0, 3.0, 4.0, 5.0, 100, 0);
        LatencySummary gateway = new LatencySummary(10, 3.0, 4.0, 10.0, 12.0, 80, 0);

        assertThat(Overhead.between(direct, gateway)).isEqualTo(new Overhead(1.0, 6.0, 1.5, 2.5));
    }

    @Test
    void overheadRatioIsZeroWhenDirectMeasuredNothing() {
        LatencySummary none = new LatencySummary(0, 0, 0, 0, 0, 0, 3);
        LatencySummary gateway = new LatencySummary(10, 3.0, 4.0, 10.0, 12.0, 80, 0);

        assertThat(Overhead.between(none, gateway).p50Ratio()).isZero();
    }

    @Test
    void recorderCountsErrorsByKindAndKeepsThemOutOfTheLatencies() {
        LatencyRecorder r = new LatencyRecorder();
        r.recordSuccess(2_000_000);
        r.recordError("status 500");
        r.recordError("status 500");
        r.recordError("HttpTimeoutException");

        assertThat(r.histogram().getTotalCount()).isEqualTo(1);
        assertThat(r.errorCount()).isEqualTo(3);
        assertThat(r.errorsByKind()).containsExactly(Map.entry("HttpTimeoutException", 1L), Map.entry("status 500", 2L));
    }

    @Test
    void reportRoundsToMicrosecondsAndHasTheDocumentedFields() {
        LatencySummary direct = new LatencySummary(10, 1.23456, 2, 3, 4, 1000, 0);
        LatencySummary gateway = new LatencySummary(10, 2.46912, 3, 6, 8, 500, 0);
        LoadReport report = new LoadReport("allow", false, 10, 8, direct, gateway,
                Map.of("direct", Map.of(), "gateway", Map.of()), 1.5, java.time.Instant.EPOCH);

        String json = report.toJson();

        assertThat(json).contains("\"p50_ms\":1.235", "\"p50_ratio\":2", "\"p99_ratio\":2", "\"scenario\":\"allow\"");
        for (String field : List.of("requests", "concurrency", "direct", "gateway", "overhead", "p90_ms", "max_ms",
                "throughput_rps", "errors", "jvm", "cpus", "timestamp")) {
            assertThat(json).contains("\"" + field + "\"");
        }
    }
}
