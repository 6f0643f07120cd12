package dev.parapet.gateway.events;

import dev.parapet.core.event.EventBatch;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers spooled events to the control plane on a background virtual thread: every flush
 * interval it seals the open segment and ships sealed segments oldest first, in batches of at most
 * {@link EventBatch#MAX_EVENTS}. While the control plane is away it backs off (doubling, up to 30 s)
 * and keeps everything on disk.
 */
public final class EventShipper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventShipper.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final EventSpool spool;
    private final ControlPlaneClient client;
    private final Duration interval;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean lastAttemptFailed;

    public EventShipper(EventSpool spool, ControlPlaneClient client, Duration interval) {
        this.spool = spool;
        this.client = client;
        this.interval = interval;
        this.thread = Thread.ofVirtual().name("parapet-event-shipper").unstarted(this::loop);
    }

    public EventShipper start() {
        thread.start();
        return this;
    }

    /** Whether the last delivery attempt failed (the control plane is away). */
    public boolean backlogged() {
        return lastAttemptFailed;
    }

    private void loop() {
        Duration wait = interval;
        while (running) {
            sleep(wait);
            if (!running) {
                break;
            }
            boolean ok = shipOnce();
            wait = ok ? interval : min(MAX_BACKOFF, wait.multipliedBy(2));
        }
    }

    /**
     * Seals and ships everything spooled so far. Returns true when the spool is empty afterwards.
     * Safe to call from any thread; calls are serialised.
     */
    public synchronized boolean shipOnce() {
        try {
            spool.seal();
            for (Path segment : spool.sealedSegments()) {
                if (!shipSegment(segment)) {
                    lastAttemptFailed = true;
                    return false;
                }
            }
            lastAttemptFailed = false;
            return true;
        } catch (IOException e) {
            LOG.error("event spool unreadable: {}", e.toString());
            lastAttemptFailed = true;
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean shipSegment(Path segment) throws IOException, InterruptedException {
        List<String> lines = spool.read(segment);
        for (int from = 0; from < lines.size(); from += EventBatch.MAX_EVENTS) {
            List<String> batch = lines.subList(from, Math.min(lines.size(), from + EventBatch.MAX_EVENTS));
            switch (client.deliver(batch)) {
                case ACCEPTED -> { }
                case RETRY -> {
                    if (!lastAttemptFailed) {
                        LOG.warn("control plane unavailable; {} events kept in the spool", spool.pending());
                    }
                    return false;
                }
                case REJECTED -> {
                    LOG.error("control plane rejected spool segment {} as invalid; moved to rejected/", segment.getFileName());
                    spool.quarantine(segment, lines.size());
                    return true;
                }
            }
        }
        spool.delete(segment, lines.size());
        if (lastAttemptFailed) {
            LOG.info("control plane reachable again; delivered spooled events");
        }
        return true;
    }

    /** Wakes the shipper to deliver now instead of at the next interval. */
    public void flushSoon() {
        lock.lock();
        try {
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void sleep(Duration d) {
        lock.lock();
        try {
            wake.awaitNanos(d.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Stops the background loop and makes one last attempt to deliver everything spooled. */
    @Override
    public void close() {
        running = false;
        flushSoon();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!shipOnce()) {
            LOG.warn("{} events stay in the spool and will be delivered at the next start", spool.pending());
        }
    }
}
