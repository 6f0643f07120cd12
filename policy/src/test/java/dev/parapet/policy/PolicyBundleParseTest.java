package dev.parapet.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;

class PolicyBundleParseTest {

    private static final String HEADER = """
            bundle:
              name: t
              version: "7"
            rules:
            """;

    static Stream<Arguments> invalidBundles() {
        return Stream.of(
                invalid("unknown_action", """
                          - id: r1
                            when: "true"
                            action: quarantine
                            reason_code: x_y
                        """, "rule 'r1'", "unknown action 'quarantine'"),
                invalid("redact_without_list", """
                          - id: r2
                            when: "true"
                            action: redact
                            reason_code: x_y
                        """, "rule 'r2'", "needs a non-empty 'redact' list"),
                invalid("redact_list_on_block", """
                          - id: r3
                            when: "true"
                            action: block
                            redact: [pii.email]
                            reason_code: x_y
                        """, "rule 'r3'", "only allowed with action redact"),
                invalid("malformed_reason_code", """
                          - id: r4
                            when: "true"
                            action: block
                            reason_code: Prompt-Injection
                        """, "rule 'r4'", "malformed reason_code 'Prompt-Injection'"),
                invalid("missing_reason_code_on_block", """
                          - id: r5
                            when: "true"
                            action: block
                        """, "rule 'r5'", "needs a 'reason_code'"),
                invalid("duplicate_id", """
                          - id: twice
                            when: "true"
                            action: allow
                          - id: twice
                            when: "false"
                            action: allow
                        """, "rule 'twice'", "duplicate rule id"),
                invalid("cel_syntax_error", """
                          - id: r6
                            when: "findings.exists(f, f.type == )"
                            action: allow
                        """, "rule 'r6'", "does not compile: \"findings.exists(f, f.type == )\""),
                invalid("cel_undeclared_variable", """
                          - id: r7
                            when: "user.role == 'x'"
                            action: allow
                        """, "rule 'r7'", "undeclared reference to 'user'"),
                invalid("cel_non_bool_result", """
                          - id: r8
                            when: "risk + 1"
                            action: allow
                        """, "rule 'r8'", "does not compile: \"risk + 1\""),
                invalid("missing_when", """
                          - id: r9
                            action: allow
                        """, "rule 'r9'", "missing 'when'"),
                invalid("misspelt_key", """
                          - id: r10
                            when: "true"
                            action: block
                            reasoncode: x_y
                        """, "rule 'r10'", "unknown key 'reasoncode'"),
                invalid("bad_redact_type", """
                          - id: r11
                            when: "true"
                            action: redact
                            redact: [Email]
                            reason_code: x_y
                        """, "rule 'r11'", "is not a finding type"),
                invalid("unknown_redact_mode", """
                          - id: r12
                            when: "true"
                            action: redact
                            redact: [pii.email]
                            redact_mode: scramble
                            reason_code: x_y
                        """, "rule 'r12'", "unknown redaction mode 'scramble'"),
                invalid("redact_mode_on_block", """
                          - id: r13
                            when: "true"
                            action: block
                            redact_mode: tokenize
                            reason_code: x_y
                        """, "rule 'r13'", "'redact_mode' is only allowed with action redact"));
    }

    private static Arguments invalid(String name, String rules, String... messageParts) {
        return Arguments.of(named(name, HEADER + rules), messageParts);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBundles")
    void rejectsInvalidRulesWithAClearMessage(String yaml, String[] messageParts) {
        assertThatThrownBy(() -> Inputs.bundle(yaml))
                .isInstanceOf(PolicyBundleException.class)
                .message().contains(messageParts);
    }

    @Test
    void rejectsMalformedYaml() {
        assertThatThrownBy(() -> Inputs.bundle("bundle: [unclosed"))
                .isInstanceOf(PolicyBundleException.class).hasMessageContaining("not valid YAML");
    }

    @Test
    void rejectsBadHeader() {
        assertThatThrownBy(() -> Inputs.bundle("bundle: {name: t, version: '1', on_error: explode}\nrules: []"))
                .isInstanceOf(PolicyBundleException.class).hasMessageContaining("unknown on_error 'explode'")
                .extracting(e -> ((PolicyBundleException) e).ruleId()).isEqualTo(java.util.Optional.empty());
    }

    @Test
    void exposesTheOffendingRuleId() {
        assertThatThrownBy(() -> Inputs.bundle(HEADER + "  - {id: bad, when: 'true', action: nope}\n"))
                .isInstanceOfSatisfying(PolicyBundleException.class, e -> assertThat(e.ruleId()).contains("bad"));
    }

    @Test
    void digestIsSha256OfTheRawBytesAndChangesWithAnyByte() throws PolicyBundleException {
        String yaml = HEADER + "  - {id: a, when: 'risk > 10', action: allow}\n";
        PolicyBundle one = Inputs.bundle(yaml);
        PolicyBundle same = Inputs.bundle(yaml);
        PolicyBundle other = Inputs.bundle(yaml.replace("risk > 10", "risk > 11"));

        assertThat(one.digest()).isEqualTo(same.digest()).startsWith("sha256:").hasSize(7 + 64);
        assertThat(other.digest()).isNotEqualTo(one.digest());
        assertThat(one.digest()).isEqualTo(dev.parapet.core.SecretHash.of(yaml));
        assertThat(one.version()).isEqualTo("7");
        assertThat(one.name()).isEqualTo("t");
    }

    @Test
    void defaultBundleParses() {
        PolicyBundle bundle = PolicyBundle.defaults();
        assertThat(PolicyRule.ids(bundle.rules()))
                .containsExactly("block-prompt-injection", "hold-suspected-injection", "redact-email", "redact-card-number", "redact-secrets",
                        "redact-identifiers", "redact-health-identifiers");
        assertThat(bundle.digest()).isNotBlank();
    }
}
