package dev.jsrun.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.jsrun.JsRuntime;
import dev.jsrun.JsRuntimeUnavailableException;
import dev.jsrun.pool.JsRuntimePool;

/**
 * Health comes from the pool's state: busy is UP, closed or unable to restore runtimes is
 * DOWN.
 */
class JsRunHealthIndicatorTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(
                AutoConfigurations.of(JsRunAutoConfiguration.class, JsRunHealthContributorAutoConfiguration.class,
                        JsRunMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
                        CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
        .withPropertyValues("jsrun.snapshot.scripts=classpath:js/greet.js", "jsrun.pool.max-size=1",
                "jsrun.pool.min-idle=1", "jsrun.pool.max-wait=100ms");

    @Test
    void aBusyPoolIsUpWithItsFiguresAndTheCheckBorrowsNothing() {
        this.runner.run(context -> {
            JsRuntimePool pool = context.getBean(JsRuntimePool.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            CountDownLatch running = new CountDownLatch(1);
            AtomicBoolean stop = new AtomicBoolean();
            CompletableFuture<Object> script;
            JsRuntime js = pool.acquire();
            try {
                js.bind("running", arguments -> {
                    running.countDown();
                    return null;
                });
                js.bind("stopped", arguments -> stop.get());
                script = CompletableFuture
                    .supplyAsync(() -> js.eval("running(); while (!stopped()) {} 'done'", Duration.ofSeconds(30)));
                assertThat(running.await(10, TimeUnit.SECONDS)).as("the long script started").isTrue();
                long restored = pool.restoredCount();
                long acquires = registry.get("jsrun.isolates.acquire").timer().count();
                long usages = registry.get("jsrun.isolates.usage").timer().count();

                Health health = context.getBean(JsRunHealthIndicator.class).health();

                assertThat(health.getStatus()).isEqualTo(Status.UP);
                assertThat(health.getDetails()).containsEntry("active", 1)
                    .containsEntry("idle", 0)
                    .containsEntry("max", 1)
                    .containsEntry("pending", 0)
                    .doesNotContainKey("reason");
                assertThat(pool.restoredCount()).isEqualTo(restored);
                assertThat(registry.get("jsrun.isolates.acquire").timer().count()).isEqualTo(acquires);
                assertThat(registry.get("jsrun.isolates.usage").timer().count()).isEqualTo(usages);
                assertThat(registry.get("jsrun.isolates.timeout").counter().count()).isZero();
                stop.set(true);
                assertThat(script.get(10, TimeUnit.SECONDS)).isEqualTo("done");
            }
            finally {
                stop.set(true);
                js.close();
            }
        });
    }

    @Test
    void detailsNameScriptsWithoutTheirPathOnTheFileSystem() throws Exception {
        String directory = Path.of(getClass().getResource("/js/greet.js").toURI()).getParent().toString();
        this.runner.withPropertyValues("jsrun.snapshot.scripts=file:" + directory + "/greet.js").run(context -> {
            Health health = context.getBean(JsRunHealthIndicator.class).health();
            assertThat(health.getDetails()).containsEntry("snapshot.scripts", List.of("greet.js"));
            assertThat(health.getDetails().toString()).doesNotContain(directory);
        });
    }

    @Test
    void aClosedPoolIsDown() {
        this.runner.run(context -> {
            context.getBean(JsRuntimePool.class).close();
            Health health = context.getBean(JsRunHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("reason", "pool 'jsrun' is closed or shutting down");
        });
    }

    @Test
    void aPoolWhoseRestoresFailIsDown() {
        this.runner.withPropertyValues("jsrun.pool.min-idle=0", "jsrun.pool.warm-up=throw new Error('no warm-up')")
            .run(context -> {
                JsRuntimePool pool = context.getBean(JsRuntimePool.class);
                JsRunHealthIndicator indicator = context.getBean(JsRunHealthIndicator.class);
                assertThat(indicator.health().getStatus()).as("before any restore").isEqualTo(Status.UP);
                assertThatThrownBy(pool::acquire)
                    .isInstanceOfSatisfying(JsRuntimeUnavailableException.class,
                            ex -> assertThat(ex.reason())
                                .isEqualTo(JsRuntimeUnavailableException.Reason.WARM_UP_FAILED))
                    .hasMessageContaining("no warm-up");
                assertThat(pool.restoreFailure()).hasMessageContaining("no warm-up");

                Health health = indicator.health();

                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.getDetails()).containsEntry("reason",
                        "pool 'jsrun' cannot restore runtimes from the snapshot: its last attempt failed (the pool's log says why)");
            });
    }

}
