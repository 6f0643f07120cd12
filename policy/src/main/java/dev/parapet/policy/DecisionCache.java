package dev.parapet.policy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

import java.util.List;

/**
 * The verdicts of one engine's bundle by {@link DecisionKey} (Caffeine: bounded, expiring,
 * thread-safe). An input is not cached when a rule that CEL has to evaluate for it reads
 * {@code time}: its verdict may change from one instant to the next.
 */
final class DecisionCache {

    private static final int PRINCIPAL_IDENTITY = bit(InputField.PRINCIPAL_TENANT) | bit(InputField.PRINCIPAL_ID);
    private static final InputField[] FIELDS = InputField.values();

    static {
        if (FIELDS.length > Integer.SIZE) {
            throw new IllegalStateException("fields are kept as bits of an int");
        }
    }

    private final Cache<DecisionKey, Verdict> verdicts;
    private final int[] reads;
    private final boolean[] canary;

    DecisionCache(List<PolicyRule> rules, DecisionCacheSettings settings, Ticker ticker) {
        if (!settings.enabled()) {
            throw new IllegalArgumentException("the cache is off");
        }
        this.verdicts = Caffeine.newBuilder()
                .maximumSize(settings.maximumSize())
                .expireAfterWrite(settings.timeToLive())
                .ticker(ticker)
                .recordStats()
                .build();
        this.reads = new int[rules.size()];
        this.canary = new boolean[rules.size()];
        for (int i = 0; i < rules.size(); i++) {
            for (InputField f : rules.get(i).condition().reads()) {
                reads[i] |= bit(f);
            }
            canary[i] = rules.get(i).mode() == RuleMode.CANARY;
        }
    }

    private static int bit(InputField f) {
        return 1 << f.ordinal();
    }

    /**
     * The key of an input whose guards came out as {@code states} (one per rule, in bundle
     * order), or null when its verdict must not be cached.
     */
    DecisionKey key(RuleGuard.Truth[] states, InputIndex in) {
        long[] bits = new long[(states.length * 2 + 63) / 64];
        int fields = 0;
        for (int i = 0; i < states.length; i++) {
            RuleGuard.Truth s = states[i];
            bits[i >>> 5] |= (long) s.ordinal() << ((i & 31) * 2);
            if (s == RuleGuard.Truth.UNKNOWN) {
                fields |= reads[i];
            }
            if (s != RuleGuard.Truth.FALSE && canary[i]) {
                fields |= PRINCIPAL_IDENTITY;
            }
        }
        if ((fields & bit(InputField.TIME)) != 0) {
            return null;
        }
        Object[] values = new Object[Integer.bitCount(fields)];
        int n = 0;
        for (int rest = fields; rest != 0; rest &= rest - 1) {
            values[n++] = DecisionKey.value(FIELDS[Integer.numberOfTrailingZeros(rest)], in);
        }
        return new DecisionKey(bits, values);
    }

    Verdict get(DecisionKey key) {
        return verdicts.getIfPresent(key);
    }

    void put(DecisionKey key, Verdict verdict) {
        verdicts.put(key, verdict);
    }

    CacheStats stats() {
        return verdicts.stats();
    }

    long size() {
        verdicts.cleanUp();
        return verdicts.estimatedSize();
    }
}
