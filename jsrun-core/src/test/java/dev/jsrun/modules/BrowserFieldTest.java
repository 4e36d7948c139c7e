package dev.jsrun.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.jsrun.JsException;
import dev.jsrun.JsRuntime;
import dev.jsrun.ModuleReport;
import dev.jsrun.ModuleReport.Entry;
import dev.jsrun.ModuleReport.Status;
import dev.jsrun.internal.modules.DirectoryTree;
import dev.jsrun.internal.modules.NodeResolver;
import dev.jsrun.internal.modules.NodeResolver.Result;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/**
 * The {@code browser} field of {@code package.json}, as the {@code browser} condition
 * turns it on.
 */
class BrowserFieldTest {

    @TempDir
    static Path project;

    @BeforeAll
    static void packages() {
        NodeProject.write(project, "package.json", "{\"name\": \"app\", \"private\": true}",
                "node_modules/string-form/package.json", """
                        {"name": "string-form", "main": "./node.js", "browser": "./browser.js"}""",
                "node_modules/string-form/node.js", "module.exports = 'node';", "node_modules/string-form/browser.js",
                "module.exports = 'browser';", "node_modules/with-exports/package.json",
                """
                        {"name": "with-exports", "main": "./node.js", "browser": "./browser.js", "exports": {".": "./exports.js"}}""",
                "node_modules/with-exports/node.js", "", "node_modules/with-exports/browser.js", "",
                "node_modules/with-exports/exports.js", "", "node_modules/files/package.json", """
                        {"name": "files", "main": "./lib/node.js", "browser": {
                          "./lib/node.js": "./lib/browser.js",
                          "lib/transport": "./lib/transport-browser.js",
                          "./lib/debug.js": false,
                          "./lib/gone.js": "./lib/nowhere.js"
                        }}""", "node_modules/files/lib/node.js", "module.exports = require('fs');",
                "node_modules/files/lib/browser.js", """
                        exports.name = 'browser';
                        exports.transport = require('./transport');
                        exports.debug = require('./debug');""", "node_modules/files/lib/transport.js",
                "module.exports = 'node transport';", "node_modules/files/lib/transport-browser.js",
                "module.exports = 'browser transport';", "node_modules/files/lib/debug.js",
                "module.exports = require('tty');", "node_modules/names/package.json",
                """
                        {"name": "names", "browser": {"util": "./util-shim.js", "crypto": false, "events": "tiny-events",
                         "./unused.js": true}}""",
                "node_modules/names/index.js", """
                        var util = require('util');
                        exports.same = util === require('node:util');
                        exports.format = util.format;
                        exports.crypto = require('crypto');
                        exports.Emitter = require('events');
                        exports.resolved = function () { return require.resolve('util'); };
                        exports.fs = function () { return require('fs'); };""", "node_modules/names/util-shim.js",
                "exports.format = function (text, value) { return text.replace('%s', value); };",
                "node_modules/tiny-events/package.json", "{\"name\": \"tiny-events\"}",
                "node_modules/tiny-events/index.js", "module.exports = function Emitter() {};",
                "node_modules/loop-a/package.json",
                "{\"name\": \"loop-a\", \"browser\": {\"./x.js\": \"loop-b/y.js\"}}", "node_modules/loop-a/x.js", "",
                "node_modules/loop-b/package.json",
                "{\"name\": \"loop-b\", \"browser\": {\"./y.js\": \"loop-a/x.js\"}}", "node_modules/loop-b/y.js", "");
    }

    private final NodeResolver browser = new NodeResolver(List.of(DirectoryTree.of(project)));

    private final NodeResolver withoutBrowser = new NodeResolver(List.of(DirectoryTree.of(project)),
            List.of("worker", "require"));

