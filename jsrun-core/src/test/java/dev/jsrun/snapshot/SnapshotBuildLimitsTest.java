package dev.jsrun.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.jsrun.InvalidSettingException;
import dev.jsrun.JsRuntime;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.Setting;
import dev.jsrun.Snapshot;
import dev.jsrun.SnapshotBuildException;
import dev.jsrun.SnapshotBuildException.Problem;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/**
 * A snapshot script that never ends, fills the heap, holds buffers, seals the global
 * object or keeps a finalization registry stops the build with the script named; the
 * process, and the next build, carry on.
 */
class SnapshotBuildLimitsTest {

    private static final Duration SHORT = Duration.ofMillis(500);

    /** Each failed build is followed by one that must work, in the same process. */
    @AfterEach
    void theNextBuildWorks() {
        Snapshot snapshot = new SnapshotBuilder().executeScript("fine.js", "globalThis.fine = 40 + 2;").build();
        try (UnpooledJsRuntimeFactory factory = new UnpooledJsRuntimeFactory(
                RuntimeConfig.builder().snapshot(snapshot).build()); JsRuntime js = factory.create()) {
            assertThat(js.eval("fine")).isEqualTo(42);
        }
    }

    /**
     * A thrown text of 16 million characters used to become a 16-million-character
     * exception message, repeated down the cause chain.
     */
    @Test
    void aLongThrownTextIsCut() {
        SnapshotBuilder builder = new SnapshotBuilder().executeScript("long.js", "throw 'x'.repeat(2 ** 24);");
        assertThatThrownBy(builder::build).isInstanceOfSatisfying(SnapshotBuildException.class, ex -> {
            assertThat(ex.getProblem()).isEqualTo(Problem.SCRIPT_ERROR);
            assertThat(ex.getJsMessage()).startsWith("it threw xxx").contains("xxx...").hasSizeLessThan(70_000);
            for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
                assertThat(cause.getMessage()).as("message of %s", cause.getClass()).hasSizeLessThan(70_000);
            }
        });
        theNextBuildWorks();
    }

    /**
     * V8 formats an uncaught error's text in the heap: for a message of 2^28 characters
     * the room it had past the limit was too little, and V8 aborted the process.
     */
    @Test
    void anErrorTooLongToFormatStopsTheBuild() {
        SnapshotBuilder builder = new SnapshotBuilder().executeScript("huge.js",
                "throw new Error('x'.repeat(2 ** 28));");
        assertThatThrownBy(builder::build).isInstanceOfSatisfying(SnapshotBuildException.class, ex -> {
            assertThat(ex.getScriptName()).isEqualTo("huge.js");
            assertThat(ex.getMessage()).hasSizeLessThan(70_000);
        });
        theNextBuildWorks();
    }

    @ParameterizedTest
    @ValueSource(strings = { "for (;;) {}", "(function again() { Promise.resolve().then(again); })();",
            "queueMicrotask(function again() { queueMicrotask(again); });",
            "const spin = () => { for (;;) {} }; Promise.resolve().then(spin);" })
    void aScriptThatNeverEndsStopsAtItsTimeout(String source) {
        long started = System.nanoTime();
        assertThatThrownBy(() -> new SnapshotBuilder().scriptTimeout(SHORT)
            .executeScript("first.js", "globalThis.a = 1;")
            .executeScript("endless.js", source)
            .build()).isInstanceOfSatisfying(SnapshotBuildException.class, ex -> {
                assertThat(ex.getProblem()).isEqualTo(Problem.TIMEOUT);
                assertThat(ex.getScriptName()).isEqualTo("endless.js");
                assertThat(ex.getMessage()).contains("ran longer than 500 ms")
                    .contains("jsrun.snapshot.script-timeout");
            });
        // generous: the build without the limit would never end
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aScriptThatFillsTheHeapStopsAtTheHeapLimit() {
        assertThatThrownBy(() -> new SnapshotBuilder()
            .executeScript("hungry.js", "const kept = []; for (;;) kept.push(new Array(1e5).fill(1.5));")
            .build()).isInstanceOfSatisfying(SnapshotBuildException.class, ex -> {
                assertThat(ex.getProblem()).isEqualTo(Problem.HEAP_LIMIT);
                assertThat(ex.getScriptName()).isEqualTo("hungry.js");
                assertThat(ex.getMessage()).contains("heap limit").contains("jsrun.runtime.max-heap-size");
            });
    }

    @Test
    void buffersPastTheExternalMemoryLimitAreRefused() {
        assertThatThrownBy(
                () -> new SnapshotBuilder().executeScript("one.js", "globalThis.big = new ArrayBuffer(2 ** 30);")
                    .build())
            .isInstanceOfSatisfying(SnapshotBuildException.class, ex -> {
                assertThat(ex.getScriptName()).isEqualTo("one.js");
                assertThat(ex.getMessage()).containsIgnoringCase("RangeError");
            });
        assertThatThrownBy(() -> new SnapshotBuilder()
            .executeScript("many.js",
                    "globalThis.kept = []; for (let i = 0; i < 64; i++) { kept.push(new ArrayBuffer(16 << 20)); "
                            + "for (let j = 0; j < 2e6; j++) {} }")
            .build()).isInstanceOfSatisfying(SnapshotBuildException.class, ex -> {
                assertThat(ex.getScriptName()).isEqualTo("many.js");
                assertThat(ex.getMessage()).contains("outside the V8 heap");
            });
    }

    @ParameterizedTest
    @ValueSource(strings = { "Object.preventExtensions(globalThis);", "Object.seal(globalThis);",
            "Object.freeze(globalThis);" })
    void aGlobalObjectMadeNonExtensibleIsRefused(String source) {
        assertThatThrownBy(() -> new SnapshotBuilder().executeScript("sealing.js", source).build())
            .isInstanceOfSatisfying(SnapshotBuildException.class, ex -> {
                assertThat(ex.getProblem()).isEqualTo(Problem.SEALED_GLOBAL);
                assertThat(ex.getScriptName()).isEqualTo("sealing.js");
                assertThat(ex.getMessage()).contains("non-extensible").contains("warmUp");
            });
    }

    @ParameterizedTest
    @ValueSource(strings = { "globalThis.registry = new FinalizationRegistry(() => {}); registry.register({}, 1);",
            "globalThis.target = {}; globalThis.registry = new FinalizationRegistry(() => {});"
                    + " registry.register(target, 'held');",
            "const registry = new FinalizationRegistry(() => {}); globalThis.later = () => registry;"
                    + " registry.register({}, 1, {});" })
    void aReachableFinalizationRegistryThatHoldsRegistrationsIsRefused(String source) {
        assertThatThrownBy(() -> new SnapshotBuilder().executeScript("lib.js", "globalThis.lib = 1;")
            .executeScript("registry.js", source)
            .build()).isInstanceOfSatisfying(SnapshotBuildException.class, ex -> {
                assertThat(ex.getProblem()).isEqualTo(Problem.FINALIZATION_REGISTRY);
                assertThat(ex.getScriptName()).isEqualTo("registry.js");
                assertThat(ex.getMessage()).contains("FinalizationRegistry");
            });
    }

    @Test
    void registriesThatHoldNothingOrAreDroppedAreFine() {
        Snapshot snapshot = new SnapshotBuilder()
            .executeScript("registries.js", "globalThis.empty = new FinalizationRegistry(() => {});"
                    + " (() => { const dropped = new FinalizationRegistry(() => {}); dropped.register({}, 1); })();")
            .build();
        try (UnpooledJsRuntimeFactory factory = new UnpooledJsRuntimeFactory(
                RuntimeConfig.builder().snapshot(snapshot).build()); JsRuntime js = factory.create()) {
            assertThat(js.eval("empty.register({}, 2); typeof empty.unregister")).isEqualTo("function");
        }
    }

    @Test
    void theScriptTimeoutMustBePositiveAndBounded() {
        for (Duration wrong : new Duration[] { Duration.ZERO, Duration.ofSeconds(-1), Duration.ofDays(2),
                Duration.ofSeconds(Long.MAX_VALUE) }) {
            assertThatThrownBy(() -> new SnapshotBuilder().scriptTimeout(wrong)).as("%s", wrong)
                .isInstanceOfSatisfying(InvalidSettingException.class,
                        ex -> assertThat(ex.getSetting()).isEqualTo(Setting.SCRIPT_TIMEOUT));
        }
    }

}
