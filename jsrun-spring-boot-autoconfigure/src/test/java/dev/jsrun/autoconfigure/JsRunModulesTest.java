package dev.jsrun.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.jsrun.JsRuntime;
import dev.jsrun.ModuleStats;
import dev.jsrun.pool.JsRuntimePool;

/**
 * jsrun.snapshot.modules: require() from the snapshot, with statistics in Java, metrics
 * and health.
 */
class JsRunModulesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(
                AutoConfigurations.of(JsRunAutoConfiguration.class, JsRunHealthContributorAutoConfiguration.class,
                        JsRunMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
                        CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
        .withPropertyValues("jsrun.snapshot.modules=ms,lodash", "jsrun.snapshot.scripts=classpath:js/humanize.js",
                "jsrun.pool.max-size=1", "jsrun.pool.min-idle=1");

    /**
     * luxon formats with the runtime's ICU: the same text as Node 20 for the same calls.
     */
    @Test
    void aLibraryThatNeedsIntlWorksAsASnapshotModule() {
        this.runner.withPropertyValues("jsrun.snapshot.modules=luxon").run(context -> {
            try (JsRuntime js = context.getBean(JsRuntimePool.class).acquire()) {
                assertThat(js.eval("require('luxon').DateTime.fromISO('2026-03-29T01:30:00Z').setZone('Europe/Berlin')"
                        + ".setLocale('de').toFormat('cccc, d. LLLL yyyy HH:mm ZZZZ')"))
                    .isEqualTo("Sonntag, 29. März 2026 03:30 MESZ");
                assertThat(
                        js.eval("require('luxon').DateTime.fromISO('2026-03-08T06:30:00Z').setZone('America/New_York')"
                                + ".plus({ hours: 1 }).toISO()"))
                    .as("one hour after 01:30 EST is 03:30 EDT")
                    .isEqualTo("2026-03-08T03:30:00.000-04:00");
            }
        });
    }

    @Test
    void modulesAreRequiredFromTheSnapshotAndCounted() throws Exception {
        this.runner.run(context -> {
            JsRuntimePool pool = context.getBean(JsRuntimePool.class);
            try (JsRuntime js = pool.acquire()) {
                assertThat(js.eval("humanize(60000)")).isEqualTo("1 minute");
                assertThat(js.eval("require('lodash').kebabCase('Spring Boot')")).isEqualTo("spring-boot");
                assertThatThrownBy(() -> js.eval("require('fs')"))
                    .hasMessageContaining("Node built-ins are not available");
                ModuleStats stats = js.moduleStats();
                assertThat(stats.exportHits()).isEqualTo(2);
                assertThat(stats.misses()).isEqualTo(1);
                assertThat(stats.exports()).isEqualTo(2);
            }
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            long deadline = System.currentTimeMillis() + 5000;
            while (pool.moduleStats().exportHits() < 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            assertThat(registry.get("jsrun.modules.requires").tag("result", "export").functionCounter().count())
                .isEqualTo(2);
            assertThat(registry.get("jsrun.modules.requires").tag("result", "miss").functionCounter().count())
                .isEqualTo(1);
            assertThat(registry.get("jsrun.modules.requires").tag("result", "definition").functionCounter().count())
                .isZero();
            Health health = context.getBean(JsRunHealthIndicator.class).health();
            @SuppressWarnings("unchecked")
            Map<String, Object> modules = (Map<String, Object>) health.getDetails().get("modules");
            assertThat(modules).containsEntry("exports", 2)
                .containsEntry("definitions", 2)
                .containsEntry("exportHits", 2L);
        });
    }

    @Test
    void deferredModuleIsInitializedOnFirstRequireInEachRuntime() {
        this.runner.withPropertyValues("jsrun.snapshot.defer-modules=ms").run(context -> {
            try (JsRuntime js = context.getBean(JsRuntimePool.class).acquire()) {
                assertThat(js.eval("humanize(1000)")).isEqualTo("1 second");
                assertThat(js.eval("humanize(2000)")).isEqualTo("2 seconds");
                ModuleStats stats = js.moduleStats();
                assertThat(stats.definitionHits()).isEqualTo(1);
                assertThat(stats.exportHits()).isEqualTo(1);
                assertThat(stats.exports()).isEqualTo(1);
                assertThat(stats.definitions()).isEqualTo(2);
            }
        });
    }

    @Test
    void modulesOutsideTheSnapshotLoadAtRunTimeOnlyWhenEnabled() {
        this.runner.withPropertyValues("jsrun.snapshot.modules=lodash", "jsrun.snapshot.scripts=").run(context -> {
            try (JsRuntime js = context.getBean(JsRuntimePool.class).acquire()) {
                assertThatThrownBy(() -> js.eval("require('ms')")).hasMessageContaining("Cannot find module 'ms'");
            }
        });
        this.runner
            .withPropertyValues("jsrun.snapshot.modules=lodash", "jsrun.snapshot.scripts=",
                    "jsrun.snapshot.load-modules-at-run-time=true")
            .run(context -> {
                try (JsRuntime js = context.getBean(JsRuntimePool.class).acquire()) {
                    assertThat(js.eval("require('ms')('1h')")).isEqualTo(3_600_000);
                    assertThat(js.moduleStats().definitionHits()).isEqualTo(1);
                }
            });
    }

    /**
     * The conditions choose among a package's builds, for the snapshot's modules and
     * those loaded at run time.
     */
    @Test
    void conditionsChooseTheBuildOfAPackage(@TempDir Path root) throws IOException {
        for (String name : new String[] { "pick", "late" }) {
            Path dir = Files.createDirectories(root.resolve("node_modules").resolve(name));
            Files.writeString(dir.resolve("package.json"), "{\"name\": \"" + name + "\", \"exports\": {\".\": "
                    + "{\"node\": \"./node.js\", \"browser\": \"./browser.js\", \"default\": \"./default.js\"}}}");
            for (String build : new String[] { "node", "browser", "default" }) {
                Files.writeString(dir.resolve(build + ".js"), "module.exports = '" + build + "';");
            }
        }
        ApplicationContextRunner runner = this.runner.withPropertyValues("jsrun.snapshot.module-roots=" + root,
                "jsrun.snapshot.modules=pick", "jsrun.snapshot.scripts=",
                "jsrun.snapshot.load-modules-at-run-time=true");
        runner.run(context -> {
            try (JsRuntime js = context.getBean(JsRuntimePool.class).acquire()) {
                assertThat(js.eval("require('pick') + ' ' + require('late')")).isEqualTo("browser browser");
            }
        });
        runner.withPropertyValues("jsrun.snapshot.conditions=node,require").run(context -> {
            try (JsRuntime js = context.getBean(JsRuntimePool.class).acquire()) {
                assertThat(js.eval("require('pick') + ' ' + require('late')")).isEqualTo("node node");
            }
        });
    }

    @Test
    void unknownModuleFailsStartupWithTheDoctorsReason() {
        this.runner.withPropertyValues("jsrun.snapshot.modules=no-such-package").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("no-such-package");
        });
    }

    @Test
    void moduleThatCannotBeResolvedFailsStartupNamingItsEntry() {
        for (String module : new String[] { "does-not-exist-xyz", "./lib/nope.js" }) {
            this.runner.withPropertyValues("jsrun.snapshot.modules=ms,lodash,luxon," + module).run(context -> {
                assertThat(context).hasFailed();
                FailureAnalysis analysis = new InvalidJsRunPropertyFailureAnalyzer()
                    .analyze(context.getStartupFailure());
                assertThat(analysis).as("analysis of %s", context.getStartupFailure()).isNotNull();
                assertThat(analysis.getDescription()).contains("Property: jsrun.snapshot.modules[3]\n")
                    .contains("Value: " + module + "\n")
                    .contains("cannot be resolved from the module roots: not found");
                assertThat(analysis.getAction()).contains("jsrun.snapshot.module-roots")
                    .contains("remove it from jsrun.snapshot.modules");
            });
        }
    }

    @Test
    void moduleRootThatIsNoDirectoryFailsStartupNamingItsEntry(@TempDir Path root) throws IOException {
        Path file = Files.writeString(root.resolve("file.js"), "module.exports = 1;");
        Path missing = root.resolve("nonexistent/roots");
        this.runner.withPropertyValues("jsrun.snapshot.module-roots=" + root + "," + missing).run(context -> {
            FailureAnalysis analysis = new InvalidJsRunPropertyFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).as("analysis of %s", context.getStartupFailure()).isNotNull();
            assertThat(analysis.getDescription()).contains("Property: jsrun.snapshot.module-roots[1]\n")
                .contains("Value: " + missing + "\n")
                .contains("Problem: no such directory");
            assertThat(analysis.getAction())
                .isEqualTo("Set jsrun.snapshot.module-roots[1] to an existing directory (one that holds "
                        + "node_modules or module files), or remove it.");
        });
        this.runner.withPropertyValues("jsrun.snapshot.module-roots=" + file).run(context -> {
            FailureAnalysis analysis = new InvalidJsRunPropertyFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).as("analysis of %s", context.getStartupFailure()).isNotNull();
            assertThat(analysis.getDescription()).contains("Property: jsrun.snapshot.module-roots[0]\n")
                .contains("Problem: not a directory");
        });
    }

}
