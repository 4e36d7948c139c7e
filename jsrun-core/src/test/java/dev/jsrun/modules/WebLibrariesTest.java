package dev.jsrun.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.jsrun.JsRuntime;
import dev.jsrun.ModuleReport;
import dev.jsrun.ModuleReport.Status;
import dev.jsrun.internal.modules.Json;
import dev.jsrun.pool.JsRuntimePool;
import dev.jsrun.pool.PoolSettings;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/**
 * Libraries written for browsers and servers, from WebJars, loaded as
 * {@code jsrun.snapshot.modules} loads them with the default conditions and no shims of
 * the application's: React 19.2 ({@code react-dom/server}'s browser build, which needs
 * TextEncoder and MessageChannel), Vue 3.5's server renderer (which needs atob and
 * process.env.NODE_ENV) and uuid 11 (whose browser build needs crypto.getRandomValues).
 * They give Node 20's results, kept in {@code web-libraries-node.json} and written by
 * {@code web-libraries-node.js} (its comment says how); {@link #keptResultsAreNodesOwn()}
 * runs that script again when the packages are installed where
 * {@code JSRUN_WEB_LIBRARIES} points.
 */
class WebLibrariesTest {

    private static final List<String> MODULES = List.of("react", "react-dom/server", "vue", "vue/server-renderer",
            "uuid");

    private static final String CASES = "dev/jsrun/modules/web-libraries-cases.js";

    private static final String NODE_SCRIPT = "dev/jsrun/modules/web-libraries-node.js";

    private static final String NODE_RESULTS = "dev/jsrun/modules/web-libraries-node.json";

    private static ModuleSet modules;

    private static UnpooledJsRuntimeFactory runtimes;

    private static Map<?, ?> nodeResults;

    @BeforeAll
    static void build() {
        ModuleSet.Builder builder = ModuleSet.builder().root(NodeProject.webjars());
        MODULES.forEach(builder::module);
        modules = builder.build();
        runtimes = NodeProject.runtimes(modules);
        nodeResults = (Map<?, ?>) Json.parse(NodeProject.resource(NODE_RESULTS));
    }

    @AfterAll
    static void close() {
        runtimes.close();
    }

    @Test
    void everyModuleLoadsIntoTheSnapshotFromItsBrowserBuild() {
        ModuleReport report = modules.report();
        assertThat(report.entries()).filteredOn(entry -> entry.module().startsWith("node_modules/"))
            .allSatisfy(entry -> assertThat(entry.status()).as(entry.module()).isEqualTo(Status.HEALTHY));
        // Vue's server renderer requires Node's stream only inside renderToNodeStream
        assertThat(report.entries()).filteredOn(entry -> !entry.module().startsWith("node_modules/"))
            .extracting(ModuleReport.Entry::module)
            .containsExactly("stream");
        assertThat(report.entry("node_modules/react-dom/server.browser.js")).isPresent();
        assertThat(report.entry("node_modules/react-dom/server.node.js")).isEmpty();
        assertThat(report.entries()).noneSatisfy(entry -> assertThat(entry.module()).contains("uuid/dist/cjs/"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "react", "vue", "uuid" })
    void rendersLikeNode(String library) throws Exception {
        Map<?, ?> node = (Map<?, ?>) ((Map<?, ?>) nodeResults.get("cases")).get(library);
        Map<?, ?> jsrun;
        try (JsRuntime js = runtimes.create()) {
            js.eval(NodeProject.resource(CASES));
            jsrun = (Map<?, ?>) Json.parse((String) js.callAsync("runCases", library).get(60, TimeUnit.SECONDS));
        }
        Set<Object> names = new LinkedHashSet<>(node.keySet());
        names.addAll(jsrun.keySet());
        List<String> differences = new ArrayList<>();
        for (Object name : names) {
            if (!Objects.equals(jsrun.get(name), node.get(name))) {
                differences.add(library + ": " + name + "\n  jsrun: " + Json.write(jsrun.get(name)) + "\n  node:  "
                        + Json.write(node.get(name)));
            }
        }
        assertThat(differences).as("cases where jsrun and Node disagree").isEmpty();
    }

    @Test
    void uuidsDifferAcrossBorrowersOfOnePool() throws Exception {
        Set<Object> ids = new LinkedHashSet<>();
        try (JsRuntimePool pool = new JsRuntimePool(runtimes.config(),
                PoolSettings.builder().maxSize(2).minIdle(1).build())) {
            for (int i = 0; i < 50; i++) {
                try (JsRuntime js = pool.acquire()) {
                    ids.add(js.eval("require('uuid').v4()"));
                }
            }
        }
        assertThat(ids).hasSize(50)
            .allSatisfy(id -> assertThat((String) id)
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
    }

    @Test
    void vueRendersThroughEvalAsync() throws Exception {
        try (JsRuntime js = runtimes.create()) {
            assertThat(js
                .evalAsync("require('vue/server-renderer').renderToString(require('vue').createSSRApp({ "
                        + "data: () => ({ who: 'V8 & Vue' }), template: '<p>{{ who }}</p>' }))")
                .get(60, TimeUnit.SECONDS)).isEqualTo("<p>V8 &amp; Vue</p>");
        }
    }

    @Test
    void keptResultsAreNodesOwn() throws Exception {
        String packages = System.getenv("JSRUN_WEB_LIBRARIES");
        Assumptions.assumeTrue(NodeProject.nodeAvailable() && packages != null, "node or the npm packages are missing");
        assertThat(NodeProject.nodeScript(NodeProject.resourceFile(NODE_SCRIPT), packages))
            .isEqualTo(NodeProject.resource(NODE_RESULTS));
    }

}
