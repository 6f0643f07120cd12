package dev.parapet.detect.heuristics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.core.Finding;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BehaviourBaselineTest {

    /** Monday 2026-01-05 09:00 UTC; a stable history ends about five hours later. */
    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    private static BehaviourBaseline baseline(int maxPrincipals) {
        BehaviourBaseline.Settings d = BehaviourBaseline.Settings.defaults();
        return new BehaviourBaseline(new BehaviourBaseline.Settings(d.alpha(), d.k(), d.warmUp(), d.minLogStdDev(),
                d.minHourShare(), maxPrincipals, ZoneId.of("UTC")), InstantSource.fixed(START));
    }

    /**
     * A stable history: 60 requests of 400–600 characters, one every 4–6 minutes, during office
     * hours. Returns the instant of the last request.
     */
    private static Instant stableHistory(BehaviourBaseline b, String principal, List<Finding> findings) {
        Random random = new Random(42);
        Instant at = START;
        for (int i = 0; i < 60; i++) {
            at = at.plusSeconds(240 + random.nextInt(120));
            findings.addAll(b.observe(principal, at, 400 + random.nextInt(200)));
        }
        return at;
    }

    private static List<String> types(List<Finding> findings) {
        return findings.stream().map(Finding::type).toList();
    }

    @Test
    void reportsNothingDuringWarmUpHoweverOddTheRequests() {
        BehaviourBaseline b = baseline(100);
        List<Finding> findings = new ArrayList<>();
        Instant at = START;
        for (int i = 0; i < 20; i++) {
            at = at.plusSeconds(i % 2 == 0 ? 1 : 7200);
            findings.addAll(b.observe("alice", at, i % 2 == 0 ? 10 : 50_000));
        }

        assertThat(findings).isEmpty();
    }

    @Test
    void staysQuietWithinNormalVariation() {
        BehaviourBaseline b = baseline(100);
        List<Finding> findings = new ArrayList<>();

        Instant last = stableHistory(b, "alice", findings);
        findings.addAll(b.observe("alice", last.plusSeconds(300), 550));

        assertThat(findings).isEmpty();
    }

    static Stream<Arguments> anomalies() {
        return Stream.of(
                Arguments.of("a request twenty times longer", Duration.ofMinutes(5), 10_000, BehaviourBaseline.ANOMALOUS_LENGTH),
                Arguments.of("a request one second after the last", Duration.ofSeconds(1), 500, BehaviourBaseline.ANOMALOUS_RATE),
                Arguments.of("a request at three in the morning", Duration.ofHours(13), 500, BehaviourBaseline.UNUSUAL_HOUR));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("anomalies")
    void reportsAnAnomalyAfterAStableHistory(String name, Duration after, int length, String type) {
        BehaviourBaseline b = baseline(100);
        List<Finding> history = new ArrayList<>();
        Instant last = stableHistory(b, "alice", history);

        List<Finding> findings = b.observe("alice", last.plus(after), length);

        assertThat(history).isEmpty();
        assertThat(types(findings)).containsExactly(type);
        Finding f = findings.getFirst();
        assertThat(f.family()).isEqualTo("heuristic");
        assertThat(f.confidence()).isBetween(0.5, 1.0);
        assertThat(f.start()).isZero();
        assertThat(f.end()).isZero();
    }

    @Test
    void keepsPrincipalsApart() {
        BehaviourBaseline b = baseline(100);
        Instant last = stableHistory(b, "alice", new ArrayList<>());

        assertThat(b.observe("bob", last.plusSeconds(1), 50_000)).isEmpty();
    }

    @Test
    void shorterRequestsAndLongPausesAreNotAnomalies() {
        BehaviourBaseline b = baseline(100);
        Instant last = stableHistory(b, "alice", new ArrayList<>());

        assertThat(b.observe("alice", last.plus(Duration.ofDays(7)), 5)).isEmpty();
    }

    @Test
    void evictsTheLeastRecentlySeenPrincipalBeyondTheBound() {
        BehaviourBaseline b = baseline(3);
        Instant last = stableHistory(b, "alice", new ArrayList<>());
        for (String p : List.of("bob", "carol", "dave")) {
            b.observe(p, last, 100);
        }

        assertThat(b.size()).isEqualTo(3);
        // alice was evicted: her history is gone, so an odd request is back in warm-up
        assertThat(b.observe("alice", last.plusSeconds(1), 50_000)).isEmpty();
    }

    @Test
    void usesTheClockWhenNoInstantIsGiven() {
        BehaviourBaseline b = baseline(10);

        assertThat(b.observe("alice", 100)).isEmpty();
        assertThat(b.size()).isEqualTo(1);
    }

    @Test
    void survivesConcurrentObserversWithinTheBound() throws Exception {
        BehaviourBaseline b = baseline(50);
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        b.observe("p" + (i % 80), START.plusSeconds(i + thread), 100 + i % 50);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }

        assertThat(b.size()).isEqualTo(50);
    }
}
