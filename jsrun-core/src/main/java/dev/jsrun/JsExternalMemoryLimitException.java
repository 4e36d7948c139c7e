package dev.jsrun;

/**
 * Evaluation asked for more memory outside the V8 heap (array buffers, typed arrays, WebAssembly memories) than
 * its runtime's limit allows. Either one allocation was refused, or the buffers held together passed the limit
 * and the evaluation was terminated; in that case the runtime is disposed of and a pool replaces it.
 */
public class JsExternalMemoryLimitException extends JsException {

    private final long limit;

    public JsExternalMemoryLimitException(long limit, String what, Throwable cause) {
        super("ExternalMemoryLimitError", "evaluation reached the external memory limit of " + megabytes(limit)
                + " MB (array buffers, typed arrays, WebAssembly memories)" + (what == null ? "" : ": " + what)
                + " (allocate less, or raise jsrun.runtime.max-external-memory)", null, null, 0, 0, cause);
        this.limit = limit;
    }

    private static String megabytes(long bytes) {
        return bytes % (1 << 20) == 0 ? Long.toString(bytes >> 20) : String.format(java.util.Locale.ROOT, "%.1f", bytes / 1048576.0);
    }

    /** The limit, in bytes, that the evaluation reached. */
    public long getLimit() {
        return this.limit;
    }

}
