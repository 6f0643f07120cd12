package dev.parapet.policy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import static dev.parapet.policy.InputField.FINDINGS;
import static dev.parapet.policy.InputField.PRINCIPAL_ATTRIBUTES;
import static dev.parapet.policy.InputField.PRINCIPAL_ROLE;
import static dev.parapet.policy.InputField.REQUEST_MODEL;
import static dev.parapet.policy.InputField.RISK;
import static dev.parapet.policy.InputField.RISK_BAND;
import static dev.parapet.policy.InputField.TIME;
import static dev.parapet.policy.InputField.TOOL_ARGUMENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

class ConditionReadsTest {

    private static Set<InputField> with(Set<InputField> a, InputField... more) {
        Set<InputField> out = EnumSet.noneOf(InputField.class);
        out.addAll(a);
        out.addAll(Set.of(more));
        return out;
    }

    static Stream<Arguments> conditions() {
        Set<InputField> request = InputField.allOf("request");
        return Stream.of(
                argumentSet("one_field", "request.model == 'x'", Set.of(REQUEST_MODEL)),
                argumentSet("index_form_and_another_variable", "request['model'] == 'x' && principal.role == 'a'",
                        Set.of(REQUEST_MODEL, PRINCIPAL_ROLE)),
                argumentSet("attribute_value", "principal.attributes['region'] == 'eu'", Set.of(PRINCIPAL_ATTRIBUTES)),
                argumentSet("attribute_presence", "'region' in principal.attributes", Set.of(PRINCIPAL_ATTRIBUTES)),
                argumentSet("findings", "findings.exists(f, f.type == 'pii.email')", Set.of(FINDINGS)),
                argumentSet("risk_band", "risk_band == 'block'", Set.of(RISK_BAND)),
                argumentSet("risk", "risk > 3", Set.of(RISK)),
                argumentSet("time", "time.getHours('UTC') > 3", Set.of(TIME)),
                argumentSet("tool_arguments", "tool.arguments.to == 'x'", Set.of(TOOL_ARGUMENTS)),
                argumentSet("presence_test", "has(request.model)", Set.of(REQUEST_MODEL)),
                argumentSet("constant", "true", Set.of()),
                argumentSet("map_used_whole", "size(request) > 3", request),
                argumentSet("unknown_field", "request.unknown == 'x'", request),
                argumentSet("computed_key", "request[principal.role] == 'x'", with(request, PRINCIPAL_ROLE)),
                argumentSet("macro_variable_named_like_a_variable", "findings.exists(request, request.type == 'x')",
                        with(request, FINDINGS)));
    }

    @ParameterizedTest
    @MethodSource("conditions")
    void readsWhatTheConditionCanSee(String when, Set<InputField> expected) throws PolicyBundleException {
        assertThat(PolicyCel.compile("r", when).reads()).containsExactlyInAnyOrderElementsOf(expected);
    }
}
