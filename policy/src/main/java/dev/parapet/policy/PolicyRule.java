package dev.parapet.policy;

import dev.parapet.core.Action;
import dev.parapet.core.RedactionMode;
import dev.parapet.core.Severity;

import java.util.List;
import java.util.Set;

/**
 * One validated rule of a bundle.
 *
 * @param id          unique within the bundle
 * @param description free text for authors, may be empty
 * @param when        the CEL condition as written
 * @param action      what the rule asks for when its condition is true
 * @param reasonCode  the stable code reported when the rule decides; may be null for allow rules
 * @param severity    an optional severity for reporting, may be null
 * @param redact      the finding types masked by a redact rule; empty for other actions
 * @param redactMode  how a redact rule replaces them (mask unless the rule says otherwise)
 * @param mode        whether a match changes traffic (enforce), is only reported (monitor), or
 *                    changes traffic for a share of principals (canary)
 * @param canaryPercent with mode canary, the share of principals (1–99) it is enforced for; 100
 *                    otherwise
 * @param condition   the compiled condition and its guard (immutable, thread-safe)
 */
record PolicyRule(String id, String description, String when, Action action, String reasonCode,
                  Severity severity, Set<String> redact, RedactionMode redactMode, RuleMode mode, int canaryPercent,
                  CompiledCondition condition) {

    PolicyRule {
        redact = Set.copyOf(redact);
    }

    static List<String> ids(List<PolicyRule> rules) {
        return rules.stream().map(PolicyRule::id).toList();
    }
}
