package dev.parapet.policy.templates;

import dev.parapet.core.Action;
import dev.parapet.core.ChatMessage;
import dev.parapet.core.Finding;
import dev.parapet.core.Interaction;
import dev.parapet.core.Principal;
import dev.parapet.core.Severity;
import dev.parapet.core.ToolCall;
import dev.parapet.policy.BundleFiles;
import dev.parapet.policy.PolicyBundle;
import dev.parapet.policy.PolicyDecision;
import dev.parapet.policy.PolicyEngine;
import dev.parapet.policy.PolicyInput;
import dev.parapet.policy.RiskBand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyTemplatesTest {

    @TempDir
    Path dir;

    @BeforeEach
    void defaultBundle() throws Exception {
        BundleFiles files = PolicyBundle.defaultFiles();
        for (String name : files.names()) {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.write(p, files.bytes(name));
        }
    }

    private PolicyEngine add(String template, Map<String, String> params) throws Exception {
        PolicyTemplates.apply(PolicyTemplates.find(template), params, dir);
        return new PolicyEngine(PolicyBundle.load(dir));
    }

    private static PolicyInput input(String role, String model, Map<String, String> attributes, ToolCall tool,
                                     Instant at, Finding... findings) {
        Principal p = new Principal("t1", "u1", role.equals("agent") ? Principal.Kind.AGENT : Principal.Kind.USER, role, attributes);
        Interaction i = new Interaction("openai", "chat.completions", model, List.of(new ChatMessage("user", "x")), false, 10);
        return new PolicyInput(p, i, List.of(findings), 0, tool, at);
    }

    private static PolicyInput input(String role, String model) {
        return input(role, model, Map.of(), null, Instant.parse("2026-11-23T10:00:00Z"));
    }

    private static Finding finding(String type) {
        return new Finding(type, type.substring(0, type.indexOf('.')), "R-1", Severity.HIGH, 0.9, 0, 0, 4);
    }

    @Test
    void modelAccessByRoleBlocksOtherRolesIncludingPrefixes() throws Exception {
        PolicyEngine e = add("model-access-by-role", Map.of("models", "gpt-4o,claude-opus-*", "roles", "admin,ml-engineer"));
        assertThat(e.decide(input("intern", "claude-opus-4")).reasonCodes()).containsExactly("model_not_allowed");
        assertThat(e.decide(input("intern", "gpt-4o")).action()).isEqualTo(Action.BLOCK);
        assertThat(e.decide(input("admin", "gpt-4o")).action()).isEqualTo(Action.ALLOW);
        assertThat(e.decide(input("intern", "gpt-4o-mini")).action()).isEqualTo(Action.ALLOW);
    }

    @Test
    void dlpEntitiesRedactTypesAndFamiliesInTheChosenMode() throws Exception {
        PolicyEngine e = add("dlp-entities", Map.of("entities", "pii.phone,crypto.*", "redact_mode", "hash"));
        PolicyDecision d = e.decide(input("dev", "m", Map.of(), null, Instant.now(), finding("pii.phone")));
        assertThat(d.action()).isEqualTo(Action.REDACT);
        assertThat(d.redactModes()).containsEntry("pii.phone", dev.parapet.core.RedactionMode.HASH);
        PolicyEngine blocking = add("dlp-entities", Map.of("id", "no-ibans", "entities", "pii.iban", "action", "block"));
        assertThat(blocking.decide(input("dev", "m", Map.of(), null, Instant.now(), finding("pii.iban"))).reasonCodes())
                .containsExactly("sensitive_data_blocked");
    }

    @Test
    void injectionThresholdsSetTheBandsAndEnforceTheHold() throws Exception {
        PolicyEngine e = add("prompt-injection-thresholds", Map.of("hold", "40", "block", "70", "hold_mode", "enforce"));
        assertThat(e.bundle().riskBand()).isEqualTo(new RiskBand(40, 70));
        Principal p = new Principal("t1", "u1", Principal.Kind.USER, "dev", Map.of());
        Interaction i = new Interaction("openai", "chat.completions", "m", List.of(), false, 1);
        assertThat(e.decide(new PolicyInput(p, i, List.of(), 45)).action()).isEqualTo(Action.HOLD);
        assertThat(e.decide(new PolicyInput(p, i, List.of(), 75)).action()).isEqualTo(Action.BLOCK);
    }

    @Test
    void usageLimitsMergeIntoLimitsYaml() throws Exception {
        PolicyEngine e = add("usage-limits", Map.of("scope", "user", "requests_per_minute", "60", "budget_usd", "25.50",
                "period", "day"));
        add("usage-limits", Map.of("id", "tenant-cap", "scope", "tenant", "tokens_per_minute", "100000"));
        PolicyBundle bundle = PolicyBundle.load(dir);
        assertThat(e.bundle().limits().rates()).hasSize(1);
        assertThat(bundle.limits().rates()).hasSize(2);
        assertThat(bundle.limits().budgets()).singleElement().satisfies(b -> assertThat(b.usd()).isEqualByComparingTo("25.50"));
    }

    @Test
    void gdprResidencyKeepsEuPrincipalsOnEuModels() throws Exception {
        PolicyEngine e = add("gdpr-residency", Map.of("eu_models", "mistral-*,azure-eu-gpt-4o"));
        Instant now = Instant.now();
        assertThat(e.decide(input("dev", "gpt-4o", Map.of("region", "eu"), null, now)).reasonCodes())
                .containsExactly("gdpr_residency_violation");
        assertThat(e.decide(input("dev", "mistral-large", Map.of("region", "eu"), null, now)).action()).isEqualTo(Action.ALLOW);
        assertThat(e.decide(input("dev", "gpt-4o", Map.of("region", "us"), null, now)).action()).isEqualTo(Action.ALLOW);
        assertThat(e.decide(input("dev", "gpt-4o", Map.of(), null, now)).degraded()).isFalse();
    }

    @Test
    void hipaaAndPciTemplatesRedactOrBlock() throws Exception {
        PolicyEngine e = add("hipaa-phi", Map.of("action", "block"));
        assertThat(e.decide(input("dev", "m", Map.of(), null, Instant.now(), finding("phi.us_npi"))).reasonCodes())
                .containsExactly("phi_blocked");
        // the default bundle's own card rule comes first and would set the mode: replace it
        Files.delete(dir.resolve("rules/20-redaction.yaml"));
        Files.delete(dir.resolve("tests/default.yaml"));
        PolicyEngine pci = add("pci-card-data", Map.of("redact_mode", "tokenize"));
        PolicyDecision d = pci.decide(input("dev", "m", Map.of(), null, Instant.now(), finding("pci.card_number")));
        assertThat(d.action()).isEqualTo(Action.REDACT);
        assertThat(d.redactModes()).containsEntry("pci.card_number", dev.parapet.core.RedactionMode.TOKENIZE);
    }

    @Test
    void agentToolAllowListAndShadowAi() throws Exception {
        PolicyEngine e = add("agent-tool-allow-list", Map.of("tools", "search,send_email"));
        Instant now = Instant.now();
        assertThat(e.decide(input("agent", "m", Map.of(), new ToolCall("delete_repo", Map.of()), now)).reasonCodes())
                .containsExactly("tool_not_allowed");
        assertThat(e.decide(input("agent", "m", Map.of(), new ToolCall("search", Map.of()), now)).action()).isEqualTo(Action.ALLOW);
        PolicyEngine shadow = add("block-shadow-ai", Map.of("approved_models", "gpt-4o,claude-*"));
        assertThat(shadow.decide(input("dev", "deepseek-r1")).reasonCodes()).containsExactly("unapproved_ai_model");
        assertThat(shadow.decide(input("dev", "claude-sonnet-4")).action()).isEqualTo(Action.ALLOW);
    }

    @Test
    void businessHoursAreReadInTheTimeZone() throws Exception {
        PolicyEngine e = add("business-hours", Map.of("time_zone", "America/New_York", "roles", "contractor"));
        assertThat(e.decide(input("contractor", "m", Map.of(), null, Instant.parse("2026-11-23T15:00:00Z"))).action())
                .isEqualTo(Action.ALLOW); // Monday 10:00 in New York
        assertThat(e.decide(input("contractor", "m", Map.of(), null, Instant.parse("2026-11-24T02:00:00Z"))).reasonCodes())
                .containsExactly("outside_business_hours"); // Monday 21:00
        assertThat(e.decide(input("employee", "m", Map.of(), null, Instant.parse("2026-11-24T02:00:00Z"))).action())
                .isEqualTo(Action.ALLOW);
    }

    @Test
    void argumentsCannotBecomeCode() throws Exception {
        assertThatThrownBy(() -> add("block-shadow-ai", Map.of("approved_models", "x') || true || ('")))
                .isInstanceOf(TemplateException.class).hasMessageContaining("parameter 'approved_models' must be letters");
        assertThat(Cel.str("it's a \\ test")).isEqualTo("'it\\'s a \\\\ test'");
    }

    @Test
    void unknownTemplatesParametersAndMissingOnesAreNamed() {
        assertThatThrownBy(() -> PolicyTemplates.find("nope")).hasMessageContaining("no template 'nope'")
                .hasMessageContaining("model-access-by-role");
        assertThatThrownBy(() -> add("pci-card-data", Map.of("colour", "red"))).hasMessageContaining("has no parameter 'colour'");
        assertThatThrownBy(() -> add("model-access-by-role", Map.of("models", "gpt-4o")))
                .hasMessageContaining("needs parameter 'roles'");
        assertThatThrownBy(() -> add("business-hours", Map.of("time_zone", "Mars/Olympus")))
                .hasMessageContaining("an IANA time zone");
    }

    @Test
    void addingTwiceNeedsAnotherIdAndAFailedAddChangesNothing() throws Exception {
        add("pci-card-data", Map.of());
        assertThatThrownBy(() -> add("pci-card-data", Map.of())).hasMessageContaining("already added with id 'pci-card-data'");
        add("usage-limits", Map.of("scope", "user", "requests_per_minute", "60"));
        byte[] limits = Files.readAllBytes(dir.resolve("limits.yaml"));

        assertThatThrownBy(() -> add("usage-limits", Map.of("id", "again", "scope", "user", "requests_per_minute", "30")))
                .hasMessageContaining("nothing was changed").hasMessageContaining("two rate limits");

        assertThat(Files.readAllBytes(dir.resolve("limits.yaml"))).isEqualTo(limits);
        assertThat(PolicyBundle.load(dir).ruleIds()).contains("pci-card-data");
    }

    @Test
    void everyTemplateDescribesItsParameters() {
        assertThat(PolicyTemplates.all()).hasSize(10);
        for (PolicyTemplate t : PolicyTemplates.all()) {
            assertThat(t.description()).isNotBlank();
            assertThat(t.parameters()).extracting(TemplateParameter::name).contains("id");
            assertThat(t.parameters()).allSatisfy(p -> assertThat(p.description()).isNotBlank());
        }
    }
}
