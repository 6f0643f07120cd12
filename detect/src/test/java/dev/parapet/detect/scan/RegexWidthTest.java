package dev.parapet.detect.scan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RegexWidthTest {

    private static long bound(String regex, String text) {
        CharClasses classes = new CharClasses();
        MatchWidth width = RegexWidth.of(regex, classes);
        boolean[] all = new boolean[classes.size()];
        java.util.Arrays.fill(all, true);
        return width.bound(classes.longestRuns(text, all));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            literal                 ; abc                       ; 3
            bounded_gap             ; a[^.]{0,50}?b             ; 102
            optional_and_counted    ; x?\\d{3}-\\d{4}           ; 9
            alternation_takes_max   ; (?:ab|abcd|a)z            ; 5
            anchors_are_empty       ; ^\\bword\\b$              ; 4
            lookaround_is_empty     ; (?<![a-z])ab(?=c)         ; 2
            dot_may_be_a_pair       ; a.b                       ; 4
            named_group_and_flags   ; (?i)(?<v>ab)(?i:cd)       ; 4
            quoted                  ; \\Qa+b\\E                 ; 3
            """)
    void boundsTextIndependentPatterns(String name, String regex, long expected) {
        assertThat(bound(regex, "whatever")).isEqualTo(expected);
    }

    @Test
    void unboundedClassRepetitionCountsTheLongestRunInTheText() {
        // \w+ spans at most the longest word (11), \s+ at most the longest whitespace run (3)
        assertThat(bound("a\\w+\\s+b", "hello   worldwideweb x")).isEqualTo(1 + 12 + 3 + 1);
        assertThat(bound("(?:\\w+\\s+){0,2}x", "ab cd")).isEqualTo(2 * (2 + 1) + 1);
    }

    @Test
    void unboundedGroupOrBackReferenceHasNoWidth() {
        assertThat(RegexWidth.of("(?:ab)+", new CharClasses())).isNull();
        assertThat(RegexWidth.of("(a)\\1", new CharClasses())).isNull();
    }

    @Test
    void negatedClassRunsCountSurrogatePairs() {
        String emoji = "\uD83D\uDE00";
        assertThat(bound("[^.]+", emoji + emoji + ".")).isEqualTo(4);
    }
}
