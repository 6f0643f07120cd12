package dev.parapet.policy;

import dev.parapet.core.ChatMessage;
import dev.parapet.core.Finding;
import dev.parapet.core.Interaction;
import dev.parapet.core.Principal;
import dev.parapet.core.Severity;
import dev.parapet.core.ToolCall;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random bundles and inputs over small domains, so that every guard shape is both true and false
 * often, for property tests that compare evaluation strategies (guarded against plain CEL, cached
 * against uncached). Seeded: a failure names its seed and replays.
 */
final class RandomPolicies {

    /**
     * Condition atoms: every guard shape, shapes without a guard, and conditions that fail for
     * some inputs (a missing attribute, a missing tool argument).
     */
    static final List<String> ATOMS = List.of(
            "request.model == 'gpt-4o'",
            "'gemini-2.5-pro' == request.model",
            "request['model'] in ['gpt-4o', 'o3']",
            "request.model != 'o3'",
            "principal.role in ['admin', 'developer']",
            "!(principal.role in ['admin', 'developer'])",
            "principal.role == 'contractor'",
            "principal.kind == 'anonymous'",
            "principal.tenant == 't1'",
            "principal.id == 'u2'",
            "request.provider == 'anthropic'",
            "request.endpoint == 'messages'",
            "tool.name == 'tool_1'",
            "tool.name == ''",
            "risk_band == 'block'",
            "risk_band in ['hold', 'block']",
            "risk >= 53",
            "80 < risk",
            "risk == 0",
            "request.message_count > 200",
            "request.bytes > 1000000",
            "request.bytes <= 2048",
            "request.stream",
            "!request.stream",
            "request.stream == false",
            "'region' in principal.attributes",
            "!('team' in principal.attributes)",
            "principal.attributes['region'] == 'eu'",
            "principal.attributes.region in ['r0', 'r1']",
            "principal.attributes['region'] != 'us'",
            "findings.exists(f, f.type == 'pii.email')",
            "findings.exists(f, f.type == 'pci.card_number' && f.confidence >= 0.5)",
            "findings.exists(f, f.family == 'secret' || f.type == 'pii.url_credentials')",
            "findings.exists(f, f['family'] in ['phi', 'pci'])",
            "!findings.exists(f, f.family == 'injection')",
            "findings.exists(f, f.family == 'injection' && f.confidence >= 0.99)",
            "findings.exists(x, x.confidence > 0.9 && x.type == 'pii.email')",
            "findings.exists(f, f.severity == 'high')",
            "findings.filter(f, f.severity == 'high').size() >= 2",
            "findings.all(f, f.confidence > 0.4)",
            "findings.exists(f, f.rule_id == 'R1' && f.family == 'pii')",
            "size(findings) > 1",
            "findings.size() == 0",
            "findings.exists(f, f.confidence == 0.5)",
            "findings.all(f, f.severity != 'low' || f.confidence < 0.5)",
            "findings.filter(f, f.family == 'pii' && !(f.severity in ['low', 'medium'])).size() < 2",
            "findings.exists(f, f.type == 'pii.email' && f.confidence >= 1)",
            "findings.exists(f, -0.0 >= f.confidence || f.confidence > 0.97)",
            "request.model.startsWith('gemini')",
            "time.getHours('Europe/Berlin') >= 20",
            "tool.arguments.to.endsWith('@example.com')",
            "principal.attributes['team'] == 'core'",
            "principal.attributes.team != 'ml'");

    private static final List<String> ROLES = List.of("admin", "developer", "contractor", "analyst", "agent_1", "none");
    private static final List<String> MODELS = List.of("gpt-4o", "gpt-4.1", "o3", "gemini-2.5-pro", "gemini-flash", "claude-sonnet-4");
    private static final List<String> TYPES = List.of("pii.email", "pci.card_number", "secret.aws_key", "pii.url_credentials",
            "phi.mrn", "injection.override", "pii.iban");
    private static final List<Severity> SEVERITIES = List.of(Severity.values());
    private static final List<Double> CONFIDENCES = List.of(0.3, 0.5, 0.95, 0.99, 1.0, 0.0, -0.0, Double.NaN);
    private static final List<Integer> RISKS = List.of(0, 25, 52, 53, 60, 84, 99);
    private static final List<Integer> BYTES = List.of(100, 2048, 2049, 1_000_001);
    private static final List<String> ACTIONS = List.of("block", "hold", "redact", "alert", "allow");

