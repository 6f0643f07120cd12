package dev.parapet.bench.jmh;

import dev.parapet.bench.SamplePrompts;
import dev.parapet.detect.classifier.ClassifierModel;
import dev.parapet.detect.classifier.InjectionClassifier;
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
 * The L3 classifier's score of one message of {@code chars} characters (the benign sample prompt,
 * repeated and cut): normalisation, feature hashing and the dot product. The target is 100 µs for
 * 2 KB.
 *
 * <pre>
 * ./parapet bench jmh InjectionClassifierBenchmark
 * ./parapet bench jmh -f 1 -wi 3 -i 5 InjectionClassifierBenchmark     # quicker, noisier
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class InjectionClassifierBenchmark {

    @Param({"200", "2048", "20480"})
    public int chars;

    private final ClassifierModel model = InjectionClassifier.defaults().model();
    private String text;

    @Setup
    public void setUp() {
        text = SamplePrompts.BENIGN.repeat(chars / SamplePrompts.BENIGN.length() + 1).substring(0, chars);
    }

    @Benchmark
    public double probability() {
        return model.probability(text);
    }
}
