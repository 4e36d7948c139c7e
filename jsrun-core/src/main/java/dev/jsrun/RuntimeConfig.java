package dev.jsrun;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How runtimes are made: the snapshot they are restored from (none means an empty V8
 * context) and the default timeout of each evaluation (none means unlimited).
 */
public final class RuntimeConfig {

    /**
     * The logger that receives JavaScript's {@code console} output unless another is
     * configured.
     */
    public static final String DEFAULT_CONSOLE_LOGGER = "jsrun.console";

    private final Snapshot snapshot;

    private final Duration timeout;

    private final String consoleLogger;

    private final Map<String, JsFunction> hostFunctions;

    private final int maxResultSize;

    private final long maxExternalMemory;

    private final JsObjectMapper objectMapper;

    /** The default {@link Builder#maxResultSize(long)}: 16 Mi characters. */
    public static final int DEFAULT_MAX_RESULT_SIZE = 16 << 20;

    /** The default {@link Builder#maxExternalMemory(long)}: 256 MiB. */
    public static final long DEFAULT_MAX_EXTERNAL_MEMORY = 256L << 20;

    /**
     * The longest duration that any setting of {@code RuntimeConfig} or
     * {@code PoolSettings} takes: 24 days, which still fits in an {@code int} of
     * milliseconds and leaves every deadline computed from it in nanoseconds far from
     * overflowing.
     */
    public static final Duration MAX_DURATION = Duration.ofDays(24);

    private static final long MIN_RESULT_SIZE = 1024;

    /**
     * The smallest {@link Builder#maxExternalMemory(long)}, and the smallest cap on
     * WebAssembly memories.
     */
    static final long MIN_EXTERNAL_MEMORY = 1L << 20;