    @Test
    void theStringFormReplacesMain() {
        assertThat(path(this.browser, "", "string-form")).isEqualTo("node_modules/string-form/browser.js");
        assertThat(path(this.browser, "node_modules/string-form", "./"))
            .isEqualTo("node_modules/string-form/browser.js");
        assertThat(path(this.withoutBrowser, "", "string-form")).isEqualTo("node_modules/string-form/node.js");
    }

    @Test
    void exportsTakePrecedenceOverTheStringForm() {
        assertThat(path(this.browser, "", "with-exports")).isEqualTo("node_modules/with-exports/exports.js");
    }

    @Test
    void theObjectFormMapsTheFilesOfThePackage() {
        assertThat(path(this.browser, "", "files")).as("main").isEqualTo("node_modules/files/lib/browser.js");
        assertThat(path(this.browser, "", "files/lib/node")).isEqualTo("node_modules/files/lib/browser.js");
        assertThat(path(this.browser, "", "files/lib/node.js")).isEqualTo("node_modules/files/lib/browser.js");
        assertThat(path(this.browser, "node_modules/files/lib", "./node"))
            .isEqualTo("node_modules/files/lib/browser.js");
        assertThat(path(this.browser, "node_modules/files", "./lib/node.js"))
            .isEqualTo("node_modules/files/lib/browser.js");
        // a key without "./" and without extension matches the path spelled so, not with
        // the extension
        assertThat(path(this.browser, "node_modules/files/lib", "./transport"))
            .isEqualTo("node_modules/files/lib/transport-browser.js");
        assertThat(path(this.browser, "node_modules/files/lib", "./transport.js"))
            .isEqualTo("node_modules/files/lib/transport.js");
        assertThat(path(this.withoutBrowser, "", "files")).isEqualTo("node_modules/files/lib/node.js");
        assertThat(path(this.withoutBrowser, "node_modules/files/lib", "./transport"))
            .isEqualTo("node_modules/files/lib/transport.js");
    }

    @Test
    void falseMakesAnEmptyModule() {
        String empty = path(this.browser, "node_modules/files/lib", "./debug");
        assertThat(empty).isEqualTo("node_modules/files/lib/debug.js (browser: false)")
            .isEqualTo(path(this.browser, "", "files/lib/debug.js"));
        assertThat(this.browser.read(empty)).isEmpty();
        assertThat(this.browser.emptyModule(empty))
            .isEqualTo("the \"browser\" field of node_modules/files/package.json maps ./lib/debug.js to false");
        assertThat(path(this.browser, "node_modules/names", "crypto"))
            .isEqualTo("node_modules/names/crypto (browser: false)");
    }

    @Test
    void moduleNamesAreMappedForRequestsFromInsideThePackage() {
        assertThat(path(this.browser, "node_modules/names", "util")).isEqualTo("node_modules/names/util-shim.js");
        assertThat(path(this.browser, "node_modules/names", "node:util")).isEqualTo("node_modules/names/util-shim.js");
        assertThat(path(this.browser, "node_modules/names", "events")).isEqualTo("node_modules/tiny-events/index.js");
        assertThat(this.browser.resolve("node_modules/names", "fs").builtin()).as("not mapped").isEqualTo("fs");
        assertThat(this.browser.resolve("", "util").builtin()).as("outside the package").isEqualTo("util");
        assertThat(this.browser.resolve("", "crypto").builtin()).isEqualTo("crypto");
        assertThat(this.withoutBrowser.resolve("node_modules/names", "util").builtin()).isEqualTo("util");
        assertThat(path(this.browser, "node_modules/names", "./unused.js")).as("true maps nothing")
            .isEqualTo("./unused.js (not found)");
    }

    @Test
    void aMappingThatLeadsNowhereFailsWithItsReason() {
        assertThat(this.browser.resolve("node_modules/files/lib", "./gone").problem())
            .isEqualTo("the \"browser\" field of "
                    + "node_modules/files/package.json maps ./lib/gone.js to ./lib/nowhere.js, which cannot be resolved (not found)");
        assertThat(this.browser.resolve("", "loop-a/x.js").problem())
            .startsWith("the \"browser\" field of node_modules/")
            .endsWith(", past the 8 mappings one request may go through");
    }

