package dev.parapet.policy;

import dev.parapet.core.Action;
import dev.parapet.core.Finding;
import dev.parapet.core.RedactionMode;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of evaluating a bundle against one interaction.
 *
 * @param action         what to do: the most severe action among matching enforced rules
 *                       (block &gt; hold &gt; redact &gt; alert &gt; allow), or the bundle's
 *                       default action when none matched
 * @param reasonCodes    the reason codes of the matching rules whose action is {@code action},
 *                       in bundle order without repeats; {@code [policy_error]} on a fail-closed
 *                       error; empty when no rule matched
 * @param matchedRuleIds the ids of the matching rules whose action is {@code action}, in bundle
 *                       order; on a fail-closed error, the id of the rule that failed
 * @param redactions     when {@code action} is redact, the findings to mask: those whose type is
 *                       listed by a matching redact rule; empty otherwise
 * @param redactModes    how each redacted finding type is replaced: the {@code redact_mode} of the
 *                       first matching redact rule (in bundle order) that lists the type
 * @param monitoredRuleIds the ids of matching rules that did not take part because they are in
 *                       monitor mode, or in canary mode for a principal outside the canary, in
 *                       bundle order: what they would have done is for reporting only
 * @param degraded       true when some condition failed to evaluate (the decision was made
 *                       fail-closed, or fail-open without that rule)
 * @param bundleDigest   the digest of the bundle that decided ({@link PolicyBundle#digest()})
 * @param bundleVersion  the version of the bundle that decided
 * @param complianceScore 0–100, how far the interaction was from policy ({@link ComplianceScore}):
 *                       100 when no rule matched, 0 for a fail-closed policy error
 */
public record PolicyDecision(Action action, List<String> reasonCodes, List<String> matchedRuleIds,
                             List<Finding> redactions, Map<String, RedactionMode> redactModes,
                             List<String> monitoredRuleIds, boolean degraded, String bundleDigest, String bundleVersion,
                             int complianceScore) {

    /** Checks for nulls and copies the lists. */
    public PolicyDecision {
        Objects.requireNonNull(action, "action");
        reasonCodes = List.copyOf(reasonCodes);
        matchedRuleIds = List.copyOf(matchedRuleIds);
        redactions = List.copyOf(redactions);
        redactModes = Map.copyOf(redactModes);
        monitoredRuleIds = List.copyOf(monitoredRuleIds);
        Objects.requireNonNull(bundleDigest, "bundleDigest");
        Objects.requireNonNull(bundleVersion, "bundleVersion");
        if (complianceScore < 0 || complianceScore > 100) {
            throw new IllegalArgumentException("complianceScore out of 0..100: " + complianceScore);
        }
    }
}
