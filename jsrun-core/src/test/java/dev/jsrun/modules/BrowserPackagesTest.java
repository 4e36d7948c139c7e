package dev.jsrun.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.jsrun.ModuleReport;
import dev.jsrun.ModuleReport.Entry;
import dev.jsrun.internal.modules.NodeResolver;

/**
 * npm WebJars whose {@code exports} offer a build for Node and one for browsers: the
 * default conditions choose the browser build, which needs no Node built-in. Resolution
 * only; running them needs web globals.
 */
class BrowserPackagesTest {

    private final NodeResolver resolver = new NodeResolver(List.of(NodeProject.webjarTree()));

    private final NodeResolver nodeResolver = new NodeResolver(List.of(NodeProject.webjarTree()),
            NodeProject.NODE_CONDITIONS);

    @Test
    void uuidResolvesToItsBrowserBuild() {
        assertThat(this.resolver.resolve("", "uuid").path()).isEqualTo("node_modules/uuid/dist/cjs-browser/index.js");
        assertThat(this.nodeResolver.resolve("", "uuid").path()).isEqualTo("node_modules/uuid/dist/cjs/index.js");
        ModuleReport report = ModuleSet.builder().root(NodeProject.webjars()).module("uuid").build().report();
        assertThat(report.entries()).extracting(Entry::module)
            .isNotEmpty()
            .allSatisfy(module -> assertThat(module).startsWith("node_modules/uuid/dist/cjs-browser/"));
        assertThat(report.entries()).extracting(Entry::reason).noneMatch(reason -> reason.startsWith("Node built-in"));
        assertThat(report.entry("crypto")).isEmpty();
    }

    @Test
    void reactDomServerResolvesToItsBrowserBuild() {
        assertThat(this.resolver.resolve("", "react-dom/server").path())
            .isEqualTo("node_modules/react-dom/server.browser.js");
        assertThat(this.nodeResolver.resolve("", "react-dom/server").path())
            .isEqualTo("node_modules/react-dom/server.node.js");
        ModuleReport report = ModuleSet.builder()
            .root(NodeProject.webjars())
            .module("react-dom/server")
            .build()
            .report();
        assertThat(report.entries()).extracting(Entry::module)
            .contains("node_modules/react-dom/server.browser.js",
                    "node_modules/react-dom/cjs/react-dom-server.browser.production.js", "node_modules/react/index.js")
            .noneMatch(module -> module.contains(".node.") || module.contains("server.node"));
        assertThat(report.entries()).extracting(Entry::reason).noneMatch(reason -> reason.startsWith("Node built-in"));
    }

}
