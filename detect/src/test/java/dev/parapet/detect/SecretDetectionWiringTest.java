package dev.parapet.detect;

import dev.parapet.core.ChatMessage;
import dev.parapet.core.Finding;
import dev.parapet.detect.secrets.SecretDetector;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The secret detector plugs into the engine and the redactor like any detector. */
class SecretDetectionWiringTest {

    private static final String TOKEN = "ghp_" + "q8Lr2Vt6Xw0Ny4Pb7Mc1Kd5Hf9Js3Ga6Eu0Z";

    @Test
    void engineReportsTheSecretWithItsMessageIndexAndTheRedactorMasksOnlyIt() {
        DetectionEngine engine = new DetectionEngine(List.of(SecretDetector.defaults()), List.of());
        List<ChatMessage> messages = List.of(
                new ChatMessage("system", "You are a helpful assistant."),
                new ChatMessage("user", "Why does GITHUB_TOKEN=" + TOKEN + " give me a 401?"));

        DetectionResult result = engine.scan(messages);

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo("secret.github_pat");
            assertThat(f.messageIndex()).isEqualTo(1);
        });
        // a critical secret is full exposure, capped by the risk model below its hold band
        assertThat(result.signals().exposure()).isGreaterThanOrEqualTo(90);
        assertThat(result.riskScore()).isEqualTo(engine.riskModel().exposureCap());
        List<Finding> findings = result.findings();
        assertThat(Redactor.redact(messages, findings).get(1).content())
                .isEqualTo("Why does GITHUB_TOKEN=" + Redactor.placeholder("secret.github_pat") + " give me a 401?");
    }
}
