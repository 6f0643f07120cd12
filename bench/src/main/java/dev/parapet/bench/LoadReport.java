package dev.parapet.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Map;

/**
 * The result of a load run as the one JSON object the harness prints on stdout.
 *
 * @param scenario    the scenario's wire name
 * @param stream      whether the requests asked for streamed answers
 * @param requests    requests sent to each target in the measured phase
 * @param concurrency requests in flight across both targets
 * @param direct      the direct upstream's figures
 * @param gateway     the gateway's figures
 * @param errorKinds  the failures of each target by kind, for the report's {@code error_kinds}
 * @param wallSeconds how long the measured phase took
 * @param timestamp   when the measured phase ended
 */
record LoadReport(String scenario, boolean stream, int requests, int concurrency, LatencySummary direct,
                  LatencySummary gateway, Map<String, Map<String, Long>> errorKinds, double wallSeconds,
                  Instant timestamp) {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    long totalErrors() {
        return direct.errors() + gateway.errors();
    }

    String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("scenario", scenario);
        root.put("stream", stream);
        root.put("requests", requests);
        root.put("concurrency", concurrency);
        root.set("direct", summary(direct));
        root.set("gateway", summary(gateway));
        Overhead o = Overhead.between(direct, gateway);
        ObjectNode overhead = root.putObject("overhead");
        overhead.put("p50_ms", round(o.p50Ms()));
        overhead.put("p99_ms", round(o.p99Ms()));
        overhead.put("p50_ratio", round(o.p50Ratio()));
        overhead.put("p99_ratio", round(o.p99Ratio()));
        ObjectNode kinds = root.putObject("error_kinds");
        errorKinds.forEach((target, byKind) -> {
            ObjectNode t = kinds.putObject(target);
            byKind.forEach(t::put);
        });
        root.put("wall_s", round(wallSeconds));
        root.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        root.put("cpus", Runtime.getRuntime().availableProcessors());
        root.put("timestamp", timestamp.toString());
        return root.toString();
    }

    private static ObjectNode summary(LatencySummary s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("p50_ms", round(s.p50Ms()));
        n.put("p90_ms", round(s.p90Ms()));
        n.put("p99_ms", round(s.p99Ms()));
        n.put("max_ms", round(s.maxMs()));
        n.put("throughput_rps", round(s.throughputRps()));
        n.put("errors", s.errors());
        return n;
    }

    /** Three decimals, so the JSON shows microseconds and not binary noise. */
    static BigDecimal round(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
