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
 * The whole detect stage ({@link DetectionEngine#defaults()}: injection signatures and every
 * other pattern in one Hyperscan pass, the learned classifier, obfuscation checks and
 * de-obfuscated views, DLP validators, secret rules, de-duplication and the risk score) over one
 * user message of {@code bytes} bytes of ASCII prose ({@link BenchTexts}).
 * {@code benign} finds nothing; {@code findings} carries an e-mail address, a card number and an
 * injection phrase. Reported twice: as the average time per scan, and in sample mode, whose
 * {@code p0.50}/{@code p0.99} lines are the scan latency's percentiles (the target is p99 ≤
 * 200 µs for 2 KB).
 *
 * <pre>
 * ./parapet bench jmh DetectStageBenchmark
 * ./parapet bench jmh -f 1 -wi 3 -i 5 -w 1s -r 1s DetectStageBenchmark     # quicker, noisier
 * ./parapet bench jmh -p bytes=2048 DetectStageBenchmark                     # one size
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class DetectStageBenchmark {

    @Param({"200", "2048", "20480"})
    public int bytes;

    @Param({"benign", "findings"})
    public String text;

    private DetectionEngine engine;
    private List<ChatMessage> messages;

    @Setup
    public void setUp() {
        engine = DetectionEngine.defaults();
        String content = BenchTexts.of(text, bytes);
        messages = List.of(new ChatMessage("user", content));
        DetectionResult result = engine.scan(messages);
        Expectations.check(text, result);
    }

    @Benchmark
    public DetectionResult scan() {
        return engine.scan(messages);
    }
}
