package dev.jsrun;

import java.util.Locale;

/**
 * Evaluation asked for more memory outside the V8 heap (array buffers, typed arrays,
 * WebAssembly memories) than its runtime's limit allows. Either one allocation was
 * refused, or the buffers held together passed the limit and the evaluation was
 * terminated; in that case the runtime is disposed of and a pool replaces it.
 */
public class JsExternalMemoryLimitException extends JsTerminatedException {

    private final long limit;

    public JsExternalMemoryLimitException(long limit, String what, Throwable cause) {
        super(Reason.EXTERNAL_MEMORY_LIMIT,
                "evaluation reached the external memory limit of " + megabytes(limit)
                        + " MB (array buffers, typed arrays, WebAssembly memories)" + (what == null ? "" : ": " + what)
                        + " (allocate less, or raise RuntimeConfig.Builder.maxExternalMemory)",
                cause);
        this.limit = limit;
    }

    private static String megabytes(long bytes) {
        return bytes % (1 << 20) == 0 ? Long.toString(bytes >> 20)
                : String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }

    /** The limit, in bytes, that the evaluation reached. */
    public long getLimit() {
        return this.limit;
    }

}
