package dev.parapet.policy;

import dev.parapet.core.Action;
import dev.parapet.core.Principal;
import dev.parapet.core.SecretHash;
import dev.parapet.core.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

import static dev.parapet.policy.Inputs.finding;
import static dev.parapet.policy.Inputs.input;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;

class BundleDirectoryTest {

    static final String KEY_HASH = SecretHash.of("pk_example");

    static final String MANIFEST = """
            tenant: acme
            name: acme-main
            version: "12"
            parent_version: "11"
            created_by: alice@acme.example
            created_at: 2026-11-20T09:30:00Z
            message: mask phone numbers for the support team
            on_error: fail_open
            default_action: allow
            """;

    static final String INJECTION_RULES = """
            rules:
              - id: block-injection
                when: "findings.exists(f, f.family == 'injection')"
                action: block
                reason_code: prompt_injection_detected
            """;

    static final String REDACTION_RULES = """
            rules:
              - id: redact-email
                when: "findings.exists(f, f.type == 'pii.email')"
                action: redact
                redact: [pii.email]
                reason_code: pii_email_redacted
              - id: redact-phone-for-support
                when: "principal.role == 'support' && findings.exists(f, f.type == 'pii.phone')"
                action: redact
                redact: [pii.phone]
                reason_code: pii_phone_redacted
            """;

    static final String DETECTORS = """
            signatures:
              disable: [INJ-DLM-004]
              severity:
                INJ-PER-002: medium
            dlp:
              entities:
                pii.domain_name: ignore
                pci.card_number: block
                secret.*: redact
            thresholds:
              risk:
                block: 90
                hold: 60
            """;

    static final String LIMITS = """
            rates:
              - scope: tenant
                requests_per_minute: 6000
              - scope: user
                requests_per_minute: 60
                tokens_per_minute: 50000
              - scope: model
                key: gpt-4o
                tokens_per_minute: 200000
            budgets:
              - scope: tenant
                period: month
                usd: 1000
              - scope: api_key
                period: day
                usd: 12.50
            """;

    static final String PRINCIPALS = """
            api_keys:
              - id: key-ci
                hash: %s
                principal: ci-bot
                kind: service
                role: automation
                scopes: [chat]
                attributes: {team: platform}
                expires_at: 2027-01-01T00:00:00Z
            revoked: [u-departed]
            """.formatted(KEY_HASH);

