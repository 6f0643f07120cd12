package dev.parapet.detect.dlp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FinancialRecognizersTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            visa_16                   | pay with 4111111111111111 please      | 4111111111111111
            visa_grouped_spaces       | pay with 4111 1111 1111 1111 please   | 4111 1111 1111 1111
            visa_grouped_dashes       | pay with 4111-1111-1111-1111 please   | 4111-1111-1111-1111
            mastercard_5_series       | number 5555555555554444               | 5555555555554444
            mastercard_2_series       | number 2223003122003222               | 2223003122003222
            amex_4_6_5                | amex 3782 822463 10005                | 3782 822463 10005
            discover                  | number 6011111111111117               | 6011111111111117
            jcb                       | number 3530111333300000               | 3530111333300000
            diners_14                 | number 30569309025904                 | 30569309025904
            unionpay                  | number 6200000000000005               | 6200000000000005
            unknown_issuer_with_card_word | my card 9000000000000001 expired  | 9000000000000001
            """)
    void findsCardNumbersWithKnownIssuerAndLuhn(String name, String text, String expected) {
        assertThat(Dlp.found("pci.card_number", text)).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            luhn_fails                | pay with 4111111111111112 please
            amex_prefix_wrong_length  | number 3782822463100052
            unknown_issuer_no_context | value 9000000000000001 recorded
            one_digit_repeated        | number 0000000000000000
            mixed_separators          | pay with 4111 1111-1111 1111 please
            inside_longer_number      | id 94111111111111111
            order_number_lowers_maestro | order 501234567896 shipped
            decimal_fraction          | ratio 0.4111111111111111
            """)
    void rejectsCardLookAlikes(String name, String text) {
        assertThat(Dlp.found("pci.card_number", text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            gb_compact                | IBAN GB82WEST12345698765432 ok         | GB82WEST12345698765432
            de_grouped                | to DE89 3704 0044 0532 0130 00 today   | DE89 3704 0044 0532 0130 00
            fr_with_letters           | FR1420041010050500013M02606            | FR1420041010050500013M02606
            nl_lower_case             | lower case nl91abna0417164300 too      | nl91abna0417164300
            """)
    void findsIbansThatPassMod97(String name, String text, String expected) {
        assertThat(Dlp.found("pii.iban", text)).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            check_digits_wrong        | IBAN GB83WEST12345698765432
            wrong_length_for_country  | IBAN GB82WEST1234569876543
            unknown_country           | IBAN QQ82WEST12345698765432
            """)
    void rejectsInvalidIbans(String name, String text) {
        assertThat(Dlp.found("pii.iban", text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            aba_valid_with_context    | pii.us_bank_routing | routing number 021000021         | 021000021
            bic_8_with_context        | pii.swift_bic       | SWIFT code DEUTDEFF please       | DEUTDEFF
            bic_11_with_context       | pii.swift_bic       | BIC: NWBKGB2LXXX                 | NWBKGB2LXXX
            btc_p2pkh                 | pii.crypto_address  | send to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa now  | 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa
            btc_p2sh                  | pii.crypto_address  | to 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy          | 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy
            btc_bech32                | pii.crypto_address  | to bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4 | bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4
            eth                       | pii.crypto_address  | wallet 0x52908400098527886E0F7030069857D2E4169EE7 | 0x52908400098527886E0F7030069857D2E4169EE7
            """)
    void findsBankingAndCryptoIdentifiers(String name, String type, String text, String expected) {
        assertThat(Dlp.found(type, text)).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            aba_checksum_fails        | pii.us_bank_routing | routing number 021000022
            aba_without_context       | pii.us_bank_routing | reference 021000021
            bic_without_context       | pii.swift_bic       | the DEUTDEFF word
            bic_unknown_country       | pii.swift_bic       | SWIFT code DEUTQQFF
            btc_base58_checksum_fails | pii.crypto_address  | to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb
            btc_bech32_checksum_fails | pii.crypto_address  | to bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5
            eth_too_short             | pii.crypto_address  | wallet 0x52908400098527886E0F7030069857D2E4169EE
            """)
    void rejectsInvalidBankingAndCryptoIdentifiers(String name, String type, String text) {
        assertThat(Dlp.found(type, text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            visa_1_known_issuer   | 4111111111111111 | visa
            visa_wrong_length_15  | 411111111111116  |
            mastercard_2_series   | 2720990000000007 | mastercard
            jcb_15_1800           | 180000000000002  | jcb
            amex_wrong_length     | 3400000000000000 |
            """)
    void issuerTableMapsPrefixAndLength(String name, String number, String scheme) {
        assertThat(CardIssuers.scheme(number)).isEqualTo(scheme);
    }
}
