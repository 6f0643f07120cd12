package dev.parapet.gateway.bundles;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bundle status reports waiting for the control plane, one JSON file each, written before the
 * listener call returns so that none is lost to a restart or an unreachable control plane. Every
 * refusal is recorded, and every activation of a bundle from the control plane, as the body of
 * {@code POST /v1/gateway/bundle-status} (see {@code docs/control-api.md}):
 * <pre>{@code
 * {"report_id": "<uuid>", "ts": "…", "gateway_id": "gw-1", "outcome": "refused", "source": "control_plane",
 *  "digest": "sha256:…", "version": 7, "reason": "file_changed", "detail": "rules/10-pii.yaml …"}
 * }</pre>
 * {@link BundleStatusShipper} delivers them oldest first. At most {@value #MAX_PENDING} are kept;
 * beyond that the oldest is dropped with a warning. Thread-safe.
 */
public final class BundleStatusOutbox implements BundleListener {
    private static final Logger LOG = LoggerFactory.getLogger(BundleStatusOutbox.class);
    /** The most reports kept while the control plane is away. */
    public static final int MAX_PENDING = 1_000;
    private static final String SUFFIX = ".json";

    private final Path dir;
    private final String gatewayId;
    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicLong sequence = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition enqueued = lock.newCondition();
    private long enqueuedCount;

    public BundleStatusOutbox(Path dir, String gatewayId) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.gatewayId = gatewayId;
    }

    @Override
    public void activated(ActiveBundle bundle) {
        if (bundle.source() != BundleSource.CONTROL_PLANE) {
            return;
        }
        ObjectNode report = report("activated", bundle.source(), bundle.activatedAt().toString());
        report.put("digest", bundle.digest());
        if (bundle.controlVersion().isPresent()) {
            report.put("version", bundle.controlVersion().getAsLong());
        } else {
            report.putNull("version");
        }
        report.putNull("reason");
        report.putNull("detail");
        enqueue(report);
    }

    @Override
    public void refused(BundleRefusal refusal) {
        ObjectNode report = report("refused", refusal.source(), refusal.at().toString());
        if (refusal.digest().isPresent()) {
            report.put("digest", refusal.digest().get());
        } else {
            report.putNull("digest");
        }
        if (refusal.controlVersion().isPresent()) {
            report.put("version", refusal.controlVersion().getAsLong());
        } else {
            report.putNull("version");
        }
        report.put("reason", refusal.reason().code());
        report.put("detail", refusal.detail());
        enqueue(report);
    }

    private ObjectNode report(String outcome, BundleSource source, String ts) {
        ObjectNode report = json.createObjectNode();
        report.put("report_id", UUID.randomUUID().toString());
        report.put("ts", ts);
        report.put("gateway_id", gatewayId);
        report.put("outcome", outcome);
        report.put("source", source.wireName());
        return report;
    }

    private void enqueue(ObjectNode report) {
        String name = "%020d-%06d".formatted(System.currentTimeMillis(), sequence.incrementAndGet() % 1_000_000) + SUFFIX;
        try {
            List<Path> pending = pending();
            for (int i = 0; i <= pending.size() - MAX_PENDING; i++) {
                LOG.warn("bundle status outbox full; dropping the oldest report {}", pending.get(i).getFileName());
                Files.deleteIfExists(pending.get(i));
            }
            Path temp = dir.resolve("." + name + ".tmp");
            Files.write(temp, json.writeValueAsBytes(report));
            Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.error("bundle status report could not be written to {}: {}", dir, e.toString());
            return;
        }
        lock.lock();
        try {
            enqueuedCount++;
            enqueued.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** How many reports were enqueued since start; pass it to {@link #awaitReportAfter}. */
    long enqueuedCount() {
        lock.lock();
        try {
            return enqueuedCount;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until more than {@code seen} reports were enqueued, or {@code timeout} passes. */
    void awaitReportAfter(long seen, Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (enqueuedCount == seen && nanos > 0) {
                nanos = enqueued.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Reports not yet delivered, oldest first. */
    public List<Path> pending() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(SUFFIX)
                    && !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    byte[] read(Path report) throws IOException {
        return Files.readAllBytes(report);
    }

    void delivered(Path report) throws IOException {
        Files.deleteIfExists(report);
    }

    /** Moves a report the control plane called invalid aside, for an operator to inspect. */
    void rejected(Path report) throws IOException {
        Path rejected = Files.createDirectories(dir.resolve("rejected"));
        Files.move(report, rejected.resolve(report.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
}
