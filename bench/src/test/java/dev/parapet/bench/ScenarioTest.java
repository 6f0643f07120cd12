package dev.parapet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.core.ChatMessage;
import dev.parapet.core.Finding;
import dev.parapet.detect.DetectionEngine;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioTest {

    @ParameterizedTest(name = "{0} prompt yields families [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            allow  | ''
            redact | pii
            block  | injection
            """)
    void eachScenarioPromptTriggersExactlyItsFinding(String scenario, String families) {
        List<Finding> findings = DetectionEngine.defaults()
                .scan(List.of(new ChatMessage("user", Scenario.parse(scenario).prompt()))).findings();

        assertThat(findings.stream().map(Finding::family).distinct().toList())
                .isEqualTo(families.isEmpty() ? List.of() : List.of(families));
    }

    @ParameterizedTest(name = "{0}: request {1} is {2}")
    @CsvSource(textBlock = """
            mixed, 0, allow
            mixed, 1, redact
            mixed, 2, block
            mixed, 3, allow
            block, 1, block
            """)
    void mixedCyclesThroughTheSingleKinds(String scenario, long index, String expected) {
        assertThat(Scenario.parse(scenario).forRequest(index)).isEqualTo(Scenario.parse(expected));
    }

    @ParameterizedTest(name = "{0} body is between 1 and 2 KB")
    @CsvSource({"allow", "redact", "block"})
    void requestBodiesAreOneToTwoKilobytes(String scenario) {
        assertThat(Scenario.parse(scenario).requestBody(false).length).isBetween(1024, 2048);
    }
}
