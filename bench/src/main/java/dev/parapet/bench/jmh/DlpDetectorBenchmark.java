package dev.parapet.bench.jmh;

import dev.parapet.bench.SamplePrompts;
import dev.parapet.core.Finding;
import dev.parapet.detect.dlp.DlpDetector;
import java.util.ArrayList;
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
 * The DLP recognizers ({@link DlpDetector#defaults()}, 37 recognizers) over 2 KB of text:
 * {@code benign2k} is the sample prompt repeated to 2,048 characters and finds nothing;
 * {@code entities2k} replaces its tail with an e-mail, a phone number, a card number, an IBAN
 * and an IP address.
 *
 * <pre>
 * ./parapet bench jmh DlpDetectorBenchmark
 * ./parapet bench jmh -f 1 -wi 3 -i 5 DlpDetectorBenchmark     # quicker, noisier
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class DlpDetectorBenchmark {

    private static final String TAIL = " Contact ana.lopez@example.org or +44 20 7946 0958; card 4111 1111 1111 1111,"
            + " IBAN GB82WEST12345698765432, from 203.0.113.9.";

    private final DlpDetector detector = DlpDetector.defaults();
    private final String benign = twoKilobytes(SamplePrompts.BENIGN);
    private final String entities = benign.substring(0, benign.length() - TAIL.length()) + TAIL;

    private static String twoKilobytes(String seed) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 2048) {
            sb.append(seed).append('\n');
        }
        return sb.substring(0, 2048);
    }

    @Benchmark
    public List<Finding> benign2k() {
        List<Finding> out = new ArrayList<>();
        detector.detect(0, benign, out);
        return out;
    }

    @Benchmark
    public List<Finding> entities2k() {
        List<Finding> out = new ArrayList<>();
        detector.detect(0, entities, out);
        return out;
    }
}
