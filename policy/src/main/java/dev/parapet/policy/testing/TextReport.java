package dev.parapet.policy.testing;

import dev.parapet.policy.PolicyDecision;
import dev.parapet.policy.RuleTrace;

import java.util.List;

/**
 * Prints a {@link PolicyTestReport} for people, like {@code opa test}: each failing case (and,
 * verbose, each passing one) with what differed, the decision and the rule trace; then the
 * counts and the rule coverage.
 *
 * <pre>
 * FAIL tests/default.yaml: redacts an e-mail address
 *   action: expected redact, got allow
 *   decision: allow, reason codes [], rules [], redact []
 *   rule trace:
 *     block-prompt-injection  block   not matched
 *     redact-email            redact  not matched
 * --------------------------------------------------------------------------------
 * PASS: 12/13
 * FAIL: 1/13
 * Rule coverage: 5/6 rules matched by some case (83.3%)
 *   never matched: redact-health-identifiers
 * </pre>
 */
public final class TextReport {

    private static final String RULER = "-".repeat(80);

    private TextReport() {
    }

    /** The report as text; {@code verbose} lists passing cases too. */
    public static String render(PolicyTestReport report, boolean verbose) {
        StringBuilder out = new StringBuilder();
        for (CaseResult r : report.results()) {
            if (r.passed()) {
                if (verbose) {
                    out.append("PASS ").append(r.testCase().label()).append('\n');
                }
                continue;
            }
            out.append("FAIL ").append(r.testCase().label()).append('\n');
            for (String m : r.mismatches()) {
                out.append("  ").append(m).append('\n');
            }
            out.append("  decision: ").append(decision(r.explanation().decision())).append('\n');
            out.append("  rule trace:\n");
            trace(out, r.explanation().trace());
        }
        int total = report.results().size();
        out.append(RULER).append('\n');
        if (total == 0) {
            out.append("no test cases (add them to tests/*.yaml)\n");
        } else {
            out.append("PASS: ").append(report.passed()).append('/').append(total).append('\n');
            if (report.failed() > 0) {
                out.append("FAIL: ").append(report.failed()).append('/').append(total).append('\n');
            }
        }
        RuleCoverage coverage = report.coverage();
        out.append("Rule coverage: ").append(coverage.covered().size()).append('/').append(coverage.rules().size())
                .append(" rules matched by some case (").append(coverage.percentText()).append("%)\n");
        if (!coverage.uncovered().isEmpty()) {
            out.append("  never matched: ").append(String.join(", ", coverage.uncovered())).append('\n');
        }
        return out.toString();
    }

    private static String decision(PolicyDecision d) {
        return d.action().wireName() + ", reason codes " + d.reasonCodes() + ", rules " + d.matchedRuleIds()
                + ", redact " + Expectation.redactedTypes(d) + (d.degraded() ? ", degraded" : "");
    }

    private static void trace(StringBuilder out, List<RuleTrace> trace) {
        int idWidth = trace.stream().mapToInt(t -> t.ruleId().length()).max().orElse(0);
        int actionWidth = trace.stream().mapToInt(t -> t.action().wireName().length()).max().orElse(0);
        for (RuleTrace t : trace) {
            out.append("    ").append(pad(t.ruleId(), idWidth)).append("  ").append(pad(t.action().wireName(), actionWidth))
                    .append("  ").append(switch (t.outcome()) {
                        case MATCHED -> "matched";
                        case NOT_MATCHED -> "not matched";
                        case ERROR -> "error: " + t.error();
                    }).append('\n');
        }
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }
}
