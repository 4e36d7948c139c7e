package dev.jsrun.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.jsrun.JsRuntime;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.Snapshot;
import dev.jsrun.SnapshotBuildException;
import dev.jsrun.internal.snapshot.GuestScripts;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/**
 * The snapshot builder's own scripts: the CommonJS wrapper ({@code commonjs.js}) and
 * {@code pending.js}.
 */
class BuilderScriptsTest {

    @Test
    void aCommonJsLibraryIsPublishedUnderAnyNameAndSeesNodesNames() {
        String library = "exports.self = this === module.exports && exports === module.exports;"
                + " exports.answer = 42; // a last line without its line break";
        Snapshot snapshot = new SnapshotBuilder().executeCommonJs("it's \"quoted\" \\ ", "quoted.js", library)
            .executeCommonJs("line\nbreak\u2028", "lines.js", library)
            .executeCommonJs("replaced", "replaced.js", "module.exports = function () { return 'called'; };")
            .build();
        try (UnpooledJsRuntimeFactory runtimes = new UnpooledJsRuntimeFactory(
                RuntimeConfig.builder().snapshot(snapshot).build()); JsRuntime js = runtimes.create()) {
            assertThat(js.eval(
                    "[globalThis[\"it's \\\"quoted\\\" \\\\ \"].answer, globalThis[\"it's \\\"quoted\\\" \\\\ \"].self]"))
                .isEqualTo(List.of(42, true));
            assertThat(js.eval("globalThis['line\\nbreak\\u2028'].answer")).isEqualTo(42);
            assertThat(js.eval("replaced()")).isEqualTo("called");
            assertThat(js.eval("[typeof module, typeof exports, typeof require]"))
                .isEqualTo(List.of("undefined", "undefined", "undefined"));
        }
    }

    @Test
    void aCommonJsLibraryThatClosesItsWrapperIsRefused() {
        SnapshotBuilder builder = new SnapshotBuilder().executeCommonJs("lib", "lib.js",
                "}); return 42; (function () {");
        assertThatThrownBy(builder::build).isInstanceOf(SnapshotBuildException.class)
            .hasMessageContaining("'lib.js'")
            .hasMessageContaining("it does not run as a CommonJS module");
    }

    @Test
    void aCommonJsLibraryKeepsItsPositionsAndLearnsWhyRequireFails() {
        SnapshotBuilder throwing = new SnapshotBuilder().executeCommonJs("lib", "lib.js", "var a = 1; oops();");
        assertThatThrownBy(throwing::build).isInstanceOfSatisfying(SnapshotBuildException.class, ex -> {
            assertThat(ex.getLine()).isEqualTo(1);
            assertThat(ex.getColumn()).isEqualTo(12);
        });
        SnapshotBuilder requiring = new SnapshotBuilder().executeCommonJs("lib", "lib.js",
                "var a = 1;\nrequire('dep');");
        assertThatThrownBy(requiring::build).isInstanceOf(SnapshotBuildException.class)
            .hasMessageContaining("Error: require('dep') is not available while building a snapshot: load 'dep' first "
                    + "and use its global");
    }

    @Test
    void pendingSaysWhatTheEventLoopHolds() {
        String pending = GuestScripts.load(SnapshotBuilder.class, "pending.js");
        try (UnpooledJsRuntimeFactory runtimes = new UnpooledJsRuntimeFactory(RuntimeConfig.defaults());
                JsRuntime js = runtimes.create()) {
            assertThat(js.eval(pending + "({ pending() { return { timers: 2, messages: 3 }; } })"))
                .isEqualTo("2 timer(s) set and 3 message(s) queued");
        }
        assertThatThrownBy(() -> new SnapshotBuilder()
            .executeScript("timers.js", "setTimeout(() => {}, 60000); setTimeout(() => {}, 120000);")
            .build()).isInstanceOf(SnapshotBuildException.class)
            .hasMessageContaining("'timers.js'")
            .hasMessageContaining("it leaves 2 timer(s) set and 0 message(s) queued when the heap is captured");
    }

}
