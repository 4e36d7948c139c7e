package dev.jsrun.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.jsrun.JsRuntime;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;
import dev.jsrun.snapshot.SnapshotBuilder;

/**
 * The run-time loader reads only module files inside its roots, whatever JavaScript asks:
 * through {@code require()}, or by calling the loader itself with hostile arguments where
 * an application binds it as a global of its own ({@value ModuleSet#RUNTIME_LOADER} is
 * never one).
 * <p>
 * The fixture is a temporary {@code project} root beside a {@code victim} directory whose
 * files all say {@code SECRET}; symbolic links inside the root lead out to it, and one
 * stays inside. A class path root over an exploded folder holds WebJar {@code fake}, with
 * links out as well.
 */
class RuntimeLoaderTest {

    /** The loader bound as a plain global, so that scripts can call it with anything. */
    private static final String LOADER_PROBE = "loaderProbe";

    @TempDir
    static Path tmp;

    private static Path project;

    private static URLClassLoader classes;

    private static UnpooledJsRuntimeFactory runtimes;

    @BeforeAll
    static void build() throws IOException {
        Path victim = tmp.resolve("victim");
        write(victim.resolve("secret.txt"), "SECRET_TXT");
        write(victim.resolve("secret.js"), "module.exports = 'SECRET_JS';");
        write(victim.resolve("secret.json"), "\"SECRET_JSON\"");
        write(victim.resolve("index.js"), "module.exports = 'SECRET_INDEX';");
        write(victim.resolve("package.json"),
                "{\"name\": \"victim\", \"main\": \"secret.js\", \"exports\": \"./secret.txt\", \"imports\": {\"#secret\": \"./secret.txt\"}}");

        project = tmp.resolve("project");
        write(project.resolve("package.json"),
                "{\"name\": \"project\", \"imports\": {\"#later\": \"./lib/later.js\"}}");
        write(project.resolve("lib/entry.js"), "module.exports = function (request) { return require(request); };");
        write(project.resolve("lib/later.js"), "module.exports = 'later';");
        write(project.resolve("lib/data.json"), "{\"ok\": true}");
        write(project.resolve("lib/common.cjs"), "module.exports = 'cjs';");
        write(project.resolve("lib/nested/index.js"), "module.exports = require('../later');");
        write(project.resolve("notes.txt"), "SECRET_NOTES");
        write(project.resolve("lib/noext"), "module.exports = 'SECRET_NOEXT';");
        write(project.resolve("lib/esm.mjs"), "export default 'SECRET_MJS';");
        write(project.resolve("lib/addon.node"), "SECRET_ADDON");
        write(project.resolve("node_modules/inside/index.js"), "module.exports = 'inside';");
        write(project.resolve("node_modules/.store/real/index.js"), "module.exports = 'real';");
        write(project.resolve("node_modules/evil/package.json"), "{\"main\": \"../../link/secret.js\"}");
        write(project.resolve("node_modules/evil-exports/package.json"), "{\"exports\": \"./leak.js\"}");
        Files.createSymbolicLink(project.resolve("link"), Path.of("../victim"));
        Files.createSymbolicLink(project.resolve("lib/leak.js"), Path.of("../../victim/secret.js"));
        Files.createSymbolicLink(project.resolve("node_modules/linked"), Path.of("../../victim"));
        Files.createSymbolicLink(project.resolve("node_modules/evil-exports/leak.js"),
                Path.of("../../../victim/secret.js"));
        Files.createSymbolicLink(project.resolve("node_modules/real"), Path.of(".store/real"));

        Path webjar = tmp.resolve("classes/META-INF/resources/webjars/fake/1.0.0");
        write(webjar.resolve("package.json"), "{\"name\": \"fake\", \"main\": \"index.js\"}");
        write(webjar.resolve("index.js"), "module.exports = 'fake';");
        write(webjar.resolve("lib/util.js"), "module.exports = 'fake util';");
        write(webjar.resolve("notes.txt"), "SECRET_FAKE_NOTES");
        write(tmp.resolve("classes/META-INF/maven/org.webjars.npm/fake/pom.properties"), "version=1.0.0\n");
        Files.createSymbolicLink(webjar.resolve("leak.js"), Path.of("../../../../../../victim/secret.js"));
        Files.createSymbolicLink(webjar.resolve("out"), Path.of("../../../../../../victim"));
        classes = new URLClassLoader(new URL[] { tmp.resolve("classes").toUri().toURL() }, null);

        List<ModuleRoot> roots = List.of(ModuleRoot.directory(project), ModuleRoot.classpath(classes),
                NodeProject.webjars());
        ModuleSet.Builder modules = ModuleSet.builder().module("./lib/entry.js");
        roots.forEach(modules::root);
        runtimes = new UnpooledJsRuntimeFactory(RuntimeConfig.builder()
            .snapshot(new SnapshotBuilder().executeScript(ModuleSet.SCRIPT_NAME, modules.build().bundle()).build())
            .hostFunction(ModuleSet.RUNTIME_LOADER, ModuleSet.runtimeLoader(roots))
            // the same loader under a name of its own, which jsrun publishes as a global,
            // for the direct calls
            .hostFunction(LOADER_PROBE, ModuleSet.runtimeLoader(roots))
            .build());
    }

