package dev.parapet.bench.jmh;

import dev.parapet.bench.SamplePrompts;
import dev.parapet.core.ChatMessage;
import dev.parapet.core.Finding;
import dev.parapet.core.Interaction;
import dev.parapet.core.Principal;
import dev.parapet.detect.DetectionEngine;
import dev.parapet.detect.DetectionResult;
import dev.parapet.policy.DecisionCacheSettings;
import dev.parapet.policy.PolicyBundle;
import dev.parapet.policy.PolicyDecision;
import dev.parapet.policy.PolicyEngine;
import dev.parapet.policy.PolicyInput;
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
 * The default policy bundle's decision (every CEL rule evaluated over principal, interaction and
 * findings): the cost of the gateway's decide stage. {@code noFindings} allows;
 * {@code withFindings} redacts an e-mail address and a card number found by the real detectors.
 * The {@code …Cached} variants decide the same inputs with the decision cache on
 * ({@link DecisionCacheSettings#DEFAULT}): every decision after the first is a hit.
 *
 * <pre>
 * ./parapet bench jmh PolicyBenchmark
 * ./parapet bench jmh -f 1 -wi 3 -i 5 PolicyBenchmark        # quicker, noisier
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class PolicyBenchmark {
    private PolicyEngine engine;
    private PolicyEngine cachedEngine;
    private PolicyInput noFindings;
    private PolicyInput withFindings;

    @Setup
    public void setUp() {
        engine = new PolicyEngine(PolicyBundle.defaults());
        cachedEngine = new PolicyEngine(PolicyBundle.defaults(), DecisionCacheSettings.DEFAULT);
        Principal principal = new Principal("demo", "key_bench", Principal.Kind.SERVICE, "developer", Map.of());
        noFindings = input(principal, SamplePrompts.BENIGN);
        withFindings = input(principal, SamplePrompts.WITH_EMAIL_AND_CARD);
        List<String> types = withFindings.findings().stream().map(Finding::type).toList();
        if (!types.containsAll(List.of("pii.email", "pci.card_number"))) {
            throw new IllegalStateException("expected an e-mail and a card finding, got " + withFindings.findings());
        }
        if (engine.decide(withFindings).redactions().size() != 2) {
            throw new IllegalStateException("the default bundle should redact both, got " + engine.decide(withFindings));
        }
    }

    private static PolicyInput input(Principal principal, String prompt) {
        List<ChatMessage> messages = List.of(new ChatMessage("user", prompt));
        Interaction interaction = new Interaction("openai", "chat.completions", "parapet-echo", messages, false,
                prompt.length() + 64);
        DetectionResult detected = DetectionEngine.defaults().scan(messages);
        return new PolicyInput(principal, interaction, detected.findings(), detected.riskScore());
    }

    @Benchmark
    public PolicyDecision noFindings() {
        return engine.decide(noFindings);
    }

    @Benchmark
    public PolicyDecision withFindings() {
        return engine.decide(withFindings);
    }

    @Benchmark
    public PolicyDecision noFindingsCached() {
        return cachedEngine.decide(noFindings);
    }

    @Benchmark
    public PolicyDecision withFindingsCached() {
        return cachedEngine.decide(withFindings);
    }
}
