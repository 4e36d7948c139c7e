package dev.jsrun.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.jsrun.JsHeapLimitException;
import dev.jsrun.JsRunException;
import dev.jsrun.JsRuntime;
import dev.jsrun.JsRuntimeFactory;
import dev.jsrun.JsTerminatedException;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.pool.JsRuntimePool;
import dev.jsrun.pool.JsRuntimePoolExhaustedException;
import dev.jsrun.pool.PoolSettings;
import dev.jsrun.snapshot.SnapshotBuilder;

/**
 * The startup banners of jsrun's exceptions name the Spring properties to change, read
 * from the exceptions' fields; the exceptions' own messages name the core API and no
 * {@code jsrun.*} property.
 */
class JsRunFailureAnalyzersTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(JsRunAutoConfiguration.class))
        .withPropertyValues("jsrun.pool.shutdown-timeout=100ms");

    @Test
    void aWarmUpThatThrowsAtStartupNamesTheWarmUpProperty() {
        this.runner.withPropertyValues("jsrun.pool.min-idle=1", "jsrun.pool.warm-up=missing()").run(context -> {
            Throwable failure = context.getStartupFailure();

            FailureAnalysis analysis = new JsRuntimeUnavailableFailureAnalyzer().analyze(failure);

            assertThat(analysis.getDescription()).contains("Property: jsrun.pool.warm-up")
                .contains("missing is not defined");
            assertThat(analysis.getAction()).contains("'jsrun.pool.warm-up'");
            assertCoreMessagesNameNoProperty(failure);
        });
    }

    @Test
    void aWarmUpStoppedAtALimitNamesTheWarmUpAndTheLimit() {
        this.runner
            .withPropertyValues("jsrun.pool.min-idle=1", "jsrun.runtime.max-external-memory=16MB",
                    "jsrun.pool.warm-up=new Uint8Array(32 << 20).length")
            .run(context -> {
                Throwable failure = context.getStartupFailure();

                FailureAnalysis analysis = new JsRuntimeUnavailableFailureAnalyzer().analyze(failure);

                assertThat(analysis.getAction()).contains("'jsrun.pool.warm-up'")
                    .contains("'jsrun.runtime.max-external-memory'");
                assertThat(new JsTerminatedFailureAnalyzer().analyze(failure)).as("left to the warm-up's analysis")
                    .isNull();
                assertCoreMessagesNameNoProperty(failure);
            });
    }

    @Test
    void moreRuntimesBorrowedAtStartupThanThePoolHoldsNamesThePoolProperties() {
        this.runner.withPropertyValues("jsrun.pool.max-size=1", "jsrun.pool.min-idle=1")
            .withUserConfiguration(GreedyStartup.class)
            .run(context -> {
                Throwable failure = context.getStartupFailure();

                FailureAnalysis analysis = new JsRuntimeUnavailableFailureAnalyzer().analyze(failure);

                assertThat(analysis.getDescription()).contains("within 50 ms").contains("max=1");
                assertThat(analysis.getAction()).contains("'jsrun.pool.max-size'").contains("'jsrun.pool.max-wait'");
                assertCoreMessagesNameNoProperty(failure);
            });
    }

    @Test
    void aScriptPastItsTimeoutAtStartupNamesTheTimeoutProperty() {
        this.runner.withPropertyValues("jsrun.runtime.timeout=100ms")
            .withUserConfiguration(EvaluatingStartup.class)
            .withPropertyValues("test.script=while (true) {}")
            .run(context -> {
                Throwable failure = context.getStartupFailure();

                FailureAnalysis analysis = new JsTerminatedFailureAnalyzer().analyze(failure);

                assertThat(analysis.getDescription()).contains("Reason: TIMEOUT (timeout 100 ms)");
                assertThat(analysis.getAction()).contains("'jsrun.runtime.timeout'");
                assertThat(new JsRuntimeUnavailableFailureAnalyzer().analyze(failure)).isNull();
                assertCoreMessagesNameNoProperty(failure);
            });
    }

    @Test
    void buffersPastTheExternalMemoryLimitAtStartupNameItsProperty() {
        this.runner.withPropertyValues("jsrun.runtime.max-external-memory=16MB")
            .withUserConfiguration(EvaluatingStartup.class)
            .withPropertyValues("test.script=new Uint8Array(32 << 20).length")
            .run(context -> {
                FailureAnalysis analysis = new JsTerminatedFailureAnalyzer().analyze(context.getStartupFailure());

                assertThat(analysis.getDescription()).contains("EXTERNAL_MEMORY_LIMIT (external memory limit 16 MB)");
                assertThat(analysis.getAction()).contains("'jsrun.runtime.max-external-memory'");
                assertCoreMessagesNameNoProperty(context.getStartupFailure());
            });
    }

    @Test
    void theHeapLimitAndTheShutdownNameTheirProperties() {
        // the heap limit needs a JVM of its own to reach (JsRunErrorMetersTest); the
        // analysis reads only fields
        JsHeapLimitException heap = new JsHeapLimitException(64L << 20, null);
        JsTerminatedException shutdown = new JsTerminatedException(JsTerminatedException.Reason.SHUTDOWN, null);

        assertThat(new JsTerminatedFailureAnalyzer().analyze(heap).getAction())
            .contains("'jsrun.runtime.max-heap-size'");
        assertThat(new JsTerminatedFailureAnalyzer().analyze(shutdown).getAction())
            .contains("'jsrun.pool.shutdown-timeout'");
        assertCoreMessagesNameNoProperty(heap);
        assertCoreMessagesNameNoProperty(shutdown);
    }

    @Test
    void anExhaustedPoolOutsideStartupNamesThePoolProperties() {
        Throwable exhausted;
        try (JsRuntimePool pool = new JsRuntimePool(
                RuntimeConfig.builder().snapshot(new SnapshotBuilder().build()).build(),
                PoolSettings.builder().maxSize(1).minIdle(1).build()); JsRuntime held = pool.acquire()) {
            exhausted = catchThrowableOfType(JsRuntimePoolExhaustedException.class,
                    () -> pool.acquire(Duration.ofMillis(20)));
        }

        FailureAnalysis analysis = new JsRuntimeUnavailableFailureAnalyzer().analyze(exhausted);

        assertThat(analysis.getAction()).contains("'jsrun.pool.max-size'").contains("'jsrun.pool.max-wait'");
        assertCoreMessagesNameNoProperty(exhausted);
    }

    @Test
    void aProxiedGlobalInASnapshotScriptPointsToTheWarmUp() {
        this.runner.withPropertyValues("jsrun.snapshot.scripts=classpath:js/proxied-global.js").run(context -> {
            Throwable failure = context.getStartupFailure();

            FailureAnalysis analysis = new SnapshotBuildFailureAnalyzer().analyze(failure);

            assertThat(analysis.getDescription()).contains("Script: classpath:js/proxied-global.js")
                .contains("Proxy into the global object's prototype chain");
            assertThat(analysis.getAction()).contains("'jsrun.pool.warm-up'").contains("'jsrun.snapshot.scripts'");
            assertCoreMessagesNameNoProperty(failure);
        });
    }

    /**
     * The core's messages tell what to change in its API; the property names are the
     * analyzers' to add.
     */
    private static void assertCoreMessagesNameNoProperty(Throwable failure) {
        assertThat(failure).isNotNull();
        boolean seen = false;
        for (Throwable link = failure; link != null; link = link.getCause()) {
            if (link instanceof JsRunException) {
                seen = true;
                assertThat(link.getMessage()).as("message of %s", link.getClass().getSimpleName())
                    .doesNotContain("jsrun.");
            }
        }
        assertThat(seen).as("a JsRunException in %s", failure).isTrue();
    }

    /**
     * Borrows one runtime more than the pool holds while the context starts, without
     * giving any back.
     */
    @Configuration(proxyBeanMethods = false)
    static class GreedyStartup {

        @Bean
        JsRuntime greedy(JsRuntimeFactory factory) {
            factory.acquire();
            return factory.acquire(Duration.ofMillis(50));
        }

    }

    /** Evaluates {@code test.script} while the context starts. */
    @Configuration(proxyBeanMethods = false)
    static class EvaluatingStartup {

        @Bean
        Object evaluated(JsRuntimeFactory factory, Environment environment) {
            try (JsRuntime js = factory.acquire()) {
                return js.eval(environment.getProperty("test.script"));
            }
        }

    }

}
