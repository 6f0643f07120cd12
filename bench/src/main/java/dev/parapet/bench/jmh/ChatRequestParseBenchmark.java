package dev.parapet.bench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.bench.SamplePrompts;
import dev.parapet.gateway.openai.ChatRequestCodec;
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
 * Parsing and normalising a ~1.8 KB OpenAI chat-completions request body (system message, user
 * message, sampling options): the cost of the gateway's parse stage.
 *
 * <pre>
 * ./parapet bench jmh ChatRequestParseBenchmark
 * ./parapet bench jmh -f 1 -wi 3 -i 5 ChatRequestParseBenchmark   # quicker, noisier
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class ChatRequestParseBenchmark {
    private final ChatRequestCodec codec = new ChatRequestCodec(JsonMapper.builder().build());
    private byte[] body;

    @Setup
    public void setUp() throws Exception {
        ObjectMapper json = JsonMapper.builder().build();
        ObjectNode root = json.createObjectNode();
        root.put("model", "parapet-echo");
        root.putArray("messages")
                .add(json.createObjectNode().put("role", "system")
                        .put("content", "You are a careful capacity-planning assistant. Answer concisely."))
                .add(json.createObjectNode().put("role", "user").put("content", SamplePrompts.BENIGN));
        root.put("temperature", 0.2).put("max_tokens", 800).put("user", "bench-user-42");
        body = json.writeValueAsBytes(root);
        if (!(codec.parse(body, "openai", "chat.completions") instanceof ChatRequestCodec.Result.Valid)) {
            throw new IllegalStateException("the benchmark request does not parse");
        }
    }

    @Benchmark
    public ChatRequestCodec.Result parse() {
        return codec.parse(body, "openai", "chat.completions");
    }
}
