package dev.jsrun.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.jsrun.InvalidSettingException;
import dev.jsrun.JsRuntime;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.Setting;
import dev.jsrun.V8Setup;
import dev.jsrun.engine.V8AlreadyStartedException;
import dev.jsrun.engine.V8Process;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/**
 * The process-wide V8 flags jsrun sets before the first runtime, and that runtimes start
 * under them.
 */
class V8FlagsTest {

    @Test
    void runtimesStartUnderJsrunsFlags() {
        try (UnpooledJsRuntimeFactory factory = new UnpooledJsRuntimeFactory(RuntimeConfig.builder().build());
                JsRuntime js = factory.create()) {
            // sloppy mode, not Javet's default --use-strict: assigning an undeclared name
            // works
            assertThat(js.eval("undeclared = 41; undeclared + 1")).isEqualTo(42);
        }
        assertThat(V8Process.flags())
            // termination must always take effect (see V8Startup)
            .contains("--no-turbofan")
            // fresh contexts compile regular expressions at once
            .contains("--no-regexp-tier-up")
            // fresh contexts do not send functions to Maglev after a single call's worth
            // of work
            .contains("--invocation-count-for-maglev=2000")
            // a busy runtime's heap holds what is live, not the contexts earlier resets
            // left behind
            .contains("--initial-old-space-size=8")
            .contains("--no-incremental-marking")
            // runtimes of different snapshots share V8's read-only heap without
            // corrupting each other
            .contains("--no-extensible-ro-snapshot");
    }

    @Test
    void theFlagThatLetsSnapshotsCorruptEachOtherIsRefused() {
        for (String flag : List.of("--extensible-ro-snapshot", "--extensible_ro_snapshot")) {
            assertThatThrownBy(() -> V8Setup.builder().v8Flags("--no-regexp-tier-up " + flag))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("'" + flag + "'")
                .hasMessageContaining("corrupt each other")
                .hasMessageContaining("leave it out")
                .satisfies(ex -> assertThat(((InvalidSettingException) ex).getSetting()).isEqualTo(Setting.V8_FLAGS))
                .satisfies(ex -> assertThat(((InvalidSettingException) ex).getValue()).isEqualTo(flag));
        }
        assertThat(V8Setup.builder().v8Flags("--no-extensible-ro-snapshot").build().v8Flags())
            .isEqualTo("--no-extensible-ro-snapshot");
    }

    @Test
    void flagsInForceCanBeAddedAgainButNoOthersOnceARuntimeExists() {
        try (UnpooledJsRuntimeFactory factory = new UnpooledJsRuntimeFactory(RuntimeConfig.builder().build());
                JsRuntime js = factory.create()) {
            assertThat(js.eval("1")).isEqualTo(1);
        }
        V8Setup inForce = V8Process.setup().orElseThrow();
        V8Process.configure(inForce.toBuilder().v8Flags("--no-regexp-tier-up  --no-incremental-marking").build());
        assertThatThrownBy(() -> V8Process.configure(inForce.toBuilder().v8Flags("--incremental-marking").build()))
            .isInstanceOf(V8AlreadyStartedException.class)
            .hasMessageContaining("--incremental-marking")
            .hasMessageContaining("fixed once the first runtime of the JVM exists")
            .satisfies(ex -> assertThat(((V8AlreadyStartedException) ex).getSetting()).isEqualTo(Setting.V8_FLAGS))
            .satisfies(ex -> assertThat(((V8AlreadyStartedException) ex).getInForce()).isEqualTo(V8Process.flags()));
        assertThatThrownBy(() -> V8Setup.builder().v8Flags("incremental-marking"))
            .isInstanceOf(InvalidSettingException.class)
            .hasMessageContaining("must start with --");
    }

    @Test
    void addedFlagsComeAfterJsrunsAndJsrunsDefaultsGiveWayToThem() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                AddedFlags.class.getName(), "--incremental-marking --initial-heap-size=32"))
            .redirectErrorStream(true)
            .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("result=2,4,6");
        String flags = output.substring(output.indexOf("flags=")).trim();
        assertThat(flags).contains("--incremental-marking --initial-heap-size=32")
            .doesNotContain("--no-incremental-marking")
            .doesNotContain("--initial-old-space-size")
            // the defaults the added flags do not decide stay
            .contains("--no-turbofan")
            .contains("--no-regexp-tier-up")
            .contains("--invocation-count-for-maglev=2000")
            .contains("--no-extensible-ro-snapshot")
            // the added flags come last, so that an unknown one, after which V8 ignores
            // the rest, cannot drop jsrun's
            .endsWith("--incremental-marking --initial-heap-size=32");
    }

}
