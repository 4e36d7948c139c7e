package dev.jsrun.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.jsrun.JsRuntime;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.Snapshot;
import dev.jsrun.WebJars;
import dev.jsrun.snapshot.SnapshotBuilder;

/**
 * 10,000 borrowers, each checking that it sees exactly the snapshot's state and then
 * leaving a random mess behind: globals, snapshot globals, library functions, prototypes,
 * frozen built-ins, modules and pending promises.
 */
class CleanStateTest {

    private static final int BORROWS = 10_000;

    private static final String BASELINE = "JSON.stringify([Object.getOwnPropertyNames(globalThis).length,"
            + " Object.getOwnPropertyNames(Object.prototype).length, Object.getOwnPropertyNames(Array.prototype).length,"
            + " Object.getOwnPropertyNames(String.prototype).length, Object.getOwnPropertyNames(_).length])";

    private static final String CHECK = "(() => { const bad = [];"
            + " if (VERSION !== '1.0.0') bad.push('VERSION=' + VERSION);"
            + " if (typeof add !== 'function' || add(1, 2) !== 3) bad.push('add');" + " if (" + BASELINE
            + " !== BASE) bad.push('property counts ' + " + BASELINE + ");"
            + " if (_.chunk([1, 2, 3], 2).length !== 2) bad.push('_.chunk');"
            + " if ([1].map(x => x + 1)[0] !== 2) bad.push('Array.prototype.map');"
            + " if ('ab'.toUpperCase() !== 'AB') bad.push('String.prototype.toUpperCase');"
            + " if (JSON.stringify({ a: 1 }) !== '{\"a\":1}') bad.push('JSON.stringify');"
            + " if (Object.isFrozen(Object.prototype) || Object.isFrozen(globalThis)) bad.push('frozen');"
            + " if (typeof resolveLater !== 'undefined') bad.push('pending promise resolver');"
            + " if (Math.max(1, 2) !== 2) bad.push('Math.max');" + " return bad; })()";

    private static final String[] MUTATIONS = { "globalThis['leak' + ID] = ID;", "VERSION = 'changed by ' + ID;",
            "Object.prototype['polluted' + ID] = ID;",
            "Array.prototype.map = function () { return ['hijacked by ' + ID]; };",
            "String.prototype.toUpperCase = () => 'hijacked';", "_.chunk = () => [];", "_['extra' + ID] = ID;",
            "delete globalThis.add;",
            "Object.defineProperty(globalThis, 'VERSION', { value: 'locked', writable: false, configurable: false });",
            "JSON.stringify = () => 'hijacked';", "Object.freeze(Object.prototype);", "Object.freeze(globalThis);",
            "new Promise(resolve => { globalThis.resolveLater = resolve; });", "Math.max = () => -1;",
            "var declared = ID; function declaredFn() {}", };

    @Test
    void noBorrowerEverSeesAnotherBorrowersChanges() throws Exception {
        Snapshot snapshot = new SnapshotBuilder().executeScript("lodash.js", WebJars.read("lodash", "lodash.min.js"))
            .executeScript("setup.js", "globalThis.VERSION = '1.0.0'; globalThis.add = (a, b) => a + b;")
            .build();
        RuntimeConfig config = RuntimeConfig.builder().snapshot(snapshot).build();
        String baseline;
        try (JsRuntime fresh = new dev.jsrun.pool.UnpooledJsRuntimeFactory(config).create()) {
            baseline = (String) fresh.eval(BASELINE);
        }
        String check = CHECK.replace("BASE", "'" + baseline + "'");
        JsRuntimePool pool = new JsRuntimePool(config, PoolSettings.builder().minIdle(3).maxSize(3).build());
        ExecutorService threads = Executors.newFixedThreadPool(4);
        AtomicInteger borrows = new AtomicInteger();
        List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Random random = new Random(t);
                workers.add(threads.submit(() -> {
                    while (borrows.incrementAndGet() <= BORROWS) {
                        int id = random.nextInt(1_000_000);
                        try (JsRuntime js = pool.acquire()) {
                            List<?> bad = (List<?>) js.eval(check);
                            if (!bad.isEmpty()) {
                                violations.add(bad.toString());
                            }
                            if (js.evalAsync("import('mod').then(() => 'leaked module', () => 'ok')")
                                .get(5, TimeUnit.SECONDS)
                                .equals("leaked module")) {
                                violations.add("module");
                            }
                            for (int m = 0, count = 1 + random.nextInt(4); m < count; m++) {
                                String mutation = MUTATIONS[random.nextInt(MUTATIONS.length)].replace("ID",
                                        String.valueOf(id));
                                try {
                                    js.eval(mutation);
                                }
                                catch (RuntimeException ignored) {
                                    // some mutations fail after others (a frozen global);
                                    // the mess stays all the same
                                }
                            }
                            if (random.nextBoolean()) {
                                js.addStaticModule("mod", "export const owner = " + id + ";");
                                js.evalAsync("import('mod')");
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(5, TimeUnit.MINUTES);
            }
        }
        finally {
            threads.shutdown();
            JsRuntimePoolTest.awaitQuiet(pool);
            assertThat(pool.stats().active()).isZero();
            pool.close();
        }
        assertThat(violations).isEmpty();
        assertThat(borrows.get()).isGreaterThanOrEqualTo(BORROWS);
    }

}
