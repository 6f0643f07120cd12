package dev.parapet.detect.classifier;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ClassifierTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            lower_cases_ascii          | Hello WORLD                        | hello world
            fullwidth_becomes_ascii    | ｈｅｌｌｏ                          | hello
            zero_width_removed         | he\u200Bl\u200Dlo                  | hello
            soft_hyphen_removed        | hel\u00ADlo                        | hello
            whitespace_runs_collapse   | 'a \t\n\n  b'                      | a b
            edges_trimmed              | '  a b  '                          | a b
            non_breaking_space         | a\u00A0b                           | a b
            ligature_expanded          | ﬁle                                | file
            german_kept                | Straße ÜBER                        | straße über
            """)
    void normalisesSoThatObfuscationDoesNotChangeFeatures(String name, String input, String expected) {
        assertThat(ClassifierText.normalize(input)).isEqualTo(expected);
    }
}