    static Map<String, String> fullBundle() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("manifest.yaml", MANIFEST);
        files.put("rules/20-redaction.yaml", REDACTION_RULES);
        files.put("rules/10-injection.yaml", INJECTION_RULES);
        files.put("detectors.yaml", DETECTORS);
        files.put("limits.yaml", LIMITS);
        files.put("principals.yaml", PRINCIPALS);
        files.put("tests/main.yaml", "cases: []\n");
        return files;
    }

    static BundleFiles files(Map<String, String> texts) throws PolicyBundleException {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        texts.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
        return BundleFiles.of(bytes);
    }

    static PolicyBundle bundle(Map<String, String> texts) throws PolicyBundleException {
        return PolicyBundle.fromFiles(files(texts));
    }

    @Test
    void loadsEverySectionOfADirectory(@TempDir Path dir) throws Exception {
        for (Map.Entry<String, String> e : fullBundle().entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue());
        }

        PolicyBundle bundle = PolicyBundle.load(dir);

        assertThat(bundle.manifest()).isEqualTo(new PolicyManifest(Optional.of("acme"), "acme-main", "12",
                Optional.of("11"), Optional.of("alice@acme.example"), Optional.of(Instant.parse("2026-11-20T09:30:00Z")),
                Optional.of("mask phone numbers for the support team"), OnError.FAIL_OPEN, Action.ALLOW));
        assertThat(bundle.name()).isEqualTo("acme-main");
        assertThat(bundle.version()).isEqualTo("12");
        assertThat(bundle.detectors().disabledSignatures()).containsExactly("INJ-DLM-004");
        assertThat(bundle.detectors().signatureSeverities()).containsExactly(Map.entry("INJ-PER-002", Severity.MEDIUM));
        assertThat(bundle.detectors().entityActions()).containsOnly(
                Map.entry("pii.domain_name", DetectorSettings.EntityAction.IGNORE),
                Map.entry("pci.card_number", DetectorSettings.EntityAction.BLOCK),
                Map.entry("secret.*", DetectorSettings.EntityAction.REDACT));
        assertThat(bundle.detectors().risk()).isEqualTo(new RiskBand(60, 90));
        assertThat(bundle.riskBand()).isEqualTo(new RiskBand(60, 90));
        assertThat(bundle.limits().rates()).containsExactly(
                new Limits.RateLimit(Limits.Scope.TENANT, Optional.empty(), OptionalLong.of(6000), OptionalLong.empty()),
                new Limits.RateLimit(Limits.Scope.USER, Optional.empty(), OptionalLong.of(60), OptionalLong.of(50_000)),
                new Limits.RateLimit(Limits.Scope.MODEL, Optional.of("gpt-4o"), OptionalLong.empty(), OptionalLong.of(200_000)));
        assertThat(bundle.limits().budgets()).containsExactly(
                new Limits.Budget(Limits.Scope.TENANT, Optional.empty(), Limits.Period.MONTH, new BigDecimal("1000")),
                new Limits.Budget(Limits.Scope.API_KEY, Optional.empty(), Limits.Period.DAY, new BigDecimal("12.5")));
        PrincipalDirectory.ApiKey key = bundle.principals().apiKeys().getFirst();
        assertThat(key).isEqualTo(new PrincipalDirectory.ApiKey(Optional.of("key-ci"), KEY_HASH, "ci-bot",
                Principal.Kind.SERVICE, "automation", java.util.Set.of("chat"), Map.of("team", "platform"),
                Optional.of(Instant.parse("2027-01-01T00:00:00Z"))));
        assertThat(bundle.principals().revoked()).containsExactly("u-departed");
    }

    @Test
    void rulesRunInFileNameOrderThenPosition() throws Exception {
        PolicyBundle bundle = bundle(fullBundle());

        assertThat(bundle.ruleIds()).containsExactly("dlp-entity-pci.card_number", "dlp-entity-secret.*", // from detectors.yaml, first
                "block-injection", "redact-email", "redact-phone-for-support");
        PolicyDecision d = new PolicyEngine(bundle).decide(input(finding("pii.email", 0, 5), finding("injection.x", 6, 9)));
        assertThat(d.action()).isEqualTo(Action.BLOCK);
        assertThat(d.matchedRuleIds()).containsExactly("block-injection");
    }

    @Test
    void digestIsTheDigestOfTheBundleFiles(@TempDir Path dir) throws Exception {
        BundleFiles files = files(fullBundle());
        PolicyBundle bundle = PolicyBundle.fromFiles(files);

        assertThat(bundle.digest()).isEqualTo(files.digest());
        assertThat(new PolicyEngine(bundle).decide(input()).bundleDigest()).isEqualTo(files.digest());

        Map<String, String> changed = fullBundle();
        changed.put("tests/main.yaml", "cases: []  # a test file changes the digest too\n");
        assertThat(bundle(changed).digest()).isNotEqualTo(bundle.digest());
    }

    @Test
    void onlyManifestAndRulesAreRequired() throws Exception {
        PolicyBundle bundle = bundle(Map.of("manifest.yaml", "name: n\nversion: '1'\n"));

        assertThat(bundle.ruleIds()).isEmpty();
        assertThat(bundle.manifest().onError()).isEqualTo(OnError.FAIL_CLOSED);
        assertThat(bundle.manifest().defaultAction()).isEqualTo(Action.ALLOW);
        assertThat(bundle.manifest().tenant()).isEmpty();
        assertThat(bundle.detectors()).isEqualTo(DetectorSettings.NONE);
        assertThat(bundle.limits()).isEqualTo(Limits.NONE);
        assertThat(bundle.principals()).isEqualTo(PrincipalDirectory.EMPTY);
    }

    @Test
    void revokedAndExpiredKeysAreNotUsable() throws Exception {
        PrincipalDirectory directory = bundle(fullBundle()).principals();
        Instant before = Instant.parse("2026-12-01T00:00:00Z");

        assertThat(directory.usableKey(KEY_HASH, before)).map(PrincipalDirectory.ApiKey::principal).contains("ci-bot");
        assertThat(directory.usableKey(KEY_HASH, Instant.parse("2027-01-01T00:00:00Z"))).isEmpty();
        assertThat(directory.usableKey(SecretHash.of("pk_other"), before)).isEmpty();

        Map<String, String> revoked = fullBundle();
        revoked.put("principals.yaml", PRINCIPALS.replace("[u-departed]", "[u-departed, ci-bot]"));
        assertThat(bundle(revoked).principals().usableKey(KEY_HASH, before)).isEmpty();
    }

    static Stream<Arguments> invalidBundles() {
        return Stream.of(
                invalid("missing_manifest", without("manifest.yaml"), "manifest.yaml: missing"),
                invalid("unknown_file", with("README.md", "# hi"), "README.md: unknown file"),
                invalid("rules_in_a_subdirectory", with("rules/extra/a.yaml", INJECTION_RULES),
                        "rules/extra/a.yaml: unknown file"),
                invalid("rules_file_not_yaml", with("rules/a.yml", INJECTION_RULES), "rules/a.yml: unknown file"),
                invalid("unknown_manifest_key", with("manifest.yaml", MANIFEST + "owner: bob\n"),
                        "manifest.yaml: unknown key 'owner' (allowed: created_at, created_by"),
                invalid("missing_manifest_version", with("manifest.yaml", "name: n\n"), "manifest.yaml: missing 'version'"),
                invalid("bad_created_at", with("manifest.yaml", MANIFEST.replace("2026-11-20T09:30:00Z", "yesterday")),
                        "manifest.yaml: created_at: must be an ISO-8601 UTC time"),
                invalid("redact_as_default_action", with("manifest.yaml", MANIFEST.replace("default_action: allow",
                        "default_action: redact")), "manifest.yaml: default_action cannot be redact"),
                invalid("duplicate_yaml_key", with("manifest.yaml", MANIFEST + "version: \"13\"\n"),
                        "manifest.yaml: not valid YAML: Duplicate field 'version'"),
                invalid("unknown_key_in_rules_file", with("rules/10-injection.yaml", INJECTION_RULES + "priority: 1\n"),
                        "rules/10-injection.yaml: unknown key 'priority' (allowed: rules)"),
                invalid("rule_error_names_file_and_rule", with("rules/10-injection.yaml",
                        INJECTION_RULES.replace("action: block", "action: quarantine")),
                        "rules/10-injection.yaml: rule 'block-injection': unknown action 'quarantine'"),
                invalid("duplicate_rule_id_across_files", with("rules/30-more.yaml", INJECTION_RULES),
                        "rules/30-more.yaml: rule 'block-injection': duplicate rule id (first defined in rules/10-injection.yaml)"),
                invalid("empty_rules_file", with("rules/30-more.yaml", "# nothing yet\n"),
                        "rules/30-more.yaml: the file is empty"),
                invalid("unknown_detectors_key", with("detectors.yaml", DETECTORS.replace("disable:", "disabled:")),
                        "detectors.yaml: signatures: unknown key 'disabled' (allowed: disable, severity)"),
                invalid("malformed_signature_id", with("detectors.yaml", DETECTORS.replace("[INJ-DLM-004]", "[inj_dlm]")),
                        "detectors.yaml: signatures.disable[0]: 'inj_dlm' is not a signature id"),
                invalid("disabled_signature_given_a_severity", with("detectors.yaml",
                        DETECTORS.replace("INJ-PER-002: medium", "INJ-DLM-004: low")),
                        "detectors.yaml: signatures.severity.INJ-DLM-004: signature INJ-DLM-004 is disabled"),
                invalid("unknown_entity_action", with("detectors.yaml", DETECTORS.replace("pii.domain_name: ignore",
                        "pii.domain_name: skip")), "detectors.yaml: dlp.entities.pii.domain_name: unknown entity action 'skip'"),
                invalid("entity_action_read_as_a_boolean", with("detectors.yaml", DETECTORS.replace("pii.domain_name: ignore",
                        "pii.domain_name: off")), "detectors.yaml: dlp.entities.pii.domain_name: must be ignore, detect, redact or block, not a boolean"),
                invalid("hold_above_block", with("detectors.yaml", DETECTORS.replace("hold: 60", "hold: 95")),
                        "detectors.yaml: thresholds.risk: need 0 <= hold <= block <= 100, got hold 95, block 90"),
                invalid("hold_not_a_number", with("detectors.yaml", DETECTORS.replace("hold: 60", "hold: [60, 90]")),
                        "detectors.yaml: thresholds.risk.hold: must be an integer"),
                invalid("block_threshold_out_of_range", with("detectors.yaml", DETECTORS.replace("block: 90", "block: 101")),
                        "detectors.yaml: thresholds.risk.block: must be an integer from 0 to 100, not 101"),
                invalid("unknown_limit_scope", with("limits.yaml", LIMITS.replace("scope: user", "scope: team")),
                        "limits.yaml: rates[1].scope: unknown scope 'team'"),
                invalid("rate_without_a_rate", with("limits.yaml", LIMITS.replace("    requests_per_minute: 6000\n", "")),
                        "limits.yaml: rates[0]: a rate limit needs requests_per_minute or tokens_per_minute"),
                invalid("rate_not_positive", with("limits.yaml", LIMITS.replace("requests_per_minute: 60\n",
                        "requests_per_minute: 0\n")), "limits.yaml: rates[1].requests_per_minute: must be an integer from 1"),
                invalid("two_limits_for_one_scope", with("limits.yaml", LIMITS.replace("scope: model\n    key: gpt-4o",
                        "scope: user")), "limits.yaml: two rate limits for each user"),
                invalid("tenant_limit_with_key", with("limits.yaml", LIMITS.replace("period: month",
                        "period: month\n    key: acme")), "limits.yaml: budgets[0]: scope tenant takes no key"),
                invalid("negative_budget", with("limits.yaml", LIMITS.replace("usd: 12.50", "usd: -3")),
                        "limits.yaml: budgets[1].usd: must be a positive amount"),
                invalid("bad_api_key_hash", with("principals.yaml", PRINCIPALS.replace(KEY_HASH, "pk_live_plaintext")),
                        "principals.yaml: api_keys[0].hash: is not an API-key hash"),
                invalid("upper_case_api_key_hash", with("principals.yaml", PRINCIPALS.replace(KEY_HASH,
                        KEY_HASH.toUpperCase(java.util.Locale.ROOT).replace("SHA256", "sha256"))),
                        "principals.yaml: api_keys[0].hash: is not an API-key hash"),
                invalid("api_key_listed_twice", with("principals.yaml", PRINCIPALS.replace("revoked:",
                        "  - {hash: %s, principal: other, kind: user, role: dev}\nrevoked:".formatted(KEY_HASH))),
                        "principals.yaml: API-key hash " + KEY_HASH + " is listed twice"),
                invalid("anonymous_api_key", with("principals.yaml", PRINCIPALS.replace("kind: service", "kind: anonymous")),
                        "principals.yaml: api_keys[0].kind: unknown kind 'anonymous' (expected user, agent or service)"),
                invalid("unknown_api_key_field", with("principals.yaml", PRINCIPALS.replace("role: automation",
                        "role: automation\n    key: pk_live_x")), "principals.yaml: api_keys[0]: unknown key 'key'"),
                invalid("bad_expiry", with("principals.yaml", PRINCIPALS.replace("2027-01-01T00:00:00Z", "2027-01-01")),
                        "principals.yaml: api_keys[0].expires_at: must be an ISO-8601 UTC time"));
    }

    private interface Edit {
        void apply(Map<String, String> files);
    }

    private static Edit with(String name, String text) {
        return files -> files.put(name, text);
    }

    private static Edit without(String name) {
        return files -> files.remove(name);
    }

    private static Arguments invalid(String name, Edit edit, String message) {
        return Arguments.of(named(name, edit), message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBundles")
    void refusesAnInvalidDirectoryNamingTheFileAndField(Edit edit, String message) {
        Map<String, String> files = fullBundle();
        edit.apply(files);

        assertThatThrownBy(() -> bundle(files)).isInstanceOf(PolicyBundleException.class).hasMessageContaining(message);
    }

    @Test
    void exceptionCarriesTheFileAndTheRule() {
        Map<String, String> files = fullBundle();
        files.put("rules/30-more.yaml", INJECTION_RULES);

        assertThatThrownBy(() -> bundle(files)).isInstanceOfSatisfying(PolicyBundleException.class, e -> {
            assertThat(e.file()).contains("rules/30-more.yaml");
            assertThat(e.ruleId()).contains("block-injection");
        });
    }

    @Test
    void aMissingDirectoryIsAnError(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> PolicyBundle.load(dir.resolve("nope")))
                .isInstanceOf(PolicyBundleException.class).hasMessageContaining("not a bundle directory");
    }
}
