package dev.parapet.policy;

import dev.parapet.core.Action;
import dev.parapet.core.ToolCall;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.parapet.policy.Inputs.CHAT;
import static dev.parapet.policy.Inputs.DEVELOPER;
import static org.assertj.core.api.Assertions.assertThat;

/** Conditions over the {@code tool} an agent asks to call. */
class ToolConditionsTest {

    private final PolicyEngine engine = new PolicyEngine(bundle());

    private static PolicyBundle bundle() {
        try {
            return Inputs.bundle("""
                    bundle: {name: t, version: "1"}
                    rules:
                      - id: tools-allow-list
                        when: "tool.name != '' && !(tool.name in ['search', 'send_email'])"
                        action: block
                        reason_code: tool_not_allowed
                      - id: no-external-mail
                        when: "tool.name == 'send_email' && !tool.arguments.to.endsWith('@example.com')"
                        action: block
                        reason_code: external_recipient
                    """);
        } catch (PolicyBundleException e) {
            throw new AssertionError(e);
        }
    }

    private PolicyDecision decide(ToolCall tool) {
        return engine.decide(new PolicyInput(DEVELOPER, CHAT, List.of(), 0, tool));
    }

    @Test
    void toolsOffTheAllowListAreBlocked() {
        assertThat(decide(new ToolCall("delete_repository", Map.of())).reasonCodes()).containsExactly("tool_not_allowed");
        assertThat(decide(new ToolCall("search", Map.of("q", "weather"))).action()).isEqualTo(Action.ALLOW);
    }

    @Test
    void conditionsReadTheArguments() {
        assertThat(decide(new ToolCall("send_email", Map.of("to", "bob@example.com"))).action()).isEqualTo(Action.ALLOW);
        assertThat(decide(new ToolCall("send_email", Map.of("to", "eve@evil.test"))).reasonCodes())
                .containsExactly("external_recipient");
    }

    @Test
    void aModelRequestHasAnEmptyToolSoToolRulesDoNotFire() {
        assertThat(engine.decide(new PolicyInput(DEVELOPER, CHAT, List.of(), 0)).action()).isEqualTo(Action.ALLOW);
    }
}
