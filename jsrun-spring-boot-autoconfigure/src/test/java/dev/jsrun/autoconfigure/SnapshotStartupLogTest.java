package dev.jsrun.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Startup says in one INFO line what the snapshot holds; the module table is for DEBUG.
 */
@ExtendWith(OutputCaptureExtension.class)
class SnapshotStartupLogTest {

    private static final String LOGGER = "dev.jsrun.autoconfigure";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(JsRunAutoConfiguration.class))
        .withPropertyValues("jsrun.snapshot.scripts=classpath:js/greet.js", "jsrun.pool.min-idle=1",
                "jsrun.pool.max-size=1");

    private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

    @AfterEach
    void restoreLevel() {
        this.logging.setLogLevel(LOGGER, null);
    }

    @Test
    void atInfoOneLineSaysWhatTheSnapshotHolds(CapturedOutput output) {
        this.logging.setLogLevel(LOGGER, LogLevel.INFO);
        this.runner.withPropertyValues("jsrun.snapshot.modules=ms,lodash", "jsrun.snapshot.defer-modules=ms")
            .run(context -> assertThat(context).hasNotFailed());
        assertThat(output.getOut().lines().filter(line -> line.contains(LOGGER))).singleElement()
            .satisfies(line -> assertThat(line).contains("INFO")
                .containsPattern(
                        "Built JavaScript snapshot in \\d+ ms: 1 script\\(s\\), modules 1 healthy / 1 deferred "
                                + "/ 0 excluded, \\d+\\.\\d MiB, V8 [0-9.]+-i18n, ICU 77\\.1 \\(locale [A-Za-z-]+, time zone \\S+\\)"));
        assertThat(output).doesNotContain("STATUS").doesNotContain("WARN");
    }

    @Test
    void aJvmZoneOrLanguageThatV8DoesNotShareIsAWarning() {
        var v8 = new dev.jsrun.engine.V8Process.IntlDefaults("en-US", "UTC");
        assertThat(SnapshotStartupLog.intlDefaults(v8, java.util.TimeZone.getTimeZone("Etc/UTC"), java.util.Locale.US))
            .as("another name for the same zone")
            .isEmpty();
        assertThat(SnapshotStartupLog
            .intlDefaults(v8, java.util.TimeZone.getTimeZone("Europe/Paris"), java.util.Locale.UK)).isEqualTo(
                    "V8's default time zone is UTC but the JVM's is Europe/Paris: V8 reads the process's TZ environment "
                            + "variable (start the JVM with TZ=Europe/Paris), or pass timeZone to Intl and toLocaleString calls.");
        assertThat(SnapshotStartupLog.intlDefaults(v8, java.util.TimeZone.getTimeZone("UTC"), java.util.Locale.GERMANY))
            .startsWith("V8's default locale is en-US but the JVM's is de-DE: V8 reads LC_ALL or LANG");
    }

    @Test
    void withoutModulesTheLineSaysSo(CapturedOutput output) {
        this.logging.setLogLevel(LOGGER, LogLevel.INFO);
        this.runner.run(context -> assertThat(context).hasNotFailed());
        assertThat(output).containsPattern("Built JavaScript snapshot in \\d+ ms: 1 script\\(s\\), no modules, ");
    }

    @Test
    void atDebugTheDoctorsTableFollows(CapturedOutput output) {
        this.logging.setLogLevel(LOGGER, LogLevel.DEBUG);
        this.runner.withPropertyValues("jsrun.snapshot.modules=ms,lodash", "jsrun.snapshot.defer-modules=ms")
            .run(context -> assertThat(context).hasNotFailed());
        assertThat(output)
            .contains(
                    "jsrun modules: 1 healthy, 1 deferred, 0 excluded (conditions: worker, browser, require, default)")
            .containsPattern("HEALTHY +node_modules/lodash/")
            .containsPattern("DEFERRED +node_modules/ms/");
    }

    @Test
    void whatTheApplicationDidNotAskToDeferOrExcludeIsAWarning(CapturedOutput output, @TempDir Path root)
            throws IOException {
        Files.writeString(root.resolve("optional-fs.js"),
                "let fs = null; try { fs = require('fs'); } catch (e) { } module.exports = fs === null;");
        this.logging.setLogLevel(LOGGER, LogLevel.INFO);
        this.runner
            .withPropertyValues("jsrun.snapshot.module-roots=" + root, "jsrun.snapshot.modules=ms,./optional-fs.js",
                    "jsrun.snapshot.defer-modules=ms")
            .run(context -> assertThat(context).hasNotFailed());
        assertThat(output.getOut().lines().filter(line -> line.contains("WARN"))).singleElement()
            .satisfies(line -> assertThat(line).contains("JavaScript modules not stored initialized in the snapshot"));
        assertThat(output).containsPattern("\n  EXCLUDED  fs  ").doesNotContainPattern("DEFERRED +node_modules/ms/");
    }

}
