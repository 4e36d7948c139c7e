package dev.jsrun.pool;

import java.time.Duration;

import dev.jsrun.JsRuntimeUnavailableException;

/** No runtime became free within the wait allowed to {@code acquire()}. */
public class JsRuntimePoolExhaustedException extends JsRuntimeUnavailableException {

    private final transient PoolStats stats;

    public JsRuntimePoolExhaustedException(Duration waited, PoolStats stats) {
        super("No JavaScript runtime became free within " + waited.toMillis() + " ms (" + stats
                + "). Close runtimes sooner (try-with-resources), or raise jsrun.pool.max-size or jsrun.pool.max-wait.");
        this.stats = stats;
    }

    /** The pool's state when the wait ran out. */
    public PoolStats getStats() {
        return this.stats;
    }

}
