package dev.parapet.detect;

import dev.parapet.core.Finding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CardNumberDetectorTest {

    private static List<Finding> detect(String text) {
        List<Finding> out = new ArrayList<>();
        new CardNumberDetector().detect(0, text, out);
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            visa_16_digits                 | 4111111111111111
            mastercard_16_digits           | 5555555555554444
            amex_15_digits                 | 378282246310005
            visa_13_digits                 | 4222222222222
            nineteen_digits                | 6011000990139424124
            grouped_with_spaces            | 4111 1111 1111 1111
            grouped_with_dashes            | 4111-1111-1111-1111
            amex_grouped_4_6_5             | 3782 822463 10005
            """)
    void findsLuhnValidNumbers(String name, String card) {
        String text = "pay with " + card + " please";
        assertThat(detect(text)).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo("pci.card_number");
            assertThat(text.substring(f.start(), f.end())).isEqualTo(card);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            luhn_invalid                   | 4111111111111112
            all_same_digit                 | 0000000000000000
            twelve_digits_too_short        | 411111111116
            twenty_digits_too_long         | 41111111111111111113
            double_space_separator         | 4111  1111  1111  1111
            mixed_with_letters             | 4111a1111b1111c1111
            part_of_longer_digit_run       | 94111111111111111
            phone_number                   | +1 415 555 0100
            """)
    void rejectsNonCards(String name, String text) {
        assertThat(detect("ref " + text + " end")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            valid_visa          | 4111111111111111    | true
            valid_with_spaces   | 4111 1111 1111 1111 | true
            check_digit_off     | 4111111111111113    | false
            all_nines           | 9999999999999999    | false
            """)
    void luhnCheckIgnoresSeparators(String name, String digits, boolean valid) {
        assertThat(CardNumberDetector.isCardNumber(digits, 0, digits.length())).isEqualTo(valid);
    }
}
