package dev.parapet.policy.templates;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a template instance adds to a bundle: rules (a new {@code rules/} file), rate limits and
 * budgets (merged into {@code limits.yaml}), and risk thresholds (set in {@code detectors.yaml}).
 * Each entry is a map in the bundle's own YAML shape.
 */
public record TemplateOutput(List<Map<String, Object>> rules, List<Map<String, Object>> rates,
                             List<Map<String, Object>> budgets, Optional<Map<String, Object>> riskThresholds) {

    public TemplateOutput {
        rules = List.copyOf(rules);
        rates = List.copyOf(rates);
        budgets = List.copyOf(budgets);
        riskThresholds = riskThresholds.map(Map::copyOf);
    }

    static TemplateOutput ofRules(List<Map<String, Object>> rules) {
        return new TemplateOutput(rules, List.of(), List.of(), Optional.empty());
    }

    /** A rule map with the fields in the usual order; {@code extra} adds fields such as {@code redact}. */
    static Map<String, Object> rule(String id, String description, String when, String action, String reasonCode,
                                    String severity, Object... extra) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", id);
        r.put("description", description);
        r.put("when", when);
        r.put("action", action);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            r.put((String) extra[i], extra[i + 1]);
        }
        r.put("reason_code", reasonCode);
        r.put("severity", severity);
        return r;
    }
}
