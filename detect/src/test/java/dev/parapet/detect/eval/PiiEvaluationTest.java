package dev.parapet.detect.eval;

import dev.parapet.core.Finding;
import dev.parapet.core.Severity;
import dev.parapet.detect.DetectionEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PiiEvaluationTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            pii.email,             EMAIL_ADDRESS
            pci.card_number,       CREDIT_CARD
            pii.phone,             PHONE_NUMBER
            pii.iban,              IBAN_CODE
            pii.ip_address,        IP_ADDRESS
            pii.us_ssn,            US_SSN
            pii.us_driver_license, US_DRIVER_LICENSE
            pii.domain_name,       DOMAIN_NAME
            """)
    void mapsFindingTypesToTheFilesEntityNames(String findingType, String entityType) {
        assertThat(EntityTypes.entityOf(findingType)).contains(entityType);
        assertThat(EntityTypes.isScored(entityType)).isTrue();
    }

    @Test
    void ignoresFindingsOfUnmappedTypes() {
        List<Finding> findings = List.of(
                new Finding("injection.instruction_override", "injection", "INJ-1", Severity.HIGH, 0.9, 0, 0, 10),
                new Finding("pii.email", "pii", "DLP-EMAIL", Severity.MEDIUM, 0.9, 0, 12, 20));
        assertThat(PiiEvaluation.predictions(findings)).containsExactly(new EntitySpan("EMAIL_ADDRESS", 12, 20));
    }

    @Test
    void measuresTheDefaultEngineOnTheFixture() throws Exception {
        PiiReport r = PiiEvaluation.run(EvalFileReaderTest.fixture("pii-tiny.jsonl"), DetectionEngine.defaults());

        assertThat(r.texts()).isEqualTo(5);
        // the second e-mail address (in a text without gold spans) is a false positive by the file's labels
        assertThat(r.entities()).containsOnly(
                Map.entry("EMAIL_ADDRESS", new EntityScore(1, 2, 1)),
                Map.entry("CREDIT_CARD", new EntityScore(1, 1, 1)),
                Map.entry("PHONE_NUMBER", new EntityScore(1, 1, 1)));
        assertThat(r.notInOverall()).containsExactly(Map.entry("PERSON", new EntityScore(1, 0, 0)));
    }

    @Test
    void overallSumsOnlyTheMappedTypes() throws Exception {
        PiiReport r = PiiEvaluation.run(EvalFileReaderTest.fixture("pii-tiny.jsonl"), DetectionEngine.defaults());

        assertThat(r.overall()).isEqualTo(new EntityScore(3, 4, 3));
        assertThat(r.overall().precision().value()).isCloseTo(3.0 / 4, within(1e-12));
        assertThat(r.overall().recall().value()).isCloseTo(3.0 / 3, within(1e-12));
        assertThat(r.overall().f2()).isCloseTo(5 * 0.75 * 1.0 / (4 * 0.75 + 1.0), within(1e-12));
    }

    @Test
    void listsUnscoredTypesByDescendingCount() {
        PiiReport r = PiiEvaluation.report(10, Map.of(
                "GPE", new EntityScore(2, 0, 0),
                "PERSON", new EntityScore(5, 0, 0),
                "AGE", new EntityScore(2, 0, 0),
                "CREDIT_CARD", new EntityScore(3, 3, 3),
                "EMAIL_ADDRESS", new EntityScore(4, 2, 2)));

        assertThat(r.notInOverall().keySet()).containsExactly("PERSON", "AGE", "GPE");
        assertThat(r.entities().keySet()).containsExactly("EMAIL_ADDRESS", "CREDIT_CARD");
        assertThat(r.overall()).isEqualTo(new EntityScore(7, 5, 5));
    }

    @Test
    void f2WeighsRecallAbovePrecision() {
        EntityScore preciseButIncomplete = new EntityScore(10, 2, 2);
        EntityScore completeButNoisy = new EntityScore(10, 20, 10);
        assertThat(completeButNoisy.f2()).isGreaterThan(preciseButIncomplete.f2());
        assertThat(new EntityScore(10, 0, 0).f2()).isZero();
    }
}
