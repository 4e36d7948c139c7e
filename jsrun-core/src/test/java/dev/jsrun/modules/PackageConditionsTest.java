package dev.jsrun.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.jsrun.ModuleReport.Entry;
import dev.jsrun.ModuleReport.Status;
import dev.jsrun.internal.modules.DirectoryTree;
import dev.jsrun.internal.modules.Json;
import dev.jsrun.internal.modules.NodeResolver;
import dev.jsrun.internal.modules.PackageExports;

/**
 * The conditions that {@code exports} and {@code imports} match: which target each set
 * chooses, checked against Node given the same conditions where Node can be given them
 * ({@code -C} adds to Node's own).
 */
class PackageConditionsTest {

    @TempDir
    static Path project;

    @BeforeAll
    static void packages() {
        NodeProject.write(project, "package.json", "{\"name\": \"app\", \"private\": true}",
                "node_modules/order/package.json",
                """
                        {"name": "order", "exports": {".": {"browser": "./browser.js", "worker": "./worker.js", "default": "./default.js"}}}""",
                "node_modules/order/browser.js", "module.exports = 'browser';", "node_modules/order/worker.js",
                "module.exports = 'worker';", "node_modules/order/default.js", "module.exports = 'default';",
                "node_modules/targets/package.json",
                """
                        {"name": "targets",
                         "exports": {
                           ".": {"node": "./node.js", "browser": "./browser.js", "require": "./require.js", "default": "./default.js"},
                           "./node-first": {"node": "./node.js", "default": "./default.js"},
                           "./nested": {"browser": {"import": "./nested.mjs", "require": "./nested-browser.js"}, "default": "./default.js"},
                           "./fall-through": {"browser": {"import": "./nested.mjs"}, "default": "./default.js"}
                         },
                         "imports": {
                           "#env": {"node": "./env-node.js", "browser": "./env-browser.js", "default": "./env.js"},
                           "#lib/*": {"browser": "./lib/*-browser.js", "default": "./lib/*.js"},
                           "#dep": {"worker": "worker-dep", "default": "./env.js"}
                         }}""",
                "node_modules/targets/node.js", "", "node_modules/targets/browser.js", "",
                "node_modules/targets/require.js", "", "node_modules/targets/default.js", "",
                "node_modules/targets/nested.mjs", "", "node_modules/targets/nested-browser.js", "",
                "node_modules/targets/env-node.js", "", "node_modules/targets/env-browser.js", "",
                "node_modules/targets/env.js", "", "node_modules/targets/lib/util.js", "",
                "node_modules/targets/lib/util-browser.js", "", "node_modules/worker-dep/package.json",
                "{\"name\": \"worker-dep\", \"main\": \"main.js\"}", "node_modules/worker-dep/main.js", "",
                "node_modules/esm-first/package.json", """
                        {"name": "esm-first", "exports": {".": {"import": "./index.mjs", "require": "./index.cjs"}}}""",
                "node_modules/esm-first/index.mjs", "export default 1;", "node_modules/esm-first/index.cjs",
                "module.exports = 1;");
    }

    @Test
    void theDefaultConditionsAreThoseOfV8WithoutNode() {
        assertThat(ModuleSet.DEFAULT_CONDITIONS).containsExactly("worker", "browser", "require", "default")
            .doesNotContain("node", "import");
        assertThat(resolve(ModuleSet.DEFAULT_CONDITIONS, "", "targets")).isEqualTo("node_modules/targets/browser.js");
        assertThat(resolve(ModuleSet.DEFAULT_CONDITIONS, "", "targets/node-first"))
            .isEqualTo("node_modules/targets/default.js");
        // the same package under Node's own conditions, as Node chooses
        String[][] requests = { { "", "targets" }, { "", "targets/node-first" } };
        assertThat(resolveAll(NodeProject.NODE_CONDITIONS, requests))
            .containsExactly("node_modules/targets/node.js", "node_modules/targets/node.js")
            .isEqualTo(node(List.of(), requests));
    }

    @Test
    void thePackagesKeyOrderDecidesNotTheOrderOfTheConditions() {
        assertThat(resolve(List.of("worker", "browser"), "", "order")).isEqualTo("node_modules/order/browser.js");
        assertThat(resolve(List.of("browser", "worker"), "", "order")).isEqualTo("node_modules/order/browser.js");
        assertThat(resolve(List.of("worker"), "", "order")).isEqualTo("node_modules/order/worker.js");
        String[][] requests = { { "", "order" } };
        assertThat(node(List.of("-C", "worker", "-C", "browser"), requests))
            .containsExactly("node_modules/order/browser.js");
        assertThat(node(List.of("-C", "browser", "-C", "worker"), requests))
            .containsExactly("node_modules/order/browser.js");
    }

    @Test
    void theSetOfConditionsChoosesTheTarget() {
        assertThat(resolve(List.of("require"), "", "targets")).isEqualTo("node_modules/targets/require.js");
        assertThat(resolve(List.of("node"), "", "targets")).isEqualTo("node_modules/targets/node.js");
        assertThat(resolve(List.of("electron"), "", "targets")).isEqualTo("node_modules/targets/default.js");
        assertThat(resolve(List.of(), "", "targets")).as("default is always a condition")
            .isEqualTo("node_modules/targets/default.js");
    }

