package dev.parapet.policy.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.policy.PolicyDecision;
import dev.parapet.policy.RuleTrace;

/**
 * Prints a {@link PolicyTestReport} as JSON for tools: {@code summary} (passed, failed, total),
 * {@code cases} (every case with file, name, result, mismatches, decision and trace) and
 * {@code coverage} (rules, matched, percent, unmatched).
 */
public final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /** The report as one JSON document, with a final newline. */
    public static String render(PolicyTestReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("summary")
                .put("passed", report.passed())
                .put("failed", report.failed())
                .put("total", report.results().size());
        ArrayNode cases = root.putArray("cases");
        for (CaseResult r : report.results()) {
            ObjectNode c = cases.addObject()
                    .put("file", r.testCase().file())
                    .put("name", r.testCase().name())
                    .put("result", r.passed() ? "pass" : "fail");
            r.mismatches().forEach(c.putArray("mismatches")::add);
            decision(c.putObject("decision"), r.explanation().decision());
            ArrayNode trace = c.putArray("trace");
            for (RuleTrace t : r.explanation().trace()) {
                ObjectNode n = trace.addObject()
                        .put("rule", t.ruleId())
                        .put("action", t.action().wireName())
                        .put("outcome", t.outcome().wireName());
                if (t.outcome() == RuleTrace.Outcome.ERROR) {
                    n.put("error", t.error());
                }
            }
        }
        RuleCoverage coverage = report.coverage();
        ObjectNode cov = root.putObject("coverage")
                .put("rules", coverage.rules().size())
                .put("matched", coverage.covered().size())
                .put("percent", Math.round(coverage.percent() * 10) / 10.0);
        coverage.uncovered().forEach(cov.putArray("unmatched")::add);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    private static void decision(ObjectNode node, PolicyDecision d) {
        node.put("action", d.action().wireName());
        d.reasonCodes().forEach(node.putArray("reason_codes")::add);
        d.matchedRuleIds().forEach(node.putArray("rules")::add);
        Expectation.redactedTypes(d).forEach(node.putArray("redact")::add);
        node.put("degraded", d.degraded());
    }
}
