package dev.jsrun.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;
import tools.jackson.databind.json.JsonMapper;

import dev.jsrun.JacksonObjectMapper;
import dev.jsrun.JsRuntimeFactory;
import dev.jsrun.ModuleReport;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.Snapshot;
import dev.jsrun.modules.ModuleRoot;
import dev.jsrun.modules.ModuleSet;
import dev.jsrun.modules.UnresolvedModuleException;
import dev.jsrun.pool.JsRuntimePool;
import dev.jsrun.pool.PoolSettings;
import dev.jsrun.snapshot.SnapshotBuilder;
import dev.jsrun.snapshot.SnapshotCache;

/**
 * Builds the JavaScript {@link Snapshot} from {@code jsrun.snapshot.scripts} at startup
 * and provides the {@link JsRuntimeFactory}: a {@link JsRuntimePool} of runtimes restored
 * from it, whose calls convert records and POJOs with the application's Jackson 3
 * {@link JsonMapper} when there is one.
 */
@AutoConfiguration
@ConditionalOnClass(JsRuntimeFactory.class)
@ConditionalOnBooleanProperty(name = "jsrun.enabled", matchIfMissing = true)
@EnableConfigurationProperties(JsRunProperties.class)
public final class JsRunAutoConfiguration {

    @Bean
    V8EngineSettings jsrunV8EngineSettings(JsRunProperties properties) {
        return V8EngineSettings.apply(properties);
    }

    /**
     * Whoever defines the snapshot, V8 starts with the properties' setup before the
     * snapshot's first runtime.
     */
    @Bean
    static SnapshotDependsOnV8EngineSettings jsrunSnapshotDependsOnV8EngineSettings() {
        return new SnapshotDependsOnV8EngineSettings();
    }

    /**
     * The same for runtime factories, which may restore runtimes from a snapshot that is
     * no bean.
     */
    @Bean
    static JsRuntimeFactoryDependsOnV8EngineSettings jsrunRuntimeFactoryDependsOnV8EngineSettings() {
        return new JsRuntimeFactoryDependsOnV8EngineSettings();
    }

    @Bean
    @ConditionalOnMissingBean
    Snapshot jsrunSnapshot(JsRunProperties properties, ResourceLoader resourceLoader,
            ObjectProvider<SnapshotBuilderCustomizer> customizers) {
        JsRunPropertiesValidator.validate(properties.getSnapshot());
        SnapshotBuilder builder = SettingProperties
            .check(() -> new SnapshotBuilder().scriptTimeout(properties.getSnapshot().getScriptTimeout()));
        ModuleReport modules = addModules(builder, properties.getSnapshot(), resourceLoader.getClassLoader());
        new SnapshotScripts(ResourcePatternUtils.getResourcePatternResolver(resourceLoader)).addTo(builder,
                properties.getSnapshot().getScripts());
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        long started = System.nanoTime();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Path cacheDir = properties.getSnapshot().getCacheDir();
        Snapshot snapshot = (cacheDir != null) ? new SnapshotCache(cacheDir).getOrBuild(builder) : builder.build();
        long millis = (System.nanoTime() - started) / 1_000_000;
        SnapshotStartupLog.built(snapshot, modules, snapshot.createdAt().isBefore(now), millis);
        return snapshot;
    }

    @Bean
    JsRuntimePoolLifecycle jsRuntimePoolLifecycle(ObjectProvider<JsRuntimePool> pool) {
        return new JsRuntimePoolLifecycle(pool);
    }

    private static ModuleReport addModules(SnapshotBuilder builder, JsRunProperties.Snapshot snapshot,
            ClassLoader loader) {
        if (snapshot.getModules().isEmpty()) {
            return null;
        }
        ModuleSet.Builder modules = ModuleSet.builder().conditions(snapshot.getConditions());
        moduleRoots(snapshot, loader).forEach(modules::root);
        snapshot.getModules().forEach(modules::module);
        snapshot.getDeferModules().forEach(modules::defer);
        ModuleSet set;
        try {
            set = modules.build();
        }
        catch (UnresolvedModuleException ex) {
            throw unresolved(snapshot.getModules(), ex);
        }
        SnapshotStartupLog.modules(set.report());
        builder.executeScript(ModuleSet.SCRIPT_NAME, set.bundle());
        return set.report();
    }

