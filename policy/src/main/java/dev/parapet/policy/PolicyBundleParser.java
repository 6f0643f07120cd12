package dev.parapet.policy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parapet.core.Action;
import dev.parapet.core.ReasonCode;
import dev.parapet.core.RedactionMode;
import dev.parapet.core.Severity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates the YAML form of a bundle. Unknown keys are errors, so that a misspelt
 * field is reported rather than silently ignored.
 */
final class PolicyBundleParser {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP_KEYS = Set.of("bundle", "rules", "risk");
    private static final Set<String> RISK_KEYS = Set.of("hold", "block");
    private static final Set<String> HEADER_KEYS = Set.of("name", "version", "on_error", "default_action");
    private static final Set<String> RULE_KEYS = Set.of("id", "description", "when", "action", "redact", "redact_mode", "reason_code", "severity", "mode", "canary_percent");
    /** A finding type ({@code pii.email}) or a whole family ({@code secret.*}). */
    private static final Pattern FINDING_TYPE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+|[a-z][a-z0-9_]*\\.\\*");

    private PolicyBundleParser() {
    }

    static PolicyBundle parse(byte[] yaml) throws PolicyBundleException {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JacksonException e) {
            throw new PolicyBundleException(null, "not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new PolicyBundleException(null, "cannot read bundle: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new PolicyBundleException(null, "expected a mapping with 'bundle' and 'rules'");
        }
        checkKeys(root, TOP_KEYS, null, "top level");
        JsonNode header = root.get("bundle");
        if (header == null || !header.isObject()) {
            throw new PolicyBundleException(null, "missing 'bundle' section");
        }
        checkKeys(header, HEADER_KEYS, null, "'bundle'");
        String name = requiredText(header, "name", null);
        String version = requiredText(header, "version", null);
        OnError onError = OnError.FAIL_CLOSED;
        String onErrorText = optionalText(header, "on_error", null);
        if (onErrorText != null) {
            try {
                onError = OnError.fromWireName(onErrorText);
            } catch (IllegalArgumentException e) {
                throw new PolicyBundleException(null, e.getMessage());
            }
        }
        Action defaultAction = Action.ALLOW;
        String defaultText = optionalText(header, "default_action", null);
        if (defaultText != null) {
            defaultAction = action(defaultText, null);
            if (defaultAction != Action.ALLOW && defaultAction != Action.BLOCK) {
                throw new PolicyBundleException(null, "default_action must be allow or block, not " + defaultAction.wireName());
            }
        }
        JsonNode rulesNode = root.get("rules");
        List<PolicyRule> rules = new ArrayList<>();
        if (rulesNode != null && !rulesNode.isNull()) {
            if (!rulesNode.isArray()) {
                throw new PolicyBundleException(null, "'rules' must be a list");
            }
            Set<String> ids = new HashSet<>();
            int index = 0;
            for (JsonNode node : rulesNode) {
                PolicyRule rule = rule(node, index++);
                if (!ids.add(rule.id())) {
                    throw new PolicyBundleException(rule.id(), "duplicate rule id");
                }
                rules.add(rule);
            }
        }
        RiskBand band = riskBand(root.get("risk"));
        return new PolicyBundle(name, version, onError, defaultAction, band, rules, yaml);
    }

    /** The optional {@code risk: {hold: N, block: N}} section; the defaults when absent. */
    static RiskBand riskBand(JsonNode node) throws PolicyBundleException {
        if (node == null || node.isNull()) {
            return RiskBand.DEFAULT;
        }
        if (!node.isObject()) {
            throw new PolicyBundleException(null, "'risk' must be a mapping with 'hold' and 'block'");
        }
        checkKeys(node, RISK_KEYS, null, "'risk'");
        int hold = score(node, "hold", RiskBand.DEFAULT.hold());
        int block = score(node, "block", RiskBand.DEFAULT.block());
        try {
            return new RiskBand(hold, block);
        } catch (IllegalArgumentException e) {
            throw new PolicyBundleException(null, "'risk': " + e.getMessage());
        }
    }

