package dev.parapet.policy;

import dev.parapet.core.Action;
import dev.parapet.core.Finding;
import dev.parapet.core.ReasonCode;
import dev.parapet.core.RedactionMode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Evaluates a {@link PolicyBundle} against interactions.
 *
 * <p>Semantics:
 * <ol>
 *   <li>Every rule is evaluated, in bundle order, over the same variables.</li>
 *   <li>Matching rules in monitor mode, and canary rules for principals outside their canary
 *       share ({@link CanarySelection}), take no part below: they are listed in
 *       {@link PolicyDecision#monitoredRuleIds()} only. Monitor rules never change traffic.</li>
 *   <li>The most severe action among the other matching rules wins:
 *       block &gt; hold &gt; redact &gt; alert &gt; allow (deny overrides).</li>
 *   <li>The decision's reason codes and rule ids are those of every matching rule whose action
 *       is the winning one, in bundle order (codes without repeats).</li>
 *   <li>If redact wins, the redactions are the findings whose type is in the {@code redact} list
 *       of any matching redact rule.</li>
 *   <li>If no rule matches, the bundle's {@code default_action} applies, with no reason codes.</li>
 *   <li>If a condition fails to evaluate (an error such as a missing map key, or a non-bool
 *       result): with {@code on_error: fail_closed} the decision is block with reason
 *       {@code policy_error} and {@code degraded} (a failing rule that would not be enforced only
 *       marks the decision degraded); with {@code fail_open} the failing rule is
 *       skipped, the others decide, and the decision is marked {@code degraded}.</li>
 * </ol>
 * {@link #decide} never throws. Instances are immutable and thread-safe.
 */
public final class PolicyEngine {

    private final PolicyBundle bundle;
    private final boolean guarded;

    /** An engine for {@code bundle}; cheap, as the bundle is already compiled. */
    public PolicyEngine(PolicyBundle bundle) {
        this(bundle, true);
    }

    /** With {@code guarded} false, every condition runs in CEL: for tests that compare the two. */
    PolicyEngine(PolicyBundle bundle, boolean guarded) {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.guarded = guarded;
    }

    /** The bundle this engine evaluates. */
    public PolicyBundle bundle() {
        return bundle;
    }

    /**
     * Decides on one interaction. Never throws: any failure is handled as the bundle's
     * {@code on_error} setting says.
     */
    public PolicyDecision decide(PolicyInput in) {
        try {
            return decide(in, new InputIndex(in, bundle.riskBand()));
        } catch (PolicyActivation.VariableException e) {
            return failClosed(List.of());
        }
    }

    private PolicyDecision decide(PolicyInput in, InputIndex index) {
        PolicyActivation activation = new PolicyActivation(index);
        boolean degraded = false;
        List<PolicyRule> matched = new ArrayList<>();
        List<String> monitored = new ArrayList<>();
        for (PolicyRule rule : bundle.rules()) {
            Boolean result = ConditionEvaluation.holds(rule, index, activation, guarded);
            if (result == null) {
                if (bundle.onError() == OnError.FAIL_CLOSED && enforced(rule, in)) {
                    return failClosed(List.of(rule.id()));
                }
                degraded = true;
            } else if (result) {
                if (enforced(rule, in)) {
                    matched.add(rule);
                } else {
                    monitored.add(rule.id());
                }
            }
        }
        if (matched.isEmpty()) {
            return new PolicyDecision(bundle.defaultAction(), List.of(), List.of(), List.of(), Map.of(), monitored,
                    degraded, bundle.digest(), bundle.version());
        }
        Action winner = Action.ALLOW;
        for (PolicyRule rule : matched) {
            winner = Action.mostSevere(winner, rule.action());
        }
        Set<String> codes = new LinkedHashSet<>();
        List<String> ids = new ArrayList<>();
        Map<String, RedactionMode> redactModes = new HashMap<>();
        for (PolicyRule rule : matched) {
            if (rule.action() == winner) {
                ids.add(rule.id());
                if (rule.reasonCode() != null) {
                    codes.add(rule.reasonCode());
                }
                for (String type : rule.redact()) {
                    redactModes.putIfAbsent(type, rule.redactMode());
                }
            }
        }
        if (winner != Action.REDACT) {
            return new PolicyDecision(winner, List.copyOf(codes), ids, List.of(), Map.of(), monitored, degraded,
                    bundle.digest(), bundle.version());
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
        return new PolicyDecision(winner, List.copyOf(codes), ids, redactions, modes, monitored, degraded,
                bundle.digest(), bundle.version());
    }

    /** Whether a matching rule takes part in the decision for this principal. */
    private static boolean enforced(PolicyRule rule, PolicyInput in) {
        return switch (rule.mode()) {
            case ENFORCE -> true;
            case MONITOR -> false;
            case CANARY -> CanarySelection.selected(in.principal(), rule.id(), rule.canaryPercent());
        };
    }

    private PolicyDecision failClosed(List<String> ruleIds) {
        return new PolicyDecision(Action.BLOCK, List.of(ReasonCode.POLICY_ERROR.code()), ruleIds, List.of(), Map.of(),
                List.of(), true, bundle.digest(), bundle.version());
    }

    /**
     * Decides on one interaction as {@link #decide} does, and tells how every rule's condition
     * evaluated, in bundle order, with the message of any that failed. For tools that show why
     * (policy tests, simulation): it evaluates the conditions a second time, so keep it off the
     * request path. Never throws.
     */
    public PolicyExplanation explain(PolicyInput in) {
        return new PolicyExplanation(decide(in), RuleTracer.trace(bundle, in, guarded));
    }
}
