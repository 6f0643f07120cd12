package dev.parapet.bench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.bench.BenchTexts;
import dev.parapet.core.Action;
import dev.parapet.core.Principal;
import dev.parapet.detect.DetectionEngine;
import dev.parapet.detect.DetectionResult;
import dev.parapet.detect.Replacement;
import dev.parapet.detect.TokenVault;
import dev.parapet.gateway.openai.ChatRequestCodec;
import dev.parapet.gateway.openai.ParsedChatRequest;
import dev.parapet.policy.PolicyBundle;
import dev.parapet.policy.PolicyDecision;
import dev.parapet.policy.PolicyEngine;
import dev.parapet.policy.PolicyInput;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The gateway's CPU work for one ~2 KB chat-completions request, without HTTP, authentication,
 * the upstream call or audit: parse the body ({@link ChatRequestCodec#parse}), scan it
 * ({@link DetectionEngine#defaults()}), decide with the default bundle ({@link PolicyEngine}),
 * and, when the decision is redact, rewrite the body as the transform stage does
 * ({@link ChatRequestCodec#redact}, modes from the decision, keyed hash and token vault).
 * {@code allow} is benign prose; {@code redact} adds an e-mail address and a card number;
 * {@code block} adds an injection phrase as well.
 *
 * <pre>
 * ./parapet bench jmh GatewayRequestPathBenchmark
 * ./parapet bench jmh -f 1 -wi 3 -i 5 -w 1s -r 1s GatewayRequestPathBenchmark     # quicker, noisier
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class GatewayRequestPathBenchmark {

    /** The size of the user message; the whole JSON body is about 2.1 KB. */
    static final int PROMPT_BYTES = 1900;

    @Param({"allow", "redact", "block"})
    public String scenario;

    private final ObjectMapper json = JsonMapper.builder().build();
    private final ChatRequestCodec codec = new ChatRequestCodec(json);
    private final Principal principal =
            new Principal("demo", "key_bench", Principal.Kind.SERVICE, "developer", Map.of());
    private final Replacement keyedHash = Replacement.keyedHash(filled(32));
    private DetectionEngine detection;
    private PolicyEngine policy;
    private byte[] body;

    @Setup
    public void setUp() throws Exception {
        detection = DetectionEngine.defaults();
        policy = new PolicyEngine(PolicyBundle.defaults());
        String prompt = switch (scenario) {
            case "allow" -> BenchTexts.benign(PROMPT_BYTES);
            case "redact" -> BenchTexts.benign(PROMPT_BYTES - 80)
                    + " Reply to " + BenchTexts.EMAIL + "; the order used card " + BenchTexts.CARD + ".";
            case "block" -> BenchTexts.withFindings(PROMPT_BYTES);
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        };
        ObjectNode root = json.createObjectNode();
        root.put("model", "parapet-echo");
        root.putArray("messages")
                .add(json.createObjectNode().put("role", "system")
                        .put("content", "You are a helpful assistant for a community centre. Answer briefly."))
                .add(json.createObjectNode().put("role", "user").put("content", prompt));
        root.put("temperature", 0.2).put("max_tokens", 800).put("user", "bench-user-42");
        body = json.writeValueAsBytes(root);
        Object out = handle();
        boolean expected = switch (scenario) {
            case "allow" -> out == body;
            case "redact" -> out instanceof byte[] b && b != body && !new String(b).contains(BenchTexts.EMAIL);
            default -> out instanceof PolicyDecision d && d.action() == Action.BLOCK;
        };
        if (!expected) {
            throw new IllegalStateException("the " + scenario + " request was not handled as its name says: " + out);
        }
    }

    /**
     * @return the bytes that would go upstream (the original body on allow, the rewritten body on
     * redact), or the decision when it blocks
     */
    @Benchmark
    public Object handle() {
        ChatRequestCodec.Result parsed = codec.parse(body, "openai", "chat.completions");
        if (!(parsed instanceof ChatRequestCodec.Result.Valid(ParsedChatRequest request))) {
            throw new IllegalStateException("the benchmark request does not parse: " + parsed);
        }
        DetectionResult detected = detection.scan(request.interaction().messages());
        PolicyDecision decision = policy.decide(new PolicyInput(principal, request.interaction(),
                detected.findings(), detected.riskScore()));
        return switch (decision.action()) {
            case BLOCK -> decision;
            case REDACT -> decision.redactions().isEmpty() ? body : codec.redact(request, decision.redactions(),
                    Replacement.byMode(decision.redactModes(), keyedHash, new TokenVault()));
            default -> body;
        };
    }

    private static byte[] filled(int length) {
        byte[] key = new byte[length];
        Arrays.fill(key, (byte) 0x5a);
        return key;
    }
}
