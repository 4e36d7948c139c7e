package dev.jsrun.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import dev.jsrun.Snapshot;
import dev.jsrun.pool.JsRuntimePool;

/**
 * Health indicator {@code jsrun} for the snapshot and its runtime pool.
 */
@AutoConfiguration(after = JsRunAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean({ Snapshot.class, JsRuntimePool.class })
@ConditionalOnEnabledHealthIndicator("jsrun")
public final class JsRunHealthContributorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "jsrunHealthIndicator")
    JsRunHealthIndicator jsrunHealthIndicator(Snapshot snapshot, JsRuntimePool pool) {
        return new JsRunHealthIndicator(snapshot, pool);
    }

}
