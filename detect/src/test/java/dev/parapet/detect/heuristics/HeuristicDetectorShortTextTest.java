package dev.parapet.detect.heuristics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.core.Finding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Short everyday prompts carry too little text to judge by similarity or density. */
class HeuristicDetectorShortTextTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"What is the capital of France?", "You are a helpful assistant.",
            "What is the password policy for contractors?", "Tell me a joke."})
    void shortBenignPromptsRaiseNothing(String text) {
        List<Finding> out = new ArrayList<>();
        HeuristicDetector.defaults().detect(0, text, out);

        assertThat(out).isEmpty();
    }
}
