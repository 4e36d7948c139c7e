package dev.jsrun;

import java.util.Locale;

/**
 * What kind of failure a jsrun call ended in, the one classification that metrics, health
 * and logs share. Its {@link #tag()} is the value of the {@code type} tag of
 * {@code jsrun.isolates.errors}.
 */
public enum JsFailureKind {

    /**
     * The evaluation ran past its timeout and was terminated
     * ({@link JsTimeoutException}).
     */
    TIMEOUT,

    /**
     * The evaluation reached the V8 heap limit and was terminated
     * ({@link JsHeapLimitException}).
     */
    HEAP_LIMIT,

    /**
     * The evaluation asked for more memory outside the heap than its limit, and was
     * refused or terminated ({@link JsExternalMemoryLimitException}).
     */
    EXTERNAL_MEMORY_LIMIT,

    /** The code did not parse or link, so none of it ran ({@link JsSyntaxException}). */
    SYNTAX,

    /** The code threw, or its promise rejected ({@link JsException}). */
    JAVASCRIPT,

    /**
     * The value could not become the Java type asked for, or could not be read
     * ({@link JsConversionException}).
     */
    CONVERSION,

    /**
     * No runtime became free in time ({@link JsRuntimeUnavailableException} for
     * {@link JsRuntimeUnavailableException.Reason#EXHAUSTED}).
     */
    POOL_EXHAUSTED,

    /**
     * Anything else: a closed runtime or pool, an evaluation its pool's shutdown or an
     * interrupt terminated, V8 refusing a call, a bug in jsrun.
     */
    INTERNAL;

    /**
     * The kind of {@code failure}; {@link #INTERNAL} for anything jsrun does not raise
     * itself.
     */
    public static JsFailureKind of(Throwable failure) {
        if (failure instanceof JsTerminatedException terminated) {
            return switch (terminated.reason()) {
                case TIMEOUT -> TIMEOUT;
                case HEAP_LIMIT -> HEAP_LIMIT;
                case EXTERNAL_MEMORY_LIMIT -> EXTERNAL_MEMORY_LIMIT;
                case SHUTDOWN, INTERRUPTED -> INTERNAL;
            };
        }
        if (failure instanceof JsSyntaxException) {
            return SYNTAX;
        }
        if (failure instanceof JsException) {
            return JAVASCRIPT;
        }
        if (failure instanceof JsConversionException) {
            return CONVERSION;
        }
        if (failure instanceof JsRuntimeUnavailableException unavailable
                && unavailable.reason() == JsRuntimeUnavailableException.Reason.EXHAUSTED) {
            return POOL_EXHAUSTED;
        }
        return INTERNAL;
    }

    /** The kind as a meter tag or log word, such as {@code heap-limit}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

}
