package dev.jsrun.internal.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.jsrun.JsException;
import dev.jsrun.JsRuntime;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.internal.modules.BundleWriter.Bundle;
import dev.jsrun.internal.modules.BundleWriter.Probe;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/**
 * The bundle's loader ({@code bundle.js}) run as {@link BundleWriter} writes it, over a
 * small project on disk: what {@code require} finds and refuses, what modules see, and
 * what the probe reports.
 */
class BundleWriterTest {

    @TempDir
    Path project;

    @BeforeEach
    void writeProject() throws IOException {
        write("main.js", """
                var b = require('./lib/b');
                var data = require('./data.json');
                exports.sum = b.add(data.x, 2);
                exports.self = this === module.exports;
                exports.global = global === globalThis;
                exports.where = [__filename, __dirname, module.id];
                """);
        write("lib/b.js", "#!/usr/bin/env node\nexports.add = function (a, b) { return a + b; };\n");
        write("data.json", "{ \"x\": 40 }\n");
        write("lib/throws.js",
                "// fails when it loads, on its third line\nvar x = 1;\nthrow new Error('broken ' + x);\n");
        write("it's \"odd\".js", "module.exports = 'odd';\n");
    }

    @Test
    void requireFindsTheModulesAndEachRunsOnce() {
        Bundle bundle = BundleWriter.write(walk("./main.js", "./it's \"odd\".js"), Map.of(), List.of("main.js"), null);
        try (UnpooledJsRuntimeFactory runtimes = runtimes(); JsRuntime js = runtimes.create()) {
            js.eval(bundle.script());
            assertThat(js.eval("require('./main').sum")).isEqualTo(42);
            assertThat(js.eval("require('./main').self")).isEqualTo(true);
            assertThat(js.eval("require('./main').global")).isEqualTo(true);
            assertThat(js.eval("require('./main').where")).isEqualTo(List.of("main.js", "", "main.js"));
            assertThat(js.eval("require('./main') === require('./main.js')")).isEqualTo(true);
            assertThat(js.eval("require('./it\\'s \"odd\".js')")).isEqualTo("odd");
            assertThat(js.eval("[require.resolve('./lib/b.js'), require.resolve('fs')]"))
                .isEqualTo(List.of("lib/b.js", "fs"));
            assertThat(js.eval("typeof require('./lib/b.js').add")).isEqualTo("function");
            // main.js and the two it requires were initialized by the bundle; the odd one
            // on its first require
            assertThat(js.eval("__jsrun_modules.stats()"))
                .isEqualTo(Map.of("exportHits", 7, "definitionHits", 1, "misses", 0, "exports", 3, "definitions", 4));
        }
    }

    @Test
    void requireExplainsWhatItCannotLoad() {
        Bundle bundle = BundleWriter.write(walk("./main.js"), Map.of("lib/b.js", "left out on purpose"), List.of(),
                null);
        try (UnpooledJsRuntimeFactory runtimes = runtimes(); JsRuntime js = runtimes.create()) {
            js.eval(bundle.script());
            js.eval("globalThis.failure = function (request) { try { require(request); } catch (e) {"
                    + " return e.code + ' ' + e.name + ': ' + e.message; } }");
            assertThat(js.eval("failure('left-pad')"))
                .isEqualTo("MODULE_NOT_FOUND Error: Cannot find module 'left-pad' "
                        + "(required by the global require()): jsrun only has the modules found when its snapshot was built");
            assertThat(js.eval("failure('fs')")).isEqualTo("MODULE_NOT_FOUND Error: Cannot load Node built-in module "
                    + "'fs' (required by the global require()): Node built-ins are not available in jsrun");
            assertThat(js.eval("failure('./lib/b')")).isEqualTo("MODULE_NOT_FOUND Error: Cannot load module './lib/b' "
                    + "(lib/b.js, required by the global require()): it was left out of the snapshot: left out on purpose");
            assertThat(js.eval("failure('./main')")).isEqualTo("MODULE_NOT_FOUND Error: Cannot load module './lib/b' "
                    + "(lib/b.js, required by main.js): it was left out of the snapshot: left out on purpose");
            assertThat(js.eval("failure('')"))
                .isEqualTo("undefined TypeError: require() needs a non-empty string, " + "received ''");
            assertThat(js.eval("failure(42)"))
                .isEqualTo("undefined TypeError: require() needs a non-empty string, " + "received number");
        }
    }

