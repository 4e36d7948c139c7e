package dev.jsrun.pool;

/**
 * Why a {@link JsRuntimePool} disposed of a runtime instead of handing it out again, as
 * {@link PoolListener#discarded} reports it. {@link #tag()} is the value of the
 * {@code reason} tag of the {@code jsrun.isolates.discarded} meter.
 */
public enum DiscardReason {

    /**
     * A script ran past its timeout; V8 stopped it and the runtime may be left half-way
     * through any state.
     */
    TIMEOUT("timeout"),

    /**
     * A script was stopped other than by its own timeout, such as by an interrupt while
     * it waited for a timer.
     */
    TERMINATED("terminated"),

    /** A script reached the V8 heap limit ({@code jsrun.runtime.max-heap-size}). */
    HEAP_LIMIT("heap limit"),

    /**
     * A script held more memory outside the heap than
     * {@code jsrun.runtime.max-external-memory}.
     */
    EXTERNAL_MEMORY_LIMIT("external memory limit"),

    /**
     * V8 still owed the answer to a memory measurement when the call ended, and might
     * write it later.
     */
    UNANSWERED_MEASUREMENT("unanswered memory measurement"),

    /** The runtime was closed under its borrower. */
    CLOSED("closed"),

    /**
     * Java functions were bound into the runtime, which V8 cannot reset safely; it is
     * replaced instead.
     */
    HOST_FUNCTIONS("host functions bound"),

    /** The runtime served {@code jsrun.pool.max-uses} borrowers. */
    MAX_USES("max-uses reached"),

    /**
     * The timers and messages a scope's borrower left could not be cancelled before the
     * scope kept it.
     */
    TIMERS_NOT_CANCELLED("timers could not be cancelled"),

    /**
     * Resetting the returned runtime, or the warm-up script after the reset
     * ({@code jsrun.pool.warm-up}), failed.
     */
    RESET_FAILED("reset failed"),

    /**
     * The runtime was idle for {@code jsrun.pool.idle-timeout} with more than
     * {@code min-idle} idle.
     */
    IDLE_EVICTED("idle-timeout reached"),

    /** The pool closed, or stopped lending after its shutdown timeout. */
    POOL_CLOSED("pool closed");

    private final String tag;

    DiscardReason(String tag) {
        this.tag = tag;
    }

    /** The reason as metrics and logs show it. */
    public String tag() {
        return this.tag;
    }

    /**
     * Whether V8 itself stopped the runtime or left it unusable (a timeout, a memory
     * limit), rather than the pool deciding to replace a healthy one.
     */
    public boolean isFault() {
        return this == TIMEOUT || this == TERMINATED || this == HEAP_LIMIT || this == EXTERNAL_MEMORY_LIMIT
                || this == UNANSWERED_MEASUREMENT;
    }

}
