package dev.jsrun.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.jsrun.JsRuntime;
import dev.jsrun.JsRuntimeFactory;
import dev.jsrun.JsTimeoutException;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.pool.JsRuntimePool;
import dev.jsrun.pool.PoolSettings;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/**
 * Built-ins that take a callback stop at their timeout when the callback is a native or
 * bound native function, which never checks for termination itself, and so does
 * {@code %TypedArray%.prototype.set} from a huge array-like. Without jsrun's guards each
 * of these runs 10 s to minutes past a 500 ms timeout.
 */
class NativeCallbackTimeoutTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    /**
     * Far below what each case takes when V8 runs it uninterrupted, far above the timeout
     * plus one native call.
     */
    private static final long BOUND_MS = 5_000;

    /**
     * Natives that hold no memory: {@code heavy} and {@code heavyCall} compare two
     * strings of a million characters (about 1 ms) and return -1, {@code falsyCall}
     * searches eight million characters and returns false, {@code count} adds one to
     * {@code c[0]} and returns a truthy number. {@code a} holds 2^14 {@code heavy} and
     * {@code count} alternately; {@code invoke(f, ...)} calls {@code f}, all without a
     * JavaScript frame.
     */
    private static final String PRELUDE = """
            const c = globalThis.c = new Int32Array(1); c[0] = 1;
            const s = 'x'.repeat(2 ** 20), t = s + 'y', big = 'x'.repeat(2 ** 23);
            const heavy = String.prototype.localeCompare.bind(s, t, undefined, undefined);
            const heavyCall = Function.prototype.call.bind(String.prototype.localeCompare, s, t, undefined, undefined);
            const compare = heavyCall;
            const falsyCall = Function.prototype.call.bind(String.prototype.includes, big, 'y');
            const count = Atomics.add.bind(null, c, 0, 1);
            const a = []; for (let i = 0; i < 2 ** 15; i++) a.push(i % 2 ? count : heavy);
            const call = Function.prototype.call, invoke = call.bind(call);
            """;

    /** Each {@code count} call of {@code a} that ran, out of 2^14. */
    private static final int COUNTED = 1 << 14;

    private static JsRuntimeFactory factory;

    @BeforeAll
    static void start() {
        factory = new UnpooledJsRuntimeFactory(RuntimeConfig.builder().timeout(TIMEOUT).build());
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    @ParameterizedTest
    @ValueSource(strings = { "a.forEach(call, call)", "a.map(invoke)", "a.filter(invoke)", "a.every(invoke)",
            "a.flatMap(invoke)", "Array.prototype.forEach.call({ length: 2 ** 15, __proto__: a }, call, call)",
            "a.reduce(heavyCall)", "a.reduceRight(heavyCall, 0)", "a.some(falsyCall)", "a.find(falsyCall)",
            "a.findIndex(falsyCall)", "a.findLast(falsyCall)", "a.findLastIndex(falsyCall)",
            "Array.from(new Array(2 ** 14), heavyCall)", "Array.from(a, invoke)",
            "new Array(2 ** 10).fill(0).map((x, i) => i).sort(compare)",
            "new Array(2 ** 10).fill(0).map((x, i) => i).toSorted(compare)",
            "const b = []; for (let i = 0; i < 2 ** 10; i++) b.push(i % 2 ? s : t); b.sort(new Intl.Collator().compare)",
            "Array.prototype.sort.call({ length: 2 ** 19, __proto__: new Array(2 ** 19).fill(1) }, compare)",
            "new Float64Array(2 ** 14).forEach(heavyCall)", "new Float64Array(2 ** 14).map(heavyCall)",
            "new Float64Array(2 ** 14).every(heavyCall)", "new Float64Array(2 ** 14).find(falsyCall)",
            "new Float64Array(2 ** 14).reduce(heavyCall)", "new Float64Array(2 ** 10).sort(compare)",
            "new Float64Array(2 ** 10).toSorted(compare)", "Float64Array.from(new Array(2 ** 14), heavyCall)",
            "'ab'.repeat(2 ** 14).replace(/a/g, heavyCall)", "'ab'.repeat(2 ** 14).replaceAll(/b/g, heavyCall)",
            "'ab'.repeat(2 ** 14).replaceAll('a', heavyCall)",
            "'ab'.repeat(2 ** 14).replaceAll({ toString: () => 'a' }, heavyCall)",
            "'ab'.repeat(2 ** 14).replace(/a/g, new Proxy(heavyCall, {}))",
            "new Uint8Array(2 ** 27).set({ length: 2 ** 27 })",
            "new Uint8Array(2 ** 27).set({ get length() { return 2 ** 27; } }, 0)",
            "new Uint8Array(2 ** 27).set(new Proxy({ length: 2 ** 27 }, {}))",
            "new Map(a.map((f, i) => [i, f])).forEach(invoke)", "new Set(a.map((f, i) => i)).forEach(heavyCall)",
            "Object.groupBy(a, invoke)", "Map.groupBy(a, invoke)", "a.values().forEach(invoke)",
            "Array.from(a.values().map(invoke))", "a.values().some(falsyCall)",
            "JSON.parse('[' + '0,'.repeat(2 ** 15) + '0]', heavyCall)" })
    void endsNearItsTimeout(String script) {
        try (JsRuntime js = factory.create()) {
            js.eval("(() => { " + PRELUDE + " globalThis.run = () => { " + script + "; }; })()");
            long started = System.nanoTime();
            assertThatThrownBy(() -> js.eval("run()")).isInstanceOf(JsTimeoutException.class);
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertThat(elapsed).as("ms until the timeout of %s", script).isLessThan(BOUND_MS);
            // the counted calls were cut short, whatever the machine's speed
            assertThat((Integer) js.eval("c[0] - 1")).isLessThan(COUNTED);
            assertThat(js.eval("[3, 1, 2].sort().join() + ':' + 'ab'.replace(/a/g, String)")).isEqualTo("1,2,3:ab");
        }
    }

    @Test
    void thePoolServesTheNextBorrower() {
        try (JsRuntimePool pool = new JsRuntimePool(RuntimeConfig.builder()
            .timeout(TIMEOUT)
            .snapshot(new SnapshotBuilder().executeScript("ready.js", "globalThis.ready = 'ready';").build())
            .build(), PoolSettings.builder().minIdle(1).maxSize(1).build())) {
            try (JsRuntime js = pool.acquire()) {
                long started = System.nanoTime();
                assertThatThrownBy(() -> js.eval("(() => { " + PRELUDE + " a.map(invoke); })()"))
                    .isInstanceOf(JsTimeoutException.class);
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(BOUND_MS);
            }
            try (JsRuntime next = pool.acquire()) {
                assertThat(next.eval("ready + ':' + [1, 2].map(Math.abs).join()")).isEqualTo("ready:1,2");
            }
        }
    }

}
