package dev.parapet.bench.jmh;

import dev.parapet.core.ChatMessage;
import dev.parapet.core.Finding;
import dev.parapet.core.Interaction;
import dev.parapet.core.Principal;
import dev.parapet.core.Severity;
import dev.parapet.policy.DecisionCacheSettings;
import dev.parapet.policy.PolicyBundle;
import dev.parapet.policy.PolicyBundleException;
import dev.parapet.policy.PolicyDecision;
import dev.parapet.policy.PolicyEngine;
import dev.parapet.policy.PolicyInput;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One decision of a 50-rule bundle (issue #4's target: p50 ≤ 5 µs, p99 ≤ 20 µs, no cache):
 * model access by role, DLP actions per entity type, tool allow-lists, risk bands, attribute and
 * business-hours rules — the shapes the templates produce. {@code clean} matches nothing;
 * {@code findings} redacts and alerts. The {@code cached…} variants decide the same inputs with the
 * decision cache on ({@link DecisionCacheSettings#DEFAULT}): after the first call, every decision
 * is a hit, so they measure the key and the lookup.
 *
 * <pre>
 * ./parapet bench jmh -bm sample -tu us PolicyFiftyRulesBenchmark
 * ./parapet bench jmh -f 1 -wi 3 -i 5 -w 1s -r 1s -bm sample -tu us PolicyFiftyRulesBenchmark   # quicker, noisier
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class PolicyFiftyRulesBenchmark {

    private static final List<String> ENTITY_TYPES = List.of("pii.email", "pii.phone", "pii.us_ssn", "pii.iban",
            "pii.passport_number", "pii.ip_address", "pci.card_number", "phi.us_npi", "phi.mrn", "pii.us_itin",
            "pii.uk_nino", "pii.ca_sin", "pii.in_aadhaar", "pii.br_cpf", "pii.crypto_address");
    private static final List<String> MODELS = List.of("gpt-4o", "gpt-4.1", "claude-sonnet-4", "gemini-2.5-pro",
            "mistral-large", "llama-3.3-70b", "o3", "claude-opus-4", "gpt-4o-mini", "gemini-flash");

    private PolicyEngine engine;
    private PolicyEngine cachedEngine;
    private PolicyInput clean;
    private PolicyInput withFindings;

    /** The bundle: 50 rules. */
    static String bundle() {
        StringBuilder y = new StringBuilder("bundle: {name: fifty, version: \"1\"}\nrisk: {hold: 53, block: 84}\nrules:\n");
        int n = 0;
        for (String model : MODELS) { // 10 model-access rules
            y.append(rule("model-" + n++, "request.model == '" + model + "' && !(principal.role in ['admin', 'developer'])",
                    "block", "model_not_allowed"));
        }
        for (String type : ENTITY_TYPES) { // 15 DLP rules
            y.append("  - id: dlp-").append(n++).append("\n    when: \"findings.exists(f, f.type == '").append(type)
                    .append("' && f.confidence >= 0.5)\"\n    action: redact\n    redact: [").append(type)
                    .append("]\n    reason_code: pii_redacted\n");
        }
        for (int i = 0; i < 10; i++) { // 10 tool allow-list rules
            y.append(rule("tool-" + n++, "tool.name == 'tool_" + i + "' && !(principal.role in ['admin', 'agent_" + i + "'])",
                    "block", "tool_not_allowed"));
        }
        for (int i = 0; i < 5; i++) { // 5 attribute rules
            y.append(rule("attr-" + n++, "'region' in principal.attributes && principal.attributes['region'] == 'r" + i
                    + "' && request.model.startsWith('gemini')", "block", "residency_violation"));
        }
        y.append(rule("risk-block-" + n++, "risk_band == 'block'", "block", "prompt_injection_detected"));
        y.append(rule("risk-hold-" + n++, "risk_band == 'hold'", "hold", "prompt_injection_suspected"));
        y.append(rule("secrets-" + n++, "findings.exists(f, f.family == 'secret')", "block", "secret_detected"));
        y.append(rule("stream-big-" + n++, "request.stream && request.bytes > 1000000", "block", "request_too_large_for_stream"));
        y.append(rule("many-messages-" + n++, "request.message_count > 200", "alert", "long_conversation"));
        y.append(rule("anonymous-" + n++, "principal.kind == 'anonymous'", "block", "anonymous_caller"));
        y.append(rule("hours-" + n++, "principal.role == 'contractor' && time.getHours('Europe/Berlin') >= 20", "block",
                "outside_business_hours"));
        y.append(rule("high-findings-" + n++, "findings.filter(f, f.severity == 'high').size() >= 3", "alert", "many_findings"));
        y.append(rule("injection-sig-" + n++, "findings.exists(f, f.family == 'injection' && f.confidence >= 0.99)", "block",
                "prompt_injection_detected"));
        y.append(rule("alert-email-" + n++, "findings.exists(f, f.type == 'pii.email')", "alert", "email_seen"));
        if (n != 50) {
            throw new IllegalStateException("expected 50 rules, built " + n);
        }
        return y.toString();
    }

    private static String rule(String id, String when, String action, String code) {
        return "  - id: " + id + "\n    when: \"" + when + "\"\n    action: " + action + "\n    reason_code: " + code + "\n";
    }

    @Setup
    public void setUp() throws PolicyBundleException {
        PolicyBundle bundle = PolicyBundle.parse(bundle().getBytes(StandardCharsets.UTF_8));
        engine = new PolicyEngine(bundle);
        cachedEngine = new PolicyEngine(bundle, DecisionCacheSettings.DEFAULT);
        Principal principal = new Principal("acme", "key_bench", Principal.Kind.SERVICE, "developer", Map.of("team", "core"));
        Interaction interaction = new Interaction("openai", "chat.completions", "gpt-4o",
                List.of(new ChatMessage("user", "x")), false, 2048);
        clean = new PolicyInput(principal, interaction, List.of(), 3);
        withFindings = new PolicyInput(principal, interaction, List.of(
                new Finding("pii.email", "pii", "DLP-EMAIL", Severity.MEDIUM, 0.95, 0, 10, 27),
                new Finding("pci.card_number", "pci", "DLP-CARD", Severity.HIGH, 1.0, 0, 40, 56)), 25);
        if (engine.decide(withFindings).redactions().size() != 2) {
            throw new IllegalStateException("the benchmark bundle should redact both findings");
        }
        if (!cachedEngine.decide(withFindings).equals(engine.decide(withFindings))) {
            throw new IllegalStateException("the cached engine should decide as the other");
        }
    }

    @Benchmark
    public PolicyDecision clean() {
        return engine.decide(clean);
    }

    @Benchmark
    public PolicyDecision findings() {
        return engine.decide(withFindings);
    }

    @Benchmark
    public PolicyDecision cachedClean() {
        return cachedEngine.decide(clean);
    }

    @Benchmark
    public PolicyDecision cachedFindings() {
        return cachedEngine.decide(withFindings);
    }
}
