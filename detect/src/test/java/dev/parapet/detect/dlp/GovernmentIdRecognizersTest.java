package dev.parapet.detect.dlp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class GovernmentIdRecognizersTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ssn_dashed                | pii.us_ssn            | my SSN is 536-22-1234.                 | 536-22-1234
            ssn_dashed_no_context     | pii.us_ssn            | value 536-22-1234 here                 | 536-22-1234
            ssn_bare_with_context     | pii.us_ssn            | social security number 536221234       | 536221234
            itin                      | pii.us_itin           | ITIN 912-70-1234                       | 912-70-1234
            ein_with_context          | pii.us_ein            | our EIN is 12-3456789                  | 12-3456789
            driver_license_letter     | pii.us_driver_license | driver's license D1234567              | D1234567
            driver_license_dashed     | pii.us_driver_license | my driver license number is 1234-56-7890 | 1234-56-7890
            passport_us               | pii.passport_number   | passport no. 912803456                 | 912803456
            passport_letter_digits    | pii.passport_number   | Passport: C03005988                    | C03005988
            uk_nino                   | pii.uk_nino           | NI number AB 12 34 56 C                | AB 12 34 56 C
            ca_sin                    | pii.ca_sin            | SIN 130 692 544                        | 130 692 544
            in_aadhaar                | pii.in_aadhaar        | Aadhaar 2341 2341 2346                 | 2341 2341 2346
            es_dni                    | pii.es_nif            | DNI 12345678Z                          | 12345678Z
            es_nie                    | pii.es_nif            | NIE X1234567L                          | X1234567L
            it_codice_fiscale         | pii.it_fiscal_code    | CF RSSMRA85T10A562S                    | RSSMRA85T10A562S
            br_cpf                    | pii.br_cpf            | CPF 111.444.777-35                     | 111.444.777-35
            sg_nric                   | pii.sg_nric           | NRIC S1234567D                         | S1234567D
            pl_pesel                  | pii.pl_pesel          | PESEL 44051401359                      | 44051401359
            nl_bsn                    | pii.nl_bsn            | BSN 111222333                          | 111222333
            au_tfn                    | pii.au_tfn            | TFN 123 456 782                        | 123 456 782
            vin                       | pii.vin               | VIN 1M8GDM9AXKP042788                  | 1M8GDM9AXKP042788
            dob_numeric               | pii.date_of_birth     | DOB: 04/07/1986                        | 04/07/1986
            dob_month_name            | pii.date_of_birth     | born on March 3, 1979 in Ohio          | March 3, 1979
            dob_iso                   | pii.date_of_birth     | date of birth 1990-12-31               | 1990-12-31
            """)
    void findsIdentifiersWithExactSpans(String name, String type, String text, String expected) {
        assertThat(Dlp.found(type, text)).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ssn_area_000              | pii.us_ssn            | SSN 000-12-3456
            ssn_area_666              | pii.us_ssn            | SSN 666-12-3456
            ssn_area_9xx              | pii.us_ssn            | SSN 912-12-3456
            ssn_group_00              | pii.us_ssn            | SSN 123-00-4567
            ssn_serial_0000           | pii.us_ssn            | SSN 123-45-0000
            ssn_bare_without_context  | pii.us_ssn            | total 536221234 units
            ssn_mixed_separators      | pii.us_ssn            | SSN 536-22 1234
            itin_group_out_of_range   | pii.us_itin           | ITIN 912-45-1234
            ein_invalid_prefix        | pii.us_ein            | EIN 07-1234567
            license_without_context   | pii.us_driver_license | code D1234567 applied
            passport_without_context  | pii.passport_number   | ticket 912803456 issued
            nino_forbidden_prefix     | pii.uk_nino           | NI number QQ 12 34 56 C
            sin_luhn_fails            | pii.ca_sin            | SIN 130 692 545
            sin_first_digit_zero      | pii.ca_sin            | SIN 046 454 286
            sin_without_context       | pii.ca_sin            | code 130 692 544
            aadhaar_verhoeff_fails    | pii.in_aadhaar        | Aadhaar 2341 2341 2347
            nif_wrong_letter          | pii.es_nif            | DNI 12345678A
            cf_wrong_check            | pii.it_fiscal_code    | CF RSSMRA85T10A562T
            cpf_wrong_check           | pii.br_cpf            | CPF 111.444.777-36
            cpf_one_digit_repeated    | pii.br_cpf            | CPF 111.111.111-11
            nric_wrong_letter         | pii.sg_nric           | NRIC S1234567A
            pesel_wrong_check         | pii.pl_pesel          | PESEL 44051401358
            bsn_eleven_test_fails     | pii.nl_bsn            | BSN 111222334
            tfn_wrong_check           | pii.au_tfn            | TFN 123 456 789
            vin_wrong_check_digit     | pii.vin               | VIN 1M8GDM9A1KP042788
            dob_without_context       | pii.date_of_birth     | meeting on 04/07/1986
            dob_impossible_month      | pii.date_of_birth     | DOB: 04/13/1986x
            """)
    void rejectsInvalidIdentifiersAndLookAlikes(String name, String type, String text) {
        assertThat(Dlp.found(type, text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ssn_word_raises           | SSN 536-22-1234                   | 0.84
            no_context                | value 536-22-1234                 | 0.6
            phone_word_lowers         | phone 536-22-1234                 | 0.3
            """)
    void contextWordsMoveSsnConfidence(String name, String text, double expected) {
        assertThat(Dlp.found("pii.us_ssn", text)).hasSizeLessThanOrEqualTo(1);
        if (expected >= Recognizer.REPORT_THRESHOLD) {
            assertThat(Dlp.confidence("pii.us_ssn", text)).isCloseTo(expected, offset(0.001));
        } else {
            assertThat(Dlp.found("pii.us_ssn", text)).isEmpty();
        }
    }
}
