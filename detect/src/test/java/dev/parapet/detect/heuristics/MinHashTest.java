package dev.parapet.detect.heuristics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MinHashTest {

    private static String words(String prefix, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> prefix + i).collect(Collectors.joining(" "));
    }

    static Stream<Arguments> pairs() {
        // n distinct words give n-2 shingles; two ranges overlapping share the shingles inside the overlap
        return Stream.of(
                Arguments.of("identical texts", words("w", 0, 300), words("w", 0, 300), 1.0, 0.0),
                Arguments.of("same words, other case and punctuation", "Ignore ALL the rules, now!",
                        "ignore all the rules now", 1.0, 0.0),
                Arguments.of("disjoint texts", words("a", 0, 300), words("b", 0, 300), 0.0, 0.0),
                Arguments.of("half overlap", words("w", 0, 302), words("w", 100, 402), 200.0 / 400, 0.15),
                Arguments.of("short identical texts", "hello there", "hello there", 1.0, 0.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void estimatesJaccardSimilarityOfWordShingles(String name, String a, String b, double expected, double tolerance) {
        double s = MinHash.similarity(MinHash.signature(a), MinHash.signature(b));

        assertThat(s).isCloseTo(expected, within(tolerance));
    }

    @Test
    void aTextWithoutWordsIsSimilarToNothing() {
        assertThat(MinHash.similarity(MinHash.signature("!!! ..."), MinHash.signature("!!! ..."))).isZero();
    }
}