    @Test
    void nestedConditionsAreReadInTheirOwnKeyOrderAndFallThroughWhenNoneMatches() {
        String[][] requests = { { "", "targets/nested" }, { "", "targets/fall-through" } };
        assertThat(resolveAll(ModuleSet.DEFAULT_CONDITIONS, requests))
            .containsExactly("node_modules/targets/nested-browser.js", "node_modules/targets/default.js")
            .isEqualTo(node(List.of("-C", "browser"), requests));
        assertThat(resolve(List.of("browser", "import"), "", "targets/nested"))
            .isEqualTo("node_modules/targets/nested.mjs");
    }

    @Test
    void importsMatchTheSameConditions() {
        String[][] requests = { { "node_modules/targets", "#env" }, { "node_modules/targets/lib", "#lib/util" },
                { "node_modules/targets", "#dep" } };
        assertThat(resolveAll(ModuleSet.DEFAULT_CONDITIONS, requests)).containsExactly(
                "node_modules/targets/env-browser.js", "node_modules/targets/lib/util-browser.js",
                "node_modules/worker-dep/main.js");
        assertThat(resolveAll(NodeProject.NODE_CONDITIONS, requests))
            .containsExactly("node_modules/targets/env-node.js", "node_modules/targets/lib/util.js",
                    "node_modules/targets/env.js")
            .isEqualTo(node(List.of(), requests));
        // Node always has the node condition, so only the targets without one compare
        // with -C
        String[][] withoutNode = { requests[1], requests[2] };
        assertThat(resolveAll(ModuleSet.DEFAULT_CONDITIONS, withoutNode))
            .isEqualTo(node(List.of("-C", "worker", "-C", "browser"), withoutNode));
    }

    @Test
    void blankConditionsAreRefusedAndDefaultIsAlwaysAdded() {
        assertThatThrownBy(() -> ModuleSet.builder().conditions(List.of("browser", " ")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("conditions[1] is blank in [browser,  ]: each condition is a name such as browser or require");
        assertThatThrownBy(() -> ModuleSet.builder().conditions(Arrays.asList("browser", null)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("conditions[1] is blank");
        assertThatThrownBy(() -> ModuleSet.runtimeLoader(List.of(ModuleRoot.directory(project)), List.of("")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("conditions[0] is blank");
        assertThat(PackageExports.conditions(List.of("worker", "browser", "worker"))).containsExactly("worker",
                "browser", "default");
        assertThat(PackageExports.conditions(List.of("default", "browser"))).containsExactly("default", "browser");
    }

    /**
     * An {@code import} condition is the user's choice; the ES module it selects cannot
     * be required.
     */
    @Test
    void anImportConditionChoosesAnEsModuleThatTheDoctorExcludes() {
        ModuleSet modules = ModuleSet.builder()
            .root(ModuleRoot.directory(project))
            .conditions(List.of("import", "require"))
            .module("esm-first")
            .build();
        assertThat(modules.conditions()).containsExactly("import", "require", "default");
        assertThat(modules.report().entries()).containsExactly(new Entry("node_modules/esm-first/index.mjs",
                Status.EXCLUDED, "ES module (.mjs): require() cannot load it"));
        assertThat(modules.report().toTable())
            .startsWith("jsrun modules: 0 healthy, 0 deferred, 1 excluded (conditions: import, require, default)\n");
        assertThat(resolve(ModuleSet.DEFAULT_CONDITIONS, "", "esm-first"))
            .isEqualTo("node_modules/esm-first/index.cjs");
    }

    private static String resolve(List<String> conditions, String dir, String request) {
        return resolveAll(conditions, new String[][] { { dir, request } }).get(0);
    }

    private static List<String> resolveAll(List<String> conditions, String[][] requests) {
        NodeResolver resolver = new NodeResolver(List.of(DirectoryTree.of(project)), conditions);
        List<String> paths = new ArrayList<>();
        for (String[] request : requests) {
            NodeResolver.Result result = resolver.resolve(request[0], request[1]);
            paths.add(result.found() ? result.path() : result.problem());
        }
        return paths;
    }

    /**
     * What Node's {@code require.resolve} gives for each {directory, request}, relative
     * to the project.
     */
    private static List<Object> node(List<String> options, String[][] requests) {
        StringBuilder pairs = new StringBuilder("[");
        for (String[] request : requests) {
            pairs.append(Json.write(List.of(request[0], request[1]))).append(',');
        }
        String result = NodeProject.nodeIn(project, options, "(function (path, fs, Module) {"
                + " var cwd = fs.realpathSync(process.cwd());" + " return JSON.stringify(" + pairs.append(']')
                + ".map(function (p) {"
                + "  try { return path.relative(cwd, Module.createRequire(path.join(cwd, p[0], 'x.js')).resolve(p[1])); }"
                + "  catch (e) { return e.code; } }));" + "})(require('path'), require('fs'), require('module'))");
        return new ArrayList<>((List<?>) Json.parse(result));
    }

}
