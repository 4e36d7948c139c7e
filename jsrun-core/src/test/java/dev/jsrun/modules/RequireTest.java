package dev.jsrun.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.jsrun.JsRuntime;
import dev.jsrun.ModuleStats;
import dev.jsrun.pool.JsRuntimePool;
import dev.jsrun.pool.PoolSettings;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/**
 * {@code require} in restored runtimes, on the fixture project
 * (src/test/resources/modules/project).
 */
class RequireTest {

    private static final List<String> MODULES = List.of("./lib/rules.js", "exports-map", "exports-map/feature", "lazy",
            "lazy/locales/fr.js", "seeded", "uses-fs");

    private static ModuleSet modules;

    private static UnpooledJsRuntimeFactory runtimes;

    @BeforeAll
    static void build() {
        ModuleSet.Builder builder = ModuleSet.builder()
            .root(NodeProject.fixture())
            .root(NodeProject.webjars())
            .conditions(NodeProject.NODE_CONDITIONS);
        MODULES.forEach(builder::module);
        modules = builder.defer("seeded").build();
        runtimes = NodeProject.runtimes(modules);
    }

    @AfterAll
    static void close() {
        runtimes.close();
    }

    @ParameterizedTest
    @ValueSource(strings = { "JSON.stringify(require('./lib/rules.js'))",
            "JSON.stringify([require('./lib/rules.js').check(0), require('./lib/rules.js').check(50), require('./lib/rules.js').check(5)])",
            "JSON.stringify(require('cycle').summary())",
            "JSON.stringify([require('exports-map'), require('exports-map/feature')])",
            "JSON.stringify(require('./data/limits.json'))", "require('lazy').locale('fr').hello",
            "require('lazy').counter().next() + require('counter').next()",
            "(function () { try { require('./nope'); } catch (e) { return e.code; } })()",
            "(function () { try { require('lazy').locale('de'); } catch (e) { return e.code; } })()", })
    void answersLikeNode(String expression) {
        try (JsRuntime js = runtimes.create()) {
            assertThat(js.eval("String(" + expression + ")")).isEqualTo(NodeProject.node(MODULES, expression));
        }
    }

    @Test
    void recordsEveryResolutionInTheResolverMap() {
        assertThat(modules.resolverMap()).containsEntry("***./lib/rules.js", "lib/rules.js")
            .containsEntry("lib***./util", "lib/util.js")
            .containsEntry("lib***../data/limits.json", "data/limits.json")
            .containsEntry("lib***#limits", "data/limits.json")
            .containsEntry("lib***@jsrun/greet", "node_modules/@jsrun/greet/index.js")
            .containsEntry("node_modules/cycle***./b.js", "node_modules/cycle/b.js")
            .containsEntry("node_modules/cycle***./a.js", "node_modules/cycle/a.js")
            .containsEntry("***exports-map", "node_modules/exports-map/cjs.js")
            .containsEntry("node_modules/exports-map***#dep", "node_modules/exports-map/lib/dep-node.js")
            .containsEntry("node_modules/exports-map***exports-map/sub/thing", "node_modules/exports-map/lib/thing.js")
            .doesNotContainKey("node_modules/uses-fs***fs");
    }

    @Test
    void countsExportAndDefinitionHits() {
        try (JsRuntime js = runtimes.create()) {
            ModuleStats start = js.moduleStats();
            assertThat(start.definitions()).isEqualTo(start.exports() + 2); // seeded and
                                                                            // uses-fs are
                                                                            // deferred
            assertThat(start.exportHits() + start.definitionHits() + start.misses()).isZero();

            js.eval("require('counter'); require('counter');");
            assertThat(js.moduleStats()).extracting(ModuleStats::exportHits, ModuleStats::definitionHits)
                .containsExactly(2L, 0L);

            js.eval("require('seeded')");
            assertThat(js.moduleStats()).extracting(ModuleStats::exportHits, ModuleStats::definitionHits)
                .containsExactly(2L, 1L);
            js.eval("require('seeded'); require('seeded')");
            assertThat(js.moduleStats())
                .extracting(ModuleStats::exportHits, ModuleStats::definitionHits, ModuleStats::misses)
                .containsExactly(4L, 1L, 0L);

            js.eval("try { require('nope') } catch (e) {}");
            assertThat(js.moduleStats().misses()).isEqualTo(1);
            assertThat(js.moduleStats().exports()).isEqualTo(start.exports());
        }
    }

