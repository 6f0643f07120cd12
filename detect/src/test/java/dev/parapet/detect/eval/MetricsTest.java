package dev.parapet.detect.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

class MetricsTest {

    static Stream<Arguments> rankings() {
        return Stream.of(
                argumentSet("perfect_ranking", new double[] {0.9, 0.8, 0.7}, new double[] {0.3, 0.2, 0.1}, 1.0),
                argumentSet("inverted_ranking", new double[] {0.1, 0.2}, new double[] {0.8, 0.9, 0.7}, 0.0),
                argumentSet("all_tied_is_chance", new double[] {0.5, 0.5}, new double[] {0.5, 0.5, 0.5}, 0.5),
                argumentSet("interleaved_is_chance", new double[] {0.8, 0.2}, new double[] {0.6, 0.4}, 0.5),
                // pairs: 0.9 beats 3/3; 0.5 beats 0.1, ties 0.5 (half), loses to 0.7 → (3 + 1.5) / 6
                argumentSet("one_tie_counts_half", new double[] {0.9, 0.5}, new double[] {0.7, 0.5, 0.1}, 0.75),
                argumentSet("zero_scores_tie_half", new double[] {0.9, 0, 0}, new double[] {0, 0}, 4.0 / 6));
    }

    @ParameterizedTest
    @MethodSource("rankings")
    void rocAucIsTheMannWhitneyProbabilityWithTiesCountedHalf(double[] positives, double[] negatives,
                                                               double expected) {
        assertThat(Metrics.rocAuc(positives, negatives)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void rocAucIsUndefinedWithoutBothClasses() {
        assertThat(Metrics.rocAuc(new double[] {0.5}, new double[0])).isNaN();
        assertThat(Metrics.rocAuc(new double[0], new double[] {0.5})).isNaN();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            none_of_ten        | 0  | 10  | 0.0    | 0.2775
            half_of_ten        | 5  | 10  | 0.2366 | 0.7634
            all_of_ten         | 10 | 10  | 0.7225 | 1.0
            one_of_one         | 1  | 1   | 0.2065 | 1.0
            eighty_of_hundred  | 80 | 100 | 0.7112 | 0.8666
            """)
    void wilsonIntervalMatchesPublishedValues(String name, long successes, long trials, double lower, double upper) {
        Interval i = Metrics.wilson(successes, trials, Metrics.Z_95);
        assertThat(i.lower()).isCloseTo(lower, within(1e-4));
        assertThat(i.upper()).isCloseTo(upper, within(1e-4));
    }

    @Test
    void wilsonIntervalRefusesImpossibleCounts() {
        assertThatThrownBy(() -> Metrics.wilson(0, 0, Metrics.Z_95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Metrics.wilson(3, 2, Metrics.Z_95)).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> sweeps() {
        double[] hundredBenignZero = new double[100];
        double[] hundredBenignOneHigh = new double[100];
        hundredBenignOneHigh[0] = 0.9;
        double[] hundredBenignTwoHigh = hundredBenignOneHigh.clone();
        hundredBenignTwoHigh[1] = 0.8;
        double[] fiftyBenignOneHigh = new double[50];
        fiftyBenignOneHigh[7] = 0.95;
        return Stream.of(
                argumentSet("no_false_positives_gives_recall",
                        new double[] {0.9, 0.7, 0, 0}, hundredBenignZero, 0.5),
                argumentSet("one_benign_above_allowed_at_one_percent_of_100",
                        new double[] {0.95, 0.85, 0.7, 0}, hundredBenignOneHigh, 0.75),
                argumentSet("second_benign_sets_the_bar",
                        new double[] {0.95, 0.85, 0.7, 0}, hundredBenignTwoHigh, 0.5),
                argumentSet("under_100_benign_allows_none",
                        new double[] {0.99, 0.9, 0.5, 0}, fiftyBenignOneHigh, 0.25),
                argumentSet("positive_tied_with_bar_is_not_counted",
                        new double[] {0.9, 0.8}, new double[] {0.8, 0.1}, 0.5));
    }

    @ParameterizedTest
    @MethodSource("sweeps")
    void tprAtOnePercentFprIsTheBestThresholdWithinTheBound(double[] positives, double[] negatives, double expected) {
        assertThat(Metrics.tprAtFpr(positives, negatives, 0.01)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void tprAtFprIsOneWhenEveryNegativeMayBeFlagged() {
        assertThat(Metrics.tprAtFpr(new double[] {0, 0.2}, new double[] {0.9}, 1.0)).isEqualTo(1.0);
    }

    static Stream<Arguments> percentiles() {
        long[] oneToHundred = LongStream.rangeClosed(1, 100).toArray();
        return Stream.of(
                argumentSet("median_of_odd_count", new long[] {1, 2, 3, 4, 5}, 0.50, 3L),
                argumentSet("median_of_even_count_is_lower_middle", new long[] {1, 2, 3, 4}, 0.50, 2L),
                argumentSet("p99_of_hundred", oneToHundred, 0.99, 99L),
                argumentSet("p99_of_ten_is_max", new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.99, 10L),
                argumentSet("p100_is_max", oneToHundred, 1.00, 100L));
    }

    @ParameterizedTest
    @MethodSource("percentiles")
    void percentileIsNearestRank(long[] sortedValues, double p, long expected) {
        assertThat(Metrics.percentile(sortedValues, p)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            f1_equal_weights       | 1 | 6 | 2 | 4 | 0.6666666666666666
            f2_weighs_recall       | 2 | 6 | 2 | 4 | 0.625
            nothing_right_is_zero  | 2 | 0 | 3 | 5 | 0.0
            """)
    void fScoreFromCountsEqualsTheHarmonicForm(String name, double beta, long tp, long fp, long fn, double expected) {
        double p = (double) tp / (tp + fp);
        double r = (double) tp / (tp + fn);
        assertThat(Metrics.fScore(beta, tp, fp, fn)).isCloseTo(expected, within(1e-12));
        if (tp > 0) {
            assertThat(expected).isCloseTo((1 + beta * beta) * p * r / (beta * beta * p + r), within(1e-12));
        }
    }

    @Test
    void fScoreIsUndefinedWithNothingToFindAndNothingPredicted() {
        assertThat(Metrics.fScore(2, 0, 0, 0)).isNaN();
    }
}