    @AfterAll
    static void close() throws IOException {
        if (runtimes != null) {
            runtimes.close();
        }
        if (classes != null) {
            classes.close();
        }
    }

    /**
     * JavaScript expressions whose {@code require} must fail as a missing module would.
     */
    static Stream<String> refusedRequires() {
        return Stream.of("require('../victim/secret.txt')", "require('../victim/secret')",
                "require('../victim/secret.js')", "require('./../victim/secret.js')",
                "require('./lib/../../victim/secret.js')", "require('./notes.txt')", "require('./lib/noext')",
                "require('./lib/esm.mjs')", "require('./lib/addon.node')", "require('./lib/addon')",
                "require('./link/secret.js')", "require('./link/secret')", "require('./link/secret.json')",
                "require('./link')", "require('./link/')", "require('./link/index.js')", "require('./lib/leak.js')",
                "require('./lib/leak')", "require('linked')", "require('linked/secret.js')", "require('evil')",
                "require('evil-exports')", "require('victim')", "require('#secret')", "require('/etc/passwd')",
                "require('//etc/passwd')", "require('file:///etc/passwd')",
                "require('" + "../".repeat(40) + "etc/passwd')", "require('.\\\\..\\\\victim\\\\secret.js')",
                "require('./notes.txt\\u0000.js')", "require('./lib/later.js\\u0000')",
                "require('./lib/later\\u0000.js')", "require('./lib\\u202e/later.js')",
                "require('./lib/' + 'x'.repeat(100000))", "require('./' + 'a/'.repeat(50000) + 'later.js')",
                "require('./lib/entry.js')('../../victim/secret.js')", "require('./lib/entry.js')('../link/secret.js')",
                "require('./lib/entry.js')('./leak')", "require('./lib/entry.js')('../notes.txt')",
                "require('fake/leak.js')", "require('fake/leak')", "require('fake/out/secret.js')",
                "require('fake/out')", "require('fake/out/')", "require('fake/notes.txt')",
                "require('fake/../../victim/secret.js')", "require('fake/lib/../../../../victim/secret.js')",
                "require('lodash/../../../../victim/secret.js')", "require('lodash/LICENSE')",
                "require('./node_modules/lodash/LICENSE')");
    }

    @ParameterizedTest
    @MethodSource("refusedRequires")
    void refusesRequestsOutsideTheModulesOfTheRoots(String expression) {
        try (JsRuntime js = runtimes.create()) {
            String outcome = (String) js.eval("(function () { try { return 'loaded ' + JSON.stringify(" + expression
                    + "); } catch (e) { return e.code + ': ' + e.message; } })()");
            assertThat(outcome).startsWith("MODULE_NOT_FOUND: ")
                .doesNotContain("SECRET")
                .doesNotContain(tmp.toString());
        }
    }

