package dev.parapet.policy;

import dev.parapet.core.Severity;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** Reads {@code detectors.yaml} ({@link DetectorSettings}). */
final class DetectorSettingsParser {

    static final String FILE = "detectors.yaml";

    private static final String SIGNATURE = "a signature id like INJ-OVR-001";

    private DetectorSettingsParser() {
    }

    static DetectorSettings parse(byte[] yaml) throws PolicyBundleException {
        YamlNode root = YamlNode.parse(FILE, yaml).keys(Set.of("signatures", "dlp", "thresholds"));
        Set<String> disabled = new LinkedHashSet<>();
        Map<String, Severity> severities = new HashMap<>();
        Optional<YamlNode> signatures = root.get("signatures");
        if (signatures.isPresent()) {
            signatures.get().keys(Set.of("disable", "severity"));
            for (YamlNode id : signatures.get().list("disable")) {
                if (!disabled.add(BundleNames.check(id, BundleNames.SIGNATURE_ID, id.text(), SIGNATURE))) {
                    throw id.error("signature " + id.text() + " is listed twice");
                }
            }
            Optional<YamlNode> severity = signatures.get().get("severity");
            if (severity.isPresent()) {
                for (Map.Entry<String, YamlNode> e : severity.get().entries().entrySet()) {
                    BundleNames.check(e.getValue(), BundleNames.SIGNATURE_ID, e.getKey(), SIGNATURE);
                    if (disabled.contains(e.getKey())) {
                        throw e.getValue().error("signature " + e.getKey() + " is disabled; it cannot also get a severity");
                    }
                    severities.put(e.getKey(), severity(e.getValue()));
                }
            }
        }
        return new DetectorSettings(disabled, severities, entityActions(root), risk(root));
    }

    private static Severity severity(YamlNode node) throws PolicyBundleException {
        String text = node.text();
        try {
            return Severity.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw node.error("unknown severity '" + text + "' (expected low, medium, high or critical)");
        }
    }

    private static Map<String, DetectorSettings.EntityAction> entityActions(YamlNode root) throws PolicyBundleException {
        Optional<YamlNode> dlp = root.get("dlp");
        if (dlp.isEmpty()) {
            return Map.of();
        }
        Optional<YamlNode> entities = dlp.get().keys(Set.of("entities")).get("entities");
        Map<String, DetectorSettings.EntityAction> actions = new HashMap<>();
        if (entities.isPresent()) {
            for (Map.Entry<String, YamlNode> e : entities.get().entries().entrySet()) {
                BundleNames.check(e.getValue(), BundleNames.FINDING_TYPE, e.getKey(),
                        "a finding type like pii.email or a family like secret.*");
                if (e.getValue().isBoolean()) {
                    throw e.getValue().error("must be ignore, detect, redact or block, not a boolean "
                            + "(YAML reads an unquoted off, on, yes or no as one)");
                }
                try {
                    actions.put(e.getKey(), DetectorSettings.EntityAction.fromWireName(e.getValue().text()));
                } catch (IllegalArgumentException ex) {
                    throw e.getValue().error(ex.getMessage());
                }
            }
        }
        return actions;
    }

    /** {@code thresholds.risk: {hold: N, block: N}}; either may be left out for its default. */
    private static RiskBand risk(YamlNode root) throws PolicyBundleException {
        Optional<YamlNode> thresholds = root.get("thresholds");
        if (thresholds.isEmpty()) {
            return RiskBand.DEFAULT;
        }
        Optional<YamlNode> risk = thresholds.get().keys(Set.of("risk")).get("risk");
        if (risk.isEmpty()) {
            return RiskBand.DEFAULT;
        }
        risk.get().keys(Set.of("block", "hold"));
        OptionalLong block = risk.get().integer("block", 0, 100);
        OptionalLong hold = risk.get().integer("hold", 0, 100);
        try {
            return new RiskBand((int) hold.orElse(RiskBand.DEFAULT.hold()), (int) block.orElse(RiskBand.DEFAULT.block()));
        } catch (IllegalArgumentException e) {
            throw risk.get().error(e.getMessage());
        }
    }
}
