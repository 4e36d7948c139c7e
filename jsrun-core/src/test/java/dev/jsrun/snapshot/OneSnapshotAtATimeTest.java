package dev.jsrun.snapshot;

import org.junit.jupiter.api.Test;

import dev.jsrun.JsRuntime;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.runtime.UnpooledJsRuntimeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runtimes of two snapshots of different scripts, open at once, make V8 spin past every timeout or abort the
 * JVM; restoring the second is refused instead.
 */
class OneSnapshotAtATimeTest {

    private static final String ONE = "(function () { var x = 1; function f(a) { function g() { return x + a + 'one'; } return g; }"
            + " globalThis.h = f(1); })();";
    private static final String TWO = "(function () { var y = 2, z = 'q'; function k(a) { function m() { return y + a + z + 'two'; }"
            + " return m; } globalThis.h = k(2); })();";

    private static UnpooledJsRuntimeFactory factory(Snapshot snapshot) {
        return new UnpooledJsRuntimeFactory(RuntimeConfig.builder().snapshot(snapshot).build());
    }

    @Test
    void secondSnapshotIsRefusedWhileRuntimesOfTheFirstAreOpen() {
        Snapshot one = new SnapshotBuilder().executeScript("one.js", ONE).build();
        Snapshot two = new SnapshotBuilder().executeScript("two.js", TWO).build();
        try (JsRuntime a = factory(one).create()) {
            assertThatThrownBy(() -> factory(two).create()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[two.js]")
                .hasMessageContaining("1 runtime(s) of a snapshot of other scripts are open")
                .hasMessageContaining("mark the test classes that configure other scripts with @DirtiesContext")
                .hasMessageContaining("or use one set of jsrun.snapshot.scripts across test classes");
            assertThat(a.eval("h()")).isEqualTo("2one");
        }
        try (JsRuntime b = factory(two).create()) {
            assertThat(b.eval("h()")).isEqualTo("4qtwo");
        }
    }

    @Test
    void snapshotsOfTheSameScriptsAndEmptyRuntimesMix() {
        Snapshot one = new SnapshotBuilder().executeScript("one.js", ONE).build();
        Snapshot again = new SnapshotBuilder().executeScript("one.js", ONE).build();
        try (JsRuntime a = factory(one).create(); JsRuntime b = factory(again).create();
                JsRuntime empty = new UnpooledJsRuntimeFactory(RuntimeConfig.defaults()).create()) {
            assertThat(a.eval("h()")).isEqualTo("2one");
            assertThat(b.eval("h()")).isEqualTo("2one");
            assertThat(empty.eval("typeof h")).isEqualTo("undefined");
        }
    }

}