    private final Random random;
    private List<String> atoms = ATOMS;

    RandomPolicies(long seed) {
        this.random = new Random(seed);
    }

    /** A bundle of {@code count} rules, each a random combination of one to three atoms. */
    PolicyBundle bundle(int count, String onError) throws PolicyBundleException {
        return bundle(count, onError, true);
    }

    /** As {@link #bundle(int, String)}; without {@code time}, no atom reads the time. */
    PolicyBundle bundle(int count, String onError, boolean time) throws PolicyBundleException {
        atoms = time ? ATOMS : ATOMS.stream().filter(a -> !a.contains("time.")).toList();
        StringBuilder y = new StringBuilder("bundle: {name: random, version: \"1\", on_error: " + onError + "}\nrules:\n");
        for (int i = 0; i < count; i++) {
            String action = pick(ACTIONS);
            y.append("  - id: r").append(i).append("\n    when: \"").append(condition()).append("\"\n    action: ").append(action)
                    .append('\n');
            if (!action.equals("allow")) {
                y.append("    reason_code: code_").append(i % 7).append('\n');
            }
            if (action.equals("redact")) {
                y.append("    redact: [").append(pick(TYPES)).append(random.nextBoolean() ? ", secret.*" : "").append("]\n");
            }
            switch (random.nextInt(6)) {
                case 0 -> y.append("    mode: monitor\n");
                case 1 -> y.append("    mode: canary\n    canary_percent: 50\n");
                default -> {
                }
            }
        }
        return Inputs.bundle(y.toString());
    }

    String condition() {
        String c = conjunction();
        return switch (random.nextInt(10)) {
            case 0 -> "(" + c + ") || (" + conjunction() + ")";
            case 1 -> "!(" + c + ")";
            default -> c;
        };
    }

