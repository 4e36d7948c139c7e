package dev.jsrun.internal.runtime;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Futures of {@code evalAsync} calls whose promise was still pending when the call
 * returned, by the id the host's JavaScript reports them under once they settle. V8 mode
 * has no event loop, so a later call into the runtime may settle them.
 */
final class PendingPromises {

    private final Map<Integer, CompletableFuture<Object>> pending = new HashMap<>();

    private int nextId;

    /** A new id for a promise that {@code future} waits for. */
    int add(CompletableFuture<Object> future) {
        int id = ++this.nextId;
        this.pending.put(id, future);
        return id;
    }

    /** Forgets {@code id}, whose call answered at once. */
    void remove(int id) {
        this.pending.remove(id);
    }

    /**
     * The future waiting for {@code id}, no longer pending; {@code null} when unknown.
     */
    CompletableFuture<Object> settled(int id) {
        return this.pending.remove(id);
    }

    /** Fails every waiting future, for a runtime that is reset or closed. */
    void failAll(String reason) {
        for (CompletableFuture<Object> future : this.pending.values()) {
            future.completeExceptionally(new IllegalStateException(reason));
        }
        this.pending.clear();
    }

    boolean isEmpty() {
        return this.pending.isEmpty();
    }

}
