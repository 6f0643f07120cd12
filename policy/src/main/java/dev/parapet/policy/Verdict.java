package dev.parapet.policy;

import dev.parapet.core.Action;
import dev.parapet.core.Finding;
import dev.parapet.core.RedactionMode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a bundle decided for one input, without anything taken from the input itself: what the
 * decision cache keeps. {@link #decisionFor} completes it for an input: when redact wins, the
 * redactions are that input's findings of the types the matching redact rules list, so a cached
 * verdict never hands out another request's finding spans.
 *
 * @param decision    the decision, with no redactions
 * @param redactModes when redact wins, how each finding type (or family, {@code secret.*}) the
 *                    winning rules list is replaced: the mode of the first such rule; else empty
 */
record Verdict(PolicyDecision decision, Map<String, RedactionMode> redactModes) {

    Verdict {
        Objects.requireNonNull(decision, "decision");
        redactModes = Map.copyOf(redactModes);
        if (!decision.redactions().isEmpty()) {
            throw new IllegalArgumentException("a verdict holds no redactions");
        }
    }

    /** The decision for {@code in}: with its findings to redact when redact wins. */
    PolicyDecision decisionFor(PolicyInput in) {
        if (decision.action() != Action.REDACT) {
            return decision;
        }
        // a rule may name a whole family (secret.*): the decision lists concrete types
        List<Finding> redactions = new ArrayList<>();
        Map<String, RedactionMode> modes = new HashMap<>();
        for (Finding f : in.findings()) {
            RedactionMode mode = redactModes.getOrDefault(f.type(), redactModes.get(f.family() + ".*"));
            if (mode != null) {
                redactions.add(f);
                modes.putIfAbsent(f.type(), mode);
            }
        }
        PolicyDecision d = decision;
        return new PolicyDecision(d.action(), d.reasonCodes(), d.matchedRuleIds(), redactions, modes, d.monitoredRuleIds(),
                d.degraded(), d.bundleDigest(), d.bundleVersion(), d.complianceScore());
    }
}
