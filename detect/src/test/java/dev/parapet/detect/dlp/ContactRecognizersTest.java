package dev.parapet.detect.dlp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ContactRecognizersTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            plain_address             | write to ana.lopez@example.org today         | ana.lopez@example.org
            plus_tag_and_subdomain    | cc: ops+alerts@mail.corp.example.co.uk.     | ops+alerts@mail.corp.example.co.uk
            in_angle_brackets         | From: Bob <bob_99@example.net>              | bob_99@example.net
            """)
    void findsEmailAddressesWithExactSpans(String name, String text, String expected) {
        assertThat(Dlp.found("pii.email", text)).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no_top_level_label        | mail root@localhost now
            at_sign_in_handle         | ping @maria on chat
            numeric_tld               | user@host.123
            """)
    void rejectsEmailLookAlikes(String name, String text) {
        assertThat(Dlp.found("pii.email", text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            e164_with_spaces          | reach me on +44 20 7946 0958 tomorrow       | +44 20 7946 0958
            e164_compact              | whatsapp +14155550100                       | +14155550100
            nanp_parenthesised        | office (415) 555-0100 ext                   | (415) 555-0100
            nanp_dashed               | it is 415-555-0100.                         | 415-555-0100
            nanp_with_extension       | office line 212.555.0187x4412               | 212.555.0187x4412
            international_prefix_00   | dial 0049 30 901820 please                  | 0049 30 901820
            trunk_zero_in_parens      | fax +33 (0)1 42 68 53 00                    | +33 (0)1 42 68 53 00
            national_grouped_context  | Phone: 0612 34 56 78                        | 0612 34 56 78
            dotted_french_context     | please ring 01.23.45.67.89 tonight          | 01.23.45.67.89
            short_local_with_context  | Mobile: 555 0134                            | 555 0134
            tel_uri                   | <a href="tel:+14155550100">                 | +14155550100
            """)
    void findsPhoneNumbersInInternationalAndNationalFormats(String name, String text, String expected) {
        assertThat(Dlp.found("pii.phone", text)).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            iso_date                  | released 2024-03-15 in the morning
            day_first_date            | born on 15.03.2024 at noon
            timestamp                 | at 2024-03-15 12:30:45 the job ran
            digits_after_time_colon   | at 12:30 555 0134 people came
            version_string            | upgrade to 10.4.12 now
            ip_address                | host 10.20.30.40 is down
            short_number              | room 1234 56
            house_number_and_postcode | deliver to 4217 2203 Main Street
            bare_digits_no_context    | the value was 83920174 overall
            one_digit_repeated        | dial 0000 0000 00
            tail_of_number_table      | phone 12 15 18 22 31 40 51 62 70 81 90 12 15 18
            """)
    void rejectsPhoneLookAlikes(String name, String text) {
        assertThat(Dlp.found("pii.phone", text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            phone_word_raises         | phone 0612 34 56 78          | 0.76
            no_context                | it is 0612 34 56 78          | 0.4
            order_number_lowers_e164  | order +44 20 7946 0958       | 0.4
            """)
    void contextWordsMoveConfidence(String name, String text, double expected) {
        assertThat(Dlp.confidence("pii.phone", text)).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.001));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            invoice_lowers_grouped    | invoice 0612 34 56 78
            order_lowers_bare_digits  | order 83920174 shipped
            """)
    void lookAlikeContextSuppressesWeakPhones(String name, String text) {
        assertThat(Dlp.found("pii.phone", text)).isEmpty();
    }
}
