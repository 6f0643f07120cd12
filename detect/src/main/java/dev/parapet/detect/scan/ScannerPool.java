package dev.parapet.detect.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;

/**
 * Hyperscan scanners (scratch space and buffers) for one database, lent to one thread at a time.
 * A pool rather than a ThreadLocal: request handlers run on virtual threads, of which there may
 * be thousands, each of which would otherwise hold its own scratch space. At most
 * {@code capacity} scanners exist; a thread that finds none idle waits for one (scans take
 * microseconds).
 */
final class ScannerPool implements AutoCloseable {

    private final HyperscanDatabase database;
    private final Semaphore permits;
    private final ConcurrentLinkedDeque<HyperscanScanner> idle = new ConcurrentLinkedDeque<>();
    private final List<HyperscanScanner> created = new ArrayList<>();
    private boolean closed;

    ScannerPool(HyperscanDatabase database, int capacity) {
        this.database = database;
        this.permits = new Semaphore(capacity);
    }

    HyperscanScanner borrow() {
        permits.acquireUninterruptibly();
        HyperscanScanner scanner = idle.pollFirst();
        if (scanner != null) {
            return scanner;
        }
        try {
            return create();
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    void release(HyperscanScanner scanner) {
        idle.offerFirst(scanner);
        permits.release();
    }

    private synchronized HyperscanScanner create() {
        if (closed) {
            throw new IllegalStateException("pattern database is closed");
        }
        HyperscanScanner scanner = new HyperscanScanner(database);
        created.add(scanner);
        return scanner;
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (HyperscanScanner scanner : created) {
            scanner.close();
        }
        created.clear();
        idle.clear();
    }
}
