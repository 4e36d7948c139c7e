package dev.jsrun.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.jsrun.JsException;
import dev.jsrun.JsRuntime;
import dev.jsrun.JsTimeoutException;
import dev.jsrun.Snapshot;
import dev.jsrun.pool.JsRuntimePool;
import dev.jsrun.pool.JsRuntimePoolExhaustedException;

class JsRunObservabilityTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(
                AutoConfigurations.of(JsRunAutoConfiguration.class, JsRunHealthContributorAutoConfiguration.class,
                        JsRunMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
                        CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
        .withPropertyValues("jsrun.snapshot.scripts=classpath:js/greet.js", "jsrun.pool.max-size=2",
                "jsrun.pool.min-idle=1", "jsrun.pool.max-wait=100ms");

    @Test
    void healthIsUpWithSnapshotAndPoolDetails() {
        this.runner.run(context -> {
            Health health = context.getBean("jsrunHealthIndicator", JsRunHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            Map<String, Object> details = health.getDetails();
            Snapshot snapshot = context.getBean(Snapshot.class);
            assertThat(details).containsEntry("v8Version", snapshot.v8Version())
                .containsEntry("icu", "77.1")
                .containsEntry("snapshot.size", snapshot.size())
                .containsEntry("snapshot.scripts", List.of("greet.js"))
                .containsEntry("pool", "jsrun")
                .containsEntry("active", 0)
                .containsEntry("pending", 0)
                .containsEntry("max", 2)
                .containsKey("idle");
        });
    }

    @Test
    void healthIndicatorCanBeSwitchedOff() {
        this.runner.withPropertyValues("management.health.jsrun.enabled=false")
            .run(context -> assertThat(context).doesNotHaveBean(JsRunHealthIndicator.class));
    }

    @Test
    void metersFollowThePool() throws Exception {
        this.runner.run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            JsRuntimePool pool = context.getBean(JsRuntimePool.class);
            Snapshot snapshot = context.getBean(Snapshot.class);
            assertThat(registry.get("jsrun.isolates.max").tag("pool", "jsrun").gauge().value()).isEqualTo(2);
            assertThat(registry.get("jsrun.isolates.min").gauge().value()).isEqualTo(1);
            assertThat(registry.get("jsrun.snapshot.size").gauge().value()).isEqualTo(snapshot.size());
            assertThat(registry.get("jsrun.snapshot.build").timer().count()).isEqualTo(1);
            assertThat(registry.get("jsrun.isolates.creation").functionTimer().count()).isGreaterThanOrEqualTo(1);
            assertThat(registry.get("jsrun.isolates.creation")
                .functionTimer()
                .totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
            assertThat(registry.get("jsrun.isolates.heap.used").gauge().value()).isPositive();
            assertThat(registry.get("jsrun.isolates.heap.limit").gauge().value()).isPositive();
            assertThat(registry.get("jsrun.isolates.heap.external.limit").gauge().value())
                .isEqualTo((double) pool.stats().externalMemoryLimit())
                .isGreaterThanOrEqualTo(256.0 * 1024 * 1024);
            assertThat(registry.get("jsrun.isolates.heap.external").gauge().value()).isNotNegative();
            try (JsRuntime a = pool.acquire(); JsRuntime b = pool.acquire()) {
                assertThat(registry.get("jsrun.isolates.active").gauge().value()).isEqualTo(2);
                assertThat(registry.get("jsrun.isolates.idle").gauge().value()).isZero();
                assertThatThrownBy(pool::acquire).isInstanceOf(JsRuntimePoolExhaustedException.class);
                assertThat(registry.get("jsrun.isolates.timeout").counter().count()).isEqualTo(1);
                assertThatThrownBy(() -> a.eval("null.x")).isInstanceOf(JsException.class);
                assertThatThrownBy(() -> b.eval("while (true) {}", java.time.Duration.ofMillis(20)))
                    .isInstanceOf(JsTimeoutException.class);
            }
            assertThat(registry.get("jsrun.isolates.acquire").timer().count()).isEqualTo(2);
            assertThat(registry.get("jsrun.isolates.usage").timer().count()).isEqualTo(2);
            assertThat(registry.get("jsrun.isolates.errors").tag("type", "javascript").counter().count()).isEqualTo(1);
            assertThat(registry.get("jsrun.isolates.errors").tag("type", "timeout").counter().count()).isEqualTo(1);
            assertThat(registry.get("jsrun.isolates.discarded").tag("reason", "timeout").counter().count())
                .isEqualTo(1);
            long deadline = System.currentTimeMillis() + 5000;
            while (registry.get("jsrun.isolates.reset").timer().count() < 1 && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            assertThat(registry.get("jsrun.isolates.reset").timer().count()).isEqualTo(1);
            assertThat(registry.get("jsrun.isolates.pending").gauge().value()).isZero();
        });
    }

}