    @Test
    void theStartLinesNameTheModuleAndLineOfAnError() {
        Bundle bundle = BundleWriter.write(walk("./main.js", "./lib/throws.js"), Map.of(), List.of(), null);
        try (UnpooledJsRuntimeFactory runtimes = runtimes(); JsRuntime js = runtimes.create()) {
            js.eval(bundle.script());
            assertThatThrownBy(() -> js.eval("require('./lib/throws.js')")).isInstanceOfSatisfying(JsException.class,
                    ex -> {
                        assertThat(ex.getErrorMessage()).isEqualTo("broken 1");
                        Map.Entry<Integer, String> start = bundle.startLines().floorEntry(ex.getLine());
                        assertThat(start.getValue()).isEqualTo("lib/throws.js");
                        assertThat(ex.getLine() - start.getKey() + 1).isEqualTo(3);
                    });
            // a failed module is not cached: the next require runs it again
            assertThatThrownBy(() -> js.eval("require('./lib/throws.js')")).hasMessageContaining("broken 1");
        }
        assertThat(bundle.startLines().lastEntry().getValue()).isNull();
    }

    @Test
    void aModuleThatFailsInTheBuildNamesItself() {
        Bundle bundle = BundleWriter.write(walk("./lib/throws.js"), Map.of(), List.of("lib/throws.js"), null);
        try (UnpooledJsRuntimeFactory runtimes = runtimes(); JsRuntime js = runtimes.create()) {
            assertThatThrownBy(() -> js.eval(bundle.script())).isInstanceOf(JsException.class)
                .hasMessageContaining("module lib/throws.js initialized in the doctor run but failed in the snapshot "
                        + "build: Error: broken 1");
        }
    }

    @Test
    void theProbeReportsWhatEachModuleTouchedWithoutRunningItsGetters() throws IOException {
        write("looks.js", """
                var hasBuffer = typeof Buffer !== 'undefined';
                var started = Date.now();
                module.exports = require('./lib/b').add(Math.random(), 1);
                """);
        write("getter.js",
                """
                        var error = new Error('plain');
                        Object.defineProperty(error, 'message', { get: function () { globalThis.ranGetter = true; return 'x'; } });
                        throw error;
                        """);
        write("string.js", "throw 'just text';\n");
        ModuleGraph graph = walk("./looks.js", "./getter.js", "./string.js", "./lib/throws.js");
        Set<String> order = new LinkedHashSet<>(List.of("looks.js", "getter.js", "string.js", "lib/throws.js"));
        Bundle bundle = BundleWriter.write(graph, Map.of(), List.of(), new Probe(order, Set.of("Buffer", "fetch")));
        try (UnpooledJsRuntimeFactory runtimes = runtimes(); JsRuntime js = runtimes.create()) {
            Map<?, ?> probe = (Map<?, ?>) Json.parse((String) js.eval(bundle.script()));
            assertThat(probe.get("order"))
                .isEqualTo(List.of("looks.js", "lib/b.js", "getter.js", "string.js", "lib/throws.js"));
            Map<?, ?> results = (Map<?, ?>) probe.get("results");
            Map<?, ?> looks = (Map<?, ?>) results.get("looks.js");
            assertThat(looks.get("error")).isNull();
            assertThat(looks.get("touched")).isEqualTo(List.of("Buffer"));
            assertThat(looks.get("clock")).isEqualTo(List.of("Date.now()", "Math.random()"));
            assertThat(looks.get("requires")).isEqualTo(List.of("lib/b.js"));
            assertThat(((Map<?, ?>) results.get("getter.js")).get("error")).isEqualTo("Error: ");
            assertThat(((Map<?, ?>) results.get("string.js")).get("error")).isEqualTo("threw just text");
            assertThat(((Map<?, ?>) results.get("lib/throws.js")).get("error")).isEqualTo("Error: broken 1");
            assertThat(js.eval("[typeof ranGetter, typeof require, typeof __jsrun_modules]"))
                .isEqualTo(List.of("undefined", "undefined", "undefined"));
        }
    }

    private ModuleGraph walk(String... requests) {
        return ModuleGraph.walk(new NodeResolver(List.of(DirectoryTree.of(this.project))), List.of(requests));
    }

    private void write(String path, String text) throws IOException {
        Path file = this.project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static UnpooledJsRuntimeFactory runtimes() {
        return new UnpooledJsRuntimeFactory(RuntimeConfig.defaults());
    }

}
