package dev.jsrun.autoconfigure;

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

import dev.jsrun.JsRuntimeFactory;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.pool.JsRuntimePool;
import dev.jsrun.snapshot.Snapshot;
import dev.jsrun.snapshot.SnapshotBuilder;

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

    @Bean
    @ConditionalOnMissingBean
    Snapshot jsrunSnapshot(JsRunProperties properties, ResourceLoader resourceLoader,
            ObjectProvider<SnapshotBuilderCustomizer> customizers) {
        SnapshotBuilder builder = new SnapshotBuilder();
        new SnapshotScripts(ResourcePatternUtils.getResourcePatternResolver(resourceLoader)).addTo(builder,
                properties.getSnapshot().getScripts());
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        Snapshot snapshot = builder.build();
        logger.info(String.format("Built JavaScript snapshot of %d script(s) in %d ms: %.1f MiB, V8 %s",
                snapshot.scriptNames().size(), snapshot.buildTime().toMillis(), snapshot.size() / 1048576.0,
                snapshot.v8Version()));
        return snapshot;
    }

    @Bean
    @ConditionalOnMissingBean(JsRuntimeFactory.class)
    JsRuntimePool jsRuntimeFactory(Snapshot snapshot, JsRunProperties properties) {
        RuntimeConfig config = RuntimeConfig.builder()
            .snapshot(snapshot)
            .timeout(properties.getRuntime().getTimeout())
            .build();
        return new JsRuntimePool(config, properties.getPool().toSettings());
    }

}
