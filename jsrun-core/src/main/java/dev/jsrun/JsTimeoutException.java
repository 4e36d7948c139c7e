package dev.jsrun;

import java.time.Duration;

/**
 * Evaluation ran longer than its timeout and V8 terminated it. The runtime is not handed
 * out again in a state the terminated code left behind.
 */
public class JsTimeoutException extends JsTerminatedException {

    private final Duration timeout;

    public JsTimeoutException(Duration timeout, Throwable cause) {
        super(Reason.TIMEOUT, "evaluation exceeded its timeout of " + timeout.toMillis() + " ms and was terminated "
                + "(raise RuntimeConfig.Builder.timeout or pass the call a longer timeout, or make the script finish "
                + "sooner)", cause);
        this.timeout = timeout;
    }

    /** The timeout that was exceeded. */
    public Duration getTimeout() {
        return this.timeout;
    }

}
