package dev.jsrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.jsrun.pool.UnpooledJsRuntimeFactory;
import dev.jsrun.snapshot.SnapshotBuilder;

/** The examples every user meets first, on real V8. */
class SeedExamplesTest {

    private static JsRuntimeFactory factory;

    @BeforeAll
    static void buildSnapshot() {
        Snapshot snapshot = new SnapshotBuilder()
            .executeScript("setup.js", "globalThis.VERSION = '1.0.0'; globalThis.add = (a, b) => a + b;")
            .build();
        factory = new UnpooledJsRuntimeFactory(RuntimeConfig.builder().snapshot(snapshot).build());
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void runtimeFromSnapshotHasItsGlobals() {
        try (JsRuntime runtime = factory.create()) {
            assertThat(runtime.eval("add(10, 20)")).isEqualTo(30);
            assertThat(runtime.eval("VERSION")).isEqualTo("1.0.0");
        }
    }

    @Test
    void commonJsLibraryLoadedAsGlobalIsCallable() {
        Snapshot snapshot = new SnapshotBuilder().executeCommonJs("_", "lodash.js", WebJars.read("lodash", "lodash.js"))
            .executeCommonJs("ms", "ms/index.js", WebJars.read("ms", "index.js"))
            .build();
        try (JsRuntimeFactory libs = new UnpooledJsRuntimeFactory(RuntimeConfig.builder().snapshot(snapshot).build());
                JsRuntime runtime = libs.create()) {
            assertThat(runtime.eval("_.chunk([1, 2, 3, 4, 5], 2)"))
                .isEqualTo(List.of(List.of(1, 2), List.of(3, 4), List.of(5)));
            assertThat(runtime.eval("_.VERSION")).isEqualTo(WebJars.version("lodash"));
            assertThat(runtime.eval("ms('2 days')")).isEqualTo(172_800_000);
            assertThat(runtime.eval("ms(60000, { long: true })")).isEqualTo("1 minute");
        }
    }

    @Test
    void dynamicImportOfStaticModuleSeesSnapshotGlobals() throws Exception {
        Snapshot snapshot = new SnapshotBuilder().executeScript("version.js", "globalThis.VERSION = '1.0';").build();
        try (JsRuntimeFactory versioned = new UnpooledJsRuntimeFactory(
                RuntimeConfig.builder().snapshot(snapshot).build()); JsRuntime runtime = versioned.create()) {
            runtime.addStaticModule("math", "export const PI = 3.14;");
            Object result = runtime
                .evalAsync("(async () => { const { PI } = await import('math'); return VERSION + ' - ' + PI; })()")
                .get(5, TimeUnit.SECONDS);
            assertThat(result).isEqualTo("1.0 - 3.14");
        }
    }

    @Test
    void changesInOneRuntimeAreInvisibleToOthers() {
        try (JsRuntime first = factory.create(); JsRuntime second = factory.create()) {
            first.eval("globalThis.VERSION = 'changed'; globalThis.extra = 1; Array.prototype.sneaky = 1;");
            assertThat(first.eval("VERSION")).isEqualTo("changed");
            assertThat(second.eval("VERSION")).isEqualTo("1.0.0");
            assertThat(second.eval("typeof extra")).isEqualTo("undefined");
            assertThat(second.eval("[].sneaky")).isNull();
        }
        try (JsRuntime later = factory.create()) {
            assertThat(later.eval("VERSION")).isEqualTo("1.0.0");
        }
    }

}
