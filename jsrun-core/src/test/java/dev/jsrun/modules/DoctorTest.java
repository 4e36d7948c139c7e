package dev.jsrun.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.jsrun.JsException;
import dev.jsrun.JsRuntime;
import dev.jsrun.ModuleReport;
import dev.jsrun.ModuleReport.Entry;
import dev.jsrun.ModuleReport.Status;
import dev.jsrun.ModuleStats;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/**
 * The doctor's verdicts, from really running the fixture modules, and what they mean at
 * run time.
 */
class DoctorTest {

    @Test
    void defersModulesThatKeepIntlObjectsAtLoadAndTheirDependents() {
        ModuleSet modules = ModuleSet.builder()
            .root(NodeProject.fixture())
            .module("intl-user")
            .module("intl-lazy")
            .build();
        assertThat(modules.report().toTable()).isEqualTo(
                """
                        jsrun modules: 1 healthy, 2 deferred, 0 excluded (conditions: worker, browser, require, default)
                          STATUS    MODULE                             REASON
                          DEFERRED  node_modules/intl-user/index.js    requires deferred node_modules/intl-holder/index.js at load
                          HEALTHY   node_modules/intl-lazy/index.js
                          DEFERRED  node_modules/intl-holder/index.js  keeps an object made by Intl.NumberFormat at load, and V8 \
                        cannot put Intl objects into a snapshot""");
        try (UnpooledJsRuntimeFactory runtimes = NodeProject.runtimes(modules); JsRuntime js = runtimes.create()) {
            assertThat(js.eval("require('intl-user').price(1234.5)")).isEqualTo("Preis: 1.234,50\u00a0\u20ac");
            assertThat(js.eval("require('intl-lazy').format(1234.5)")).isEqualTo("1.234,5");
            assertThat(js.eval("require('intl-lazy').sorted")).isEqualTo(true);
        }
    }

    @Test
    void defersModulesThatNeedAbsentGlobalsAtLoadAndTheirDependents() {
        ModuleSet modules = ModuleSet.builder()
            .root(NodeProject.fixture())
            .module("timer-user")
            .module("counter")
            .build();
        String table = modules.report().toTable();
        assertThat(table).isEqualTo("""
                jsrun modules: 1 healthy, 2 deferred, 0 excluded (conditions: worker, browser, require, default)
                  STATUS    MODULE                            REASON
                  DEFERRED  node_modules/timer-user/index.js  requires deferred node_modules/timer/index.js at load
                  HEALTHY   node_modules/counter/index.js
                  DEFERRED  node_modules/timer/index.js       needs setImmediate at load, absent when the snapshot is \
                built (ReferenceError: setImmediate is not defined)""");
        try (UnpooledJsRuntimeFactory runtimes = NodeProject.runtimes(modules); JsRuntime js = runtimes.create()) {
            assertThatThrownBy(() -> js.eval("require('timer-user')")).isInstanceOf(JsException.class)
                .hasMessageContaining("setImmediate is not defined");
            // A runtime that provides setImmediate before the first require gets working
            // modules.
            js.eval("globalThis.setImmediate = function (callback) { callback(); };");
            assertThat(js.eval("require('timer-user').timer.ticks()")).isEqualTo(1);
            assertThat(js.eval("require('timer').ticks()")).isEqualTo(1);
            assertThat(js.moduleStats()).isEqualTo(new ModuleStats(1, 4, 0, 1, 3));
        }
    }

    @Test
    void defersOnRequestAndNotesClockReads() {
        ModuleSet healthy = ModuleSet.builder().root(NodeProject.fixture()).module("seeded").build();
        assertThat(healthy.report().entry("node_modules/seeded/index.js").orElseThrow()).isEqualTo(new Entry(
                "node_modules/seeded/index.js", Status.HEALTHY,
                "calls Math.random() at load: the snapshot keeps what it computed; defer() it to compute it per runtime"));
        ModuleSet deferred = ModuleSet.builder().root(NodeProject.fixture()).module("seeded").defer("seeded").build();
        assertThat(deferred.report().toTable()).isEqualTo("""
                jsrun modules: 0 healthy, 1 deferred, 0 excluded (conditions: worker, browser, require, default)
                  STATUS    MODULE                        REASON
                  DEFERRED  node_modules/seeded/index.js  deferred on request""");
        String seed = "require('seeded').seed";
        // One snapshot's runtimes at a time: V8 shares one read-only heap between the
        // live isolates of a process.
        try (UnpooledJsRuntimeFactory frozen = NodeProject.runtimes(healthy);
                JsRuntime a = frozen.create();
                JsRuntime b = frozen.create()) {
            assertThat(a.eval(seed)).isEqualTo(b.eval(seed));
        }
        try (UnpooledJsRuntimeFactory fresh = NodeProject.runtimes(deferred);
                JsRuntime c = fresh.create();
                JsRuntime d = fresh.create()) {
            assertThat(c.eval(seed)).isNotEqualTo(d.eval(seed));
        }
    }

    @Test
    void excludesWhatCannotBeDefined() {
        ModuleSet modules = ModuleSet.builder()
            .root(NodeProject.fixture())
            .module("broken")
            .module("uses-fs")
            .module("lazy")
            .build();
        ModuleReport report = modules.report();
        assertThat(report.entry("node_modules/broken/index.js").orElseThrow().reason())
            .isEqualTo("does not parse: SyntaxError: Unexpected token ';'");
        assertThat(report.entry("node_modules/uses-fs/index.js").orElseThrow()).isEqualTo(new Entry(
                "node_modules/uses-fs/index.js", Status.DEFERRED,
                "threw at load: Error: Cannot load Node built-in module "
                        + "'fs' (required by node_modules/uses-fs/index.js): Node built-ins are not available in jsrun"));
        assertThat(report.entry("fs").orElseThrow()).isEqualTo(new Entry("fs", Status.EXCLUDED,
                "Node built-in, not available in jsrun; required by node_modules/uses-fs/index.js"));
        assertThat(report.entry("node_modules/lazy/index.js").orElseThrow().reason())
            .isEqualTo("dynamic require on line 4 not followed");
        try (UnpooledJsRuntimeFactory runtimes = NodeProject.runtimes(modules); JsRuntime js = runtimes.create()) {
            assertThatThrownBy(() -> js.eval("require('broken')")).isInstanceOf(JsException.class)
                .hasMessageContaining(
                        "Cannot load module 'broken' (node_modules/broken/index.js, required by the global "
                                + "require()): it was left out of the snapshot: does not parse: SyntaxError: Unexpected token ';'");
        }
    }

    @Test
    void mapsBundleLinesBackToModuleLines() {
        ModuleSet modules = ModuleSet.builder().root(NodeProject.fixture()).module("./lib/util.js").build();
        try (UnpooledJsRuntimeFactory runtimes = NodeProject.runtimes(modules); JsRuntime js = runtimes.create()) {
            assertThatThrownBy(() -> js.eval("require('./lib/util.js').fail()"))
                .isInstanceOfSatisfying(JsException.class, error -> {
                    assertThat(error.getResourceName()).isEqualTo(ModuleSet.SCRIPT_NAME);
                    assertThat(modules.locate(error.getLine())).isEqualTo("lib/util.js:10");
                });
        }
        assertThat(modules.locate(1)).isNull();
    }

}
