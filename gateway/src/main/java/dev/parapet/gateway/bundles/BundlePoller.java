package dev.parapet.gateway.bundles;

import dev.parapet.gateway.bundles.PollStatus.State;
import dev.parapet.policy.PolicyEngine;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the gateway's bundle in step with the control plane, on a virtual thread: long-polls
 * {@code GET /v1/gateway/bundle} naming the active digest, and when a new bundle arrives admits it
 * ({@link BundleAdmission}), keeps it on disk ({@link BundleStore}) and swaps it in with one write
 * of the gateway's atomic reference. A refused bundle changes nothing but is reported to the
 * {@link BundleListener} and logged, once per digest and reason.
 *
 * <p>Pacing: after a swap, or a 304 the control plane held open, the next poll starts at once;
 * after a refusal, a missing bundle, or a 304 answered at once (a control plane that does not
 * long-poll), it waits the poll interval; after a failure it backs off from 1 s, doubling up to
 * the poll interval. Every wait is jittered (50-100 %) so that gateways do not poll in step.
 */
public final class BundlePoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BundlePoller.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

    private final BundleClient client;
    private final BundleAdmission admission;
    private final BundleStore store;
    private final AtomicReference<ActiveBundle> active;
    private final BundleListener listener;
    private final String tenant;
    private final Duration interval;
    private final Duration wait;
    private final Clock clock;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile PollStatus status = PollStatus.starting();
    /** The digest and reason last reported as refused; confined to the poller thread. */
    private String lastRefusal;
    private int failures;

    /**
     * @param active   the gateway's active bundle; only this poller writes it once started
     * @param tenant   the gateway's tenant, recorded beside the bundle kept on disk
     * @param interval the poll interval (see the class comment)
     * @param wait     how long the control plane may hold a poll open
     */
    public BundlePoller(BundleClient client, BundleAdmission admission, BundleStore store,
                        AtomicReference<ActiveBundle> active, BundleListener listener, String tenant,
                        Duration interval, Duration wait, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.admission = Objects.requireNonNull(admission, "admission");
        this.store = Objects.requireNonNull(store, "store");
        this.active = Objects.requireNonNull(active, "active");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.interval = interval;
        this.wait = wait;
        this.clock = clock;
        this.thread = Thread.ofVirtual().name("parapet-bundle-poller").unstarted(this::loop);
    }

    public BundlePoller start() {
        thread.start();
        return this;
    }

    /** How the last poll went. */
    public PollStatus status() {
        return status;
    }

    private void loop() {
        while (running) {
            Duration pause;
            try {
                pause = pollOnce();
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                LOG.error("bundle poll failed unexpectedly: {}", e.toString());
                pause = interval;
            }
            if (!pause.isZero() && running) {
                try {
                    Thread.sleep(jittered(pause));
                } catch (InterruptedException e) {
                    break;
                }
            }
        }
    }

    /**
     * One poll that does not wait for a change, before the gateway serves: the control plane's
     * current bundle, when it differs from the one chosen at start, is admitted and activated now,
     * so that the first requests are not decided by an older bundle. Failures are handled as in
     * the loop (the gateway serves with what it has and the loop tries again).
     */
    public void syncNow() throws InterruptedException {
        pollOnce(Duration.ZERO);
    }

    /** One poll and what follows from it; answers how long to pause before the next. */
    Duration pollOnce() throws InterruptedException {
        return pollOnce(wait);
    }

    private Duration pollOnce(Duration wait) throws InterruptedException {
        long started = System.nanoTime();
        ActiveBundle current = active.get();
        Poll poll = client.poll(List.of(current.digest()), wait);
        Instant now = clock.instant();
        return switch (poll) {
            case Poll.NotModified n -> {
                recovered(State.UNCHANGED, now, null);
                Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
                yield !wait.isZero() && elapsed.compareTo(wait.dividedBy(2)) >= 0 ? Duration.ZERO
                        : positive(interval.minus(elapsed));
            }
            case Poll.NoBundle n -> {
                recovered(State.NO_BUNDLE, now, null);
                yield interval;
            }
            case Poll.Failed f -> {
                failed(f, now);
                yield backoff();
            }
            case Poll.Unusable u -> {
                recovered(State.REFUSED, now, u.reason().code());
                refuse(new BundleRefusal(BundleSource.CONTROL_PLANE, u.reason(), u.detail(), u.digest(), u.version(), now),
                        current);
                yield interval;
            }
            case Poll.Changed c -> changed(c.candidate(), current, now, started);
        };
    }

    private Duration changed(BundleCandidate candidate, ActiveBundle current, Instant now, long pollStarted) {
        if (candidate.files().digest().equals(current.digest())) {
            recovered(State.UNCHANGED, now, null);
            return interval;
        }
        long received = System.nanoTime();
        return switch (admission.admit(candidate)) {
            case Admission.Refused r -> {
                recovered(State.REFUSED, now, r.reason().code());
                refuse(new BundleRefusal(BundleSource.CONTROL_PLANE, r.reason(), r.detail(),
                        Optional.of(candidate.claimedDigest().orElse(candidate.files().digest())),
                        candidate.controlVersion(), now), current);
                yield interval;
            }
            case Admission.Admitted a -> {
                ActiveBundle next = new ActiveBundle(new PolicyEngine(a.bundle()), BundleSource.CONTROL_PLANE,
                        candidate.controlVersion(), now);
                long admitted = System.nanoTime();
                try {
                    store.save(candidate.files(), candidate.signatures(), candidate.controlVersion(), tenant);
                } catch (IOException e) {
                    LOG.error("policy bundle {} could not be kept in {}: {}; enforcing it anyway, the previous one "
                            + "would be loaded at the next start", next.digest(), store.dir(), e.toString());
                }
                long persisted = System.nanoTime();
                active.set(next);
                lastRefusal = null;
                recovered(State.UPDATED, now, null);
                LOG.info("policy bundle activated source=control_plane name={} version={} control_version={} digest={} "
                                + "previous_digest={} verify_compile_ms={} persist_ms={} poll_ms={}", next.bundle().name(),
                        next.bundle().version(),
                        candidate.controlVersion().isPresent() ? candidate.controlVersion().getAsLong() : "none",
                        next.digest(), current.digest(), millis(admitted - received), millis(persisted - admitted),
                        millis(received - pollStarted));
                listener.activated(next);
                yield Duration.ZERO;
            }
        };
    }

    private void refuse(BundleRefusal refusal, ActiveBundle current) {
        String key = refusal.digest().orElse("?") + " " + refusal.reason();
        if (key.equals(lastRefusal)) {
            LOG.debug("policy bundle still refused reason={} digest={}", refusal.reason().code(), refusal.digest().orElse("unknown"));
            return;
        }
        lastRefusal = key;
        LOG.warn("policy bundle refused source=control_plane reason={} digest={} control_version={} detail={}; "
                        + "still enforcing digest={} version={}", refusal.reason().code(), refusal.digest().orElse("unknown"),
                refusal.controlVersion().isPresent() ? refusal.controlVersion().getAsLong() : "unknown",
                refusal.detail(), current.digest(), current.bundle().version());
        listener.refused(refusal);
    }

    private void recovered(State state, Instant now, String detail) {
        if (failures > 0) {
            LOG.info("control plane answers bundle polls again");
        }
        failures = 0;
        status = PollStatus.of(state, now, detail);
    }

    private void failed(Poll.Failed f, Instant now) {
        if (failures == 0) {
            LOG.warn("bundle poll failed: {}; enforcing digest={} and retrying", f.detail(), active.get().digest());
        }
        failures++;
        status = PollStatus.of(f.unauthorized() ? State.UNAUTHORIZED : State.UNREACHABLE, now, f.detail());
    }

    private Duration backoff() {
        Duration step = FIRST_BACKOFF.multipliedBy(1L << Math.min(failures - 1, 20));
        return step.compareTo(interval) < 0 ? step : interval;
    }

    private static Duration jittered(Duration d) {
        return Duration.ofNanos((long) (d.toNanos() * ThreadLocalRandom.current().nextDouble(0.5, 1.0)));
    }

    private static String millis(long nanos) {
        return "%.1f".formatted(nanos / 1e6);
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** Stops polling, abandoning a poll in flight. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close();
    }
}
