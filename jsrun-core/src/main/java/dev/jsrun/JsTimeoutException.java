package dev.jsrun;

import java.time.Duration;

/**
 * Evaluation ran longer than its timeout and V8 terminated it. The runtime is not handed out again in a
 * state the terminated code left behind.
 */
public class JsTimeoutException extends JsException {

    private final Duration timeout;

    public JsTimeoutException(Duration timeout, Throwable cause) {
        super("TimeoutError", timeout.isZero() ? "evaluation was terminated before it finished (its runtime was shut down)"
                : "evaluation exceeded its timeout of " + timeout.toMillis()
                        + " ms and was terminated (raise the timeout, e.g. jsrun.runtime.timeout, or make the script finish sooner)",
                null, null, 0, 0, cause);
        this.timeout = timeout;
    }

    /** The timeout that was exceeded; zero when the runtime was terminated by its pool's shutdown. */
    public Duration getTimeout() {
        return this.timeout;
    }

}
