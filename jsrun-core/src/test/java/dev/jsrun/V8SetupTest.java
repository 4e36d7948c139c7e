package dev.jsrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The values of V8's process-wide setup, checked as they are given; starting V8 is
 * {@code V8ProcessTest}'s.
 */
class V8SetupTest {

    @Test
    void defaults() {
        V8Setup defaults = V8Setup.defaults();
        assertThat(defaults.v8Flags()).isEmpty();
        assertThat(defaults.maxHeapSize()).isEqualTo(V8Setup.DEFAULT_MAX_HEAP_SIZE).isEqualTo(256L << 20);
        // WebAssembly memories are capped where the runtimes' memory outside the heap is
        assertThat(defaults.maxWasmMemory()).isEqualTo(RuntimeConfig.DEFAULT_MAX_EXTERNAL_MEMORY);
        assertThat(defaults.turbofan()).isFalse();
        String user = System.getProperty("user.name").replaceAll("[^A-Za-z0-9._-]", "_");
        assertThat(defaults.nativeLibraryDirectory()).isEqualTo(
                Path.of(System.getProperty("java.io.tmpdir"), "jsrun-native-" + user).toAbsolutePath().normalize());
        assertThat(defaults).isEqualTo(V8Setup.defaults()).hasSameHashCodeAs(V8Setup.defaults());
    }

    @Test
    void aBuilderFromASetupBuildsAnEqualOne() {
        V8Setup setup = V8Setup.builder()
            .v8Flags("  --stack-size=900   --incremental-marking ")
            .maxHeapSize(64L << 20)
            .maxWasmMemory(16L << 20)
            .nativeLibraryDirectory(Path.of("natives/../natives"))
            .turbofan(true)
            .build();
        assertThat(setup.v8Flags()).isEqualTo("--stack-size=900 --incremental-marking");
        assertThat(setup.nativeLibraryDirectory()).isAbsolute().endsWithRaw(Path.of("natives"));
        assertThat(setup.toBuilder().build()).isEqualTo(setup);
        assertThat(setup.toBuilder().maxHeapSize(65L << 20).build()).isNotEqualTo(setup);
        assertThat(setup.toBuilder().nativeLibraryDirectory(null).build().nativeLibraryDirectory())
            .isEqualTo(V8Setup.defaults().nativeLibraryDirectory());
        assertThat(setup.toBuilder().v8Flags(" ").build().v8Flags()).isEmpty();
    }

    @Test
    void aHeapBelow16MiBIsRefusedNamingTheSettingAndTheRange() {
        InvalidSettingException refused = catchThrowableOfType(InvalidSettingException.class,
                () -> V8Setup.builder().maxHeapSize(1L << 20));
        assertThat(refused.getSetting()).isEqualTo(Setting.MAX_HEAP_SIZE);
        assertThat(refused.getValue()).isEqualTo(1L << 20);
        assertThat(refused.getMinimum()).isEqualTo(16L << 20);
        assertThat(refused.getMaximum()).isNull();
        assertThat(refused).hasMessageStartingWith("V8Setup.Builder.maxHeapSize must be at least 16 MiB");
        assertThat(V8Setup.builder().maxHeapSize(16L << 20).build().maxHeapSize()).isEqualTo(16L << 20);
    }

    @Test
    void somethingThatIsNoFlagIsRefused() {
        InvalidSettingException refused = catchThrowableOfType(InvalidSettingException.class,
                () -> V8Setup.builder().v8Flags("--stack-size=900 incremental-marking"));
        assertThat(refused.getSetting()).isEqualTo(Setting.V8_FLAGS);
        assertThat(refused.getValue()).isEqualTo("incremental-marking");
        assertThat(refused.getRequirement()).isEqualTo("must start with --, such as --incremental-marking");
        assertThat(catchThrowableOfType(InvalidSettingException.class, () -> V8Setup.builder().maxWasmMemory(64L << 10))
            .getSetting()).isEqualTo(Setting.MAX_WASM_MEMORY);
    }

    /**
     * A heap limit among the flags used to win over maxHeapSize silently, and jsrun then
     * reported a limit V8 did not have.
     */
    @Test
    void aHeapLimitAmongTheFlagsIsRefusedNamingTheSettingToUse() {
        for (String flag : new String[] { "--max-old-space-size=64", "--max_old_space_size=64", "--max-heap-size=64",
                "--max_heap_size=512" }) {
            InvalidSettingException refused = catchThrowableOfType(InvalidSettingException.class,
                    () -> V8Setup.builder().v8Flags("--stack-size=900 " + flag));
            assertThat(refused.getSetting()).as(flag).isEqualTo(Setting.V8_FLAGS);
            assertThat(refused.getValue()).isEqualTo(flag);
            assertThat(refused.getRequirement()).contains("maxHeapSize").contains("jsrun.runtime.max-heap-size");
        }
        assertThat(V8Setup.builder().v8Flags("--max-semi-space-size=16").build().v8Flags())
            .isEqualTo("--max-semi-space-size=16");
    }

    @Test
    void runtimeConfigRefusesValuesNamingTheSettingAndTheRange() {
        InvalidSettingException result = catchThrowableOfType(InvalidSettingException.class,
                () -> RuntimeConfig.builder().maxResultSize(3L << 30));
        assertThat(result.getSetting()).isEqualTo(Setting.MAX_RESULT_SIZE);
        assertThat(result.getMinimum()).isEqualTo(1024L);
        assertThat(result.getMaximum()).isEqualTo((long) Integer.MAX_VALUE);
        assertThat(RuntimeConfig.builder().maxResultSize(Integer.MAX_VALUE).build().maxResultSize())
            .isEqualTo(Integer.MAX_VALUE);
        InvalidSettingException timeout = catchThrowableOfType(InvalidSettingException.class,
                () -> RuntimeConfig.builder().timeout(java.time.Duration.ZERO));
        assertThat(timeout.getSetting()).isEqualTo(Setting.TIMEOUT);
        assertThat(timeout.isMinimumExcluded()).isTrue();
        assertThat(catchThrowableOfType(InvalidSettingException.class,
                () -> RuntimeConfig.builder().maxExternalMemory(1024))
            .getMinimum()).isEqualTo(1L << 20);
        assertThat(catchThrowableOfType(InvalidSettingException.class, () -> RuntimeConfig.builder().consoleLogger(" "))
            .getSetting()).isEqualTo(Setting.CONSOLE_LOGGER);
    }

}
