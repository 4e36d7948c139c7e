package dev.jsrun.pool;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.jsrun.JsRuntime;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.Snapshot;
import dev.jsrun.snapshot.SnapshotBuilder;

/**
 * Numbers a borrower writes into the fields of the snapshot's objects stay with that
 * borrower: V8 keeps a field that held a fraction in a box it writes in place, and a
 * snapshot shares such boxes between the contexts of an isolate unless the build unshares
 * them.
 */
class NumberFieldsTest {

    private static final String SETUP = """
            globalThis.G = { d: 0.5, n: 1, nested: { x: 1.25, deeper: { y: -2.5 } } };
            globalThis.G.n = 2.5;
            globalThis.G.n = 3;
            class Settings { static ratio = 0.75; constructor() { this.scale = 1.5; } }
            globalThis.Settings = Settings;
            globalThis.instance = new Settings();
            globalThis.held = new Map([['k', { weight: 0.125 }]]);
            globalThis.members = new Set([{ score: 9.5 }]);
            globalThis.list = [{ price: 19.99 }];
            globalThis.sealed = Object.seal({ level: 0.3 });
            Object.defineProperty(globalThis, 'hidden', { value: { rate: 4.5 }, enumerable: false });
            globalThis.tagged = { [Symbol.for('t')]: 6.25 };
            globalThis.fn = function () {};
            globalThis.fn.threshold = 0.9;
            globalThis.child = Object.create({ inherited: 7.5 });
            globalThis.readAll = () => JSON.stringify([G.d, G.n, G.nested.x, G.nested.deeper.y, Settings.ratio,
              instance.scale, held.get('k').weight, [...members][0].score, list[0].price, sealed.level, hidden.rate,
              tagged[Symbol.for('t')], fn.threshold, Object.getPrototypeOf(child).inherited]);
            """;

    private static final String WRITE = """
            G.d = 8.5; G.n = 9; G.nested.x = 7; G.nested.deeper.y = 0.001; Settings.ratio = 2; instance.scale = 3.5;
            held.get('k').weight = 1e300; [...members][0].score = -0; list[0].price = 0.01; sealed.level = 42.42;
            hidden.rate = NaN; tagged[Symbol.for('t')] = Infinity; fn.threshold = 0.1;
            Object.getPrototypeOf(child).inherited = 1.5;
            """;

    @Test
    void aBorrowersNumbersNeverReachTheNextBorrower() {
        Snapshot snapshot = new SnapshotBuilder().executeScript("setup.js", SETUP).build();
        try (JsRuntimePool pool = new JsRuntimePool(RuntimeConfig.builder().snapshot(snapshot).build(),
                PoolSettings.builder().maxSize(1).minIdle(1).build())) {
            String fresh;
            try (JsRuntime js = pool.acquire()) {
                fresh = (String) js.eval("readAll()");
                js.eval(WRITE);
                assertThat(js.eval("readAll()")).isNotEqualTo(fresh);
            }
            assertThat(fresh).isEqualTo("[0.5,3,1.25,-2.5,0.75,1.5,0.125,9.5,19.99,0.3,4.5,6.25,0.9,7.5]");
            for (int i = 0; i < 3; i++) {
                try (JsRuntime js = pool.acquire()) {
                    assertThat(js.eval("readAll()")).as("borrow %d", i).isEqualTo(fresh);
                    js.eval(WRITE);
                }
            }
        }
    }

}
