package dev.parapet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BenchTextsTest {

    @ParameterizedTest(name = "benign text of {0} bytes")
    @ValueSource(ints = {0, 1, 200, 2048, 20480, 1 << 20})
    void benignTextHasExactlyTheRequestedUtf8Size(int bytes) {
        String text = BenchTexts.benign(bytes);

        assertThat(text.getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
        assertThat(text).doesNotContain(BenchTexts.EMAIL, BenchTexts.CARD, BenchTexts.INJECTION);
    }

    @ParameterizedTest(name = "text with findings of {0} bytes")
    @ValueSource(ints = {200, 2048, 20480, 1 << 20})
    void textWithFindingsHasExactSizeAndEachInsertOnceAndWhole(int bytes) {
        String text = BenchTexts.withFindings(bytes);

        assertThat(text.getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
        for (String insert : new String[] {BenchTexts.EMAIL, BenchTexts.CARD, BenchTexts.INJECTION}) {
            assertThat(text.indexOf(insert)).isNotNegative().isEqualTo(text.lastIndexOf(insert));
        }
        assertThat(text.indexOf(BenchTexts.EMAIL)).isLessThan(text.indexOf(BenchTexts.CARD));
        assertThat(text.indexOf(BenchTexts.CARD)).isLessThan(text.indexOf(BenchTexts.INJECTION));
    }

    @Test
    void findingsAreSpreadThroughALargeText() {
        String text = BenchTexts.withFindings(20480);

        assertThat(text.indexOf(BenchTexts.EMAIL)).isBetween(4000, 7000);
        assertThat(text.indexOf(BenchTexts.INJECTION)).isBetween(14000, 17000);
    }

    @Test
    void textWithFindingsBelowTheMinimumIsRefused() {
        assertThatThrownBy(() -> BenchTexts.withFindings(BenchTexts.MIN_WITH_FINDINGS - 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
