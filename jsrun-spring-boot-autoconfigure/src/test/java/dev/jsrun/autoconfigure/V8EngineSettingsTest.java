package dev.jsrun.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.jsrun.Snapshot;
import dev.jsrun.engine.V8Process;
import dev.jsrun.pool.JsRuntimePool;
import dev.jsrun.snapshot.SnapshotBuilder;

/**
 * V8's flags and heap limit are their own step, taken before any runtime, whoever builds
 * the snapshot.
 */
class V8EngineSettingsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(JsRunAutoConfiguration.class))
        .withPropertyValues("jsrun.pool.min-idle=1", "jsrun.pool.max-size=1");

    @Test
    void anApplicationsOwnSnapshotBeanIsCreatedAfterTheEngineSettings() {
        this.runner.withUserConfiguration(OwnSnapshot.class).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(V8EngineSettings.class).hasSingleBean(Snapshot.class);
            assertThat(context.getBeanFactory().getBeanDefinition("ownSnapshot").getDependsOn())
                .contains("jsrunV8EngineSettings");
            assertThat(context.getBean(V8EngineSettings.class).getSetup()).isEqualTo(V8Process.setup().orElseThrow());
        });
    }

    @Test
    void anOwnSnapshotBeanThatCreatesTheFirstRuntimeStillGetsTheConfiguredHeapLimitAndFlags() throws Exception {
        String output = fork("--jsrun.runtime.max-heap-size=64MB", "--jsrun.runtime.v8-flags=--incremental-marking");
        assertThat(output).contains("flags=").contains("--incremental-marking").contains("--max-heap-size=64");
        assertThat(heapLimitMegabytes(output)).isBetween(64L, 96L);
    }

    @Test
    void anOwnSnapshotBeanThatCreatesTheFirstRuntimeStillGetsTheDefaultHeapLimit() throws Exception {
        String output = fork();
        assertThat(output).contains("--max-heap-size=256");
        assertThat(heapLimitMegabytes(output)).isBetween(256L, 288L);
    }

    private static long heapLimitMegabytes(String output) {
        int at = output.indexOf("heapLimit=");
        assertThat(at).as("heap limit in:%n%s", output).isNotNegative();
        String digits = output.substring(at + "heapLimit=".length()).split("\\s")[0];
        return Long.parseLong(digits) >> 20;
    }

    /**
     * Runs {@link OwnSnapshotProbe} in a JVM of its own: V8's flags are sealed in this
     * one already.
     */
    private static String fork(String... properties) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                OwnSnapshotProbe.class.getName()));
        command.addAll(List.of(properties));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] bytes = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String output = new String(bytes, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("exit code; output:%n%s", output).isZero();
        assertThat(output).contains("ALIVE");
        return output;
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnSnapshot {

        @Bean
        Snapshot ownSnapshot() {
            return new SnapshotBuilder().executeScript("own.js", "globalThis.own = 1;").build();
        }

    }

    /**
     * Starts jsrun with {@link OwnSnapshot} and the given properties, and prints what V8
     * got.
     */
    static final class OwnSnapshotProbe {

        public static void main(String[] args) {
            List<String> properties = new ArrayList<>(List.of("jsrun.pool.min-idle=1", "jsrun.pool.max-size=1"));
            for (String arg : args) {
                properties.add(arg.substring(2));
            }
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JsRunAutoConfiguration.class))
                .withUserConfiguration(OwnSnapshot.class)
                .withPropertyValues(properties.toArray(String[]::new))
                .run(context -> {
                    if (context.getStartupFailure() != null) {
                        context.getStartupFailure().printStackTrace(System.out);
                        return;
                    }
                    System.out.println("flags=" + V8Process.flags());
                    System.out.println("heapLimit=" + context.getBean(JsRuntimePool.class).stats().heapLimit());
                    System.out.println("ALIVE");
                });
        }

    }

}
