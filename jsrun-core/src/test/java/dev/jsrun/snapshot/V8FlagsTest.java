package dev.jsrun.snapshot;

import org.junit.jupiter.api.Test;

import dev.jsrun.JsRuntime;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.runtime.UnpooledJsRuntimeFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The process-wide V8 flags jsrun sets before the first runtime, and that runtimes start under them. */
class V8FlagsTest {

    @Test
    void runtimesStartUnderJsrunsFlags() {
        try (UnpooledJsRuntimeFactory factory = new UnpooledJsRuntimeFactory(RuntimeConfig.builder().build());
                JsRuntime js = factory.create()) {
            // sloppy mode, not Javet's default --use-strict: assigning an undeclared name works
            assertThat(js.eval("undeclared = 41; undeclared + 1")).isEqualTo(42);
        }
        assertThat(V8Runtimes.flags())
            // termination must always take effect (see V8Runtimes)
            .contains("--no-turbofan")
            // fresh contexts compile regular expressions at once
            .contains("--no-regexp-tier-up")
            // fresh contexts do not send functions to Maglev after a single call's worth of work
            .contains("--invocation-count-for-maglev=2000")
            // a busy runtime's heap holds what is live, not the contexts earlier resets left behind
            .contains("--initial-old-space-size=8")
            .contains("--no-incremental-marking");
    }

}