    private RuntimeConfig(Builder builder) {
        this.maxResultSize = builder.maxResultSize;
        this.maxExternalMemory = builder.maxExternalMemory;
        this.snapshot = builder.snapshot;
        this.timeout = builder.timeout;
        this.consoleLogger = builder.consoleLogger;
        this.hostFunctions = Collections.unmodifiableMap(new LinkedHashMap<>(builder.hostFunctions));
        this.objectMapper = builder.objectMapperSet ? builder.objectMapper : DetectedObjectMapper.of();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An empty V8 context and no timeout. */
    public static RuntimeConfig defaults() {
        return builder().build();
    }

    public Optional<Snapshot> snapshot() {
        return Optional.ofNullable(this.snapshot);
    }

    public Optional<Duration> timeout() {
        return Optional.ofNullable(this.timeout);
    }

    /** Java functions bound as globals into every runtime right after it is restored. */
    public Map<String, JsFunction> hostFunctions() {
        return this.hostFunctions;
    }

    /**
     * The most characters a result may take on its way out of V8 (see
     * {@link Builder#maxResultSize(long)}); the same bound applies to the arguments of
     * Java functions bound into the runtime.
     */
    public int maxResultSize() {
        return this.maxResultSize;
    }

    /**
     * The most memory outside the V8 heap (array buffers, typed arrays, WebAssembly
     * memories) that one runtime may hold, in bytes (see
     * {@link Builder#maxExternalMemory(long)}).
     */
    public long maxExternalMemory() {
        return this.maxExternalMemory;
    }

    /**
     * How records, POJOs and generic results cross (see
     * {@link Builder#objectMapper(JsObjectMapper)}); empty when none was set and Jackson
     * 3 is not on the class path.
     */
    public Optional<JsObjectMapper> objectMapper() {
        return Optional.ofNullable(this.objectMapper);
    }

    /** The SLF4J logger that {@code console.log/info/warn/error/debug} write to. */
    public String consoleLogger() {
        return this.consoleLogger;
    }

    @Override
    public String toString() {
        return "RuntimeConfig[snapshot=" + this.snapshot + ", timeout=" + this.timeout + "]";
    }

    public static final class Builder {

        private Snapshot snapshot;

        private Duration timeout;

        private String consoleLogger = DEFAULT_CONSOLE_LOGGER;

        private final Map<String, JsFunction> hostFunctions = new LinkedHashMap<>();

        private int maxResultSize = DEFAULT_MAX_RESULT_SIZE;

        private long maxExternalMemory = DEFAULT_MAX_EXTERNAL_MEMORY;

        private JsObjectMapper objectMapper;

        private boolean objectMapperSet;

        private Builder() {
        }

        /**
         * Converts records and POJOs among the arguments of {@code call}, and results
         * asked for as application or generic types, with this mapper; {@code null} for
         * none, so that records cross by their components and other objects are refused.
         * By default, Jackson 3's shared {@code JsonMapper} when
         * {@code tools.jackson.core:jackson-databind} is on the class path, else none.
         */
        public Builder objectMapper(JsObjectMapper objectMapper) {
            this.objectMapper = objectMapper;
            this.objectMapperSet = true;
            return this;
        }

        /**
         * Bounds the memory outside the V8 heap that one runtime may hold: the backing
         * stores of array buffers and typed arrays, and WebAssembly memories. A single
         * allocation above the limit fails at once; an evaluation whose buffers together
         * pass it is terminated within milliseconds. Either way the caller gets a
         * {@link JsExternalMemoryLimitException}. At least 1 MiB; default
         * {@value RuntimeConfig#DEFAULT_MAX_EXTERNAL_MEMORY} bytes. V8 also caps each
         * WebAssembly memory, for the whole process, at
         * {@link V8Setup.Builder#maxWasmMemory(long)}.
         */
        public Builder maxExternalMemory(long bytes) {
            if (bytes < MIN_EXTERNAL_MEMORY) {
                throw new InvalidSettingException(Setting.MAX_EXTERNAL_MEMORY, bytes, MIN_EXTERNAL_MEMORY, false, null,
                        "must be at least 1 MiB (" + MIN_EXTERNAL_MEMORY + " bytes)");
            }
            this.maxExternalMemory = bytes;
            return this;
        }

        /**
         * Bounds what one result may build on the Java side: a value is converted inside
         * V8 into text of at most this many characters (a string costs its length, a
         * number its digits, an array or object a few characters per item), or the
         * evaluation fails with a {@link JsConversionException} that names the limit.
         * From 1024 to {@link Integer#MAX_VALUE}; default
         * {@value RuntimeConfig#DEFAULT_MAX_RESULT_SIZE}.
         */
        public Builder maxResultSize(long characters) {
            if (characters < MIN_RESULT_SIZE || characters > Integer.MAX_VALUE) {
                throw new InvalidSettingException(Setting.MAX_RESULT_SIZE, characters, MIN_RESULT_SIZE, false,
                        (long) Integer.MAX_VALUE,
                        "must be from " + MIN_RESULT_SIZE + " to " + Integer.MAX_VALUE + " characters");
            }
            this.maxResultSize = (int) characters;
            return this;
        }

        /**
         * Binds {@code function} as the global {@code name} in every runtime, right after
         * it is restored. A pool then replaces returned runtimes with fresh ones instead
         * of resetting them (V8 cannot safely reset a context that holds Java functions),
         * which costs a restore per return on the cleaner thread.
         */
        public Builder hostFunction(String name, JsFunction function) {
            this.hostFunctions.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(function, "function"));
            return this;
        }

        /**
         * Sends JavaScript's {@code console} output to this SLF4J logger (default
         * {@value RuntimeConfig#DEFAULT_CONSOLE_LOGGER}).
         */
        public Builder consoleLogger(String consoleLogger) {
            if (consoleLogger == null || consoleLogger.isBlank()) {
                throw new InvalidSettingException(Setting.CONSOLE_LOGGER, consoleLogger, null, false, null,
                        "must name a logger");
            }
            this.consoleLogger = consoleLogger;
            return this;
        }

        /** Restore every runtime from this snapshot. */
        public Builder snapshot(Snapshot snapshot) {
            this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
            return this;
        }

        /**
         * Terminate any single evaluation that runs longer than this; {@code null} for no
         * limit. Positive and at most {@link RuntimeConfig#MAX_DURATION} (24 days).
         */
        public Builder timeout(Duration timeout) {
            if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
                throw new InvalidSettingException(Setting.TIMEOUT, timeout, Duration.ZERO, true, MAX_DURATION,
                        "must be positive, or null for none");
            }
            if (timeout != null && timeout.compareTo(MAX_DURATION) > 0) {
                throw new InvalidSettingException(Setting.TIMEOUT, timeout, Duration.ZERO, true, MAX_DURATION,
                        "must be at most " + MAX_DURATION + " (24 days), or null for none");
            }
            this.timeout = timeout;
            return this;
        }

        public RuntimeConfig build() {
            return new RuntimeConfig(this);
        }

    }

}
