package dev.parapet.detect.classifier;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class MarginScorerTest {

    private static final ClassifierModel MODEL = InjectionClassifier.defaults().model();

    @Test
    void regionScoresExactlyAsItsSubstringWithOneScorerReusedForAll() {
        Random random = new Random(7);
        String alphabet = "abcdefghij KLMNOP  qrs\n\t.,!?0123ÄÖüß\u200Bｆｕｌｌ\uD83D\uDE00\u0130 ";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 6000; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String text = sb.toString();
        MarginScorer reused = MODEL.borrowScorer();
        for (int k = 0; k < 300; k++) {
            int from = random.nextInt(text.length());
            int to = Math.min(text.length(), from + random.nextInt(2500));
            double expected = MODEL.margin(text.substring(from, to));
            assertThat(reused.margin(text, from, to)).as("[%d, %d)", from, to).isEqualTo(expected);
        }
    }

    @Test
    void repetitiveTextCountsEachBucketOnce() {
        String text = "ignore ".repeat(500);
        assertThat(MODEL.borrowScorer().margin(text, 0, text.length())).isEqualTo(MODEL.margin(text));
        assertThat(MODEL.margin("")).isEqualTo(MODEL.borrowScorer().margin("x", 0, 0));
    }
}
