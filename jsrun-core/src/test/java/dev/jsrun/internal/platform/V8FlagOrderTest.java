package dev.jsrun.internal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.jsrun.V8Setup;

/**
 * jsrun's V8 flags come before the given ones: V8 ignores every flag after one it does
 * not know, so a user's unknown flag must not take jsrun's with it.
 */
class V8FlagOrderTest {

    @Test
    void jsrunsFlagsComeFirstAndTheGivenOnesAfterThem() {
        String flags = V8Startup.compose("--no-such-flag-xyz --max-lazy", V8Setup.defaults(), 768);
        assertThat(flags)
            .startsWith("--no-turbofan --no-regexp-tier-up --invocation-count-for-maglev=2000 "
                    + "--initial-old-space-size=8 --no-incremental-marking --stack-size=768 --wasm-max-mem-pages=")
            .contains(" --no-extensible-ro-snapshot --no-such-flag-xyz --max-lazy")
            .endsWith("--no-such-flag-xyz --max-lazy");
    }

    @Test
    void jsrunLeavesOutWhatTheGivenFlagsDecideAndTheyComeLastToOverrideTheRest() {
        String flags = V8Startup.compose("--incremental-marking --initial-heap-size=32 --stack-size=500",
                V8Setup.defaults(), 768);
        assertThat(flags).doesNotContain("--no-incremental-marking")
            .doesNotContain("--initial-old-space-size")
            .doesNotContain("--stack-size=768")
            .contains("--no-turbofan")
            .contains("--no-extensible-ro-snapshot")
            .endsWith("--no-extensible-ro-snapshot --incremental-marking --initial-heap-size=32 --stack-size=500");
    }

    @Test
    void withoutGivenFlagsJsrunsEndWithTheReadOnlyHeapFlag() {
        assertThat(V8Startup.compose("", V8Setup.defaults(), 0)).startsWith("--no-turbofan")
            .doesNotContain("--stack-size")
            .endsWith("--no-extensible-ro-snapshot");
    }

}
