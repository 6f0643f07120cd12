package dev.parapet.policy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static dev.parapet.policy.InputField.PRINCIPAL_KIND;
import static dev.parapet.policy.InputField.PRINCIPAL_ROLE;
import static dev.parapet.policy.InputField.PRINCIPAL_TENANT;
import static dev.parapet.policy.InputField.REQUEST_BYTES;
import static dev.parapet.policy.InputField.REQUEST_MESSAGE_COUNT;
import static dev.parapet.policy.InputField.REQUEST_MODEL;
import static dev.parapet.policy.InputField.REQUEST_STREAM;
import static dev.parapet.policy.InputField.RISK;
import static dev.parapet.policy.InputField.RISK_BAND;
import static dev.parapet.policy.InputField.TOOL_NAME;
import static dev.parapet.policy.FindingPredicate.Key.RULE_ID;
import static dev.parapet.policy.FindingPredicate.Key.SEVERITY;
import static dev.parapet.policy.FindingPredicate.Key.TYPE;
import static dev.parapet.policy.RuleGuard.IntCompare.Op.GE;
import static dev.parapet.policy.RuleGuard.IntCompare.Op.GT;
import static dev.parapet.policy.RuleGuard.IntCompare.Op.LE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

class GuardExtractorTest {

    private static ConditionGuard guardOf(String when) throws PolicyBundleException {
        return PolicyCel.compile("r", when).guard();
    }

    private static ConditionGuard complete(RuleGuard... guards) {
        return new ConditionGuard(List.of(guards), true);
    }

    private static ConditionGuard partial(RuleGuard... guards) {
        return new ConditionGuard(List.of(guards), false);
    }

    private static RuleGuard.StringIn is(InputField field, String... values) {
        return new RuleGuard.StringIn(field, Set.of(values));
    }

    private static RuleGuard.FindingPresent types(boolean exact, String... types) {
        return new RuleGuard.FindingPresent(Set.of(types), Set.of(), exact);
    }