    private String conjunction() {
        int n = 1 + random.nextInt(3);
        List<String> parts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            parts.add(pick(atoms));
        }
        return String.join(" && ", parts);
    }

    PolicyInput input() {
        Map<String, String> attributes = new HashMap<>();
        if (random.nextBoolean()) {
            attributes.put("region", pick(List.of("eu", "us", "r0", "r1")));
        }
        if (random.nextBoolean()) {
            attributes.put("team", pick(List.of("core", "ml")));
        }
        Principal principal = new Principal(pick(List.of("t1", "t2")), pick(List.of("u1", "u2", "u3", "u4")),
                pick(List.of(Principal.Kind.values())), pick(ROLES), attributes);
        int messages = random.nextInt(8) == 0 ? 201 : 1 + random.nextInt(3);
        Interaction interaction = new Interaction(pick(List.of("openai", "anthropic")), pick(List.of("chat.completions", "messages")),
                pick(MODELS), Collections.nCopies(messages, new ChatMessage("user", "x")), random.nextBoolean(), pick(BYTES));
        List<Finding> findings = new ArrayList<>();
        int count = random.nextInt(3) == 0 ? 0 : random.nextInt(4);
        for (int i = 0; i < count; i++) {
            String type = pick(TYPES);
            int start = random.nextInt(100);
            findings.add(new Finding(type, type.substring(0, type.indexOf('.')), "R" + random.nextInt(3), pick(SEVERITIES),
                    pick(CONFIDENCES), random.nextInt(2), start, start + 1 + random.nextInt(20)));
        }
        ToolCall tool = switch (random.nextInt(4)) {
            case 0 -> new ToolCall(pick(List.of("tool_0", "tool_1", "send_email")), Map.of("to", pick(List.of("a@example.com", "b@evil.test"))));
            case 1 -> new ToolCall("tool_1", Map.of());
            default -> null;
        };
        Instant at = Instant.parse("2025-06-02T00:00:00Z").plusSeconds(random.nextInt(7 * 24 * 3600));
        return new PolicyInput(principal, interaction, findings, pick(RISKS), tool, at);
    }

    /**
     * {@code in} with one part changed at random: the findings' spans, or what conditions see of
     * them (severity, confidence, rule id), the time, the principal's id, role or attributes, the
     * model, the stream flag, the risk score or the tool's arguments. For cache tests: many
     * variants differ only in what no rule reads, many in what one rule reads.
     */
    PolicyInput variant(PolicyInput in) {
        Principal p = in.principal();
        Interaction i = in.interaction();
        return switch (random.nextInt(9)) {
            case 6 -> new PolicyInput(p, i, oneFindingChanged(in.findings()), in.riskScore(), in.tool(), in.at());
            case 7 -> new PolicyInput(new Principal(p.tenantId(), p.id(), p.kind(), pick(ROLES),
                    random.nextBoolean() ? p.attributes() : Map.of("region", pick(List.of("eu", "us")))), i, in.findings(),
                    in.riskScore(), in.tool(), in.at());
            case 8 -> new PolicyInput(p, new Interaction(i.provider(), i.endpoint(), i.model(), i.messages(), !i.stream(),
                    pick(BYTES)), in.findings(), in.riskScore(), in.tool(), in.at());
            case 0 -> new PolicyInput(p, i, in.findings().stream().map(f -> new Finding(f.type(), f.family(), f.ruleId(),
                    f.severity(), f.confidence(), random.nextInt(3), 200, 200 + random.nextInt(50))).toList(), in.riskScore(),
                    in.tool(), in.at());
            case 1 -> new PolicyInput(p, i, in.findings(), in.riskScore(), in.tool(), in.at().plusSeconds(random.nextInt(7200)));
            case 2 -> new PolicyInput(new Principal(p.tenantId(), pick(List.of("u1", "u2", "u3", "u4")), p.kind(), p.role(),
                    p.attributes()), i, in.findings(), in.riskScore(), in.tool(), in.at());
            case 3 -> new PolicyInput(p, new Interaction(i.provider(), i.endpoint(), pick(MODELS), i.messages(), i.stream(),
                    i.requestBytes()), in.findings(), in.riskScore(), in.tool(), in.at());
            case 4 -> new PolicyInput(p, i, in.findings(), pick(RISKS), in.tool(), in.at());
            default -> new PolicyInput(p, i, in.findings(), in.riskScore(),
                    in.tool() == null ? null : new ToolCall(in.tool().name(), Map.of("to", pick(List.of("a@example.com", "c@x.test")))),
                    in.at());
        };
    }

    /** One finding with another rule id, severity or confidence. */
    private List<Finding> oneFindingChanged(List<Finding> findings) {
        if (findings.isEmpty()) {
            return findings;
        }
        List<Finding> out = new ArrayList<>(findings);
        int n = random.nextInt(out.size());
        Finding f = out.get(n);
        out.set(n, switch (random.nextInt(3)) {
            case 0 -> new Finding(f.type(), f.family(), "R" + random.nextInt(3), f.severity(), f.confidence(), f.messageIndex(),
                    f.start(), f.end());
            case 1 -> new Finding(f.type(), f.family(), f.ruleId(), pick(SEVERITIES), f.confidence(), f.messageIndex(), f.start(),
                    f.end());
            default -> new Finding(f.type(), f.family(), f.ruleId(), f.severity(), pick(CONFIDENCES), f.messageIndex(), f.start(),
                    f.end());
        });
        return out;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** The 50-rule bundle of bench's {@code PolicyFiftyRulesBenchmark} (a test resource). */
    static PolicyBundle fiftyRules() throws PolicyBundleException {
        try (InputStream in = RandomPolicies.class.getResourceAsStream("fifty-rules.yaml")) {
            return PolicyBundle.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
