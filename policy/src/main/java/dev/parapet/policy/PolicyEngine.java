package dev.parapet.policy;

import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.parapet.core.Action;
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
 * {@link #decide} never throws. Instances are thread-safe.
 *
 * <p>Rules are decided fast where that changes nothing: a condition whose top-level conjuncts have
 * guards ({@link GuardExtractor}) is often decided from them without running CEL, and the CEL
 * variables are built only when a condition that reads them runs. An engine made with
 * {@link DecisionCacheSettings} also caches verdicts by what the rules read of the input
 * ({@link DecisionKey}); decisions are the same with or without it.
 */
public final class PolicyEngine {

    private final PolicyBundle bundle;
    private final boolean guarded;
    private final DecisionCache cache;

    /** An engine for {@code bundle}, without a decision cache; cheap, as the bundle is already compiled. */
    public PolicyEngine(PolicyBundle bundle) {
        this(bundle, DecisionCacheSettings.OFF);
    }

    /**
     * An engine for {@code bundle} with its own decision cache as {@code cache} says
     * ({@link DecisionCacheSettings#OFF} for none). The cache lives as long as the engine: an
     * engine for another bundle starts with an empty one.
     */
    public PolicyEngine(PolicyBundle bundle, DecisionCacheSettings cache) {
        this(bundle, cache, Ticker.systemTicker(), true);
    }

    /** With {@code guarded} false every condition runs in CEL, for tests that compare the two. */
    PolicyEngine(PolicyBundle bundle, boolean guarded) {
        this(bundle, DecisionCacheSettings.OFF, Ticker.systemTicker(), guarded);
    }

    PolicyEngine(PolicyBundle bundle, DecisionCacheSettings cache, Ticker ticker, boolean guarded) {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.guarded = guarded;
        this.cache = Objects.requireNonNull(cache, "cache").enabled() ? new DecisionCache(bundle.rules(), cache, ticker) : null;
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
            InputIndex index = new InputIndex(in, bundle.riskBand());
            RuleGuard.Truth[] guards = guards(index);
            DecisionKey key = cache == null ? null : cache.key(guards, index);
            Verdict verdict = key == null ? null : cache.get(key);
            if (verdict == null) {
                verdict = evaluate(in, index, guards);
                if (key != null) {
                    cache.put(key, verdict);
                }
            }
            return verdict.decisionFor(in);
        } catch (PolicyActivation.VariableException e) {
            return failClosed(List.of()).decision();
        }
    }

    /** What each rule's guard says for this input, in bundle order. */
    private RuleGuard.Truth[] guards(InputIndex index) {
        List<PolicyRule> rules = bundle.rules();
        RuleGuard.Truth[] out = new RuleGuard.Truth[rules.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = guarded ? rules.get(i).condition().guard().test(index) : RuleGuard.Truth.UNKNOWN;
        }
        return out;
    }

    private Verdict evaluate(PolicyInput in, InputIndex index, RuleGuard.Truth[] guards) {
        PolicyActivation activation = new PolicyActivation(index);
        boolean degraded = false;
        List<PolicyRule> matched = new ArrayList<>();
        List<String> monitored = new ArrayList<>();
        List<PolicyRule> matchedAny = new ArrayList<>();
        List<PolicyRule> rules = bundle.rules();
        for (int i = 0; i < guards.length; i++) {
            PolicyRule rule = rules.get(i);
            Boolean result = ConditionEvaluation.holds(rule, guards[i], activation);
            if (result == null) {
                if (bundle.onError() == OnError.FAIL_CLOSED && enforced(rule, in)) {
                    return failClosed(List.of(rule.id()));
                }
                degraded = true;
            } else if (result) {
                matchedAny.add(rule);
                if (enforced(rule, in)) {
                    matched.add(rule);
                } else {
                    monitored.add(rule.id());
                }
            }
        }
        if (matched.isEmpty()) {
            return verdict(bundle.defaultAction(), List.of(), List.of(), Map.of(), monitored, degraded,
                    ComplianceScore.of(matchedAny));
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
        return verdict(winner, List.copyOf(codes), ids, winner == Action.REDACT ? redactModes : Map.of(), monitored, degraded,
                ComplianceScore.of(matchedAny));
    }

    private Verdict verdict(Action action, List<String> codes, List<String> ids, Map<String, RedactionMode> redactModes,
                            List<String> monitored, boolean degraded, int compliance) {
        return new Verdict(new PolicyDecision(action, codes, ids, List.of(), Map.of(), monitored, degraded, bundle.digest(),
                bundle.version(), compliance), redactModes);
    }

    /** Whether a matching rule takes part in the decision for this principal. */
    private static boolean enforced(PolicyRule rule, PolicyInput in) {
        return switch (rule.mode()) {
            case ENFORCE -> true;
            case MONITOR -> false;
            case CANARY -> CanarySelection.selected(in.principal(), rule.id(), rule.canaryPercent());
        };
    }

    private Verdict failClosed(List<String> ruleIds) {
        return new Verdict(new PolicyDecision(Action.BLOCK, List.of(ReasonCode.POLICY_ERROR.code()), ruleIds, List.of(),
                Map.of(), List.of(), true, bundle.digest(), bundle.version(), ComplianceScore.UNKNOWN), Map.of());
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

    /** The decision cache's counters, or null without a cache: for tests. */
    CacheStats cacheStats() {
        return cache == null ? null : cache.stats();
    }

    /** How many verdicts the cache holds, 0 without a cache: for tests. */
    long cacheSize() {
        return cache == null ? 0 : cache.size();
    }
}
