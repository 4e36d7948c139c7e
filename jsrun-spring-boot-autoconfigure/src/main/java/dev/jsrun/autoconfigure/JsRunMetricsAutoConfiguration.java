package dev.jsrun.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.jsrun.Snapshot;
import dev.jsrun.pool.JsRuntimePool;

/**
 * Micrometer meters for the snapshot and its runtime pool, when a {@link MeterRegistry}
 * bean exists.
 */
@AutoConfiguration(after = JsRunAutoConfiguration.class,
        afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ Snapshot.class, JsRuntimePool.class, MeterRegistry.class })
public final class JsRunMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JsRunMetrics jsrunMetrics(Snapshot snapshot, JsRuntimePool pool) {
        return new JsRunMetrics(snapshot, pool);
    }

}
