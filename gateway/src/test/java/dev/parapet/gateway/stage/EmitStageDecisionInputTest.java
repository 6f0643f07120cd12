package dev.parapet.gateway.stage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.core.ChatMessage;
import dev.parapet.core.Finding;
import dev.parapet.core.Interaction;
import dev.parapet.core.Principal;
import dev.parapet.core.Severity;
import dev.parapet.core.ToolCall;
import dev.parapet.core.event.DecisionInput;
import dev.parapet.core.event.EventJson;
import dev.parapet.gateway.pipeline.Exchange;
import dev.parapet.policy.PolicyBundle;
import dev.parapet.policy.PolicyEngine;
import dev.parapet.policy.PolicyInput;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Events carry what policy decided on — without content — so that decisions can be simulated. */
class EmitStageDecisionInputTest {
    private static final String SECRET_TEXT = "my card is 4111 1111 1111 1111";

    private static Exchange decided() {
        Exchange ex = new Exchange("d", Instant.now(), System.nanoTime(), "parapet", "decide", null, null);
        ex.principal(new Principal("t1", "agent-7", Principal.Kind.AGENT, "developer", Map.of("team", "core")));
        ex.interaction(new Interaction("parapet", "decide", "gpt-4o",
                List.of(new ChatMessage("user", "hello"), new ChatMessage("tool", SECRET_TEXT)), false, 90));
        ex.tool(new ToolCall("send_email", Map.of("body", SECRET_TEXT)));
        ex.detection(List.of(new Finding("pci.card_number", "pci", "DLP-CARD", Severity.HIGH, 1.0, 1, 11, 30)), 50);
        PolicyEngine engine = new PolicyEngine(PolicyBundle.defaults());
        ex.decision(engine.decide(new PolicyInput(ex.principal(), ex.interaction(), ex.findings(), 50, ex.tool())));
        return ex;
    }

    @Test
    void recordsPrincipalRequestFindingsAndToolNameButNoContentOrSpans() {
        DecisionInput in = EmitStage.decisionInput(decided());

        assertThat(in.role()).isEqualTo("developer");
        assertThat(in.attributes()).containsExactly(Map.entry("team", "core"));
        assertThat(in.messageCount()).isEqualTo(2);
        assertThat(in.tool()).isEqualTo("send_email");
        assertThat(in.findings()).containsExactly(
                new DecisionInput.FindingRecord("pci.card_number", "pci", "DLP-CARD", "high", 1.0));
        String json = EventJson.write(in);
        assertThat(json).doesNotContain("4111").doesNotContain("\"start\"").doesNotContain("body");
    }

    @Test
    void nothingIsRecordedWhenPolicyDidNotRun() {
        Exchange refused = new Exchange("d", Instant.now(), System.nanoTime(), "openai", "chat.completions", null, null);
        assertThat(EmitStage.decisionInput(refused)).isNull();
    }
}
