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
     * Natives that hold no memory and take about a millisecond each: {@code heavy} and
     * {@code heavyCall} compare two strings of a million characters and return -1,
     * {@code falsyCall} compares two equal ones and returns 0; all ignore their further
     * arguments and run without a JavaScript frame.
     */
    private static final String PRELUDE = """
            const s = 'x'.repeat(2 ** 20), t = s + 'y', u = 'x'.repeat(2 ** 20);
            const heavy = String.prototype.localeCompare.bind(s, t, undefined, undefined);
            const heavyCall = Function.prototype.call.bind(String.prototype.localeCompare, s, t, undefined, undefined);
            const compare = heavyCall;
            const falsyCall = Function.prototype.call.bind(String.prototype.localeCompare, s, u, undefined, undefined);
            const a = new Array(2 ** 14).fill(0), n = new Array(2 ** 14).fill(0).map((x, i) => i);
            """;

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
    @ValueSource(strings = { "a.forEach(heavyCall)", "a.forEach(Function.prototype.call, heavy)", "a.map(heavyCall)",
            "a.filter(heavyCall)", "a.every(heavyCall)", "a.flatMap(heavyCall)",
            "Array.prototype.forEach.call({ length: 2 ** 14, __proto__: a }, heavyCall)", "a.reduce(heavyCall)",
            "a.reduceRight(heavyCall, 0)", "a.some(falsyCall)", "a.find(falsyCall)", "a.findIndex(falsyCall)",
            "a.findLast(falsyCall)", "a.findLastIndex(falsyCall)", "Array.from(new Array(2 ** 14), heavyCall)",
            "Array.from(a.values(), heavyCall)", "n.sort(compare)", "n.toSorted(compare)",
            "const b = []; for (let i = 0; i < 2 ** 14; i++) b.push(i % 2 ? s : t); b.sort(new Intl.Collator().compare)",
            "new Float64Array(2 ** 14).forEach(heavyCall)", "new Float64Array(2 ** 14).map(heavyCall)",
            "new Float64Array(2 ** 14).every(heavyCall)", "new Float64Array(2 ** 14).find(falsyCall)",
            "new Float64Array(2 ** 14).reduce(heavyCall)", "new Float64Array(n).sort(compare)",
            "new Float64Array(n).toSorted(compare)", "Float64Array.from(new Array(2 ** 14), heavyCall)",
            "'ab'.repeat(2 ** 14).replace(/a/g, heavyCall)", "'ab'.repeat(2 ** 14).replaceAll(/b/g, heavyCall)",
            "'ab'.repeat(2 ** 14).replaceAll('a', heavyCall)",
            "'ab'.repeat(2 ** 14).replaceAll({ toString: () => 'a' }, heavyCall)",
            "new Uint8Array(2 ** 27).set({ length: 2 ** 27 })",
            "new Uint8Array(2 ** 27).set({ get length() { return 2 ** 27; } }, 0)",
            "new Map(n.map(i => [i, i])).forEach(heavyCall)", "new Set(n).forEach(heavyCall)",
            "Object.groupBy(a, heavyCall)", "Map.groupBy(a, heavyCall)", "a.values().forEach(heavyCall)",
            "Array.from(a.values().map(heavyCall))", "a.values().some(falsyCall)" })
    void endsNearItsTimeout(String script) {
        try (JsRuntime js = factory.create()) {
            js.eval("(() => { " + PRELUDE + " globalThis.run = () => { " + script + "; }; })()");
            long started = System.nanoTime();
            assertThatThrownBy(() -> js.eval("run()")).isInstanceOf(JsTimeoutException.class);
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertThat(elapsed).as("ms until the timeout of %s", script).isLessThan(BOUND_MS);
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
                assertThatThrownBy(() -> js.eval("(() => { " + PRELUDE + " a.map(heavyCall); })()"))
                    .isInstanceOf(JsTimeoutException.class);
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(BOUND_MS);
            }
            try (JsRuntime next = pool.acquire()) {
                assertThat(next.eval("ready + ':' + [1, 2].map(Math.abs).join()")).isEqualTo("ready:1,2");
            }
        }
    }

}
