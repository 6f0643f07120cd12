package dev.parapet.detect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ascii_unchanged        | ignore this           | ignore this
            zero_width_removed     | ig\u200Bno\u200Dre    | ignore
            soft_hyphen_removed    | ig\u00ADnore          | ignore
            fullwidth_folded       | ｉｇｎｏｒｅ            | ignore
            whitespace_collapsed   | a \t\u00A0  b         | a b
            ligature_expanded      | ﬁle                   | file
            """)
    void normalises(String name, String input, String expected) {
        assertThat(TextNormalizer.normalize(input).text()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            line_break_kept_as_one_line_feed | 'a \\r\\n  b' | 'a\\nb'
            """)
    void keepsLineBreaksAsLineFeeds(String name, String input, String expected) {
        assertThat(TextNormalizer.normalize(input.translateEscapes()).text()).isEqualTo(expected.translateEscapes());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            zero_width_inside      | xx ig\u200Bnore yy | ignore | ig\u200Bnore
            fullwidth              | xx ｉｇｎｏｒｅ yy    | ignore | ｉｇｎｏｒｅ
            collapsed_whitespace   | x  a   b  y        | a b    | a   b
            """)
    void mapsSpansBackToTheOriginal(String name, String original, String needle, String originalSpan) {
        NormalizedText view = TextNormalizer.normalize(original);
        int s = view.text().indexOf(needle);
        int e = s + needle.length();
        assertThat(original.substring(view.originalStart(s), view.originalEnd(e))).isEqualTo(originalSpan);
    }

    @Test
    void plainAsciiProseIsItsOwnViewWithoutOffsetMaps() {
        String prose = "One line.\nAnother line with ASCII only, ~!@#$%^&*()_+ and single spaces.";
        NormalizedText view = TextNormalizer.normalize(prose);

        assertThat(view.text()).isSameAs(prose);
        assertThat(view.isIdentity()).isTrue();
        assertThat(view.originalStart(5)).isEqualTo(5);
        assertThat(view.originalEnd(9)).isEqualTo(9);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            double_space         | 'a  b'
            space_then_newline   | 'a \\nb'
            tab                  | 'a\\tb'
            carriage_return      | 'a\\rb'
            non_ascii            | 'caf\u00e9'
            leading_double_space | '  a'
            """)
    void textThatNormalisingChangesIsNotTakenAsUnchanged(String name, String input) {
        String text = input.translateEscapes();
        assertThat(TextNormalizer.isUnchanged(text)).isFalse();
        assertThat(TextNormalizer.normalize(text).isIdentity()).isFalse();
    }
}
