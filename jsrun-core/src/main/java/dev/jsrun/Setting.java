package dev.jsrun;

/**
 * A setting of {@link RuntimeConfig}, {@code PoolSettings} or {@link V8Setup}, named by
 * the exceptions that refuse a value, so that a caller with settings of its own (such as
 * the Spring Boot auto-configuration and its properties) can tell which of them to blame
 * without reading a message.
 */
public enum Setting {

    /** {@link RuntimeConfig.Builder#timeout}. */
    TIMEOUT("RuntimeConfig.Builder.timeout"),

    /** {@link RuntimeConfig.Builder#consoleLogger}. */
    CONSOLE_LOGGER("RuntimeConfig.Builder.consoleLogger"),

    /** {@link RuntimeConfig.Builder#maxResultSize}. */
    MAX_RESULT_SIZE("RuntimeConfig.Builder.maxResultSize"),

    /** {@link RuntimeConfig.Builder#maxExternalMemory}. */
    MAX_EXTERNAL_MEMORY("RuntimeConfig.Builder.maxExternalMemory"),

    /** {@code PoolSettings.Builder.name}. */
    POOL_NAME("PoolSettings.Builder.name"),

    /** {@code PoolSettings.Builder.maxSize}. */
    MAX_SIZE("PoolSettings.Builder.maxSize"),

    /** {@code PoolSettings.Builder.minIdle}. */
    MIN_IDLE("PoolSettings.Builder.minIdle"),

    /** {@code PoolSettings.Builder.maxWait}. */
    MAX_WAIT("PoolSettings.Builder.maxWait"),

    /** {@code PoolSettings.Builder.idleTimeout}. */
    IDLE_TIMEOUT("PoolSettings.Builder.idleTimeout"),

    /** {@code PoolSettings.Builder.evictionInterval}. */
    EVICTION_INTERVAL("PoolSettings.Builder.evictionInterval"),

    /** {@code PoolSettings.Builder.maxUses}. */
    MAX_USES("PoolSettings.Builder.maxUses"),

    /** {@code PoolSettings.Builder.shutdownTimeout}. */
    SHUTDOWN_TIMEOUT("PoolSettings.Builder.shutdownTimeout"),

    /** {@code PoolSettings.Builder.cleanerThreads}. */
    CLEANER_THREADS("PoolSettings.Builder.cleanerThreads"),

    /** {@code PoolSettings.Builder.scopeMaxUses}. */
    SCOPE_MAX_USES("PoolSettings.Builder.scopeMaxUses"),

    /** {@code SnapshotBuilder.scriptTimeout}. */
    SCRIPT_TIMEOUT("SnapshotBuilder.scriptTimeout"),

    /** {@link V8Setup.Builder#v8Flags}. */
    V8_FLAGS("V8Setup.Builder.v8Flags"),

    /** {@link V8Setup.Builder#maxHeapSize}. */
    MAX_HEAP_SIZE("V8Setup.Builder.maxHeapSize"),

    /** {@link V8Setup.Builder#maxWasmMemory}. */
    MAX_WASM_MEMORY("V8Setup.Builder.maxWasmMemory"),

    /** {@link V8Setup.Builder#nativeLibraryDirectory}. */
    NATIVE_LIBRARY_DIRECTORY("V8Setup.Builder.nativeLibraryDirectory"),

    /** {@link V8Setup.Builder#turbofan}. */
    TURBOFAN("V8Setup.Builder.turbofan");

    private final String apiName;

    Setting(String apiName) {
        this.apiName = apiName;
    }

    /**
     * The builder method that takes the setting, such as
     * {@code PoolSettings.Builder.maxSize}.
     */
    public String apiName() {
        return this.apiName;
    }

}
