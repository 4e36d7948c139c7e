package dev.jsrun.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.jsrun.JsConversionException;
import dev.jsrun.JsException;
import dev.jsrun.JsExternalMemoryLimitException;
import dev.jsrun.JsFailureKind;
import dev.jsrun.JsHeapLimitException;
import dev.jsrun.JsRuntime;
import dev.jsrun.JsSyntaxException;
import dev.jsrun.JsTimeoutException;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.Snapshot;
import dev.jsrun.V8Setup;
import dev.jsrun.engine.V8Process;
import dev.jsrun.pool.JsRuntimePool;
import dev.jsrun.pool.PoolSettings;
import dev.jsrun.snapshot.SnapshotBuilder;

/**
 * Each failed evaluation counts once in {@code jsrun.isolates.errors}, under the tag of
 * its {@link JsFailureKind}.
 */
class JsRunErrorMetersTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(JsRunAutoConfiguration.class, JsRunMetricsAutoConfiguration.class,
                MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
                SimpleMetricsExportAutoConfiguration.class))
        .withPropertyValues("jsrun.pool.max-size=1", "jsrun.pool.min-idle=1", "jsrun.pool.shutdown-timeout=100ms");

    @Test
    void aThrownErrorIsJavascript() {
        this.runner.run(context -> {
            try (JsRuntime js = context.getBean(JsRuntimePool.class).acquire()) {
                assertThatExceptionOfType(JsException.class).isThrownBy(() -> js.eval("null.x"));
            }
            assertThat(errors(context.getBean(MeterRegistry.class))).containsExactly("javascript=1.0");
        });
    }

    @Test
    void codeThatDoesNotParseIsSyntax() {
        this.runner.run(context -> {
            try (JsRuntime js = context.getBean(JsRuntimePool.class).acquire()) {
                assertThatExceptionOfType(JsSyntaxException.class).isThrownBy(() -> js.eval("let x = ;"));
            }
            assertThat(errors(context.getBean(MeterRegistry.class))).containsExactly("syntax=1.0");
        });
    }

    @Test
    void aScriptPastItsTimeoutIsTimeout() {
        this.runner.run(context -> {
            try (JsRuntime js = context.getBean(JsRuntimePool.class).acquire()) {
                assertThatExceptionOfType(JsTimeoutException.class)
                    .isThrownBy(() -> js.eval("while (true) {}", Duration.ofMillis(20)));
            }
            assertThat(errors(context.getBean(MeterRegistry.class))).containsExactly("timeout=1.0");
        });
    }

    @Test
    void aBufferPastTheExternalMemoryLimitIsExternalMemoryLimit() {
        this.runner.withPropertyValues("jsrun.runtime.max-external-memory=16MB").run(context -> {
            try (JsRuntime js = context.getBean(JsRuntimePool.class).acquire()) {
                assertThatExceptionOfType(JsExternalMemoryLimitException.class)
                    .isThrownBy(() -> js.eval("new Uint8Array(32 << 20).length"))
                    .withMessageContaining("16 MB");
            }
            assertThat(errors(context.getBean(MeterRegistry.class))).containsExactly("external-memory-limit=1.0");
        });
    }

    @Test
    void aValueThatDoesNotFitTheTypeAskedForIsConversionAndCountsOnce() {
        this.runner.run(context -> {
            try (JsRuntime js = context.getBean(JsRuntimePool.class).acquire()) {
                assertThatExceptionOfType(JsConversionException.class).isThrownBy(() -> js.eval("'x'", Integer.class));
            }
            assertThat(errors(context.getBean(MeterRegistry.class))).containsExactly("conversion=1.0");
        });
    }

    @Test
    void aFailureJsrunDoesNotRaiseAsAJavaScriptOrConversionErrorIsInternal() {
        this.runner.run(context -> {
            JsRuntimePool pool = context.getBean(JsRuntimePool.class);
            JsRuntime js = pool.acquire();
            // closing the pool disposes of the borrowed runtime once the shutdown timeout
            // has passed
            pool.close();
            assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> js.eval("1"));
            js.close();
            assertThat(errors(context.getBean(MeterRegistry.class))).containsExactly("internal=1.0");
        });
    }

    @Test
    void anEvaluationThatReachesTheHeapLimitIsHeapLimit() throws Exception {
        // in a JVM of its own with a small heap limit: V8's flags are process-wide, and
        // should the protection regress, V8 aborts that JVM rather than this one
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                HeapLimitProbe.class.getName())
            .redirectErrorStream(true)
            .start();
        byte[] bytes = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String output = new String(bytes, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("exit code (133 or 134: V8 aborted the JVM); output:%n%s", output).isZero();
        assertThat(output).contains("thrown=JsHeapLimitException")
            .contains("errors=[heap-limit=1.0]")
            .contains("ALIVE");
    }

    /**
     * The {@code jsrun.isolates.errors} counters that counted something, as
     * {@code tag=count}.
     */
    static List<String> errors(MeterRegistry registry) {
        return registry.find("jsrun.isolates.errors")
            .counters()
            .stream()
            .filter(counter -> counter.count() > 0)
            .map(counter -> counter.getId().getTag("type") + "=" + counter.count())
            .sorted()
            .toList();
    }

    /**
     * Sets off one heap bomb through a pool bound to {@link JsRunMetrics}, and prints
     * what the meters counted.
     */
    static final class HeapLimitProbe {

        public static void main(String[] args) {
            V8Process.configure(V8Setup.builder().maxHeapSize(32L << 20).build());
            Snapshot snapshot = new SnapshotBuilder().build();
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (JsRuntimePool pool = new JsRuntimePool(
                    RuntimeConfig.builder().snapshot(snapshot).timeout(Duration.ofSeconds(30)).build(),
                    PoolSettings.builder().minIdle(1).maxSize(1).build())) {
                new JsRunMetrics(snapshot, pool).bindTo(registry);
                try (JsRuntime js = pool.acquire()) {
                    js.eval("const a = []; while (true) a.push({ x: [1, 2, 3] });");
                    System.out.println("thrown=nothing");
                }
                catch (JsHeapLimitException ex) {
                    System.out.println("thrown=JsHeapLimitException");
                }
            }
            System.out.println("errors=" + errors(registry));
            System.out.println("ALIVE");
        }

    }

}
