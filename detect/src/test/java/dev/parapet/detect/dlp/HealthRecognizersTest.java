package dev.parapet.detect.dlp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class HealthRecognizersTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            npi                       | phi.us_npi                | provider NPI 1234567893           | 1234567893
            dea                       | phi.us_dea_number         | DEA number AB1234563              | AB1234563
            nhs_spaced                | phi.uk_nhs_number         | NHS number 943 476 5919           | 943 476 5919
            mrn_prefixed              | phi.medical_record_number | MRN: MR-0048213                   | MR-0048213
            mrn_digits                | phi.medical_record_number | medical record 00482137 reviewed  | 00482137
            mbi                       | phi.us_mbi                | Medicare 1EG4-TE5-MK73            | 1EG4-TE5-MK73
            """)
    void findsHealthIdentifiers(String name, String type, String text, String expected) {
        assertThat(Dlp.found(type, text)).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            npi_luhn_fails            | phi.us_npi                | provider NPI 1234567890
            npi_without_context       | phi.us_npi                | count 1234567893
            dea_checksum_fails        | phi.us_dea_number         | DEA number AB1234564
            nhs_mod11_fails           | phi.uk_nhs_number         | NHS number 943 476 5918
            nhs_without_context       | phi.uk_nhs_number         | code 943 476 5919
            mrn_without_context       | phi.medical_record_number | ticket MR-0048213
            mbi_forbidden_letter      | phi.us_mbi                | Medicare 1SG4-TE5-MK73
            """)
    void rejectsInvalidHealthIdentifiers(String name, String type, String text) {
        assertThat(Dlp.found(type, text)).isEmpty();
    }
}
