package dev.parapet.detect.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Renders a report as JSON, for scripts and CI gates. Rates are fractions in [0, 1] rounded to
 * four decimals, latencies microseconds rounded to one; a figure that is undefined (a rate of
 * nothing, such as the TPR of a slice without attacks) is {@code null}.
 *
 * <p>Injection: {@code overall.{n, tpr, fpr, precision, recall, f1, balanced_accuracy, auc,
 * tpr_at_1pct_fpr}}, {@code slices.<slice>.{n, tpr, fpr}}, {@code latency_us.{p50, p99}}.
 * PII: {@code overall.{precision, recall, f2}}, {@code entities.<TYPE>.{n, precision, recall,
 * f2}}, and {@code not_in_overall.<TYPE>.{n, recall}} for the gold types no detector maps to,
 * which the overall figure leaves out.
 */
public final class JsonReport {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private JsonReport() {
    }

    /** The report as an indented JSON object, ending with a newline. */
    public static String render(EvalReport report) {
        ObjectNode root = switch (report) {
            case InjectionReport r -> injection(r);
            case PiiReport r -> pii(r);
        };
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode injection(InjectionReport r) {
        ObjectNode root = JSON.createObjectNode();
        ConfusionMatrix m = r.overall();
        ObjectNode overall = root.putObject("overall");
        overall.put("n", m.n());
        rate(overall, "tpr", m.tpr().value());
        rate(overall, "fpr", m.fpr().value());
        rate(overall, "precision", m.precision().value());
        rate(overall, "recall", m.recall().value());
        rate(overall, "f1", m.f1());
        rate(overall, "balanced_accuracy", m.balancedAccuracy());
        rate(overall, "auc", r.auc());
        rate(overall, "tpr_at_1pct_fpr", r.tprAt1PctFpr());
        ObjectNode slices = root.putObject("slices");
        for (Map.Entry<String, ConfusionMatrix> e : r.slices().entrySet()) {
            ObjectNode slice = slices.putObject(e.getKey());
            slice.put("n", e.getValue().n());
            rate(slice, "tpr", e.getValue().tpr().value());
            rate(slice, "fpr", e.getValue().fpr().value());
        }
        ObjectNode latency = root.putObject("latency_us");
        number(latency, "p50", r.latency().p50Micros(), 10);
        number(latency, "p99", r.latency().p99Micros(), 10);
        return root;
    }

    private static ObjectNode pii(PiiReport r) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode overall = root.putObject("overall");
        rate(overall, "precision", r.overall().precision().value());
        rate(overall, "recall", r.overall().recall().value());
        rate(overall, "f2", r.overall().f2());
        ObjectNode entities = root.putObject("entities");
        r.entities().forEach((type, s) -> {
            ObjectNode entity = entities.putObject(type);
            entity.put("n", s.n());
            rate(entity, "precision", s.precision().value());
            rate(entity, "recall", s.recall().value());
            rate(entity, "f2", s.f2());
        });
        ObjectNode excluded = root.putObject("not_in_overall");
        r.notInOverall().forEach((type, s) -> {
            ObjectNode entity = excluded.putObject(type);
            entity.put("n", s.n());
            rate(entity, "recall", s.recall().value());
        });
        return root;
    }

    private static void rate(ObjectNode node, String key, double value) {
        number(node, key, value, 10_000);
    }

    private static void number(ObjectNode node, String key, double value, int scale) {
        if (Double.isNaN(value)) {
            node.putNull(key);
        } else {
            node.put(key, Math.round(value * scale) / (double) scale);
        }
    }
}
