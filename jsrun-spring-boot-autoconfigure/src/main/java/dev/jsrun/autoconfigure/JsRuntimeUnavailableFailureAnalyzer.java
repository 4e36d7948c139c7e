package dev.jsrun.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.jsrun.JsRuntimeUnavailableException;
import dev.jsrun.JsRuntimeUnavailableException.Reason;
import dev.jsrun.JsTerminatedException;
import dev.jsrun.JsTimeoutException;
import dev.jsrun.pool.JsRuntimePoolExhaustedException;

/**
 * Explains a pool that could not hand out a runtime while the application started: a
 * warm-up script that fails (naming {@code jsrun.pool.warm-up}), or more runtimes
 * borrowed than the pool holds. A restore that failed for another reason is left to the
 * analyzer of its cause, such as {@link NativeLibraryFailureAnalyzer}.
 */
class JsRuntimeUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<JsRuntimeUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, JsRuntimeUnavailableException cause) {
        JsRuntimeUnavailableException warmUp = find(cause, Reason.WARM_UP_FAILED);
        if (warmUp != null) {
            return warmUpFailed(warmUp);
        }
        if (cause.reason() == Reason.EXHAUSTED) {
            return exhausted(cause);
        }
        return null;
    }

    private static FailureAnalysis warmUpFailed(JsRuntimeUnavailableException warmUp) {
        Throwable error = warmUp.getCause();
        String description = "The pool's warm-up script failed on a runtime restored from the snapshot.\n\n"
                + "    Property: jsrun.pool.warm-up\n" + "    Error: "
                + ((error != null) ? error.getMessage() : warmUp.getMessage());
        String action = "Fix the script in 'jsrun.pool.warm-up', or remove it: it runs on every fresh or reset "
                + "runtime and must succeed.";
        if (error instanceof JsTimeoutException timeout) {
            // the warm-up has a timeout of its own, not jsrun.runtime.timeout
            action += " It must finish within " + timeout.getTimeout().toMillis() + " ms.";
        }
        else if (error instanceof JsTerminatedException terminated) {
            action += " " + JsTerminatedFailureAnalyzer.action(terminated);
        }
        return new FailureAnalysis(description, action, warmUp);
    }

    private static FailureAnalysis exhausted(JsRuntimeUnavailableException cause) {
        String description = "No JavaScript runtime became free while the application started.\n\n" + "    Problem: "
                + cause.getMessage();
        if (cause instanceof JsRuntimePoolExhaustedException exhausted) {
            description = "No JavaScript runtime became free within " + exhausted.getWaited().toMillis()
                    + " ms while the application started.\n\n" + "    Pool: " + exhausted.getStats();
        }
        String action = "Close runtimes sooner (try-with-resources), or raise 'jsrun.pool.max-size' or "
                + "'jsrun.pool.max-wait'.";
        return new FailureAnalysis(description, action, cause);
    }

    /**
     * The first exception for {@code reason} in the chain from {@code failure}, or
     * {@code null}.
     */
    private static JsRuntimeUnavailableException find(Throwable failure, Reason reason) {
        for (Throwable link = failure; link != null; link = link.getCause()) {
            if (link instanceof JsRuntimeUnavailableException unavailable && unavailable.reason() == reason) {
                return unavailable;
            }
        }
        return null;
    }

}
