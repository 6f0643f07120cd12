package dev.parapet.control.policy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the requests waiting on a tenant's bundle that its current version moved, in this
 * process. A waiter takes {@link #nextChange} <em>before</em> reading the head, so a change that
 * commits between the read and the wait still wakes it.
 */
public final class HeadSignals {
    private final ConcurrentHashMap<String, CompletableFuture<Void>> next = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** Completes at the tenant's next {@link #changed}, or at {@link #close()}. */
    public CompletableFuture<Void> nextChange(String tenantId) {
        CompletableFuture<Void> f = next.computeIfAbsent(tenantId, t -> new CompletableFuture<>());
        if (closed) {
            f.complete(null);
        }
        return f;
    }

    /** The tenant's head moved (the change has committed): wake its waiters. */
    public void changed(String tenantId) {
        CompletableFuture<Void> f = next.remove(tenantId);
        if (f != null) {
            f.complete(null);
        }
    }

    /** Whether {@link #close()} was called. */
    public boolean closed() {
        return closed;
    }

    /** Wakes every waiter for good, so that a stopping server does not hold long polls open. */
    public void close() {
        closed = true;
        next.values().forEach(f -> f.complete(null));
    }
}
