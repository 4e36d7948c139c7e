package dev.jsrun.autoconfigure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.util.unit.DataSize;

import dev.jsrun.JsRuntimeFactory;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.modules.ModuleRoot;
import dev.jsrun.modules.ModuleSet;
import dev.jsrun.platform.NativeLibrary;
import dev.jsrun.pool.JsRuntimePool;
import dev.jsrun.snapshot.Snapshot;
import dev.jsrun.snapshot.SnapshotBuilder;
import dev.jsrun.snapshot.SnapshotCache;
import dev.jsrun.snapshot.V8Runtimes;

/**
 * Builds the JavaScript {@link Snapshot} from {@code jsrun.snapshot.scripts} at startup and provides the
 * {@link JsRuntimeFactory}: a {@link JsRuntimePool} of runtimes restored from it.
 */
@AutoConfiguration
@ConditionalOnClass(JsRuntimeFactory.class)
@ConditionalOnBooleanProperty(name = "jsrun.enabled", matchIfMissing = true)
@EnableConfigurationProperties(JsRunProperties.class)
public final class JsRunAutoConfiguration {

    private static final Log logger = LogFactory.getLog(JsRunAutoConfiguration.class);

    private static final DataSize DEFAULT_MAX_HEAP_SIZE = DataSize.ofMegabytes(256);

    @Bean
    @ConditionalOnMissingBean
    Snapshot jsrunSnapshot(JsRunProperties properties, ResourceLoader resourceLoader,
            ObjectProvider<SnapshotBuilderCustomizer> customizers) {
        JsRunProperties checked = JsRunPropertiesValidator.validate(properties);
        useNativeLibraryDirectory(checked);
        applyV8Flags(checked);
        applyHeapLimit(checked);
        SnapshotBuilder builder = new SnapshotBuilder();
        addModules(builder, properties.getSnapshot(), resourceLoader.getClassLoader());
        new SnapshotScripts(ResourcePatternUtils.getResourcePatternResolver(resourceLoader)).addTo(builder,
                properties.getSnapshot().getScripts());
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        long started = System.nanoTime();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Path cacheDir = properties.getSnapshot().getCacheDir();
        Snapshot snapshot = (cacheDir != null) ? new SnapshotCache(cacheDir).getOrBuild(builder) : builder.build();
        long millis = (System.nanoTime() - started) / 1_000_000;
        logger.info(String.format("%s JavaScript snapshot of %d script(s) in %d ms: %.1f MiB, V8 %s",
                snapshot.createdAt().isBefore(now) ? "Loaded cached" : "Built",
                snapshot.scriptNames().size(), millis, snapshot.size() / 1048576.0, snapshot.v8Version()));
        return snapshot;
    }

    @Bean
    JsRuntimePoolLifecycle jsRuntimePoolLifecycle(ObjectProvider<JsRuntimePool> pool) {
        return new JsRuntimePoolLifecycle(pool);
    }

    private static void addModules(SnapshotBuilder builder, JsRunProperties.Snapshot snapshot, ClassLoader loader) {
        if (snapshot.getModules().isEmpty()) {
            return;
        }
        ModuleSet.Builder modules = ModuleSet.builder();
        moduleRoots(snapshot, loader).forEach(modules::root);
        snapshot.getModules().forEach(modules::module);
        snapshot.getDeferModules().forEach(modules::defer);
        ModuleSet set = modules.build();
        logger.info("JavaScript modules in the snapshot:\n" + set.report().toTable());
        builder.executeScript(ModuleSet.SCRIPT_NAME, set.bundle());
    }

    private static List<ModuleRoot> moduleRoots(JsRunProperties.Snapshot snapshot, ClassLoader loader) {
        List<ModuleRoot> roots = new ArrayList<>();
        snapshot.getModuleRoots().forEach(root -> roots.add(ModuleRoot.directory(root)));
        roots.add(ModuleRoot.classpath(loader != null ? loader : JsRunAutoConfiguration.class.getClassLoader()));
        return roots;
    }

    /** The native library loads with the first runtime, which also fixes V8's flags, so only its directory is set here. */
    private static void useNativeLibraryDirectory(JsRunProperties properties) {
        Path directory = properties.getNativeLibrary().getDirectory();
        if (directory != null) {
            try {
                NativeLibrary.useDirectory(directory);
            }
            catch (IllegalStateException ex) {
                throw new InvalidJsRunPropertyException("jsrun.native-library.directory", directory, ex.getMessage(),
                        "Make jsrun the first to create V8 runtimes in this JVM, or remove jsrun.native-library.directory.",
                        ex);
            }
        }
    }

    /** V8 flags are process-wide and fixed by the first runtime, so add them before any exists. */
    private static void applyV8Flags(JsRunProperties properties) {
        String flags = properties.getRuntime().getV8Flags();
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

    /** V8 takes heap limits as process-wide flags fixed by the first runtime, so apply it before any exists. */
    private static void applyHeapLimit(JsRunProperties properties) {
        DataSize configured = properties.getRuntime().getMaxHeapSize();
        try {
            V8Runtimes.limitHeap((configured != null ? configured : DEFAULT_MAX_HEAP_SIZE).toBytes());
        }
        catch (IllegalStateException ex) {
            if (configured != null) {
                throw new InvalidJsRunPropertyException("jsrun.runtime.max-heap-size", configured, ex.getMessage(),
                        "Make jsrun the first to create V8 runtimes in this JVM, or remove jsrun.runtime.max-heap-size.",
                        ex);
            }
            logger.debug("V8 heap limit left as it is: " + ex.getMessage());
        }
    }

    @Bean
    @ConditionalOnMissingBean(JsRuntimeFactory.class)
    JsRuntimePool jsRuntimeFactory(Snapshot snapshot, JsRunProperties properties,
            ObjectProvider<RuntimeConfigCustomizer> customizers, ResourceLoader resourceLoader) {
        JsRunPropertiesValidator.validate(properties);
        RuntimeConfig.Builder config = RuntimeConfig.builder()
            .snapshot(snapshot)
            .timeout(properties.getRuntime().getTimeout())
            .consoleLogger(properties.getRuntime().getConsoleLogger())
            .maxResultSize((int) properties.getRuntime().getMaxResultSize().toBytes());
        if (properties.getSnapshot().isLoadModulesAtRunTime()) {
            config.hostFunction(ModuleSet.RUNTIME_LOADER,
                    ModuleSet.runtimeLoader(moduleRoots(properties.getSnapshot(), resourceLoader.getClassLoader())));
        }
        customizers.orderedStream().forEach(customizer -> customizer.customize(config));
        return new JsRuntimePool(config.build(), properties.getPool().toSettings());
    }

}