    /**
     * {dir, request} argument lists for the host function, as JavaScript; none may give
     * anything.
     */
    static Stream<String> hostileCalls() {
        String abs = tmp.toString();
        return Stream.of("'/', '../../etc/passwd'", "'/', '/etc/passwd'", "'', '/etc/passwd'", "'/', 'passwd'",
                "'/etc', './passwd'", "'/etc', '#x'", "'" + abs + "/victim', './secret.js'",
                "'" + abs + "/victim', 'victim'", "'" + abs + "/victim', '#secret'",
                "'" + abs + "/project', './notes.txt'", "'..', './victim/secret.js'", "'..', 'victim'",
                "'../victim', './secret.js'", "'../victim', 'victim'", "'../victim', '#secret'",
                "'../victim', 'anything'", "'lib/../..', './victim/secret.js'", "'lib/../../victim', 'victim'",
                "'./lib', './later.js'", "'lib/', './later.js'", "'lib//', './later.js'", "'lib/.', './later.js'",
                "'link', './secret.js'", "'link', 'victim'", "'link', '#secret'",
                "'node_modules/linked', './secret.js'", "'node_modules/linked', '#secret'",
                "'lib/later.js', '../later.js'", "'no/such/dir', '../../lib/later.js'",
                "'node_modules/nope', '../inside'", "'lib\\u0000', './later.js'", "'lib', './later.js\\u0000'",
                "'lib\\\\..\\\\..', './victim/secret.js'", "'', './notes.txt'", "'', './lib/noext'",
                "'', './lib/esm.mjs'", "'', './lib/addon.node'", "'', './link/secret.js'", "'', 'node:fs'", "'', 'fs'",
                "'', ''", "'a/'.repeat(100000), './x'", "'', './' + 'x'.repeat(1000000)",
                "'lib/' + 'x/'.repeat(5000), '" + "../".repeat(5001) + "lib/later.js'", "1, './lib/later.js'", "'', 1",
                "null, './lib/later.js'", "undefined, './lib/later.js'", "'', null", "{}, './lib/later.js'",
                "{ toString: function () { return ''; } }, './lib/later.js'",
                "'', { toString: function () { return './lib/later.js'; } }", "[''], ['./lib/later.js']",
                "'', './lib/later.js', 'extra'", "''", "", "'node_modules/fake/out', './secret.js'",
                "'node_modules/fake/out', '#secret'", "'node_modules/fake/..', './project/lib/later.js'",
                "'node_modules/fake/lib/..', './index.js'", "'node_modules/fake/nope', '../index.js'",
                "'node_modules/fake/index.js', './index.js'", "'node_modules/@fake', '../fake'",
                "'node_modules/lodash', './LICENSE'", "'node_modules/lodash/nope', '../lodash.js'",
                "'node_modules/lodash/..', './lodash/lodash.js'");
    }

    @ParameterizedTest
    @MethodSource("hostileCalls")
    void givesHostileCallsOfTheHostFunctionNothing(String arguments) {
        try (JsRuntime js = runtimes.create()) {
            String outcome = (String) js.eval("(function () { try { var file = " + LOADER_PROBE + "(" + arguments
                    + "); return file == null ? 'nothing' : 'got ' + JSON.stringify(file); }"
                    + " catch (e) { return 'threw ' + e.message; } })()");
            assertThat(outcome).isEqualTo("nothing");
        }
    }

    @Test
    void keepsLoadingModulesOfTheRootsAtRunTime() {
        try (JsRuntime js = runtimes.create()) {
            assertThat(js.eval("require('./lib/later.js') + require('./lib/later')")).isEqualTo("laterlater");
            assertThat(js.eval("require('./lib/data.json').ok")).isEqualTo(true);
            assertThat(js.eval("require('./lib/common.cjs')")).isEqualTo("cjs");
            assertThat(js.eval("require('./lib/nested') + require('./lib/nested/')")).isEqualTo("laterlater");
            assertThat(js.eval("require('./lib/entry.js')('./nested/index.js')")).isEqualTo("later");
            assertThat(js.eval("require('#later')")).isEqualTo("later");
            assertThat(js.eval("require('inside')")).isEqualTo("inside");
            assertThat(js.eval("require('ms')('1s')")).isEqualTo(1000);
            // a link that stays inside the root, as pnpm lays packages out, is part of
            // the tree
            assertThat(js.eval("require('real')")).isEqualTo("real");
            assertThat(js.eval("require('./lib/entry.js')('lodash/fp/__.js') === require('lodash/fp/__')"))
                .isEqualTo(true);
            assertThat(js.eval("require('fake') + ', ' + require('fake/lib/util')")).isEqualTo("fake, fake util");
        }
    }

    @Test
    void noScriptReachesTheLoaderThatRequireUses() {
        try (JsRuntime js = runtimes.create()) {
            assertThat(js.eval("typeof " + ModuleSet.RUNTIME_LOADER + " + ' ' + typeof __jsrun_modules"))
                .isEqualTo("undefined undefined");
            assertThat(
                    js.eval("Object.getOwnPropertyNames(globalThis).filter(n => n.startsWith('__jsrun_load')).length"))
                .isEqualTo(0);
            assertThat(js.eval("require('./lib/later.js')")).isEqualTo("later");
        }
    }

    @Test
    void givesADirectCallWhatRequireWouldLoad() {
        try (JsRuntime js = runtimes.create()) {
            assertThat(js.eval("JSON.stringify(" + LOADER_PROBE + "('lib', './later'))"))
                .isEqualTo("{\"path\":\"lib/later.js\",\"source\":\"module.exports = 'later';\",\"json\":false}");
            assertThat(js.eval(LOADER_PROBE + "('node_modules/lodash/fp', '../_apply.js').path"))
                .isEqualTo("node_modules/lodash/_apply.js");
            assertThat(js.eval(LOADER_PROBE + "('', './lib/data.json').json")).isEqualTo(true);
            assertThat(js.eval(LOADER_PROBE + "('node_modules/fake/lib', '../index.js').path"))
                .isEqualTo("node_modules/fake/index.js");
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

}