    private static FindingPredicate entry(FindingPredicate.Key key, String... values) {
        return new FindingPredicate.EntryIn(key, Set.of(values));
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                argumentSet("model_equals", "request.model == 'gpt-4o'", complete(is(REQUEST_MODEL, "gpt-4o"))),
                argumentSet("literal_on_the_left", "'gpt-4o' == request.model", complete(is(REQUEST_MODEL, "gpt-4o"))),
                argumentSet("index_form", "request['model'] == 'gpt-4o'", complete(is(REQUEST_MODEL, "gpt-4o"))),
                argumentSet("tool_name", "tool.name == 'send_email'", complete(is(TOOL_NAME, "send_email"))),
                argumentSet("role_and_kind", "principal.role == 'admin' && principal.kind == 'user'",
                        complete(is(PRINCIPAL_ROLE, "admin"), is(PRINCIPAL_KIND, "user"))),
                argumentSet("tenant_not_equal", "principal.tenant != 't1'", complete(new RuleGuard.Not(is(PRINCIPAL_TENANT, "t1")))),
                argumentSet("risk_band", "risk_band == 'block'", complete(is(RISK_BAND, "block"))),
                argumentSet("in_list", "principal.role in ['admin', 'developer']", complete(is(PRINCIPAL_ROLE, "admin", "developer"))),
                argumentSet("not_in_list", "!(principal.role in ['admin'])", complete(new RuleGuard.Not(is(PRINCIPAL_ROLE, "admin")))),
                argumentSet("int_compare", "request.message_count > 200", complete(new RuleGuard.IntCompare(REQUEST_MESSAGE_COUNT, GT, 200))),
                argumentSet("int_literal_on_the_left", "200 < request.bytes", complete(new RuleGuard.IntCompare(REQUEST_BYTES, GT, 200))),
                argumentSet("risk_compare", "risk >= 70 && risk <= 90",
                        complete(new RuleGuard.IntCompare(RISK, GE, 70), new RuleGuard.IntCompare(RISK, LE, 90))),
                argumentSet("bool_field", "request.stream", complete(new RuleGuard.BoolIs(REQUEST_STREAM, true))),
                argumentSet("bool_negated", "!request.stream", complete(new RuleGuard.Not(new RuleGuard.BoolIs(REQUEST_STREAM, true)))),
                argumentSet("bool_equals", "request.stream == false", complete(new RuleGuard.BoolIs(REQUEST_STREAM, false))),
                argumentSet("attribute_present", "'region' in principal.attributes", complete(new RuleGuard.AttributePresent("region"))),
                argumentSet("attribute_equals", "principal.attributes['region'] == 'eu'",
                        complete(new RuleGuard.AttributeIn("region", Set.of("eu")))),
                argumentSet("attribute_select_in", "principal.attributes.region in ['eu', 'ch']",
                        complete(new RuleGuard.AttributeIn("region", Set.of("eu", "ch")))),
                argumentSet("finding_type", "findings.exists(f, f.type == 'pii.email')", complete(types(true, "pii.email"))),
                argumentSet("finding_type_and_more_left_to_cel", "findings.exists(f, f.type == 'pii.email' && f.confidence >= 1)",
                        partial(types(false, "pii.email"))),
                argumentSet("finding_more_and_type_left_to_cel", "findings.exists(x, x.type.startsWith('p') && x['type'] == 'pii.email')",
                        partial(types(false, "pii.email"))),
                argumentSet("finding_type_and_confidence", "findings.exists(f, f.type == 'pii.email' && f.confidence >= 0.5)",
                        complete(new RuleGuard.FindingsMatch(false, new FindingPredicate.And(List.of(entry(TYPE, "pii.email"),
                                new FindingPredicate.Confidence(GE, 0.5)))))),
                argumentSet("finding_predicate_with_or_and_not", "findings.exists(x, 0.9 < x.confidence && (x['severity'] in ['high',"
                        + " 'critical'] || x.rule_id != 'R1'))",
                        complete(new RuleGuard.FindingsMatch(false, new FindingPredicate.And(List.of(
                                new FindingPredicate.Confidence(GT, 0.9),
                                new FindingPredicate.Or(List.of(entry(SEVERITY, "high", "critical"),
                                        new FindingPredicate.Not(entry(RULE_ID, "R1"))))))))),
                argumentSet("every_finding", "findings.all(f, f.type == 'pii.email')",
                        complete(new RuleGuard.FindingsMatch(true, entry(TYPE, "pii.email")))),
                argumentSet("count_of_findings", "size(findings) > 0 && findings.size() <= 10", complete(
                        new RuleGuard.FindingsCount(FindingPredicate.ANY, GT, 0), new RuleGuard.FindingsCount(FindingPredicate.ANY, LE, 10))),
                argumentSet("count_of_filtered_findings", "findings.filter(f, f.severity == 'high').size() >= 3",
                        complete(new RuleGuard.FindingsCount(entry(SEVERITY, "high"), GE, 3))),
                argumentSet("count_of_filtered_findings_global_size", "3 <= size(findings.filter(f, f.severity == 'high'))",
                        complete(new RuleGuard.FindingsCount(entry(SEVERITY, "high"), GE, 3))),
                argumentSet("finding_family_or_type", "findings.exists(f, f.family == 'secret' || f.type == 'pii.url_credentials')",
                        complete(new RuleGuard.FindingPresent(Set.of("pii.url_credentials"), Set.of("secret"), true))),
                argumentSet("finding_type_in_list", "findings.exists(f, f.type in ['pii.us_ssn', 'pii.iban'])",
                        complete(types(true, "pii.us_ssn", "pii.iban"))),
                argumentSet("no_finding_of_family", "!findings.exists(f, f.family == 'secret')",
                        complete(new RuleGuard.Not(new RuleGuard.FindingPresent(Set.of(), Set.of("secret"), true)))),
                argumentSet("guarded_and_unguarded", "request.model == 'gpt-4o' && request.model.startsWith('gpt')",
                        partial(is(REQUEST_MODEL, "gpt-4o"))),
                argumentSet("fifty_rules_residency", "'region' in principal.attributes && principal.attributes['region'] == 'r0'"
                        + " && request.model.startsWith('gemini')",
                        partial(new RuleGuard.AttributePresent("region"), new RuleGuard.AttributeIn("region", Set.of("r0")))));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void guardsTheConjunctsOfSupportedShapes(String when, ConditionGuard expected) throws PolicyBundleException {
        assertThat(guardOf(when)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "request.model.startsWith('gpt')",
            "request.model == request.provider",
            "request.model == 5",
            "request.message_count > 2.5",
            "request.model == 'a' || principal.role == 'b'",
            "has(request.model)",
            "findings.all(f, f.type.startsWith('pii'))",
            "findings.exists(f, f.confidence == 0.5)",
            "findings.exists(f, f.type == request.model)",
            "findings.exists(f, f.type == 'pii.email' || f.severity.startsWith('h'))",
            "!findings.exists(f, f.type == 'pii.email' && f.confidence > 1)",
            "findings.exists_one(f, f.type == 'pii.email')",
            "findings.map(f, f.type).size() >= 3",
            "findings.filter(f, f.confidence > 1).size() >= 3",
            "[request.model].exists(m, m == 'gpt-4o')",
            "time.getHours('UTC') >= 20",
            "tool.arguments.to == 'a@example.com'",
            "principal.attributes['region'] == principal.role",
            "size(request) > 0"})
    void leavesOtherShapesToCel(String when) throws PolicyBundleException {
        assertThat(guardOf(when)).isEqualTo(ConditionGuard.NONE);
    }
}
