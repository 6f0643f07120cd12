package dev.parapet.bench.jmh;

import dev.parapet.bench.BenchTexts;
import dev.parapet.core.Finding;
import dev.parapet.detect.Detector;
import dev.parapet.detect.OnePassDetector;
import dev.parapet.detect.classifier.InjectionClassifier;
import dev.parapet.detect.heuristics.HeuristicDetector;
import dev.parapet.detect.normalize.Deobfuscator;
import dev.parapet.detect.normalize.ObfuscationDetector;
import java.util.ArrayList;
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
 * Each part of the detect stage on its own, over one message of {@code bytes} bytes of ASCII
 * prose ({@link BenchTexts}), so that the stage's time can be split by part:
 * <ul>
 *   <li>{@code patterns}: the one Hyperscan pass and what follows it ({@link OnePassDetector}:
 *       normalisation, the scan, signature confirmation, DLP recognizers, secret rules);</li>
 *   <li>{@code classifier}: the learned injection classifier (2 KB windows);</li>
 *   <li>{@code heuristics}: the L2 heuristics;</li>
 *   <li>{@code obfuscation}: invisible characters and homoglyphs;</li>
 *   <li>{@code views}: finding the de-obfuscated views ({@link Deobfuscator#views}; none for
 *       these texts, so this is the cost of looking).</li>
 * </ul>
 * The engine adds de-duplication, sorting and the risk score, which are small.
 *
 * <pre>
 * ./parapet bench jmh DetectorBenchmark
 * ./parapet bench jmh -f 1 -wi 3 -i 5 -w 1s -r 1s -p bytes=2048 DetectorBenchmark     # quicker, noisier
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class DetectorBenchmark {

    @Param({"patterns", "classifier", "heuristics", "obfuscation", "views"})
    public String detector;

    @Param({"2048", "1048576"})
    public int bytes;

    @Param({"benign", "findings"})
    public String text;

    private Detector part;
    private String content;

    @Setup
    public void setUp() {
        content = BenchTexts.of(text, bytes);
        part = switch (detector) {
            case "patterns" -> OnePassDetector.defaults();
            case "classifier" -> InjectionClassifier.defaults();
            case "heuristics" -> HeuristicDetector.defaults();
            case "obfuscation" -> new ObfuscationDetector();
            case "views" -> (messageIndex, t, out) -> {
                if (!Deobfuscator.views(t).isEmpty()) {
                    throw new IllegalStateException("the benchmark texts should have no de-obfuscated views");
                }
            };
            default -> throw new IllegalArgumentException("unknown detector " + detector);
        };
    }

    @Benchmark
    public List<Finding> detect() {
        List<Finding> out = new ArrayList<>();
        part.detect(0, content, out);
        return out;
    }
}
