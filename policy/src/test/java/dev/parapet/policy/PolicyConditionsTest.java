package dev.parapet.policy;

import dev.parapet.core.Action;
import dev.parapet.core.ChatMessage;
import dev.parapet.core.Interaction;
import dev.parapet.core.Principal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static dev.parapet.policy.Inputs.finding;
import static org.assertj.core.api.Assertions.assertThat;

class PolicyConditionsTest {

    private static final Principal ANALYST = new Principal("t1", "a7", Principal.Kind.AGENT, "analyst", Map.of("region", "eu"));
    private static final Interaction STREAMED = new Interaction("anthropic", "messages", "claude-opus",
            List.of(new ChatMessage("system", "s"), new ChatMessage("user", "u")), true, 2048);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            role_matches                | principal.role == 'analyst'                                     | true
            role_differs                | principal.role == 'admin'                                       | false
            kind_is_lower_case          | principal.kind == 'agent'                                       | true
            tenant_and_id               | principal.tenant == 't1' && principal.id == 'a7'                | true
            attribute_lookup            | principal.attributes['region'] == 'eu'                          | true
            attribute_presence_check    | 'team' in principal.attributes                                  | false
            model_prefix                | request.model.startsWith('claude-')                             | true
            provider_and_endpoint       | request.provider == 'anthropic' && request.endpoint == 'messages' | true
            stream_flag                 | request.stream                                                  | true
            message_count               | request.message_count == 2                                      | true
            request_bytes               | request.bytes > 1024                                            | true
            risk_threshold              | risk >= 50                                                      | true
            finding_severity            | findings.exists(f, f.severity == 'high' && f.confidence > 0.5)  | true
            finding_rule_id             | findings.all(f, f.rule_id == 'R')                               | true
            """)
    void conditionsSeeTheDeclaredVariables(String name, String when, boolean matches) throws PolicyBundleException {
        PolicyEngine engine = new PolicyEngine(Inputs.bundle("""
                bundle: {name: t, version: "1"}
                rules:
                  - id: r
                    when: "%s"
                    action: block
                    reason_code: custom_rule
                """.formatted(when.replace("\"", "\\\""))));

        PolicyDecision d = engine.decide(new PolicyInput(ANALYST, STREAMED, List.of(finding("pii.email", 0, 3)), 55));

        assertThat(d.degraded()).as("degraded").isFalse();
        assertThat(d.action()).isEqualTo(matches ? Action.BLOCK : Action.ALLOW);
    }
}