    @Test
    void theRunTimeLoaderResolvesWithTheConditionsItIsGiven() throws Exception {
        List<ModuleRoot> roots = List.of(ModuleRoot.directory(project));
        assertThat(ModuleSet.runtimeLoader(roots).call(List.of("", "files")))
            .isEqualTo(Map.of("path", "node_modules/files/lib/browser.js", "source",
                    Files.readString(project.resolve("node_modules/files/lib/browser.js")), "json", false));
        assertThat(ModuleSet.runtimeLoader(roots).call(List.of("node_modules/names", "crypto")))
            .isEqualTo(Map.of("path", "node_modules/names/crypto (browser: false)", "source", "", "json", false));
        assertThat(ModuleSet.runtimeLoader(roots, List.of("require")).call(List.of("", "files")))
            .extracting(file -> ((Map<?, ?>) file).get("path"))
            .isEqualTo("node_modules/files/lib/node.js");
    }

    /**
     * The packages in a snapshot: mapped built-ins are modules, unmapped ones stay
     * excluded.
     */
    @Test
    void mappedModulesRunInV8AndMappedBuiltInsAreNotExcluded() {
        ModuleSet modules = ModuleSet.builder()
            .root(ModuleRoot.directory(project))
            .module("files")
            .module("names")
            .build();
        ModuleReport report = modules.report();
        assertThat(report.entries()).extracting(Entry::module)
            .containsExactly("node_modules/files/lib/browser.js", "node_modules/names/index.js",
                    "node_modules/files/lib/transport-browser.js", "node_modules/files/lib/debug.js (browser: false)",
                    "node_modules/names/util-shim.js", "node_modules/names/crypto (browser: false)",
                    "node_modules/tiny-events/index.js", "fs");
        assertThat(report.entry("node_modules/names/crypto (browser: false)").orElseThrow())
            .isEqualTo(new Entry("node_modules/names/crypto (browser: false)", Status.HEALTHY,
                    "empty module: the \"browser\" field of node_modules/names/package.json maps crypto to false"));
        assertThat(report.entry("fs").orElseThrow()).isEqualTo(new Entry("fs", Status.EXCLUDED,
                "Node built-in, not available in jsrun; required by node_modules/names/index.js"));
        assertThat(report.count(Status.HEALTHY)).isEqualTo(7);
        try (UnpooledJsRuntimeFactory runtimes = NodeProject.runtimes(modules); JsRuntime js = runtimes.create()) {
            assertThat(js.eval("[require('files').name, require('files').transport].join()"))
                .isEqualTo("browser,browser transport");
            assertThat(js.eval("JSON.stringify([require('files').debug, require('names').crypto])"))
                .isEqualTo("[{},{}]");
            assertThat(js.eval("require('names').same")).isEqualTo(true);
            assertThat(js.eval("require('names').format('%s!', 'hi')")).isEqualTo("hi!");
            assertThat(js.eval("typeof require('names').Emitter")).isEqualTo("function");
            assertThat(js.eval("require('names').resolved()")).isEqualTo("node_modules/names/util-shim.js");
            assertThatThrownBy(() -> js.eval("require('names').fs()")).isInstanceOf(JsException.class)
                .hasMessageContaining(
                        "Cannot load Node built-in module 'fs' (required by node_modules/names/index.js)");
            assertThatThrownBy(() -> js.eval("require('util')")).isInstanceOf(JsException.class)
                .hasMessageContaining("Cannot load Node built-in module 'util' (required by the global require())");
            assertThat(js.eval("require.resolve('util')")).isEqualTo("util");
        }
    }

    private static String path(NodeResolver resolver, String dir, String request) {
        Result result = resolver.resolve(dir, request);
        return result.found() ? result.path() : request + " (" + result.problem() + ")";
    }

}
