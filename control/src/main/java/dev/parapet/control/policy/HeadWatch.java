package dev.parapet.control.policy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Long polling on a tenant's current version: answers at once when the head is not one the
 * gateway holds, otherwise waits until it moves or the wait runs out.
 *
 * <p>A publish in this process wakes the waiters of its tenant at once ({@link HeadSignals});
 * while waiting, the head is also re-read every {@code recheck}, so a publish through another
 * control-plane replica is seen within that interval. At most {@code maxWaiters} requests wait
 * at a time; more are refused ({@link Outcome.Busy}) rather than queued.
 */
public final class HeadWatch {
    private final PolicyVersionStore store;
    private final HeadSignals signals;
    private final Semaphore waiters;
    private final int maxWaiters;
    private final Duration recheck;

    public HeadWatch(PolicyVersionStore store, HeadSignals signals, int maxWaiters, Duration recheck) {
        if (maxWaiters < 0) {
            throw new IllegalArgumentException("maxWaiters must not be negative: " + maxWaiters);
        }
        this.store = store;
        this.signals = signals;
        this.waiters = new Semaphore(maxWaiters);
        this.maxWaiters = maxWaiters;
        this.recheck = recheck;
    }

    /** How many requests are waiting now. */
    public int waiting() {
        return maxWaiters - waiters.availablePermits();
    }

    /** What a poll found. */
    public sealed interface Outcome {
        /** The tenant never published. */
        record NoBundle() implements Outcome {
        }

        /** The head is not one the gateway holds: send it. */
        record Changed(Head head) implements Outcome {
        }

        /** The gateway holds the head, and it did not move within the wait. */
        record Unchanged(Head head) implements Outcome {
        }

        /** Too many requests are waiting already. */
        record Busy() implements Outcome {
        }
    }

    /**
     * The tenant's head, once it is not a digest the gateway {@code held} (named in
     * {@code If-None-Match}) or {@code wait} has passed.
     */
    public Outcome poll(String tenantId, Predicate<String> held, Duration wait) throws SQLException, InterruptedException {
        Optional<Head> head = store.head(tenantId);
        if (head.isEmpty()) {
            return new Outcome.NoBundle();
        }
        if (!held.test(head.get().digest())) {
            return new Outcome.Changed(head.get());
        }
        if (wait.isZero() || signals.closed()) {
            return new Outcome.Unchanged(head.get());
        }
        if (!waiters.tryAcquire()) {
            return new Outcome.Busy();
        }
        try {
            return await(tenantId, held, head.get(), System.nanoTime() + wait.toNanos());
        } finally {
            waiters.release();
        }
    }

    private Outcome await(String tenantId, Predicate<String> held, Head last, long deadline)
            throws SQLException, InterruptedException {
        Head seen = last;
        while (true) {
            CompletableFuture<Void> change = signals.nextChange(tenantId);
            Optional<Head> head = store.head(tenantId);
            if (head.isPresent()) {
                seen = head.get();
                if (!held.test(seen.digest())) {
                    return new Outcome.Changed(seen);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || signals.closed()) {
                return new Outcome.Unchanged(seen);
            }
            try {
                change.get(Math.min(left, recheck.toNanos()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // re-read the head: another replica may have moved it
            } catch (ExecutionException e) {
                throw new IllegalStateException("head signal failed", e);
            }
        }
    }
}
