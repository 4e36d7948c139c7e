package dev.jsrun;

import java.util.Objects;

/**
 * A factory could not hand out a runtime; {@link #reason()} says why: none became free in
 * time, the factory is closed or shutting down, or it cannot make runtimes ready.
 */
public class JsRuntimeUnavailableException extends JsRunException {

    /** Why no runtime could be handed out. */
    public enum Reason {

        /** Every runtime stayed borrowed for as long as the borrower could wait. */
        EXHAUSTED,

        /** The factory is closed. */
        CLOSED,

        /**
         * The factory is shutting down and found runtimes still borrowed after its
         * shutdown timeout: it terminated their scripts and lends no more runtimes.
         */
        SHUTTING_DOWN,

        /** The borrowing thread was interrupted while it waited for a runtime. */
        INTERRUPTED,

        /** No runtime could be restored from the snapshot; the cause says why. */
        RESTORE_FAILED,

        /** The warm-up script failed on a restored runtime; the cause is its error. */
        WARM_UP_FAILED

    }

    private final Reason reason;

    public JsRuntimeUnavailableException(Reason reason, String message) {
        this(reason, message, null);
    }

    public JsRuntimeUnavailableException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why no runtime could be handed out. */
    public Reason reason() {
        return this.reason;
    }

}