    private static int score(JsonNode node, String field, int otherwise) throws PolicyBundleException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return otherwise;
        }
        if (!value.isInt()) {
            throw new PolicyBundleException(null, "'risk." + field + "' must be an integer 0-100, not " + value);
        }
        return value.asInt();
    }

    static PolicyRule rule(JsonNode node, int index) throws PolicyBundleException {
        if (!node.isObject()) {
            throw new PolicyBundleException(null, "rule #" + (index + 1) + " is not a mapping");
        }
        JsonNode idNode = node.get("id");
        if (idNode == null || !idNode.isTextual() || idNode.asText().isBlank()) {
            throw new PolicyBundleException(null, "rule #" + (index + 1) + " has no 'id'");
        }
        String id = idNode.asText();
        checkKeys(node, RULE_KEYS, id, "rule");
        String when = requiredText(node, "when", id);
        Action action = action(requiredText(node, "action", id), id);
        String reasonCode = optionalText(node, "reason_code", id);
        if (reasonCode == null && action != Action.ALLOW) {
            throw new PolicyBundleException(id, "action " + action.wireName() + " needs a 'reason_code'");
        }
        if (reasonCode != null && !ReasonCode.isWellFormed(reasonCode)) {
            throw new PolicyBundleException(id, "malformed reason_code '" + reasonCode
                    + "' (expected lower-case letters, digits and underscores, starting with a letter, 2-64 characters)");
        }
        Severity severity = null;
        String severityText = optionalText(node, "severity", id);
        if (severityText != null) {
            try {
                severity = Severity.valueOf(severityText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new PolicyBundleException(id, "unknown severity '" + severityText + "' (expected low, medium, high or critical)");
            }
        }
        Set<String> redact = redactList(node.get("redact"), id);
        if (action == Action.REDACT && redact.isEmpty()) {
            throw new PolicyBundleException(id, "action redact needs a non-empty 'redact' list of finding types");
        }
        if (action != Action.REDACT && !redact.isEmpty()) {
            throw new PolicyBundleException(id, "'redact' is only allowed with action redact, not " + action.wireName());
        }
        RedactionMode redactMode = RedactionMode.MASK;
        String modeText = optionalText(node, "redact_mode", id);
        if (modeText != null) {
            if (action != Action.REDACT) {
                throw new PolicyBundleException(id, "'redact_mode' is only allowed with action redact, not " + action.wireName());
            }
            try {
                redactMode = RedactionMode.fromWireName(modeText);
            } catch (IllegalArgumentException e) {
                throw new PolicyBundleException(id, e.getMessage());
            }
        }
        RuleMode mode = RuleMode.ENFORCE;
        String modeName = optionalText(node, "mode", id);
        if (modeName != null) {
            try {
                mode = RuleMode.fromWireName(modeName);
            } catch (IllegalArgumentException e) {
                throw new PolicyBundleException(id, e.getMessage());
            }
        }
        int canaryPercent = canaryPercent(node.get("canary_percent"), mode, id);
        String description = optionalText(node, "description", id);
        return new PolicyRule(id, description == null ? "" : description, when, action, reasonCode, severity, redact,
                redactMode, mode, canaryPercent, PolicyCel.compile(id, when));
    }

    private static int canaryPercent(JsonNode node, RuleMode mode, String id) throws PolicyBundleException {
        if (mode != RuleMode.CANARY) {
            if (node != null && !node.isNull()) {
                throw new PolicyBundleException(id, "'canary_percent' is only allowed with mode canary");
            }
            return 100;
        }
        if (node == null || !node.isInt() || node.asInt() < 1 || node.asInt() > 99) {
            throw new PolicyBundleException(id, "mode canary needs 'canary_percent', an integer 1-99");
        }
        return node.asInt();
    }

    private static Set<String> redactList(JsonNode node, String id) throws PolicyBundleException {
        if (node == null || node.isNull()) {
            return Set.of();
        }
        if (!node.isArray()) {
            throw new PolicyBundleException(id, "'redact' must be a list of finding types, e.g. [pii.email]");
        }
        Set<String> types = new LinkedHashSet<>();
        for (JsonNode t : node) {
            if (!t.isTextual() || !FINDING_TYPE.matcher(t.asText()).matches()) {
                throw new PolicyBundleException(id, "'redact' entry " + t + " is not a finding type like pii.email or a family like secret.*");
            }
            types.add(t.asText());
        }
        return types;
    }

    private static Action action(String text, String id) throws PolicyBundleException {
        try {
            return Action.fromWireName(text);
        } catch (IllegalArgumentException e) {
            throw new PolicyBundleException(id, e.getMessage());
        }
    }

    private static void checkKeys(JsonNode node, Set<String> allowed, String id, String where) throws PolicyBundleException {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new PolicyBundleException(id, "unknown key '" + key + "' in " + where + " (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    private static String requiredText(JsonNode node, String field, String id) throws PolicyBundleException {
        String value = optionalText(node, field, id);
        if (value == null || value.isBlank()) {
            throw new PolicyBundleException(id, "missing '" + field + "'");
        }
        return value;
    }

    private static String optionalText(JsonNode node, String field, String id) throws PolicyBundleException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw new PolicyBundleException(id, "'" + field + "' must be a scalar");
        }
        return value.asText();
    }
}
