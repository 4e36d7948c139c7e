package dev.jsrun.pool;

import java.time.Duration;

import dev.jsrun.JsRuntimeUnavailableException;

/**
 * No runtime became free within the wait allowed to {@code acquire()}; its
 * {@link #reason()} is {@link Reason#EXHAUSTED}, and it carries the pool's state.
 */
public class JsRuntimePoolExhaustedException extends JsRuntimeUnavailableException {

    private final transient PoolStats stats;

    private final Duration waited;

    public JsRuntimePoolExhaustedException(Duration waited, PoolStats stats) {
        super(Reason.EXHAUSTED,
                "No JavaScript runtime became free within " + waited.toMillis() + " ms (" + stats
                        + "). Close runtimes sooner (try-with-resources), or raise PoolSettings.Builder.maxSize or "
                        + "PoolSettings.Builder.maxWait.");
        this.stats = stats;
        this.waited = waited;
    }

    /** The pool's state when the wait ran out. */
    public PoolStats getStats() {
        return this.stats;
    }

    /** How long {@code acquire()} waited. */
    public Duration getWaited() {
        return this.waited;
    }

}
