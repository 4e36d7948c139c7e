package dev.jsrun;

/**
 * Evaluation allocated up to the V8 heap limit and was terminated before V8 could run out
 * of memory (which would abort the JVM). The runtime is disposed of; a pool replaces it.
 */
public class JsHeapLimitException extends JsTerminatedException {

    private final long heapLimit;

    public JsHeapLimitException(long heapLimit, Throwable cause) {
        super(Reason.HEAP_LIMIT,
                "evaluation reached the V8 heap limit of " + (heapLimit / (1024 * 1024))
                        + " MB and was terminated; its runtime is disposed of (allocate less, or raise the heap limit, "
                        + "which V8 fixes for the whole JVM when its first runtime starts)",
                cause);
        this.heapLimit = heapLimit;
    }

    /** The heap limit, in bytes, that the evaluation reached. */
    public long getHeapLimit() {
        return this.heapLimit;
    }

}
