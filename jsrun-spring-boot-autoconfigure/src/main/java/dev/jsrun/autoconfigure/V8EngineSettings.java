package dev.jsrun.autoconfigure;

import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.util.unit.DataSize;

import dev.jsrun.V8Setup;
import dev.jsrun.engine.V8AlreadyStartedException;
import dev.jsrun.engine.V8Process;

/**
 * The {@link V8Setup} of {@code jsrun.native-library.directory},
 * {@code jsrun.runtime.v8-flags}, {@code jsrun.runtime.max-heap-size} and the WebAssembly
 * memory cap that {@code jsrun.runtime.max-external-memory} implies, applied with
 * {@link V8Process#configure} when this bean is created. V8 takes them once, as it
 * starts, so every {@code Snapshot} and {@code JsRuntimeFactory} bean, the application's
 * own included, is created after it. A property left unset gives way to a V8 that runs
 * already; one that is set must be in force.
 */
public final class V8EngineSettings {

    private static final Log logger = LogFactory.getLog(V8EngineSettings.class);

    private final V8Setup setup;

    private V8EngineSettings(V8Setup setup) {
        this.setup = setup;
    }

    /**
     * Starts V8 with the properties' setup, or checks that the V8 running already has it.
     * @throws InvalidJsRunPropertyException when a value is refused, or V8 runs already
     * with another one
     */
    static V8EngineSettings apply(JsRunProperties properties) {
        Optional<V8Setup> started = V8Process.setup();
        JsRunProperties.Runtime runtime = properties.getRuntime();
        DataSize external = runtime.getMaxExternalMemory();
        V8Setup setup = SettingProperties.check(() -> {
            V8Setup.Builder builder = started.map(V8Setup::toBuilder).orElseGet(V8Setup::builder);
            if (runtime.getV8Flags() != null) {
                builder.v8Flags(runtime.getV8Flags());
            }
            if (runtime.getMaxHeapSize() != null) {
                builder.maxHeapSize(runtime.getMaxHeapSize().toBytes());
            }
            if (properties.getNativeLibrary().getDirectory() != null) {
                builder.nativeLibraryDirectory(properties.getNativeLibrary().getDirectory());
            }
            if (started.isEmpty() && external != null) {
                builder.maxWasmMemory(external.toBytes());
            }
            return builder.build();
        });
        started.filter(inForce -> external != null && inForce.maxWasmMemory() != external.toBytes())
            .ifPresent(inForce -> logger.info("jsrun.runtime.max-external-memory applies to array buffers and typed "
                    + "arrays; WebAssembly memories keep the cap of the V8 running already, "
                    + DataSize.ofBytes(inForce.maxWasmMemory()).toMegabytes() + "MB"));
        try {
            V8Process.configure(setup);
        }
        catch (V8AlreadyStartedException ex) {
            throw SettingProperties.conflict(ex);
        }
        return new V8EngineSettings(V8Process.setup().orElse(setup));
    }

    /** The setup V8 runs with. */
    public V8Setup getSetup() {
        return this.setup;
    }

}
