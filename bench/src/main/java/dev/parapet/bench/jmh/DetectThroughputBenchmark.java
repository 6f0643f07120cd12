package dev.parapet.bench.jmh;

import dev.parapet.bench.BenchTexts;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the whole detect stage ({@link DetectionEngine#defaults()}) on one user message
 * of 1 MiB (1,048,576 bytes of ASCII prose, {@link BenchTexts}) on one thread. One operation
 * scans the whole MiB, so the score in operations per second <em>is</em> MiB/s per core
 * (MB/s = 1 / seconds per operation). {@code benign} finds nothing; {@code findings} carries an
 * e-mail address, a card number and an injection phrase. The target is at least 200 MB/s.
 *
 * <pre>
 * ./parapet bench jmh DetectThroughputBenchmark
 * ./parapet bench jmh -f 1 -wi 3 -i 5 -w 1s -r 1s DetectThroughputBenchmark     # quicker, noisier
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class DetectThroughputBenchmark {

    /** One operation's input: 1 MiB. */
    public static final int BYTES = 1 << 20;

    @Param({"benign", "findings"})
    public String text;

    private DetectionEngine engine;
    private List<ChatMessage> messages;

    @Setup
    public void setUp() {
        engine = DetectionEngine.defaults();
        String content = BenchTexts.of(text, BYTES);
        messages = List.of(new ChatMessage("user", content));
        Expectations.check(text, engine.scan(messages));
    }

    @Benchmark
    public DetectionResult scanOneMebibyte() {
        return engine.scan(messages);
    }
}