    @Test
    void namesTheRequestAndTheRequiringFileWhenAModuleIsMissing() {
        try (JsRuntime js = runtimes.create()) {
            assertThat(error(js, "require('./nope')")).containsExactly("MODULE_NOT_FOUND",
                    "Cannot find module './nope' (required by the global require()): "
                            + "jsrun only has the modules found when its snapshot was built");
            assertThat(error(js, "require('lazy').locale('de')").get(1))
                .isEqualTo("Cannot find module './locales/de' (required by node_modules/lazy/index.js): "
                        + "jsrun only has the modules found when its snapshot was built");
            assertThat(error(js, "require('exports-map/main.js')").get(1))
                .startsWith("Cannot find module 'exports-map/main.js'");
        }
    }

    @Test
    void refusesNodeBuiltInsByName() {
        try (JsRuntime js = runtimes.create()) {
            assertThat(error(js, "require('fs')")).containsExactly("MODULE_NOT_FOUND",
                    "Cannot load Node built-in module 'fs' (required by the global require()): "
                            + "Node built-ins are not available in jsrun");
            assertThat(error(js, "require('node:child_process')").get(1))
                .startsWith("Cannot load Node built-in module 'node:child_process'");
            // uses-fs needs fs while it loads, so it was deferred and fails on first use.
            assertThat(error(js, "require('uses-fs')").get(1))
                .isEqualTo("Cannot load Node built-in module 'fs' (required by node_modules/uses-fs/index.js): "
                        + "Node built-ins are not available in jsrun");
            assertThat(js.eval("require.resolve('fs') + ' ' + require.resolve('exports-map')"))
                .isEqualTo("fs node_modules/exports-map/cjs.js");
        }
    }

    @Test
    void givesModulesNodesScopeWithoutLeakingIt() {
        try (JsRuntime js = runtimes.create()) {
            assertThat(
                    js.eval("[typeof module, typeof exports, typeof require, typeof global, typeof __filename].join()"))
                .isEqualTo("undefined,undefined,function,undefined,undefined");
            assertThat(js.eval("require('./lib/util.js').where()"))
                .isEqualTo(List.of("lib/util.js", "lib", "lib/util.js"));
            assertThat(js.eval("require('./lib/rules.js').thisIsExports")).isEqualTo(true);
        }
    }

    @Test
    void keepsEachRuntimesModuleStateApart() {
        try (JsRuntime first = runtimes.create(); JsRuntime second = runtimes.create()) {
            assertThat(first.eval("require('counter').next(); require('counter').next()")).isEqualTo(2);
            first.eval("require('./lib/rules.js').extra = 'first'");
            assertThat(second.eval("require('counter').next()")).isEqualTo(1);
            assertThat(second.eval("typeof require('./lib/rules.js').extra")).isEqualTo("undefined");
            // seeded is deferred: each runtime draws its own seed instead of sharing one
            // frozen in the snapshot.
            assertThat(first.eval("require('seeded').seed")).isNotEqualTo(second.eval("require('seeded').seed"));
        }
    }

    @Test
    void startsEveryBorrowFromAPoolWithTheSnapshotsModules() {
        try (JsRuntimePool pool = new JsRuntimePool(runtimes.config(),
                PoolSettings.builder().minIdle(1).maxSize(1).build())) {
            try (JsRuntime js = pool.acquire()) {
                assertThat(js.eval("require('counter').next(); require('seeded'); require('counter').next()"))
                    .isEqualTo(2);
            }
            try (JsRuntime js = pool.acquire()) {
                assertThat(js.eval("require('counter').next()")).isEqualTo(1);
                assertThat(js.moduleStats()).extracting(ModuleStats::exportHits, ModuleStats::definitionHits)
                    .containsExactly(1L, 0L);
            }
            assertThat(pool.restoredCount()).isEqualTo(1);
        }
    }

    @Test
    void handlesACycleLikeNodeWhenBothSidesInitializeAtRunTime() {
        ModuleSet deferred = ModuleSet.builder().root(NodeProject.fixture()).module("cycle").defer("cycle").build();
        assertThat(deferred.report().toTable()).contains("DEFERRED  node_modules/cycle/a.js  deferred on request")
            .contains("DEFERRED  node_modules/cycle/b.js  requires deferred node_modules/cycle/a.js at load");
        String expression = "JSON.stringify(require('cycle').summary())";
        try (UnpooledJsRuntimeFactory factory = NodeProject.runtimes(deferred); JsRuntime js = factory.create()) {
            assertThat(js.eval(expression)).isEqualTo(NodeProject.node(expression));
            // a and b from their definitions; b's require of the half-done a is served
            // from the cache.
            assertThat(js.moduleStats()).isEqualTo(new ModuleStats(1, 2, 0, 0, 2));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> error(JsRuntime js, String code) {
        return (List<String>) js
            .eval("(function () { try { " + code + "; return null; } catch (e) { return [e.code, e.message]; } })()");
    }

}
