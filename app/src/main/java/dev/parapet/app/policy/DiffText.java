package dev.parapet.app.policy;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Renders the control plane's diff of two versions for a terminal:
 *
 * <pre>
 * version 6 → 7 (sha256:0651… → sha256:9be2…)
 * files:
 *   + rules/30-phone.yaml
 *   - limits.yaml
 *   ~ rules/10-injection.yaml
 * manifest:
 *   version: "11" → "12"
 * rules:
 *   + redact-phone (rules/30-phone.yaml): redact when findings.exists(f, f.type == 'pii.phone')
 *   - old-rule (rules/10-injection.yaml): block when risk >= 95
 *   ~ block-prompt-injection: when: "risk >= 80" → "risk >= 70"
 * </pre>
 *
 * Values are shown as JSON, so strings are quoted and an absent value reads {@code (absent)}.
 */
final class DiffText {
    private DiffText() {
    }

    static String render(JsonNode diff) {
        StringBuilder out = new StringBuilder();
        JsonNode from = diff.path("from");
        JsonNode to = diff.path("to");
        out.append("version ").append(from.path("version").asInt()).append(" → ").append(to.path("version").asInt())
                .append(" (").append(from.path("digest").asText()).append(" → ").append(to.path("digest").asText())
                .append(")\n");
        JsonNode files = diff.path("files");
        if (files.path("added").isEmpty() && files.path("removed").isEmpty() && files.path("changed").isEmpty()) {
            return out.append("no differences: both versions hold the same files\n").toString();
        }
        out.append("files:\n");
        files.path("added").forEach(f -> out.append("  + ").append(f.asText()).append('\n'));
        files.path("removed").forEach(f -> out.append("  - ").append(f.asText()).append('\n'));
        files.path("changed").forEach(f -> out.append("  ~ ").append(f.asText()).append('\n'));
        if (!diff.path("manifest").isEmpty()) {
            out.append("manifest:\n");
            diff.path("manifest").forEach(m -> out.append("  ").append(m.path("field").asText()).append(": ")
                    .append(value(m.get("before"))).append(" → ").append(value(m.get("after"))).append('\n'));
        }
        JsonNode rules = diff.path("rules");
        if (!rules.path("added").isEmpty() || !rules.path("removed").isEmpty() || !rules.path("changed").isEmpty()) {
            out.append("rules:\n");
            rules.path("added").forEach(r -> out.append("  + ").append(rule(r)).append('\n'));
            rules.path("removed").forEach(r -> out.append("  - ").append(rule(r)).append('\n'));
            rules.path("changed").forEach(c -> out.append("  ~ ").append(change(c)).append('\n'));
        }
        return out.toString();
    }

    private static String rule(JsonNode r) {
        return r.path("id").asText() + " (" + r.path("file").asText() + "): " + r.path("action").asText() + " when "
                + r.path("when").asText();
    }

    private static String change(JsonNode c) {
        StringBuilder line = new StringBuilder(c.path("id").asText()).append(':');
        String separator = " ";
        for (JsonNode field : c.path("changed_fields")) {
            String name = field.asText();
            JsonNode before = name.equals("file") ? c.path("before").get("file") : c.path("before").path("fields").get(name);
            JsonNode after = name.equals("file") ? c.path("after").get("file") : c.path("after").path("fields").get(name);
            line.append(separator).append(name).append(": ").append(value(before)).append(" → ").append(value(after));
            separator = "; ";
        }
        return line.toString();
    }

    private static String value(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? "(absent)" : node.toString();
    }
}
