package dev.jsrun.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.jsrun.JsRuntime;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.Setting;
import dev.jsrun.V8Setup;
import dev.jsrun.hostile.ForkedJvm;
import dev.jsrun.hostile.ForkedJvm.Output;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/**
 * V8's process-wide setup: applied once, refused when changed afterwards, the defaults
 * when nobody configured it, and nothing started by merely loading jsrun's classes. V8
 * starts once per JVM, so every case that needs a setup of its own runs in a JVM of its
 * own.
 */
class V8ProcessTest {

    @TempDir
    Path dir;

    @Test
    void withoutConfigurationTheFirstRuntimeStartsV8WithTheDefaults() {
        try (UnpooledJsRuntimeFactory factory = new UnpooledJsRuntimeFactory(RuntimeConfig.defaults());
                JsRuntime js = factory.create()) {
            assertThat(js.eval("1 + 1")).isEqualTo(2);
        }
        V8Setup defaults = V8Setup.defaults();
        assertThat(V8Process.setup()).contains(defaults);
        assertThat(V8Process.flags()).contains("--max-heap-size=" + (V8Setup.DEFAULT_MAX_HEAP_SIZE >> 20));
        // asking for what is in force again is no change
        V8Process.configure(defaults);
        V8Process.configure(defaults.toBuilder().v8Flags("--no-turbofan").build());

        V8AlreadyStartedException refused = catchThrowableOfType(V8AlreadyStartedException.class,
                () -> V8Process.configure(defaults.toBuilder().maxHeapSize(100L << 20).build()));
        assertThat(refused.getSetting()).isEqualTo(Setting.MAX_HEAP_SIZE);
        assertThat(refused.getRequested()).isEqualTo(100L << 20);
        assertThat(refused.getInForce()).isEqualTo(V8Setup.DEFAULT_MAX_HEAP_SIZE);
        assertThat(refused).hasMessageContaining("V8Setup.Builder.maxHeapSize cannot become 100 MiB")
            .hasMessageContaining("V8 runs with 256 MiB");
        assertThat(V8Process.setup()).contains(defaults);
    }

    @Test
    void aConfiguredSetupStartsV8OnceAndAnotherIsRefusedNamingTheOneInForce() throws Exception {
        Path natives = this.dir.resolve("natives");
        Output output = ForkedJvm.run(ConfiguredProbe.class, List.of(), natives.toString());

        Map<String, String> before = output.probe("before");
        assertThat(before).containsEntry("setup", "false").containsEntry("sealed", "false");
        Map<String, String> configured = output.probe("configured");
        assertThat(configured).containsEntry("setup", "true").containsEntry("sealed", "true");
        assertThat(configured.get("flags")).contains("--stack-size=900", "--max-heap-size=64", "--no-turbofan",
                "--no-extensible-ro-snapshot");
        assertThat(Long.parseLong(configured.get("heapLimit")) >> 20).isBetween(64L, 96L);
        assertThat(output.probe("again")).containsEntry("refused", "none");
        assertThat(output.probe("other")).containsEntry("setting", "MAX_HEAP_SIZE")
            .containsEntry("requested", String.valueOf(128L << 20))
            .containsEntry("inForce", String.valueOf(64L << 20));
        assertThat(output.probe("directory")).containsEntry("setting", "NATIVE_LIBRARY_DIRECTORY");
        try (var folders = Files.list(natives)) {
            assertThat(folders.map(path -> path.getFileName().toString())).singleElement()
                .satisfies(name -> assertThat(name).startsWith("javet-"));
        }
    }

    @Test
    void loadingJsrunsClassesNeitherLoadsTheNativeLibraryNorSetsV8Flags() throws Exception {
        Path natives = this.dir.resolve("natives");
        Output output = ForkedJvm.run(ClassLoadingProbe.class,
                List.of("-D" + V8Setup.NATIVE_LIBRARY_DIRECTORY_PROPERTY + "=" + natives));

        assertThat(output.probe("loaded")).containsEntry("sealed", "false")
            .containsEntry("customFlags", "none")
            .containsEntry("libraryMapped", "false")
            .containsEntry("setup", "false")
            .containsEntry("directory", "false");
        // the probe sees a V8 that started: after one runtime, the same figures say so
        assertThat(output.probe("started")).containsEntry("sealed", "true")
            .containsEntry("libraryMapped", "true")
            .containsEntry("setup", "true")
            .containsEntry("directory", "true");
    }

}
