package dev.parapet.detect.dlp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContextRuleTest {

    private static final ContextRule RULE = ContextRule.raisedBy("ssn", "social security").loweredBy("order");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            raising_word_before       | my ssn: 123                    | 0.8
            raising_phrase_before     | social security 123            | 0.8
            raising_word_after        | 123 is my ssn                  | 0.8
            lowering_word             | order 123                      | 0.25
            both_cancel               | ssn order 123                  | 0.5
            inside_a_longer_word      | classns 123                    | 0.5
            prefix_of_a_longer_word   | ssnx 123                       | 0.5
            """)
    void wordsNearTheCandidateMoveConfidence(String name, String text, double expected) {
        int start = text.indexOf("123");
        assertThat(RULE.apply(text, start, start + 3, 0.5)).isEqualTo(expected);
    }

    @Test
    void wordsOutsideTheWindowDoNotCount() {
        String text = "ssn " + "x".repeat(ContextRule.BEFORE) + " 123";
        int start = text.indexOf("123");
        assertThat(RULE.apply(text, start, start + 3, 0.5)).isEqualTo(0.5);
    }

    @Test
    void requiredWordMissingRejects() {
        ContextRule required = ContextRule.requires("passport");
        assertThat(required.apply("id 123", 3, 6, 0.45)).isZero();
        assertThat(required.apply("passport 123", 9, 12, 0.45)).isGreaterThan(0.45);
    }

    @Test
    void wordsMustBeLowerCaseAndStartWithALetter() {
        assertThatThrownBy(() -> ContextRule.raisedBy("SSN")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContextRule.raisedBy("#ssn")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ContextRule(List.of(), List.of(), true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
