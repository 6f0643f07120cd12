package dev.parapet.policy;

import dev.parapet.core.Action;
import dev.parapet.core.Finding;
import dev.parapet.core.Severity;
import org.junit.jupiter.api.Test;

import static dev.parapet.policy.Inputs.finding;
import static dev.parapet.policy.Inputs.input;
import static dev.parapet.policy.Inputs.withRisk;
import static org.assertj.core.api.Assertions.assertThat;

class DefaultBundleTest {

    private final PolicyBundle bundle = PolicyBundle.defaults();
    private final PolicyEngine engine = new PolicyEngine(bundle);

    @Test
    void blocksPromptInjection() {
        PolicyDecision d = engine.decide(withRisk(84, finding("injection.instruction_override", 0, 10)));

        assertThat(d.action()).isEqualTo(Action.BLOCK);
        assertThat(d.reasonCodes()).containsExactly("prompt_injection_detected");
        assertThat(d.matchedRuleIds()).containsExactly("block-prompt-injection");
        assertThat(d.redactions()).isEmpty();
        assertThat(d.degraded()).isFalse();
    }

    @Test
    void redactsEmailsAndOnlyEmails() {
        Finding email = finding("pii.email", 3, 20);
        Finding other = finding("pii.phone", 30, 40);

        PolicyDecision d = engine.decide(input(email, other));

        assertThat(d.action()).isEqualTo(Action.REDACT);
        assertThat(d.reasonCodes()).containsExactly("pii_email_redacted");
        assertThat(d.redactions()).containsExactly(email);
    }

    @Test
    void redactsEmailsAndCardsTogether() {
        Finding email = finding("pii.email", 3, 20);
        Finding card = finding("pci.card_number", 30, 46);

        PolicyDecision d = engine.decide(input(email, card));

        assertThat(d.action()).isEqualTo(Action.REDACT);
        assertThat(d.reasonCodes()).containsExactly("pii_email_redacted", "pci_card_number_redacted");
        assertThat(d.matchedRuleIds()).containsExactly("redact-email", "redact-card-number");
        assertThat(d.redactions()).containsExactly(email, card);
    }

    @Test
    void blockWinsOverRedact() {
        PolicyDecision d = engine.decide(withRisk(97, finding("pii.email", 3, 20), finding("injection.delimiter", 0, 5)));

        assertThat(d.action()).isEqualTo(Action.BLOCK);
        assertThat(d.reasonCodes()).containsExactly("prompt_injection_detected");
        assertThat(d.matchedRuleIds()).containsExactly("block-prompt-injection");
        assertThat(d.redactions()).isEmpty();
    }

    @Test
    void allowsWhenNothingWasFound() {
        PolicyDecision d = engine.decide(input());

        assertThat(d.action()).isEqualTo(Action.ALLOW);
        assertThat(d.reasonCodes()).isEmpty();
        assertThat(d.matchedRuleIds()).isEmpty();
        assertThat(d.degraded()).isFalse();
    }

    @Test
    void decisionCarriesTheBundleDigestAndVersion() {
        PolicyDecision d = engine.decide(input());

        assertThat(d.bundleDigest()).isEqualTo(bundle.digest()).matches("sha256:[0-9a-f]{64}");
        assertThat(d.bundleVersion()).isEqualTo("4");
        assertThat(bundle.name()).isEqualTo("default");
    }

    @Test
    void blocksOnTheRiskBandNotOnAnyInjectionFinding() {
        Finding signature = finding("injection.instruction_override", 0, 10);

        assertThat(engine.decide(withRisk(83, signature)).action()).isEqualTo(Action.ALLOW);
        assertThat(engine.decide(withRisk(84)).action()).isEqualTo(Action.BLOCK);
        assertThat(bundle.riskBand()).isEqualTo(RiskBand.DEFAULT);
    }

    @Test
    void theHoldBandIsMonitoredAndLeavesTrafficUnchanged() {
        Finding email = finding("pii.email", 3, 20);

        PolicyDecision held = engine.decide(withRisk(53));
        PolicyDecision heldWithEmail = engine.decide(withRisk(60, email));
        PolicyDecision low = engine.decide(withRisk(52));

        assertThat(held.action()).isEqualTo(Action.ALLOW);
        assertThat(held.matchedRuleIds()).isEmpty();
        assertThat(held.monitoredRuleIds()).containsExactly("hold-suspected-injection");
        assertThat(heldWithEmail.action()).isEqualTo(Action.REDACT);
        assertThat(heldWithEmail.monitoredRuleIds()).containsExactly("hold-suspected-injection");
        assertThat(low.monitoredRuleIds()).isEmpty();
    }

    @Test
    void masksEverySecretKindThroughTheFamilyEntry() {
        Finding github = new Finding("secret.github_pat", "secret", "SEC-1", Severity.CRITICAL, 0.95, 0, 0, 10);
        Finding pem = new Finding("secret.rsa_private_key", "secret", "SEC-2", Severity.CRITICAL, 0.99, 0, 20, 90);

        PolicyDecision d = engine.decide(input(github, pem));

        assertThat(d.action()).isEqualTo(Action.REDACT);
        assertThat(d.reasonCodes()).containsExactly("secret_redacted");
        assertThat(d.redactions()).containsExactly(github, pem);
        assertThat(d.redactModes()).containsOnlyKeys("secret.github_pat", "secret.rsa_private_key");
    }

    @Test
    void masksGovernmentAndHealthIdentifiersButNotPhonesOrDomains() {
        Finding ssn = new Finding("pii.us_ssn", "pii", "DLP-SSN", Severity.HIGH, 0.9, 0, 0, 11);
        Finding npi = new Finding("phi.us_npi", "phi", "DLP-NPI", Severity.HIGH, 0.9, 0, 20, 30);
        Finding phone = new Finding("pii.phone", "pii", "DLP-PHONE", Severity.MEDIUM, 0.9, 0, 40, 52);
        Finding domain = new Finding("pii.domain_name", "pii", "DLP-DOMAIN", Severity.LOW, 0.6, 0, 60, 71);

        PolicyDecision d = engine.decide(input(ssn, npi, phone, domain));

        assertThat(d.action()).isEqualTo(Action.REDACT);
        assertThat(d.reasonCodes()).containsExactly("pii_identifier_redacted", "phi_redacted");
        assertThat(d.redactions()).containsExactly(ssn, npi);
    }

    @Test
    void complianceScoreFallsWithTheMostSeriousMatchingRuleMonitoredOnesIncluded() {
        assertThat(engine.decide(withRisk(0)).complianceScore()).isEqualTo(100);
        assertThat(engine.decide(withRisk(10, finding("pii.email", 0, 5))).complianceScore()).isEqualTo(75); // medium
        assertThat(engine.decide(withRisk(60)).complianceScore()).isEqualTo(75); // the monitored hold rule, medium
        assertThat(engine.decide(withRisk(90)).complianceScore()).isEqualTo(50); // block, high
    }
}
