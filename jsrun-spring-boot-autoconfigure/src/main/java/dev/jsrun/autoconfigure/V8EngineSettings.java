package dev.jsrun.autoconfigure;

import java.nio.file.Path;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.util.unit.DataSize;

import dev.jsrun.internal.platform.NativeLibrary;
import dev.jsrun.internal.snapshot.V8Runtimes;

/**
 * The process-wide V8 settings of {@code jsrun.native-library.directory}, {@code jsrun.runtime.v8-flags},
 * {@code jsrun.runtime.max-heap-size} (256MB when unset) and the WebAssembly memory cap that
 * {@code jsrun.runtime.max-external-memory} implies, applied when this bean is created. V8 fixes them with the first runtime of the JVM, so every
 * {@code Snapshot} and {@code JsRuntimeFactory} bean, the application's own included, is created after it.
 */
public final class V8EngineSettings {

    private static final Log logger = LogFactory.getLog(V8EngineSettings.class);

    /** The heap limit of each runtime when {@code jsrun.runtime.max-heap-size} is not set. */
    public static final DataSize DEFAULT_MAX_HEAP_SIZE = DataSize.ofMegabytes(256);

    private final String v8Flags;
    private final DataSize maxHeapSize;

    private V8EngineSettings(String v8Flags, DataSize maxHeapSize) {
        this.v8Flags = v8Flags;
        this.maxHeapSize = maxHeapSize;
    }

    /**
     * Applies the runtime properties' V8 flags and heap limit to this JVM's V8.
     * @throws InvalidJsRunPropertyException when a flag is malformed, or V8 is already fixed with other settings
     */
    static V8EngineSettings apply(JsRunProperties properties) {
        useNativeLibraryDirectory(properties.getNativeLibrary().getDirectory());
        JsRunProperties.Runtime runtime = properties.getRuntime();
        String flags = runtime.getV8Flags();
        applyV8Flags(flags);
        DataSize configured = runtime.getMaxHeapSize();
        applyHeapLimit(configured);
        applyExternalMemoryLimit(runtime.getMaxExternalMemory());
        return new V8EngineSettings((flags != null) ? flags.trim() : "",
                (configured != null) ? configured : DEFAULT_MAX_HEAP_SIZE);
    }

    /** The V8 flags asked for, empty when none; {@link V8Runtimes#flags()} tells all that are in force. */
    public String getV8Flags() {
        return this.v8Flags;
    }

    /** The heap limit asked for each runtime. */
    public DataSize getMaxHeapSize() {
        return this.maxHeapSize;
    }

    private static void applyV8Flags(String flags) {
        if (flags == null || flags.isBlank()) {
            return;
        }
        try {
            V8Runtimes.addFlags(flags);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidJsRunPropertyException("jsrun.runtime.v8-flags", flags, ex.getMessage(),
                    "Write each flag as V8 spells it, such as --incremental-marking, separated by spaces.", ex);
        }
        catch (IllegalStateException ex) {
            throw new InvalidJsRunPropertyException("jsrun.runtime.v8-flags", flags, ex.getMessage(),
                    "Make jsrun the first to create V8 runtimes in this JVM, or remove jsrun.runtime.v8-flags.", ex);
        }
    }

    private static void applyHeapLimit(DataSize configured) {
        try {
            V8Runtimes.limitHeap((configured != null ? configured : DEFAULT_MAX_HEAP_SIZE).toBytes());
        }
        catch (IllegalStateException ex) {
            if (configured != null) {
                throw new InvalidJsRunPropertyException("jsrun.runtime.max-heap-size", configured, ex.getMessage(),
                        "Make jsrun the first to create V8 runtimes in this JVM, or remove jsrun.runtime.max-heap-size.",
                        ex);
            }
            // another library created the first runtime: the default gives way, a configured limit does not
            logger.debug("V8 heap limit left as it is: " + ex.getMessage());
        }
    }

    /** The native library loads with the first runtime, which also fixes V8's flags, so only its directory is set here. */
    private static void useNativeLibraryDirectory(Path directory) {
        if (directory == null) {
            return;
        }
        try {
            NativeLibrary.useDirectory(directory);
        }
        catch (IllegalStateException ex) {
            throw new InvalidJsRunPropertyException("jsrun.native-library.directory", directory, ex.getMessage(),
                    "Make jsrun the first to create V8 runtimes in this JVM, or remove jsrun.native-library.directory.", ex);
        }
    }

    /**
     * WebAssembly memories grow from compiled code, out of any script's sight: V8 caps each one, process-wide.
     * The per-runtime limit holds without the cap, so a V8 that is already fixed only keeps the cap it has.
     */
    private static void applyExternalMemoryLimit(DataSize configured) {
        try {
            V8Runtimes.limitExternalMemory(configured.toBytes());
        }
        catch (IllegalStateException ex) {
            logger.info("jsrun.runtime.max-external-memory applies to array buffers and typed arrays; " + ex.getMessage());
        }
    }

}
