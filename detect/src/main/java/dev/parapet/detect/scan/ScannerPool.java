package dev.parapet.detect.scan;

import com.gliwka.hyperscan.wrapper.Database;
import com.gliwka.hyperscan.wrapper.Scanner;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;

/**
 * Hyperscan scratch space for one database, lent to one thread at a time. A pool rather than a
 * ThreadLocal: request handlers run on virtual threads, of which there may be thousands, while
 * the Java wrapper allows at most 256 open scanners per process. At most {@code capacity}
 * scanners exist; a thread that finds none idle waits for one (scans take microseconds).
 */
final class ScannerPool implements AutoCloseable {

    /** Scanner construction updates an unsynchronised static counter in the wrapper. */
    private static final Object CREATION_LOCK = new Object();

    private final Database database;
    private final Semaphore permits;
    private final ConcurrentLinkedDeque<Scanner> idle = new ConcurrentLinkedDeque<>();
    private final List<Scanner> created = new ArrayList<>();
    private boolean closed;

    ScannerPool(Database database, int capacity) {
        this.database = database;
        this.permits = new Semaphore(capacity);
    }

    Scanner borrow() {
        permits.acquireUninterruptibly();
        Scanner scanner = idle.pollFirst();
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

    void release(Scanner scanner) {
        idle.offerFirst(scanner);
        permits.release();
    }

    private Scanner create() {
        synchronized (CREATION_LOCK) {
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException("pattern database is closed");
                }
                Scanner scanner = new Scanner();
                scanner.allocScratch(database);
                created.add(scanner);
                return scanner;
            }
        }
    }

    @Override
    public void close() {
        synchronized (CREATION_LOCK) {
            synchronized (this) {
                closed = true;
                for (Scanner scanner : created) {
                    scanner.close();
                }
                created.clear();
                idle.clear();
            }
        }
    }
}
