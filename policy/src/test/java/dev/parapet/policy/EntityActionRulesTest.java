package dev.parapet.policy;

import dev.parapet.core.Action;
import dev.parapet.core.Finding;
import dev.parapet.core.Severity;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static dev.parapet.policy.Inputs.input;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** detectors.yaml's DLP entity actions decide like rules placed before the bundle's own. */
class EntityActionRulesTest {

    private static PolicyBundle bundle(String detectors, String rules) throws PolicyBundleException {
        return PolicyBundle.fromFiles(BundleFiles.of(Map.of(
                "manifest.yaml", "name: t\nversion: \"1\"\n".getBytes(StandardCharsets.UTF_8),
                "detectors.yaml", detectors.getBytes(StandardCharsets.UTF_8),
                "rules/10.yaml", rules.getBytes(StandardCharsets.UTF_8))));
    }

    private static Finding finding(String type) {
        return new Finding(type, type.substring(0, type.indexOf('.')), "R", Severity.HIGH, 0.9, 0, 0, 4);
    }

    @Test
    void blockAndRedactEntityActionsDecideWithoutARuleOfTheirOwn() throws Exception {
        PolicyEngine engine = new PolicyEngine(bundle("""
                dlp:
                  entities:
                    pci.card_number: block
                    secret.*: redact
                    pii.domain_name: ignore
                """, "rules: []\n"));

        PolicyDecision card = engine.decide(input(finding("pci.card_number")));
        PolicyDecision secret = engine.decide(input(finding("secret.github_pat")));

        assertThat(card.action()).isEqualTo(Action.BLOCK);
        assertThat(card.reasonCodes()).containsExactly("sensitive_data_blocked");
        assertThat(card.matchedRuleIds()).containsExactly("dlp-entity-pci.card_number");
        assertThat(secret.action()).isEqualTo(Action.REDACT);
        assertThat(secret.redactions()).extracting(Finding::type).containsExactly("secret.github_pat");
        assertThat(engine.decide(input(finding("pii.domain_name"))).action()).isEqualTo(Action.ALLOW);
        assertThat(engine.bundle().ruleIds()).containsExactly("dlp-entity-pci.card_number", "dlp-entity-secret.*");
    }

    @Test
    void aRuleMayNotReuseAnEntityActionsId() {
        assertThatThrownBy(() -> bundle("dlp:\n  entities:\n    pci.card_number: block\n", """
                rules:
                  - id: dlp-entity-pci.card_number
                    when: "true"
                    action: allow
                """)).hasMessageContaining("duplicate rule id (first defined in detectors.yaml)");
    }
}
