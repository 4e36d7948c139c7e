package dev.jsrun.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.jsrun.JsExternalMemoryLimitException;
import dev.jsrun.JsHeapLimitException;
import dev.jsrun.JsRuntimeUnavailableException;
import dev.jsrun.JsTerminatedException;
import dev.jsrun.JsTimeoutException;

/**
 * Explains a JavaScript evaluation that jsrun stopped while the application started (in a
 * runner or a bean's initialization): the limit it reached and the property that sets it.
 * A warm-up that was stopped is left to {@link JsRuntimeUnavailableFailureAnalyzer},
 * which names the warm-up as well.
 */
class JsTerminatedFailureAnalyzer extends AbstractFailureAnalyzer<JsTerminatedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, JsTerminatedException cause) {
        for (Throwable link = rootFailure; link != null && link != cause; link = link.getCause()) {
            if (link instanceof JsRuntimeUnavailableException unavailable
                    && unavailable.reason() == JsRuntimeUnavailableException.Reason.WARM_UP_FAILED) {
                return null;
            }
        }
        String description = "A JavaScript evaluation was stopped before it finished.\n\n" + "    Reason: "
                + cause.reason() + limit(cause) + "\n" + "    Problem: " + cause.getMessage();
        return new FailureAnalysis(description, action(cause), cause);
    }

    /** The limit the evaluation reached, as a suffix of the reason line, or nothing. */
    private static String limit(JsTerminatedException cause) {
        if (cause instanceof JsTimeoutException timeout) {
            return " (timeout " + timeout.getTimeout().toMillis() + " ms)";
        }
        if (cause instanceof JsHeapLimitException heap) {
            return " (heap limit " + (heap.getHeapLimit() >> 20) + " MB)";
        }
        if (cause instanceof JsExternalMemoryLimitException external) {
            return " (external memory limit " + (external.getLimit() >> 20) + " MB)";
        }
        return "";
    }

    /** What to change for an evaluation stopped for {@code cause}'s reason. */
    static String action(JsTerminatedException cause) {
        return switch (cause.reason()) {
            case TIMEOUT -> "Make the script finish sooner, or raise 'jsrun.runtime.timeout' (or pass the call a "
                    + "longer timeout).";
            case HEAP_LIMIT -> "Allocate less, or raise 'jsrun.runtime.max-heap-size'.";
            case EXTERNAL_MEMORY_LIMIT ->
                "Allocate fewer or smaller buffers, or raise " + "'jsrun.runtime.max-external-memory'.";
            case SHUTDOWN -> "The pool shut down while the script ran; 'jsrun.pool.shutdown-timeout' sets how long "
                    + "it waits for borrowed runtimes before it stops their scripts.";
            case INTERRUPTED -> "The thread that ran the script was interrupted while the script waited for a timer; "
                    + "find what interrupts it.";
        };
    }

}
