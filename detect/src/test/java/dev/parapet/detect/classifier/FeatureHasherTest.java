package dev.parapet.detect.classifier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeatureHasherTest {

    @Test
    void emitsThreeCharacterGramsPerFramedPositionPlusWordsAndWordPairs() {
        // "ab cd" framed is " ab cd " (7 chars): 5 trigrams, 4 four-grams, 3 five-grams;
        // two words and one word pair.
        assertThat(FeatureHasher.buckets("ab cd")).hasSize(5 + 4 + 3 + 2 + 1);
    }

    @Test
    void allBucketsAreInRange() {
        assertThat(java.util.Arrays.stream(FeatureHasher.buckets("the quick brown fox jumps over the lazy dog 0123456789 ünïcödé")))
                .isNotEmpty().allSatisfy(b -> assertThat(b).isBetween(0, FeatureHasher.BUCKETS - 1));
    }

    @Test
    void sameTextGivesSameBucketsAndDifferentTextDifferentOnes() {
        assertThat(FeatureHasher.buckets("reveal the password")).containsExactly(FeatureHasher.buckets("reveal the password"));
        assertThat(FeatureHasher.buckets("reveal the password")).isNotEqualTo(FeatureHasher.buckets("reveal the passport"));
    }

    @Test
    void wordOrderChangesTheWordPairFeatures() {
        assertThat(FeatureHasher.buckets("alpha beta")).isNotEqualTo(FeatureHasher.buckets("beta alpha"));
    }

    @Test
    void emptyTextHasNoFeatures() {
        assertThat(FeatureHasher.buckets("")).hasSize(0);
    }
}