    private static InvalidJsRunPropertyException unresolved(List<String> requests, UnresolvedModuleException ex) {
        int index = requests.indexOf(ex.getRequest());
        return new InvalidJsRunPropertyException("jsrun.snapshot.modules[" + index + "]", ex.getRequest(),
                "the module cannot be resolved from the module roots: " + ex.getReason(),
                "Check the name, or make the module available: add its npm WebJar (org.webjars.npm) to the "
                        + "class path, or list a directory holding it (in node_modules, or as a relative file "
                        + "such as ./lib/rules.js) in jsrun.snapshot.module-roots. Otherwise remove it from "
                        + "jsrun.snapshot.modules.",
                ex);
    }

    private static List<ModuleRoot> moduleRoots(JsRunProperties.Snapshot snapshot, ClassLoader loader) {
        List<ModuleRoot> roots = new ArrayList<>();
        List<Path> directories = snapshot.getModuleRoots();
        for (int i = 0; i < directories.size(); i++) {
            Path directory = directories.get(i);
            if (!Files.isDirectory(directory)) {
                throw new InvalidJsRunPropertyException("jsrun.snapshot.module-roots[" + i + "]", directory,
                        Files.exists(directory) ? "not a directory" : "no such directory",
                        "Set jsrun.snapshot.module-roots[" + i + "] to an existing directory (one that holds "
                                + "node_modules or module files), or remove it.");
            }
            roots.add(ModuleRoot.directory(directory));
        }
        roots.add(ModuleRoot.classpath(loader != null ? loader : JsRunAutoConfiguration.class.getClassLoader()));
        return roots;
    }

    @Bean
    @ConditionalOnMissingBean(JsRuntimeFactory.class)
    JsRuntimePool jsRuntimeFactory(Snapshot snapshot, JsRunProperties properties,
            ObjectProvider<RuntimeConfigCustomizer> customizers, ResourceLoader resourceLoader) {
        RuntimeConfig.Builder config = runtimeConfig(snapshot, properties.getRuntime());
        PoolSettings settings = properties.getPool().toSettings();
        if (properties.getSnapshot().isLoadModulesAtRunTime()) {
            config.hostFunction(ModuleSet.RUNTIME_LOADER,
                    ModuleSet.runtimeLoader(moduleRoots(properties.getSnapshot(), resourceLoader.getClassLoader()),
                            properties.getSnapshot().getConditions()));
        }
        customizers.orderedStream().forEach(customizer -> customizer.customize(config));
        return new JsRuntimePool(config.build(), settings);
    }

    /**
     * The runtime properties, checked by the builder; a size set empty keeps the default.
     */
    private static RuntimeConfig.Builder runtimeConfig(Snapshot snapshot, JsRunProperties.Runtime runtime) {
        return SettingProperties.check(() -> {
            RuntimeConfig.Builder config = RuntimeConfig.builder()
                .snapshot(snapshot)
                .timeout(runtime.getTimeout())
                .consoleLogger(runtime.getConsoleLogger());
            if (runtime.getMaxResultSize() != null) {
                config.maxResultSize(runtime.getMaxResultSize().toBytes());
            }
            if (runtime.getMaxExternalMemory() != null) {
                config.maxExternalMemory(runtime.getMaxExternalMemory().toBytes());
            }
            return config;
        });
    }

    /**
     * Records and POJOs cross as the application's {@code JsonMapper} writes them as
     * JSON.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JsonMapper.class)
    static class JacksonObjectMapperConfiguration {

        /**
         * First among the customizers, so that one of the application's may set another
         * mapper.
         */
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        RuntimeConfigCustomizer jsrunJacksonObjectMapper(ObjectProvider<JsonMapper> jsonMapper) {
            return config -> jsonMapper.ifUnique(mapper -> config.objectMapper(new JacksonObjectMapper(mapper)));
        }

    }

    static final class SnapshotDependsOnV8EngineSettings extends AbstractDependsOnBeanFactoryPostProcessor {

        SnapshotDependsOnV8EngineSettings() {
            super(Snapshot.class, V8EngineSettings.class);
        }

    }

    static final class JsRuntimeFactoryDependsOnV8EngineSettings extends AbstractDependsOnBeanFactoryPostProcessor {

        JsRuntimeFactoryDependsOnV8EngineSettings() {
            super(JsRuntimeFactory.class, V8EngineSettings.class);
        }

    }

}
