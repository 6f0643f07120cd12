package dev.parapet.detect.dlp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ChecksumsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            luhn_valid_card           | 4111 1111 1111 1111 | true
            luhn_off_by_one           | 4111 1111 1111 1112 | false
            luhn_sin                  | 130-692-544         | true
            """)
    void luhnIgnoresSeparators(String name, String number, boolean valid) {
        assertThat(Checksums.luhn(Checksums.digits(number))).isEqualTo(valid);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            verhoeff_valid            | 234123412346 | true
            verhoeff_transposed       | 234123412364 | false
            verhoeff_wrong_digit      | 234123412345 | false
            """)
    void verhoeffCatchesTranspositions(String name, String number, boolean valid) {
        assertThat(Checksums.verhoeff(Checksums.digits(number))).isEqualTo(valid);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            rearranged_gb_iban        | WEST12345698765432GB82 | true
            one_digit_changed         | WEST12345698765433GB82 | false
            non_alphanumeric          | WEST-1234GB82          | false
            """)
    void mod97OverAlphanumerics(String name, String value, boolean valid) {
        assertThat(Checksums.mod97(value)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            aba_chase                 | 021000021 | true
            aba_checksum_off          | 021000022 | false
            aba_unassigned_prefix     | 500000005 | false
            """)
    void abaRoutingChecksumAndPrefix(String name, String value, boolean valid) {
        assertThat(FinancialRecognizers.isAbaRouting(value)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            international             | +44 20 7946 0958  | 0.8
            nanp                      | (415) 555-0100    | 0.75
            national_grouped          | 0612 34 56 78     | 0.4
            two_short_groups          | 555 0134          | 0.25
            ungrouped_run             | 4155550100        | 0.2
            too_few_digits            | 555 01            | 0
            iso_date                  | 2024-03-15        | 0
            unbalanced_parenthesis    | (415 555-0100     | 0
            """)
    void phoneShapeScoresFormats(String name, String value, double expected) {
        assertThat(PhoneShape.assess(value)).isEqualTo(expected);
    }
}
