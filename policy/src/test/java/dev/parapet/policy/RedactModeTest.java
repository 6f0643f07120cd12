package dev.parapet.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.core.Action;
import dev.parapet.core.ChatMessage;
import dev.parapet.core.Finding;
import dev.parapet.core.Interaction;
import dev.parapet.core.Principal;
import dev.parapet.core.RedactionMode;
import dev.parapet.core.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactModeTest {
    private static final String BUNDLE = """
            bundle:
              name: modes
              version: "1"
            rules:
              - id: tokenize-email
                when: "findings.exists(f, f.type == 'pii.email')"
                action: redact
                redact: [pii.email]
                redact_mode: tokenize
                reason_code: pii_email_tokenized
              - id: hash-cards-and-emails
                when: "findings.exists(f, f.family == 'pci' || f.family == 'pii')"
                action: redact
                redact: [pci.card_number, pii.email]
                redact_mode: hash
                reason_code: pci_card_number_hashed
              - id: mask-phones
                when: "findings.exists(f, f.type == 'pii.phone')"
                action: redact
                redact: [pii.phone]
                reason_code: pii_phone_redacted
            """;

    private static Finding finding(String type) {
        return new Finding(type, type.substring(0, type.indexOf('.')), "R", Severity.MEDIUM, 0.9, 0, 0, 4);
    }

    private static PolicyDecision decide(Finding... findings) throws Exception {
        PolicyEngine engine = new PolicyEngine(PolicyBundle.parse(BUNDLE.getBytes(StandardCharsets.UTF_8)));
        Interaction interaction = new Interaction("openai", "chat.completions", "m",
                List.of(new ChatMessage("user", "text")), false, 10);
        return engine.decide(new PolicyInput(new Principal("t", "p", Principal.Kind.USER, "dev", Map.of()),
                interaction, List.of(findings), 40));
    }

    @Test
    void eachTypeTakesTheModeOfTheFirstMatchingRuleThatListsIt() throws Exception {
        PolicyDecision d = decide(finding("pii.email"), finding("pci.card_number"), finding("pii.phone"));

        assertThat(d.action()).isEqualTo(Action.REDACT);
        assertThat(d.redactModes()).containsOnly(
                Map.entry("pii.email", RedactionMode.TOKENIZE),
                Map.entry("pci.card_number", RedactionMode.HASH),
                Map.entry("pii.phone", RedactionMode.MASK));
        assertThat(d.redactions()).hasSize(3);
    }

    @Test
    void withoutARedactDecisionThereAreNoModes() throws Exception {
        assertThat(decide().redactModes()).isEmpty();
    }
}
