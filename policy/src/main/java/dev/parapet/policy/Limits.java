package dev.parapet.policy;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A bundle's rate limits and cost budgets ({@code limits.yaml}). Parsed and validated with the
 * bundle; the gateway will enforce them with the limits and budgets of issue #6.
 *
 * @param rates   request and token rates, at most one per scope and key
 * @param budgets spending budgets, at most one per scope, key and period
 */
public record Limits(List<RateLimit> rates, List<Budget> budgets) {

    /** No limits. */
    public static final Limits NONE = new Limits(List.of(), List.of());

    /** Copies the lists and refuses two limits for the same thing. */
    public Limits {
        rates = List.copyOf(rates);
        budgets = List.copyOf(budgets);
        Set<String> seen = new HashSet<>();
        for (RateLimit r : rates) {
            if (!seen.add(r.scope() + "/" + r.key().orElse("*"))) {
                throw new IllegalArgumentException("two rate limits for " + r.describe());
            }
        }
        seen.clear();
        for (Budget b : budgets) {
            if (!seen.add(b.scope() + "/" + b.key().orElse("*") + "/" + b.period())) {
                throw new IllegalArgumentException("two " + b.period().wireName() + " budgets for " + b.describe());
            }
        }
    }

    /** What a limit counts against. */
    public enum Scope {
        /** The whole tenant. */
        TENANT,
        /** Each user principal. */
        USER,
        /** Each agent principal. */
        AGENT,
        /** Each API key. */
        API_KEY,
        /** Each model. */
        MODEL;

        /** The lower-case name used in {@code limits.yaml}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Scope fromWireName(String name) {
            for (Scope s : values()) {
                if (s.wireName().equals(name)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown scope '" + name + "' (expected tenant, user, agent, api_key or model)");
        }
    }

    /** The period a budget is counted over, in UTC. */
    public enum Period {
        /** A calendar day. */
        DAY,
        /** A calendar month. */
        MONTH;

        /** The lower-case name used in {@code limits.yaml}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Period fromWireName(String name) {
            for (Period p : values()) {
                if (p.wireName().equals(name)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("unknown period '" + name + "' (expected day or month)");
        }
    }

    /**
     * A rate limit.
     *
     * @param scope             what it counts against
     * @param key               one principal, key or model it applies to; empty for each of the scope
     * @param requestsPerMinute the most requests a minute, if limited
     * @param tokensPerMinute   the most tokens (prompt and completion) a minute, if limited
     */
    public record RateLimit(Scope scope, Optional<String> key, OptionalLong requestsPerMinute, OptionalLong tokensPerMinute) {

        /** Checks that something is limited, by positive numbers, and that a tenant limit has no key. */
        public RateLimit {
            Objects.requireNonNull(scope, "scope");
            checkKey(scope, key);
            if (requestsPerMinute.isEmpty() && tokensPerMinute.isEmpty()) {
                throw new IllegalArgumentException("a rate limit needs requests_per_minute or tokens_per_minute");
            }
            if (requestsPerMinute.orElse(1) < 1 || tokensPerMinute.orElse(1) < 1) {
                throw new IllegalArgumentException("rates must be positive");
            }
        }

        String describe() {
            return Limits.describe(scope, key);
        }
    }

    /**
     * A cost budget.
     *
     * @param scope  what it counts against
     * @param key    one principal, key or model it applies to; empty for each of the scope
     * @param period the period it is counted over
     * @param usd    the most that may be spent in a period, in US dollars
     */
    public record Budget(Scope scope, Optional<String> key, Period period, BigDecimal usd) {

        /** Checks that the amount is positive and that a tenant budget has no key. */
        public Budget {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(period, "period");
            checkKey(scope, key);
            if (usd.signum() <= 0) {
                throw new IllegalArgumentException("a budget must be a positive amount, not " + usd);
            }
        }

        String describe() {
            return Limits.describe(scope, key);
        }
    }

    private static void checkKey(Scope scope, Optional<String> key) {
        Objects.requireNonNull(key, "key");
        if (scope == Scope.TENANT && key.isPresent()) {
            throw new IllegalArgumentException("scope tenant takes no key: a bundle governs one tenant");
        }
    }

    private static String describe(Scope scope, Optional<String> key) {
        return key.map(k -> scope.wireName() + " " + k).orElse("each " + scope.wireName());
    }
}
