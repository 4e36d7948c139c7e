package dev.jsrun;

/**
 * Evaluation allocated up to the V8 heap limit and was terminated before V8 could run out of memory (which
 * would abort the JVM). The runtime is disposed of; a pool replaces it.
 */
public class JsHeapLimitException extends JsException {

    private final long heapLimit;

    public JsHeapLimitException(long heapLimit, Throwable cause) {
        super("HeapLimitError", "evaluation reached the V8 heap limit of " + (heapLimit / (1024 * 1024))
                + " MB and was terminated; its runtime is disposed of (allocate less, or raise jsrun.runtime.max-heap-size)",
                null, null, 0, 0, cause);
        this.heapLimit = heapLimit;
    }

    /** The heap limit, in bytes, that the evaluation reached. */
    public long getHeapLimit() {
        return this.heapLimit;
    }

}
