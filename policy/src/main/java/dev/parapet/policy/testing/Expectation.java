package dev.parapet.policy.testing;

import dev.parapet.core.Action;
import dev.parapet.core.Finding;
import dev.parapet.policy.PolicyDecision;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The decision a policy test expects. Only the action is required; each other part is checked
 * only when the case states it.
 *
 * @param action      the decision's action
 * @param reasonCodes the decision's reason codes, in order
 * @param rules       the ids of the rules that decided ({@link PolicyDecision#matchedRuleIds()}), in order
 * @param redact      the finding types the decision redacts, in any order
 * @param degraded    whether some condition failed to evaluate
 * @param monitored   the ids of matching rules that only reported ({@link PolicyDecision#monitoredRuleIds()}), in order
 */
public record Expectation(Action action, Optional<List<String>> reasonCodes, Optional<List<String>> rules,
                          Optional<Set<String>> redact, Optional<Boolean> degraded, Optional<List<String>> monitored) {

    /** Checks for nulls and copies the collections. */
    public Expectation {
        Objects.requireNonNull(action, "action");
        reasonCodes = reasonCodes.map(List::copyOf);
        rules = rules.map(List::copyOf);
        redact = redact.map(Set::copyOf);
        Objects.requireNonNull(degraded, "degraded");
        monitored = monitored.map(List::copyOf);
    }

    /** An expectation without monitored rules. */
    public Expectation(Action action, Optional<List<String>> reasonCodes, Optional<List<String>> rules,
                       Optional<Set<String>> redact, Optional<Boolean> degraded) {
        this(action, reasonCodes, rules, redact, degraded, Optional.empty());
    }

    /** How {@code decision} differs from this expectation, one line per difference; empty when it meets it. */
    public List<String> mismatches(PolicyDecision decision) {
        List<String> out = new ArrayList<>();
        if (decision.action() != action) {
            out.add("action: expected " + action.wireName() + ", got " + decision.action().wireName());
        }
        if (reasonCodes.isPresent() && !reasonCodes.get().equals(decision.reasonCodes())) {
            out.add("reason_codes: expected " + reasonCodes.get() + ", got " + decision.reasonCodes());
        }
        if (rules.isPresent() && !rules.get().equals(decision.matchedRuleIds())) {
            out.add("rules: expected " + rules.get() + ", got " + decision.matchedRuleIds());
        }
        Set<String> redacted = redactedTypes(decision);
        if (redact.isPresent() && !redact.get().equals(redacted)) {
            out.add("redact: expected " + new TreeSet<>(redact.get()) + ", got " + redacted);
        }
        if (monitored.isPresent() && !monitored.get().equals(decision.monitoredRuleIds())) {
            out.add("monitored: expected " + monitored.get() + ", got " + decision.monitoredRuleIds());
        }
        if (degraded.isPresent() && degraded.get() != decision.degraded()) {
            out.add("degraded: expected " + degraded.get() + ", got " + decision.degraded());
        }
        return out;
    }

    /** The finding types a decision redacts, sorted. */
    static Set<String> redactedTypes(PolicyDecision decision) {
        Set<String> types = new TreeSet<>();
        for (Finding f : decision.redactions()) {
            types.add(f.type());
        }
        return types;
    }
}
