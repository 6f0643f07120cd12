package dev.parapet.detect.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The small checks a candidate secret must pass: entropy, placeholders, structure. */
class SecretChecksTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            one_repeated_char  | aaaaaaaa         | 0.0
            two_chars_evenly   | abababab         | 1.0
            four_chars_evenly  | abcdabcd         | 2.0
            sixteen_distinct   | 0123456789abcdef | 4.0
            """)
    void measuresShannonEntropyInBitsPerCharacter(String name, String value, double bits) {
        assertThat(Entropy.bitsPerChar(value)).isCloseTo(bits, within(1e-9));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            aws_docs_example      | AKIAIOSFODNN7EXAMPLE
            template_text         | your-api-key-here
            masked_with_x         | sk_live_xxxxxxxxxxxxxxxx
            masked_with_stars     | ****************
            env_variable          | ${GITHUB_TOKEN}
            shell_variable        | $GITHUB_TOKEN
            windows_variable      | %API_KEY%
            angle_brackets        | <token>
            template_braces       | {{ secrets.API_KEY }}
            default_word          | changeit
            long_run              | A1aaaaaaaaB2
            sequential_digits     | key12345678
            """)
    void recognisesPlaceholders(String name, String value) {
        assertThat(Placeholders.isPlaceholder(value)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            random_alnum    | q8Lr2Vt6Xw0Ny4Pb7Mc1
            random_hex      | 3f2a9c1e8b7d6f5a4c3b
            short_password  | Tq7Vz2Lm
            """)
    void acceptsRandomLookingValues(String name, String value) {
        assertThat(Placeholders.isPlaceholder(value)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            hs256_header        | eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIn0.sig | true
            header_without_alg  | eyJ0eXAiOiJmb28ifQ.eyJzdWIiOiIxIn0.sig                   | false
            header_not_base64   | eyJ!!!.eyJzdWIiOiIxIn0.sig                               | false
            """)
    void acceptsOnlyJwtsWhoseHeaderNamesAnAlgorithm(String name, String token, boolean accepted) {
        assertThat(SecretValidator.JWT.accepts(token)).isEqualTo(accepted);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            user_and_password       | YWRtaW46UzNjcjN0LVBhc3MtOTI3 | true
            no_colon                | bm90LWNyZWRlbnRpYWxz         | false
            empty_password          | YWRtaW46                     | false
            placeholder_password    | dXNlcjpwYXNzd29yZA==         | false
            not_base64              | !!!!                         | false
            """)
    void acceptsOnlyBasicCredentialsWithARealPassword(String name, String value, boolean accepted) {
        assertThat(SecretValidator.BASIC_AUTH.accepts(value)).isEqualTo(accepted);
    }

    @Test
    void confidenceRisesByATenthPerBitAboveTheFloorUpToPointNineNine() {
        SecretRule rule = new SecretRule("T-1", "k", "cloud", "d", List.of("k"), 0, Pattern.compile("(k)"), 3.0,
                SecretValidator.NONE, dev.parapet.core.Severity.HIGH, 0.6, "k", "x");

        assertThat(rule.confidenceAt(3.0)).isCloseTo(0.6, within(1e-9));
        assertThat(rule.confidenceAt(4.5)).isCloseTo(0.75, within(1e-9));
        assertThat(rule.confidenceAt(9.0)).isEqualTo(0.99);
    }
}
