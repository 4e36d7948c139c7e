package dev.jsrun;

import java.time.Duration;

/**
 * Hands out {@link JsRuntime}s restored from a snapshot.
 */
public interface JsRuntimeFactory extends AutoCloseable {

    /** A dedicated runtime restored from the snapshot; closing it disposes it. */
    JsRuntime create();

    /**
     * A runtime in exactly the snapshot's state, ready for use; closing it gives it back.
     * Pooled factories serve it from their idle runtimes.
     * @throws JsRuntimeUnavailableException when no runtime can be handed out: none
     * became free in time, the factory is closed or shutting down, or it cannot restore
     * runtimes (its {@code reason()} says which)
     */
    JsRuntime acquire();

    /**
     * {@link #acquire()}, waiting at most {@code maxWait} for a runtime to become free.
     */
    JsRuntime acquire(Duration maxWait);

    /**
     * A runtime that is either in the snapshot's state or was last used by a borrower of
     * the same {@code scope}, who may have left globals, caches and warm code in it:
     * state never passes from one scope to another, but within a scope it does. For code
     * that an application trusts with its own earlier borrows (its templates and
     * libraries), which then runs as fast as on a runtime kept open. Factories that do
     * not reuse runtimes hand out one in the snapshot's state, which the contract allows.
     * @throws IllegalArgumentException when {@code scope} is null or blank
     */
    default JsRuntime acquire(String scope) {
        requireScope(scope);
        return acquire();
    }

    /**
     * {@link #acquire(String)}, waiting at most {@code maxWait} for a runtime to become
     * free.
     */
    default JsRuntime acquire(String scope, Duration maxWait) {
        requireScope(scope);
        return acquire(maxWait);
    }

    /** Refuses a scope that names none. */
    static String requireScope(String scope) {
        if (scope == null || scope.isBlank()) {
            throw new IllegalArgumentException(
                    "a scope must be a non-blank name, was " + (scope == null ? "null" : "'" + scope + "'"));
        }
        return scope;
    }

    /** The configuration runtimes are made with. */
    RuntimeConfig config();

    /** Releases every runtime the factory holds. */
    @Override
    void close();

}
