package dev.jsrun.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.jsrun.JsRuntime;
import dev.jsrun.JsRuntimeFactory;

/**
 * jsrun.pool.scope: an application that opts in borrows warm runtimes, counted in meters
 * and health.
 */
class JsRunScopesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(
                AutoConfigurations.of(JsRunAutoConfiguration.class, JsRunHealthContributorAutoConfiguration.class,
                        JsRunMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
                        CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
        .withPropertyValues("jsrun.snapshot.scripts=classpath:js/greet.js", "jsrun.pool.max-size=2",
                "jsrun.pool.min-idle=1");

    @Test
    void byDefaultEveryBorrowIsCleanAndAScopeIsTheCallersChoice() {
        this.runner.run(context -> {
            JsRuntimeFactory runtimes = context.getBean(JsRuntimeFactory.class);
            try (JsRuntime js = runtimes.acquire()) {
                js.eval("globalThis.left = 'plain'");
            }
            try (JsRuntime js = runtimes.acquire()) {
                assertThat(js.eval("typeof globalThis.left")).isEqualTo("undefined");
            }
            try (JsRuntime js = runtimes.acquire("reports")) {
                js.eval("globalThis.left = 'reports'");
            }
            try (JsRuntime js = runtimes.acquire("reports")) {
                assertThat(js.eval("globalThis.left")).isEqualTo("reports");
            }
        });
    }

    @Test
    void theScopePropertyMakesPlainAcquireWarmAndTheMetersAndHealthCountIt() {
        this.runner.withPropertyValues("jsrun.pool.scope=app", "jsrun.pool.scope-max-uses=2").run(context -> {
            JsRuntimeFactory runtimes = context.getBean(JsRuntimeFactory.class);
            Object[] seen = new Object[3];
            for (int i = 0; i < 3; i++) {
                try (JsRuntime js = runtimes.acquire()) {
                    seen[i] = js.eval("globalThis.n = (globalThis.n || 0) + 1");
                }
            }
            assertThat(seen).as("two borrows of the scope, then a reset").containsExactly(1, 2, 1);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("jsrun.isolates.scope.hits").functionCounter().count()).isEqualTo(1);
            assertThat(registry.get("jsrun.isolates.resets.avoided").functionCounter().count()).isEqualTo(1);
            assertThat(registry.get("jsrun.isolates.scopes").gauge().value()).isEqualTo(1);
            assertThat(registry.get("jsrun.isolates.scope.switches").functionCounter().count()).isZero();
            Health health = context.getBean(JsRunHealthIndicator.class).health();
            @SuppressWarnings("unchecked")
            Map<String, Object> scopes = (Map<String, Object>) health.getDetails().get("scopes");
            assertThat(scopes).containsEntry("held", 1).containsEntry("hits", 1L);
        });
    }

    @Test
    void aScopeThatServesNoBorrowIsAStartupFailureNamingTheProperty() {
        this.runner.withPropertyValues("jsrun.pool.scope-max-uses=0").run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new InvalidJsRunPropertyFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("Property: jsrun.pool.scope-max-uses", "Value: 0\n",
                    "Problem: must be at least 1");
            assertThat(analysis.getAction()).isEqualTo("Set jsrun.pool.scope-max-uses to 1 or more.");
        });
    }

}
