package dev.jsrun.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.jsrun.JsRuntime;
import dev.jsrun.pool.JsRuntimePool;

/** The meters need a registry, as Boot's own metrics auto-configurations do. */
class JsRunMetricsAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(JsRunAutoConfiguration.class, JsRunMetricsAutoConfiguration.class))
        .withPropertyValues("jsrun.pool.min-idle=1", "jsrun.pool.max-size=1");

    @Test
    void withoutAMeterRegistryThereAreNoMetersAndJsrunStillWorks() {
        this.runner.run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(JsRunMetrics.class).doesNotHaveBean(MeterRegistry.class);
            try (JsRuntime js = context.getBean(JsRuntimePool.class).acquire()) {
                assertThat(js.eval("1 + 1")).isEqualTo(2);
            }
        });
    }

    @Test
    void withoutMicrometerThereAreNoMetersAndJsrunStillWorks() {
        this.runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(JsRunMetrics.class).hasSingleBean(JsRuntimePool.class);
        });
    }

    @Test
    void withBootsMetricsTheMetersAreBoundWhateverTheOrderTheConfigurationsAreListedIn() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JsRunMetricsAutoConfiguration.class,
                    SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
                    MetricsAutoConfiguration.class, JsRunAutoConfiguration.class))
            .withPropertyValues("jsrun.pool.min-idle=1", "jsrun.pool.max-size=1")
            .run(context -> {
                assertThat(context).hasSingleBean(JsRunMetrics.class);
                assertThat(context.getBean(MeterRegistry.class).get("jsrun.isolates.max").gauge().value()).isEqualTo(1);
            });
    }

}
