package dev.jsrun.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.jsrun.JsException;
import dev.jsrun.JsRuntime;
import dev.jsrun.ModuleStats;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.Snapshot;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;
import dev.jsrun.snapshot.SnapshotBuilder;

/**
 * require() falls back to reading the roots at run time only when the application binds
 * the loader.
 */
class RuntimeLoadingTest {

    @Test
    void requestsTheSnapshotLacksAreLoadedFromTheRootsWhenEnabled() {
        ModuleSet modules = ModuleSet.builder().root(NodeProject.webjars()).module("lodash").build();
        Snapshot snapshot = new SnapshotBuilder().executeScript(ModuleSet.SCRIPT_NAME, modules.bundle()).build();
        RuntimeConfig enabled = RuntimeConfig.builder()
            .snapshot(snapshot)
            .hostFunction(ModuleSet.RUNTIME_LOADER, ModuleSet.runtimeLoader(List.of(NodeProject.webjars())))
            .build();
        try (var factory = new UnpooledJsRuntimeFactory(enabled); JsRuntime js = factory.create()) {
            assertThat(js.eval("require('ms')('2 days')")).isEqualTo(172_800_000);
            assertThat(js.eval("require('ms') === require('ms')")).isEqualTo(true);
            assertThat(js.eval("require('lodash').kebabCase('From Snapshot')")).isEqualTo("from-snapshot");
            ModuleStats stats = js.moduleStats();
            assertThat(stats.definitionHits()).isEqualTo(1);
            assertThat(stats.exportHits()).isEqualTo(3);
            assertThatThrownBy(() -> js.eval("require('no-such-package')")).isInstanceOf(JsException.class)
                .hasMessageContaining("Cannot find module 'no-such-package'");
        }
        try (var factory = new UnpooledJsRuntimeFactory(RuntimeConfig.builder().snapshot(snapshot).build());
                JsRuntime js = factory.create()) {
            assertThatThrownBy(() -> js.eval("require('ms')")).isInstanceOf(JsException.class)
                .hasMessageContaining("Cannot find module 'ms'");
        }
    }

}
