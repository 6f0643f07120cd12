package dev.parapet.detect.eval;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

class SpanMatcherTest {

    private static EntitySpan email(int start, int end) {
        return new EntitySpan("EMAIL_ADDRESS", start, end);
    }

    private static EntitySpan card(int start, int end) {
        return new EntitySpan("CREDIT_CARD", start, end);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                argumentSet("exact_span_matches",
                        List.of(email(5, 20)), List.of(email(5, 20)), 1, 0, 0),
                argumentSet("partial_overlap_matches",
                        List.of(email(5, 21)), List.of(email(3, 20)), 1, 0, 0),
                argumentSet("prediction_inside_gold_matches",
                        List.of(email(8, 10)), List.of(email(5, 20)), 1, 0, 0),
                argumentSet("touching_spans_do_not_overlap",
                        List.of(email(20, 30)), List.of(email(5, 20)), 0, 1, 1),
                argumentSet("same_place_other_type_does_not_match",
                        List.of(card(5, 20)), List.of(email(5, 20)), 0, 1, 1),
                argumentSet("second_prediction_on_matched_gold_is_false_positive",
                        List.of(email(5, 12), email(12, 20)), List.of(email(5, 20)), 1, 1, 0),
                argumentSet("one_prediction_over_two_golds_matches_one",
                        List.of(email(0, 40)), List.of(email(0, 10), email(20, 30)), 1, 0, 1),
                argumentSet("no_gold_makes_every_prediction_false",
                        List.of(email(1, 4), card(6, 9)), List.of(), 0, 2, 0),
                argumentSet("no_prediction_misses_every_gold",
                        List.of(), List.of(email(1, 4), card(6, 9)), 0, 0, 2),
                argumentSet("greedy_order_is_by_position_not_input_order",
                        List.of(email(15, 25), email(0, 12)), List.of(email(10, 20), email(22, 30)), 2, 0, 0));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void countsMatchesFalsePositivesAndMisses(List<EntitySpan> predicted, List<EntitySpan> gold,
                                             int truePositives, int falsePositives, int missed) {
        SpanMatch m = SpanMatcher.match(predicted, gold);
        assertThat(m.truePositives()).hasSize(truePositives);
        assertThat(m.falsePositives()).hasSize(falsePositives);
        assertThat(m.missed()).hasSize(missed);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyPredictionIsEitherAHitOrAFalseAlarmAndEveryGoldMatchedOnce(List<EntitySpan> predicted,
                                                                         List<EntitySpan> gold) {
        SpanMatch m = SpanMatcher.match(predicted, gold);
        assertThat(m.truePositives().size() + m.falsePositives().size()).isEqualTo(predicted.size());
        assertThat(m.truePositives().size() + m.missed().size()).isEqualTo(gold.size());
    }
}
