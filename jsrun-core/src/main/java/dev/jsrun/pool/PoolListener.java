package dev.jsrun.pool;

/**
 * Hears what a {@link JsRuntimePool} does, for metrics. Called on the threads that do it;
 * keep it quick.
 */
public interface PoolListener {

    /** A caller got a runtime after waiting {@code nanos}. */
    default void acquired(long nanos) {
    }

    /** A caller gave up waiting for a runtime. */
    default void acquireTimedOut() {
    }

    /** A caller gave a runtime back after using it for {@code nanos}. */
    default void released(long nanos) {
    }

    /** A runtime was restored from the snapshot in {@code nanos}. */
    default void created(long nanos) {
    }

    /** A returned runtime was reset to the snapshot state in {@code nanos}. */
    default void cleaned(long nanos) {
    }

    /**
     * An evaluation on a pooled runtime failed; {@link dev.jsrun.JsFailureKind#of} tells
     * what kind of failure.
     */
    default void evaluationFailed(RuntimeException failure) {
    }

    /** A borrower of a scope got a runtime that scope used last, without a reset. */
    default void scopeHit() {
    }

    /** A runtime a scope held was reset for another scope or a plain borrower. */
    default void scopeSwitched() {
    }

    /**
     * A runtime was disposed of instead of lent again, for {@code reason}: each runtime
     * the pool restored is reported once, when it goes, whether it was replaced, evicted
     * idle or closed with the pool.
     */
    default void discarded(DiscardReason reason) {
    }

}
