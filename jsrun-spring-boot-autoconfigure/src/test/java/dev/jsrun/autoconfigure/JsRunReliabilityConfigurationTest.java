package dev.jsrun.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.jsrun.JsRuntime;
import dev.jsrun.JsRuntimeFactory;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.Snapshot;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;
import dev.jsrun.snapshot.Snapshots;

/**
 * Timeouts, heap limit, snapshot cache and wrong settings, as the auto-configuration
 * applies them.
 */
class JsRunReliabilityConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(JsRunAutoConfiguration.class))
        .withPropertyValues("jsrun.pool.min-idle=1");

    @TempDir
    Path cacheDir;

    @Test
    void evaluationsHaveADefaultTimeout() {
        this.runner.run(context -> assertThat(context.getBean(JsRuntimeFactory.class).config().timeout())
            .contains(Duration.ofSeconds(5)));
    }

    @Test
    void consoleLoggerIsConfigurable() {
        this.runner.withPropertyValues("jsrun.runtime.console-logger=scripts")
            .run(context -> assertThat(context.getBean(JsRuntimeFactory.class).config().consoleLogger())
                .isEqualTo("scripts"));
    }

    @Test
    void snapshotIsStoredInTheCacheDirectoryAndReusedAtTheNextStart() {
        String[] properties = { "jsrun.snapshot.scripts=classpath:js/greet.js",
                "jsrun.snapshot.cache-dir=" + this.cacheDir };
        Instant[] created = new Instant[1];
        this.runner.withPropertyValues(properties).run(context -> {
            created[0] = context.getBean(Snapshot.class).createdAt();
            try (var files = Files.list(this.cacheDir)) {
                assertThat(files.toList()).singleElement()
                    .satisfies(file -> assertThat(file.toString()).endsWith(".snapshot"));
            }
        });
        this.runner.withPropertyValues(properties).run(context -> {
            Snapshot snapshot = context.getBean(Snapshot.class);
            assertThat(snapshot.createdAt()).as("loaded, not rebuilt")
                .isEqualTo(created[0].truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            try (JsRuntime js = context.getBean(JsRuntimeFactory.class).acquire()) {
                assertThat(js.eval("greet('cache')")).isEqualTo("Hello, cache!");
            }
        });
    }

    @Test
    void damagedCacheFileIsRebuiltNotFatal() throws Exception {
        String[] properties = { "jsrun.snapshot.scripts=classpath:js/greet.js",
                "jsrun.snapshot.cache-dir=" + this.cacheDir };
        this.runner.withPropertyValues(properties).run(context -> assertThat(context).hasNotFailed());
        Path file;
        try (var files = Files.list(this.cacheDir)) {
            file = files.findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        this.runner.withPropertyValues(properties).run(context -> {
            assertThat(context).hasNotFailed();
            try (JsRuntime js = context.getBean(JsRuntimeFactory.class).acquire()) {
                assertThat(js.eval("greet('again')")).isEqualTo("Hello, again!");
            }
        });
        assertThat(Snapshots.read(file).scriptNames()).containsExactly("classpath:js/greet.js");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jsrun.pool.max-size=0|jsrun.pool.max-size|0|Set jsrun.pool.max-size to 1 or more.",
            "jsrun.pool.max-size=-3|jsrun.pool.max-size|-3|Set jsrun.pool.max-size to 1 or more.",
            "jsrun.pool.min-idle=9|jsrun.pool.min-idle|9|Set jsrun.pool.min-idle to a value from 0 to 8.",
            "jsrun.pool.min-idle=-1|jsrun.pool.min-idle|-1|Set jsrun.pool.min-idle to a value from 0 to 8.",
            "jsrun.runtime.timeout=0s|jsrun.runtime.timeout|0ms|Set jsrun.runtime.timeout to a positive duration of at most 24d, such as 5s.",
            "jsrun.runtime.timeout=-1s|jsrun.runtime.timeout|-1s|Set jsrun.runtime.timeout to a positive duration of at most 24d, such as 5s.",
            "jsrun.pool.max-wait=-1ms|jsrun.pool.max-wait|-1ms|Set jsrun.pool.max-wait to a duration of at most 24d, such as 5s.",
            "jsrun.pool.idle-timeout=0s|jsrun.pool.idle-timeout|0ms|Set jsrun.pool.idle-timeout to a positive duration of at most 24d, such as 10m.",
            "jsrun.runtime.timeout=9223372036854775807s|jsrun.runtime.timeout|9223372036854775807s|Set jsrun.runtime.timeout to a positive duration of at most 24d, such as 5s.",
            "jsrun.pool.max-wait=9223372036854775807s|jsrun.pool.max-wait|9223372036854775807s|Set jsrun.pool.max-wait to a duration of at most 24d, such as 5s.",
            "jsrun.pool.idle-timeout=25d|jsrun.pool.idle-timeout|25d|Set jsrun.pool.idle-timeout to a positive duration of at most 24d, such as 10m.",
            "jsrun.pool.eviction-interval=9223372036854775807s|jsrun.pool.eviction-interval|9223372036854775807s|Set jsrun.pool.eviction-interval to a positive duration of at most 24d, such as 30s.",
            "jsrun.pool.shutdown-timeout=9223372036854775807s|jsrun.pool.shutdown-timeout|9223372036854775807s|Set jsrun.pool.shutdown-timeout to a duration of at most 24d, such as 10s.",
            "jsrun.pool.cleaner-threads=0|jsrun.pool.cleaner-threads|0|Set jsrun.pool.cleaner-threads to 1 or more.",
            "jsrun.pool.max-uses=-1|jsrun.pool.max-uses|-1|Set jsrun.pool.max-uses to 0 (no limit) or a positive number.",
            "jsrun.runtime.max-heap-size=1MB|jsrun.runtime.max-heap-size|1MB|Set jsrun.runtime.max-heap-size to 16MB or more, for example 256MB.",
            "jsrun.runtime.max-result-size=10B|jsrun.runtime.max-result-size|10B|Set jsrun.runtime.max-result-size between 1KB and 2GB, for example 16MB.",
            "jsrun.runtime.max-external-memory=10KB|jsrun.runtime.max-external-memory|10KB|Set jsrun.runtime.max-external-memory to 1MB or more, for example 256MB.",
            "jsrun.runtime.v8-flags=incremental-marking|jsrun.runtime.v8-flags|incremental-marking|Write each flag as V8 spells it, such as --incremental-marking, separated by spaces.", })
    void wrongSettingFailsStartupNamingThePropertyAndTheFix(String setting, String property, String value,
            String action) {
        this.runner.withPropertyValues(setting).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new InvalidJsRunPropertyFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).as("analysis of %s", context.getStartupFailure()).isNotNull();
            assertThat(analysis.getDescription()).contains("Property: " + property).contains("Value: " + value + "\n");
            assertThat(analysis.getAction()).isEqualTo(action);
        });
    }

    @Test
    void durationLongerThanTheMaximumFailsStartupSayingHowLongItMayBe() {
        this.runner.withPropertyValues("jsrun.pool.eviction-interval=9223372036854775807s").run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new InvalidJsRunPropertyFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).as("analysis of %s", context.getStartupFailure()).isNotNull();
            assertThat(analysis.getDescription()).contains("Problem: must be at most 24d");
        });
        this.runner
            .withPropertyValues("jsrun.runtime.timeout=24d", "jsrun.pool.max-wait=24d",
                    "jsrun.pool.eviction-interval=24d", "jsrun.pool.shutdown-timeout=24d")
            .run(context -> {
                assertThat(context).hasNotFailed();
                try (JsRuntime js = context.getBean(JsRuntimeFactory.class).acquire()) {
                    assertThat(js.eval("1 + 1")).isEqualTo(2);
                }
            });
    }

    @Test
    void blankConditionFailsStartupNamingTheEntry() {
        this.runner.withPropertyValues("jsrun.snapshot.conditions[0]=browser", "jsrun.snapshot.conditions[1]= ")
            .run(context -> {
                assertThat(context).hasFailed();
                FailureAnalysis analysis = new InvalidJsRunPropertyFailureAnalyzer()
                    .analyze(context.getStartupFailure());
                assertThat(analysis).as("analysis of %s", context.getStartupFailure()).isNotNull();
                assertThat(analysis.getDescription()).contains("Property: jsrun.snapshot.conditions[1]")
                    .contains("a condition must not be blank");
                assertThat(analysis.getAction()).isEqualTo(
                        "Remove the blank entry from jsrun.snapshot.conditions, or name a condition there, such as browser.");
            });
        this.runner.withPropertyValues("jsrun.snapshot.conditions=worker,,browser").run(context -> {
            FailureAnalysis analysis = new InvalidJsRunPropertyFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).as("analysis of %s", context.getStartupFailure()).isNotNull();
            assertThat(analysis.getDescription()).contains("Property: jsrun.snapshot.conditions[1]");
        });
    }

    @Test
    void duplicateScriptFailsStartup() {
        this.runner
            .withPropertyValues(
                    "jsrun.snapshot.scripts=classpath:js/greet.js,classpath:js/counter.js,classpath:js/greet.js")
            .run(context -> {
                FailureAnalysis analysis = new InvalidJsRunPropertyFailureAnalyzer()
                    .analyze(context.getStartupFailure());
                assertThat(analysis.getDescription()).contains("Property: jsrun.snapshot.scripts[2]")
                    .contains("already listed as jsrun.snapshot.scripts[0]");
            });
    }

    @Test
    void unreadableScriptFailsStartup() throws Exception {
        Path directory = Files.createDirectory(this.cacheDir.resolve("a-directory.js"));
        this.runner.withPropertyValues("jsrun.snapshot.scripts=file:" + directory).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new SnapshotScriptNotFoundFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).as("analysis of %s", context.getStartupFailure()).isNotNull();
            assertThat(analysis.getDescription()).contains("jsrun.snapshot.scripts[0]").contains(directory.toString());
        });
    }

    @Test
    void v8FlagsThatV8CanNoLongerTakeFailStartupAndThoseInForcePass() {
        try (JsRuntime js = new UnpooledJsRuntimeFactory(RuntimeConfig.defaults()).create()) {
            assertThat(js.eval("1")).isEqualTo(1);
        }
        this.runner.withPropertyValues("jsrun.runtime.v8-flags=--incremental-marking").run(context -> {
            FailureAnalysis analysis = new InvalidJsRunPropertyFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("Property: jsrun.runtime.v8-flags")
                .contains("V8 flags are fixed once the first runtime of the JVM exists");
            assertThat(analysis.getAction()).contains("remove jsrun.runtime.v8-flags");
        });
        this.runner.withPropertyValues("jsrun.runtime.v8-flags=--no-regexp-tier-up  --no-incremental-marking")
            .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void heapLimitThatV8CanNoLongerTakeFailsStartup() {
        try (JsRuntime js = new UnpooledJsRuntimeFactory(RuntimeConfig.defaults()).create()) {
            assertThat(js.eval("1")).isEqualTo(1);
        }
        this.runner.withPropertyValues("jsrun.runtime.max-heap-size=100MB").run(context -> {
            FailureAnalysis analysis = new InvalidJsRunPropertyFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("Property: jsrun.runtime.max-heap-size")
                .contains("V8 flags are fixed once the first runtime of the JVM exists");
        });
    }

    @Test
    void maxResultSizeBoundsWhatAResultMayBuildInJava() {
        this.runner.withPropertyValues("jsrun.runtime.max-result-size=2KB").run(context -> {
            try (dev.jsrun.JsRuntime js = context.getBean(dev.jsrun.JsRuntimeFactory.class).acquire()) {
                assertThat(js.eval("'x'.repeat(2048)")).isEqualTo("x".repeat(2048));
                assertThatThrownBy(() -> js.eval("'x'.repeat(2049)"))
                    .isInstanceOf(dev.jsrun.JsConversionException.class)
                    .hasMessageContaining("result size limit of 2048 characters");
                assertThatThrownBy(() -> js.eval("[new Array(1000).fill('ab')]"))
                    .isInstanceOf(dev.jsrun.JsConversionException.class)
                    .hasMessageContaining("at $[0]");
            }
        });
    }

}
