package dev.parapet.detect.scan;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PrefilterTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            wide_optional_gap       | a[^.]{0,50}?b    | a[^.]*?b
            wide_required_gap       | a\\s{1,40}b      | a\\s+b
            wide_gap_with_minimum   | a.{2,9}b         | a.{2,}b
            narrow_gap_kept         | (?:\\w+\\s+){0,2}x | (?:\\w+\\s+){0,2}x
            escaped_brace_kept      | \\{[a-z]{1,40}\\} | \\{[a-z]+\\}
            exact_count_kept        | \\d{3}-\\d{4}    | \\d{3}-\\d{4}
            """)
    void widensOnlyWideBoundedRepetitions(String name, String regex, String widened) {
        assertThat(Prefilter.widen(regex)).isEqualTo(widened);
    }
}
