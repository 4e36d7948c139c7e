package dev.jsrun;

import java.time.Duration;

/**
 * Hands out {@link JsRuntime}s restored from a snapshot.
 */
public interface JsRuntimeFactory extends AutoCloseable {

    /** A dedicated runtime restored from the snapshot; closing it disposes it. */
    JsRuntime create();

    /**
     * A runtime in exactly the snapshot's state, ready for use; closing it gives it back. Pooled factories
     * serve it from their idle runtimes.
     */
    JsRuntime acquire();

    /** {@link #acquire()}, waiting at most {@code maxWait} for a runtime to become free. */
    JsRuntime acquire(Duration maxWait);

    /** The configuration runtimes are made with. */
    RuntimeConfig config();

    /** Releases every runtime the factory holds. */
    @Override
    void close();

}
