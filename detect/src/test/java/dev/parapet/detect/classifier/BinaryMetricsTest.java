package dev.parapet.detect.classifier;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BinaryMetricsTest {

    private static double[] doubles(String s) {
        return java.util.Arrays.stream(s.trim().split(" +")).mapToDouble(Double::parseDouble).toArray();
    }

    private static boolean[] labels(String s) {
        String[] parts = s.trim().split(" +");
        boolean[] out = new boolean[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = parts[i].equals("1");
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            perfect_separation   | 0.9 0.8 0.2 0.1 | 1 1 0 0 | 0.5 | 2 | 0 | 1.0
            perfectly_inverted   | 0.1 0.2 0.8 0.9 | 1 1 0 0 | 0.5 | 0 | 2 | 0.0
            all_tied_is_chance   | 0.5 0.5 0.5 0.5 | 1 1 0 0 | 0.5 | 2 | 2 | 0.5
            one_pair_misordered  | 0.9 0.3 0.4 0.1 | 1 1 0 0 | 0.35 | 1 | 1 | 0.75
            threshold_inclusive  | 0.5 0.4         | 1 0     | 0.5 | 1 | 0 | 1.0
            """)
    void countsAtTheThresholdAndRanksForAuc(String name, String scores, String attack, double threshold,
                                            int tp, int fp, double auc) {
        BinaryMetrics m = BinaryMetrics.of(doubles(scores), labels(attack), threshold);
        assertThat(m.truePositives()).isEqualTo(tp);
        assertThat(m.falsePositives()).isEqualTo(fp);
        assertThat(m.auc()).isCloseTo(auc, within(1e-12));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            only_attacks | 0.9 0.1 | 1 1
            only_benign  | 0.9 0.1 | 0 0
            """)
    void aucIsUndefinedWithOneClass(String name, String scores, String attack) {
        assertThat(BinaryMetrics.of(doubles(scores), labels(attack), 0.5).auc()).isNaN();
    }
}
