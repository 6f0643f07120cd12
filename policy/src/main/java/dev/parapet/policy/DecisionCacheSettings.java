package dev.parapet.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether and how a {@link PolicyEngine} caches decisions: a bounded, expiring map from what the
 * bundle's conditions read of an input to the verdict, one per engine (so per bundle: a new
 * bundle starts cold). See {@code docs/policy-language.md}, "Decision cache".
 *
 * @param maximumSize how many verdicts to keep at most; 0 turns the cache off
 * @param timeToLive  how long a verdict is kept after it was computed; positive
 */
public record DecisionCacheSettings(long maximumSize, Duration timeToLive) {

    /** No cache: every decision evaluates the bundle (the default). */
    public static final DecisionCacheSettings OFF = new DecisionCacheSettings(0, Duration.ofMinutes(1));

    /** 10,000 verdicts for one minute each. */
    public static final DecisionCacheSettings DEFAULT = new DecisionCacheSettings(10_000, Duration.ofMinutes(1));

    /** Checks that the size is not negative and the time to live is positive. */
    public DecisionCacheSettings {
        if (maximumSize < 0) {
            throw new IllegalArgumentException("maximumSize must not be negative: " + maximumSize);
        }
        Objects.requireNonNull(timeToLive, "timeToLive");
        if (timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("timeToLive must be positive: " + timeToLive);
        }
    }

    /** Whether these settings turn the cache on. */
    public boolean enabled() {
        return maximumSize > 0;
    }
}
