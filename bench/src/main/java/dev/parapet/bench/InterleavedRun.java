package dev.parapet.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends the same request body to both targets, one pair at a time per worker, so that whatever
 * disturbs the machine (GC, the JIT, a noisy neighbour) hits both targets alike. Even pairs go
 * direct first, odd pairs gateway first, so neither target always runs on a connection that the
 * other has just warmed.
 *
 * <p>The workers are virtual threads; each has one request in flight at a time, so
 * {@code concurrency} is the number of requests in flight across both targets.
 */
final class InterleavedRun {
    private static final String LEAKED_EMAIL = "jane.doe@example.com";

    private final Target direct;
    private final Target gateway;
    private final Scenario scenario;
    private final boolean stream;
    private final Map<Scenario, byte[]> bodies = new EnumMap<>(Scenario.class);
    private final int concurrency;
    private final PrintStream progress;

    /** What one phase measured. */
    record Result(LatencyRecorder direct, LatencyRecorder gateway, double wallSeconds) {
    }

    InterleavedRun(Target direct, Target gateway, Scenario scenario, boolean stream, int concurrency, PrintStream progress) {
        this.direct = direct;
        this.gateway = gateway;
        this.scenario = scenario;
        this.stream = stream;
        this.concurrency = concurrency;
        this.progress = progress;
        for (long i = 0; i < 3; i++) {
            Scenario single = scenario.forRequest(i);
            bodies.computeIfAbsent(single, s -> s.requestBody(stream));
        }
    }

    /** Sends {@code pairs} requests to each target and waits for all of them. */
    Result run(String phase, int pairs) throws InterruptedException {
        LatencyRecorder directLatencies = new LatencyRecorder();
        LatencyRecorder gatewayLatencies = new LatencyRecorder();
        AtomicLong next = new AtomicLong();
        AtomicLong done = new AtomicLong();
        long step = Math.max(1, pairs / 10);
        long start = System.nanoTime();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?>[] futures = new Future<?>[concurrency];
            for (int w = 0; w < concurrency; w++) {
                futures[w] = workers.submit(() -> {
                    for (long i = next.getAndIncrement(); i < pairs; i = next.getAndIncrement()) {
                        Scenario single = scenario.forRequest(i);
                        byte[] body = bodies.get(single);
                        if (i % 2 == 0) {
                            send(direct, body, 200, null, directLatencies);
                            send(gateway, body, single.expectedGatewayStatus(), single, gatewayLatencies);
                        } else {
                            send(gateway, body, single.expectedGatewayStatus(), single, gatewayLatencies);
                            send(direct, body, 200, null, directLatencies);
                        }
                        long d = done.incrementAndGet();
                        if (d % step == 0 || d == pairs) {
                            progress.printf("%s: %d/%d pairs, errors direct=%d gateway=%d, %.1f s%n", phase, d, pairs,
                                    directLatencies.errorCount(), gatewayLatencies.errorCount(),
                                    (System.nanoTime() - start) / 1e9);
                        }
                    }
                    return null;
                });
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a load worker failed", e.getCause());
                }
            }
        }
        return new Result(directLatencies, gatewayLatencies, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Sends one request and records it: a success when the status is the expected one and, for a
     * gateway redaction, the upstream's echo no longer holds the e-mail address; a streamed 200
     * must end with {@code data: [DONE]}.
     */
    private void send(Target target, byte[] body, int expectedStatus, Scenario gatewayScenario,
                      LatencyRecorder into) throws InterruptedException {
        Target.Outcome outcome = target.send(body);
        if (outcome.failure() != null) {
            into.recordError(outcome.failure());
        } else if (outcome.status() != expectedStatus) {
            into.recordError("status " + outcome.status());
        } else if (stream && outcome.status() == 200 && !endsWithDone(outcome.body())) {
            into.recordError("stream without [DONE]");
        } else if (gatewayScenario == Scenario.REDACT
                && new String(outcome.body(), StandardCharsets.UTF_8).contains(LEAKED_EMAIL)) {
            into.recordError("e-mail not redacted");
        } else {
            into.recordSuccess(outcome.nanos());
        }
    }

    private static boolean endsWithDone(byte[] body) {
        String tail = new String(body, Math.max(0, body.length - 32), Math.min(32, body.length), StandardCharsets.UTF_8);
        return tail.strip().endsWith("data: [DONE]");
    }
}
