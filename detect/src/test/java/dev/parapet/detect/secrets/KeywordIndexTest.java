package dev.parapet.detect.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeywordIndexTest {

    private static final KeywordIndex INDEX = new KeywordIndex(List.of(
            List.of("ghp_"),
            List.of("sk-", "sk-proj-"),
            List.of("proj"),
            List.of("aws")));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            prefix_at_start          | ghp_abc                 | 0 |  0
            upper_case_text          | GHP_abc                 | 0 |  0
            keyword_inside_another   | x sk-proj-1             | 2 |  5
            overlapping_occurrences  | sk-sk-                  | 1 |  3
            non_ascii_around         | é aws ü                 | 3 |  2
            """)
    void reportsWhereEachRulesKeywordsStart(String name, String text, int rule, int lastStart) {
        int[][] starts = INDEX.keywordStarts(text);

        assertThat(starts[rule]).isNotNull().endsWith(lastStart);
    }

    @Test
    void reportsEveryOccurrenceOnceInOrder() {
        int[][] starts = INDEX.keywordStarts("sk-proj- and sk- and SK-PROJ-");

        assertThat(starts[1]).containsExactly(0, 13, 21);
        assertThat(starts[2]).containsExactly(3, 24);
    }

    @Test
    void leavesRulesWithoutOccurrencesNull() {
        int[][] starts = INDEX.keywordStarts("nothing to see here, gh p_ s k-");

        assertThat(java.util.Arrays.asList(starts)).containsOnlyNulls();
    }

    @Test
    void rejectsUpperCaseOrNonAsciiKeywords() {
        assertThatThrownBy(() -> new KeywordIndex(List.of(List.of("Ghp_")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeywordIndex(List.of(List.of("clé")))).isInstanceOf(IllegalArgumentException.class);
    }
}
