package dev.parapet.bench.jmh;

import dev.parapet.bench.SamplePrompts;
import dev.parapet.core.ChatMessage;
import dev.parapet.detect.DetectionEngine;
import dev.parapet.detect.DetectionResult;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The built-in detectors (injection signatures, e-mail, card numbers) over a system message and a
 * ~1.6 KB user prompt: the cost every request pays in the gateway's detect stage.
 * {@code benign} finds nothing; {@code emailAndCard} finds one e-mail and one card number.
 *
 * <pre>
 * ./parapet bench jmh DetectionBenchmark
 * ./parapet bench jmh -f 1 -wi 3 -i 5 DetectionBenchmark     # quicker, noisier
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class DetectionBenchmark {
    private static final ChatMessage SYSTEM = new ChatMessage("system",
            "You are a careful capacity-planning assistant. Answer concisely.");

    private final DetectionEngine engine = DetectionEngine.defaults();
    private final List<ChatMessage> benign = List.of(SYSTEM, new ChatMessage("user", SamplePrompts.BENIGN));
    private final List<ChatMessage> emailAndCard =
            List.of(SYSTEM, new ChatMessage("user", SamplePrompts.WITH_EMAIL_AND_CARD));

    @Benchmark
    public DetectionResult benign() {
        return engine.scan(benign);
    }

    @Benchmark
    public DetectionResult emailAndCard() {
        return engine.scan(emailAndCard);
    }
}
