package dev.jsrun;

import java.util.Objects;

/**
 * jsrun stopped an evaluation before it finished: it ran past its timeout, reached a
 * memory limit, or its runtime was shut down. Nothing is wrong with the code as
 * JavaScript, so this is not a {@link JsException}; {@link #reason()} says why, and the
 * subclasses for the limits carry the limit. A runtime whose evaluation was terminated is
 * never handed out again: a pool replaces it.
 */
public class JsTerminatedException extends JsRunException {

    /** Why an evaluation was stopped. */
    public enum Reason {

        /** It ran past its timeout ({@link JsTimeoutException}). */
        TIMEOUT,

        /** It reached the V8 heap limit ({@link JsHeapLimitException}). */
        HEAP_LIMIT,

        /**
         * It asked for more memory outside the heap than its runtime may hold
         * ({@link JsExternalMemoryLimitException}).
         */
        EXTERNAL_MEMORY_LIMIT,

        /**
         * Its pool shut down while it still ran, and stopped it rather than wait for it.
         */
        SHUTDOWN,

        /** The calling thread was interrupted while the evaluation waited for a timer. */
        INTERRUPTED

    }

    private final Reason reason;

    /** An evaluation stopped for {@code reason}, with a message that says so. */
    public JsTerminatedException(Reason reason, Throwable cause) {
        this(reason, describe(reason), cause);
    }

    /** An evaluation stopped for {@code reason}, with a message that says more. */
    public JsTerminatedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    private static String describe(Reason reason) {
        return switch (reason) {
            case TIMEOUT -> "evaluation exceeded its timeout and was terminated";
            case HEAP_LIMIT -> "evaluation reached the V8 heap limit and was terminated";
            case EXTERNAL_MEMORY_LIMIT -> "evaluation reached the external memory limit and was terminated";
            case SHUTDOWN -> "evaluation was terminated before it finished: its runtime's pool shut down";
            case INTERRUPTED -> "evaluation was terminated: its thread was interrupted while it waited for a timer";
        };
    }

    /** Why the evaluation was stopped. */
    public Reason reason() {
        return this.reason;
    }

}
