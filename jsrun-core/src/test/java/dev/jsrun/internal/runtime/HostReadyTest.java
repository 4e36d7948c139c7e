package dev.jsrun.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.jsrun.JsConversionException;
import dev.jsrun.JsException;
import dev.jsrun.JsRuntime;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.Snapshot;
import dev.jsrun.internal.snapshot.Intrinsics;
import dev.jsrun.internal.snapshot.SharedRegExps;
import dev.jsrun.internal.snapshot.WebPlatform;
import dev.jsrun.pool.JsRuntimePool;
import dev.jsrun.pool.PoolSettings;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;
import dev.jsrun.snapshot.SnapshotBuilder;

/**
 * The host's JavaScript half comes with the snapshot and is readied in each context by
 * one call: what it readies belongs to that context and that runtime's configuration, and
 * a snapshot that lost it gets it built in each context instead.
 */
class HostReadyTest {

    /** jsrun's hidden globals that a readied context must no longer hold. */
    private static final String HIDDEN = "["
            + String.join(", ",
                    List.of(Intrinsics.HOST_GLOBAL, Intrinsics.GLOBAL, "__jsrun_guards", WebPlatform.GLOBAL,
                            SharedRegExps.GLOBAL, "__jsrun_modules")
                        .stream()
                        .map(name -> "'" + name + "'")
                        .toList())
            + "].filter(name => Reflect.getOwnPropertyDescriptor(globalThis, name) !== undefined).join()";

    /**
     * What a working host gives: an evaluation, a call with arguments, an error's place.
     */
    private static void hostWorks(JsRuntime js) {
        assertThat(js.eval(HIDDEN)).isEqualTo("");
        assertThat(js.eval("[1, 2, 3].map(n => n * 2)")).isEqualTo(List.of(2, 4, 6));
        assertThat(js.call("Math.max", 4, 9)).isEqualTo(9);
        assertThatThrownBy(() -> js.eval("const a = 1;\nthrow new TypeError('nope');")).isInstanceOf(JsException.class)
            .satisfies(ex -> {
                assertThat(((JsException) ex).getLine()).isEqualTo(2);
                assertThat(((JsException) ex).getJsStack()).doesNotContain(Intrinsics.HOST_RESOURCE);
            });
    }

    @Test
    void aContextWithoutSnapshotAndOneFromASnapshotAreReadiedAlike() {
        try (JsRuntime js = new UnpooledJsRuntimeFactory(RuntimeConfig.defaults()).create()) {
            hostWorks(js);
        }
        Snapshot snapshot = new SnapshotBuilder().executeScript("lib.js", "globalThis.twice = n => 2 * n;").build();
        try (JsRuntimePool pool = new JsRuntimePool(RuntimeConfig.builder().snapshot(snapshot).build(),
                PoolSettings.builder().maxSize(1).minIdle(1).build())) {
            for (int i = 0; i < 3; i++) {
                try (JsRuntime js = pool.acquire()) {
                    hostWorks(js);
                    assertThat(js.call("twice", 21)).isEqualTo(42);
                }
            }
        }
    }

    @Test
    void eachRuntimeOfOneSnapshotGetsItsOwnLimits() {
        Snapshot snapshot = new SnapshotBuilder().executeScript("lib.js", "globalThis.text = n => 'x'.repeat(n);")
            .build();
        try (JsRuntime small = new UnpooledJsRuntimeFactory(
                RuntimeConfig.builder().snapshot(snapshot).maxResultSize(2_000).build())
            .create();
                JsRuntime large = new UnpooledJsRuntimeFactory(
                        RuntimeConfig.builder().snapshot(snapshot).maxResultSize(100_000).build())
                    .create()) {
            assertThatThrownBy(() -> small.eval("[text(5000)]")).isInstanceOf(JsConversionException.class)
                .hasMessageContaining("2000");
            assertThat(large.eval("[text(5000)]")).isEqualTo(List.of("x".repeat(5000)));
        }
    }

    @Test
    void whatABorrowerDidToTheHostsFormatterIsGoneWithItsContext() {
        Snapshot snapshot = new SnapshotBuilder().executeScript("lib.js", "globalThis.n = 1;").build();
        try (JsRuntimePool pool = new JsRuntimePool(RuntimeConfig.builder().snapshot(snapshot).build(),
                PoolSettings.builder().maxSize(1).minIdle(1).build())) {
            try (JsRuntime js = pool.acquire()) {
                js.eval("Error.prepareStackTrace = () => 'replaced'; console.log('before the reset')");
                assertThat(js.eval("new Error('x').stack")).isEqualTo("replaced");
            }
            try (JsRuntime js = pool.acquire()) {
                assertThat(js.eval("typeof Error.prepareStackTrace")).isEqualTo("undefined");
                hostWorks(js);
            }
        }
    }

    @Test
    void timersThatASnapshotScriptSetAndTheBuildRanLeaveTheHostsQueueEmpty() throws Exception {
        // the timer wakes the event loop while the snapshot is built, when the host is
        // there already
        Snapshot snapshot = new SnapshotBuilder()
            .executeScript("lib.js", "setTimeout(() => { globalThis.fired = true; }, 0); queueMicrotask(() => {});")
            .build();
        try (JsRuntimePool pool = new JsRuntimePool(RuntimeConfig.builder().snapshot(snapshot).build(),
                PoolSettings.builder().maxSize(1).minIdle(1).build())) {
            for (int i = 0; i < 2; i++) {
                try (JsRuntime js = pool.acquire()) {
                    assertThat(js.eval("fired")).isEqualTo(true);
                    js.addStaticModule("m", "export const v = 7;");
                    // an import is served only if the host tells Java that it queued one
                    assertThat(js.evalAsync("import('m').then(m => m.v)").get(10, TimeUnit.SECONDS)).isEqualTo(7);
                    assertThat(js.evalAsync("new Promise(done => setTimeout(() => done('later'), 1))")
                        .get(10, TimeUnit.SECONDS)).isEqualTo("later");
                }
            }
        }
    }

    @Test
    void aSnapshotWhoseScriptRemovedTheHostGetsItBuiltInEachContext() {
        Snapshot snapshot = new SnapshotBuilder()
            .executeScript("lib.js", "delete globalThis." + Intrinsics.HOST_GLOBAL + "; globalThis.twice = n => 2 * n;")
            .build();
        try (JsRuntimePool pool = new JsRuntimePool(RuntimeConfig.builder().snapshot(snapshot).build(),
                PoolSettings.builder().maxSize(1).minIdle(1).build())) {
            for (int i = 0; i < 2; i++) {
                try (JsRuntime js = pool.acquire()) {
                    hostWorks(js);
                    assertThat(js.call("twice", 4)).isEqualTo(8);
                }
            }
        }
    }

}
