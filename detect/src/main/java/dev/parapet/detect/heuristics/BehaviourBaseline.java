package dev.parapet.detect.heuristics;

import dev.parapet.core.Finding;
import dev.parapet.core.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Per-principal behavioural baselines: exponentially weighted moving averages of what a
 * principal usually does, and findings (family {@code heuristic}, severity low) when a request
 * is far outside them.
 *
 * <ul>
 *   <li>{@code heuristic.anomalous_length}: the request's length is more than {@code k} standard
 *       deviations <em>above</em> the principal's mean length (on a log scale, since lengths are
 *       heavy-tailed: a jump from 200 to 2,000 characters weighs like one from 2,000 to 20,000);</li>
 *   <li>{@code heuristic.anomalous_rate}: the time since the principal's previous request is more
 *       than {@code k} standard deviations <em>below</em> its mean (log seconds): a burst;</li>
 *   <li>{@code heuristic.unusual_hour}: the hours around the request's hour of day (±1) hold
 *       less than {@link Settings#minHourShare()} of the principal's decayed activity.</li>
 * </ul>
 * Each is one-sided on purpose: shorter requests and pauses are not a risk. No finding is
 * reported until the principal has made {@link Settings#warmUp()} requests. Every observation
 * updates the baseline, anomalous or not, so that a lasting change of habit stops being reported
 * after a while. Standard deviations have a floor ({@link Settings#minLogStdDev()}) so that a
 * principal who always sends the same length is not flagged for a few characters more.
 *
 * <p>Findings carry message index 0 and an empty span (0, 0): they are about the request, not
 * about a piece of text. Confidence grows from 0.5 at {@code k} standard deviations to 1.0 at
 * {@code 2k}.
 *
 * <p>Memory is bounded: at most {@link Settings#maxPrincipals()} principals are tracked, the
 * least recently seen evicted first (about 300 bytes each). Thread-safe: state is guarded by one
 * lock, held for a few hundred nanoseconds per observation.
 */
public final class BehaviourBaseline {
    public static final String ANOMALOUS_LENGTH = "heuristic.anomalous_length";
    public static final String ANOMALOUS_RATE = "heuristic.anomalous_rate";
    public static final String UNUSUAL_HOUR = "heuristic.unusual_hour";

    /**
     * @param alpha         EWMA weight of each new observation, in (0, 1)
     * @param k             standard deviations beyond which an observation is anomalous
     * @param warmUp        observations of a principal before any finding
     * @param minLogStdDev  floor of the standard deviation of log length and log gap
     * @param minHourShare  least decayed share of activity within ±1 hour that is usual
     * @param maxPrincipals principals tracked at most
     * @param zone          the zone whose hour of day is used
     */
    public record Settings(double alpha, double k, int warmUp, double minLogStdDev, double minHourShare,
                           int maxPrincipals, ZoneId zone) {
        public Settings {
            if (!(alpha > 0 && alpha < 1) || !(k > 0) || warmUp < 1 || minLogStdDev < 0
                    || minHourShare < 0 || maxPrincipals < 1) {
                throw new IllegalArgumentException("bad baseline settings");
            }
            Objects.requireNonNull(zone, "zone");
        }

        /** α 0.05 (about the last 20 requests), k 3, warm-up 20, σ floor 0.25, 2% hour share, 10,000 principals, UTC. */
        public static Settings defaults() {
            return new Settings(0.05, 3.0, 20, 0.25, 0.02, 10_000, ZoneId.of("UTC"));
        }
    }

    private final Settings settings;
    private final InstantSource clock;
    private final Map<String, State> principals;

    public BehaviourBaseline(Settings settings, InstantSource clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        int max = settings.maxPrincipals();
        this.principals = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
                return size() > max;
            }
        };
    }

    /** A baseline with {@link Settings#defaults()} on the system clock. */
    public static BehaviourBaseline defaults() {
        return new BehaviourBaseline(Settings.defaults(), InstantSource.system());
    }

    /** {@link #observe(String, Instant, int)} at the clock's current instant. */
    public List<Finding> observe(String principalKey, int length) {
        return observe(principalKey, clock.instant(), length);
    }

    /**
     * Scores a request of {@code length} characters by {@code principalKey} at {@code at} against
     * the principal's baseline, then adds it to the baseline.
     *
     * @return the anomaly findings, empty during warm-up and for ordinary requests
     */
    public List<Finding> observe(String principalKey, Instant at, int length) {
        Objects.requireNonNull(principalKey, "principalKey");
        Objects.requireNonNull(at, "at");
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length);
        }
        int hour = at.atZone(settings.zone()).getHour();
        double logLength = Math.log1p(length);
        List<Finding> out = new ArrayList<>(0);
        synchronized (principals) {
            State s = principals.computeIfAbsent(principalKey, key -> new State());
            double logGap = Double.NaN;
            if (s.last != null) {
                long millis = Math.max(0, Duration.between(s.last, at).toMillis());
                logGap = Math.log1p(millis / 1000.0);
            }
            if (s.count >= settings.warmUp()) {
                double zLength = (logLength - s.length.mean) / s.length.stdDev(settings.minLogStdDev());
                if (zLength > settings.k()) {
                    out.add(finding(ANOMALOUS_LENGTH, "HEUR-BASELINE-LENGTH", zLength));
                }
                if (!Double.isNaN(logGap)) {
                    double zGap = (s.gap.mean - logGap) / s.gap.stdDev(settings.minLogStdDev());
                    if (zGap > settings.k()) {
                        out.add(finding(ANOMALOUS_RATE, "HEUR-BASELINE-RATE", zGap));
                    }
                }
                double share = s.hourShare(hour);
                if (share < settings.minHourShare()) {
                    double c = 0.5 + 0.5 * (1 - share / settings.minHourShare());
                    out.add(new Finding(UNUSUAL_HOUR, HeuristicDetector.FAMILY, "HEUR-BASELINE-HOUR", Severity.LOW,
                            round(c), 0, 0, 0));
                }
            }
            s.length.add(logLength, s.count == 0, settings.alpha());
            if (!Double.isNaN(logGap)) {
                s.gap.add(logGap, s.gaps == 0, settings.alpha());
                s.gaps++;
            }
            s.addHour(hour, settings.alpha());
            s.count++;
            if (s.last == null || at.isAfter(s.last)) {
                s.last = at;
            }
        }
        return out;
    }

    /** The number of principals currently tracked. */
    public int size() {
        synchronized (principals) {
            return principals.size();
        }
    }

    private Finding finding(String type, String ruleId, double z) {
        double c = 0.5 + 0.5 * (z - settings.k()) / settings.k();
        return new Finding(type, HeuristicDetector.FAMILY, ruleId, Severity.LOW, round(Math.clamp(c, 0.5, 1.0)), 0, 0, 0);
    }

    private static double round(double c) {
        return Math.round(Math.clamp(c, 0.0, 1.0) * 1000) / 1000.0;
    }

    /** EWMA mean and variance (Finch, "Incremental calculation of weighted mean and variance", 2009). */
    private static final class Ewma {
        double mean;
        double variance;

        void add(double x, boolean first, double alpha) {
            if (first) {
                mean = x;
                variance = 0;
                return;
            }
            double diff = x - mean;
            double incr = alpha * diff;
            mean += incr;
            variance = (1 - alpha) * (variance + diff * incr);
        }

        double stdDev(double floor) {
            return Math.max(floor, Math.sqrt(variance));
        }
    }

    private static final class State {
        final Ewma length = new Ewma();
        final Ewma gap = new Ewma();
        final double[] hours = new double[24];
        double hourTotal;
        int count;
        int gaps;
        Instant last;

        /** Decays every hour's weight by (1 − α) and adds α to this hour: an EWMA of the hour histogram. */
        void addHour(int hour, double alpha) {
            for (int h = 0; h < 24; h++) {
                hours[h] *= 1 - alpha;
            }
            hours[hour] += alpha;
            hourTotal = hourTotal * (1 - alpha) + alpha;
        }

        double hourShare(int hour) {
            if (hourTotal == 0) {
                return 1;
            }
            double near = hours[(hour + 23) % 24] + hours[hour] + hours[(hour + 1) % 24];
            return near / hourTotal;
        }
    }
}
