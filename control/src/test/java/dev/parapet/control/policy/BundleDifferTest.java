package dev.parapet.control.policy;

import static dev.parapet.control.TestBundles.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.policy.BundleFiles;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BundleDifferTest {

    private static BundleFiles bundle(Map<String, String> files) throws Exception {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((k, v) -> bytes.put(k, utf8(v)));
        return BundleFiles.of(bytes);
    }

    private static final String MANIFEST_11 = """
            name: acme
            version: "11"
            message: old
            """;
    private static final String MANIFEST_12 = """
            name: acme
            version: "12"
            default_action: block
            """;
    private static final String INJECTION = """
            rules:
              - id: block-injection
                when: "risk >= 80"
                action: block
                reason_code: prompt_injection_detected
              - id: hold-injection
                when: "risk >= 50"
                action: hold
                reason_code: prompt_injection_suspected
            """;
    private static final String INJECTION_TIGHTER = """
            rules:
              - id: block-injection
                when: "risk >= 70"
                action: block
                reason_code: prompt_injection_detected
            """;
    private static final String PII = """
            rules:
              - id: redact-email
                when: "findings.exists(f, f.type == 'pii.email')"
                action: redact
                redact: [pii.email]
                reason_code: pii_email_redacted
            """;
    private static final String PII_BLOCKING_AND_HOLD_MOVED = """
            rules:
              - id: redact-email
                when: "findings.exists(f, f.type == 'pii.email')"
                action: block
                reason_code: pii_email_redacted
              - id: hold-injection
                when: "risk >= 50"
                action: hold
                reason_code: prompt_injection_suspected
              - id: alert-phone
                when: "findings.exists(f, f.type == 'pii.phone')"
                action: alert
                reason_code: pii_phone_seen
            """;

    @Test
    void reportsFilesRulesByIdAndManifestFields() throws Exception {
        BundleFiles before = bundle(Map.of("manifest.yaml", MANIFEST_11, "rules/10-injection.yaml", INJECTION,
                "rules/20-pii.yaml", PII, "limits.yaml", "rates: []\n"));
        BundleFiles after = bundle(Map.of("manifest.yaml", MANIFEST_12, "rules/10-injection.yaml", INJECTION_TIGHTER,
                "rules/20-pii.yaml", PII_BLOCKING_AND_HOLD_MOVED, "detectors.yaml", "signatures: {}\n"));

        BundleDiff diff = BundleDiffer.diff(before, after);

        assertThat(diff.files().added()).containsExactly("detectors.yaml");
        assertThat(diff.files().removed()).containsExactly("limits.yaml");
        assertThat(diff.files().changed()).containsExactly("manifest.yaml", "rules/10-injection.yaml", "rules/20-pii.yaml");

        assertThat(diff.rules().added()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("alert-phone");
            assertThat(r.file()).isEqualTo("rules/20-pii.yaml");
            assertThat(r.action()).isEqualTo("alert");
        });
        assertThat(diff.rules().removed()).isEmpty();
        assertThat(diff.rules().changed()).extracting(BundleDiff.RuleChange::id)
                .containsExactly("block-injection", "redact-email", "hold-injection"); // the newer bundle's order
        BundleDiff.RuleChange tighter = diff.rules().changed().get(0);
        assertThat(tighter.changed()).containsExactly("when");
        assertThat(tighter.before().when()).isEqualTo("risk >= 80");
        assertThat(tighter.after().when()).isEqualTo("risk >= 70");
        BundleDiff.RuleChange moved = diff.rules().changed().get(2);
        assertThat(moved.changed()).containsExactly("file");
        assertThat(moved.after().file()).isEqualTo("rules/20-pii.yaml");
        BundleDiff.RuleChange blocking = diff.rules().changed().get(1);
        assertThat(blocking.changed()).containsExactly("action", "redact");
        assertThat(blocking.before().action()).isEqualTo("redact");
        assertThat(blocking.after().action()).isEqualTo("block");

        assertThat(diff.manifest()).extracting(BundleDiff.FieldChange::field)
                .containsExactly("version", "default_action", "message");
        assertThat(diff.manifest().get(0).before().asText()).isEqualTo("11");
        assertThat(diff.manifest().get(0).after().asText()).isEqualTo("12");
        assertThat(diff.manifest().get(1).before()).isNull();
        assertThat(diff.manifest().get(2).after()).isNull();
    }

    @Test
    void aRemovedRuleFileRemovesItsRules() throws Exception {
        BundleFiles before = bundle(Map.of("manifest.yaml", MANIFEST_11, "rules/20-pii.yaml", PII));
        BundleFiles after = bundle(Map.of("manifest.yaml", MANIFEST_11));

        BundleDiff diff = BundleDiffer.diff(before, after);

        assertThat(diff.rules().removed()).extracting(BundleDiff.Rule::id).containsExactly("redact-email");
        assertThat(diff.manifest()).isEmpty();
    }

    @Test
    void identicalBundlesHaveAnEmptyDiff() throws Exception {
        BundleFiles one = bundle(Map.of("manifest.yaml", MANIFEST_11, "rules/10-injection.yaml", INJECTION));

        BundleDiff diff = BundleDiffer.diff(one, one);

        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.rules().changed()).isEmpty();
        assertThat(diff.manifest()).isEmpty();
    }
}
