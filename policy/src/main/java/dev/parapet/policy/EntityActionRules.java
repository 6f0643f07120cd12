package dev.parapet.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rules that {@code detectors.yaml}'s DLP entity actions stand for: {@code redact} and
 * {@code block} become rules (ids {@code dlp-entity-<type>}) evaluated before the bundle's own,
 * with reason codes {@code sensitive_data_redacted} and {@code sensitive_data_blocked}.
 * {@code ignore} is applied to the findings by the gateway's detect stage; {@code detect} is the
 * default and adds nothing.
 */
final class EntityActionRules {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EntityActionRules() {
    }

    static List<PolicyRule> of(DetectorSettings settings) throws PolicyBundleException {
        List<PolicyRule> rules = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, DetectorSettings.EntityAction> e : new TreeMap<>(settings.entityActions()).entrySet()) {
            DetectorSettings.EntityAction action = e.getValue();
            if (action != DetectorSettings.EntityAction.REDACT && action != DetectorSettings.EntityAction.BLOCK) {
                continue;
            }
            String entity = e.getKey();
            String when = entity.endsWith(".*")
                    ? "findings.exists(f, f.family == '" + entity.substring(0, entity.length() - 2) + "')"
                    : "findings.exists(f, f.type == '" + entity + "')";
            ObjectNode rule = JSON.createObjectNode();
            rule.put("id", "dlp-entity-" + entity);
            rule.put("description", "detectors.yaml: dlp.entities." + entity + ": " + action.wireName());
            rule.put("when", when);
            rule.put("action", action.wireName());
            if (action == DetectorSettings.EntityAction.REDACT) {
                rule.putArray("redact").add(entity);
                rule.put("reason_code", "sensitive_data_redacted");
            } else {
                rule.put("reason_code", "sensitive_data_blocked");
            }
            try {
                rules.add(PolicyBundleParser.rule(rule, index++));
            } catch (PolicyBundleException ex) {
                throw ex.inFile(DetectorSettingsParser.FILE);
            }
        }
        return rules;
    }
}
