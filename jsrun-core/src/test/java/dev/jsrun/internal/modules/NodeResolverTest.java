package dev.jsrun.internal.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.jsrun.internal.modules.NodeResolver.Result;
import dev.jsrun.modules.NodeProject;

/** The resolver against Node's own {@code require.resolve}, on the same files. */
class NodeResolverTest {

    /** {directory of the requiring file, request}; every one resolved by Node too. */
    private static final String[][] REQUESTS = { { "", "lodash" }, { "", "lodash/fp" }, { "", "lodash/fp/" },
            { "", "lodash/" }, { "", "lodash/nope" }, { "", "marked" }, { "", "moment" }, { "", "mime-db" },
            { "", "handlebars" }, { "", "handlebars/runtime" },
            { "node_modules/handlebars/dist/cjs", "./handlebars.runtime" },
            { "node_modules/handlebars/dist/cjs/handlebars/compiler", "source-map" },
            { "node_modules/handlebars/dist/cjs/handlebars/compiler", "../utils" },
            { "node_modules/handlebars/lib", "../dist/cjs/handlebars" }, { "node_modules/source-map", "./lib/util" },
            { "", "./lib/rules" }, { "", "./lib/rules.js" }, { "", "./lib" }, { "", "." }, { "lib", ".." },
            { "lib", "../data/limits.json" }, { "lib", "../data/limits" }, { "lib", "#limits" }, { "lib", "#nope" },
            { "", "exports-map" }, { "", "exports-map/feature" }, { "", "exports-map/sub/thing" },
            { "", "exports-map/sub/internal/secret" }, { "", "exports-map/main.js" }, { "", "exports-map/data" },
            { "", "exports-map/package.json" }, { "node_modules/exports-map", "#dep" },
            { "node_modules/exports-map", "exports-map/sub/thing" }, { "", "@jsrun/greet" }, { "", "@jsrun/nope" },
            { "", "cycle" }, { "node_modules/cycle", "./b" }, { "node_modules/lazy", "counter" },
            { "node_modules/lazy/locales", "../../counter" }, { "", "lazy/locales/fr" }, { "", "nope" },
            { "", "./nope" }, };

    private final NodeResolver resolver = new NodeResolver(List.of(NodeProject.fixtureTree(), NodeProject.webjarTree()),
            NodeProject.NODE_CONDITIONS);

    @Test
    void resolvesLikeNode() {
        List<String> ours = new ArrayList<>();
        StringBuilder pairs = new StringBuilder("[");
        for (String[] request : REQUESTS) {
            Result result = this.resolver.resolve(request[0], request[1]);
            ours.add(result.found() ? result.path() : null);
            pairs.append(Json.write(List.of(request[0], request[1]))).append(',');
        }
        pairs.append(']');
        String node = NodeProject.node("(function (path, fs, Module) {" + " var cwd = fs.realpathSync(process.cwd());"
                + " return JSON.stringify(" + pairs + ".map(function (p) {"
                + "  try { return path.relative(cwd, Module.createRequire(path.join(cwd, p[0], 'x.js')).resolve(p[1])); }"
                + "  catch (e) { return null; } }));" + "})(require('path'), require('fs'), require('module'))");
        List<Object> expected = new ArrayList<>((List<?>) Json.parse(node));
        for (int i = 0; i < REQUESTS.length; i++) {
            assertThat(ours.get(i)).as("require('%s') from '%s'", REQUESTS[i][1], REQUESTS[i][0])
                .isEqualTo(expected.get(i));
        }
        assertThat(ours).contains("node_modules/handlebars/dist/cjs/handlebars.runtime.js", "data/limits.json",
                "node_modules/exports-map/cjs.js", "node_modules/exports-map/lib/dep-node.js");
    }

    @Test
    void recognisesNodeBuiltInsLikeNode() {
        List<String> names = List.of("fs", "node:fs", "path", "child_process", "node:child_process", "fs/promises",
                "node:test", "test", "lodash", "util", "util/", "events");
        List<Boolean> ours = names.stream().map(NodeResolver::isBuiltin).toList();
        String node = NodeProject.node("JSON.stringify(" + Json.write(names) + ".map(require('module').isBuiltin))");
        assertThat(ours).isEqualTo(Json.parse(node));
        assertThat(this.resolver.resolve("lib", "node:child_process").builtin()).isEqualTo("child_process");
    }

    @Test
    void importsThatPointAtImportsEndInsteadOfRecursingForever(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path root) throws java.io.IOException {
        java.nio.file.Files.writeString(root.resolve("package.json"),
                "{\"imports\": {\"#a\": \"#a\", \"#b\": [\"#c\"], \"#c\": {\"default\": \"#b\"}}}");
        NodeResolver looping = new NodeResolver(List.of(DirectoryTree.of(root)));
        for (String request : List.of("#a", "#b", "#c")) {
            assertThat(looping.resolve("", request).found()).as(request).isFalse();
        }
    }

}
