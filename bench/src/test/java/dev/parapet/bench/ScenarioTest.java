package dev.parapet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.core.ChatMessage;
import dev.parapet.core.Interaction;
import dev.parapet.core.Principal;
import dev.parapet.detect.DetectionEngine;
import dev.parapet.detect.DetectionResult;
import dev.parapet.policy.PolicyBundle;
import dev.parapet.policy.PolicyDecision;
import dev.parapet.policy.PolicyEngine;
import dev.parapet.policy.PolicyInput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioTest {

    @ParameterizedTest(name = "{0} prompt is decided {0} by the default policy")
    @CsvSource({"allow", "redact", "block"})
    void eachScenarioPromptGetsItsDecision(String scenario) {
        List<ChatMessage> messages = List.of(new ChatMessage("user", Scenario.parse(scenario).prompt()));
        DetectionResult detection = DetectionEngine.defaults().scan(messages);
        PolicyDecision decision = new PolicyEngine(PolicyBundle.defaults()).decide(new PolicyInput(
                new Principal("t", "bench", Principal.Kind.SERVICE, "developer", Map.of()),
                new Interaction("openai", "chat.completions", "parapet-echo", messages, false, 1500),
                detection.findings(), detection.riskScore()));

        assertThat(decision.action().wireName()).isEqualTo(scenario);
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
