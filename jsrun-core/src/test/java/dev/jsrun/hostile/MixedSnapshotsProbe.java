package dev.jsrun.hostile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.jsrun.JsRuntime;
import dev.jsrun.JsTimeoutException;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.Snapshot;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;
import dev.jsrun.snapshot.SnapshotBuilder;

/**
 * Opens runtimes in the order its argument gives, all kept open, and checks every open
 * runtime after each: {@code 1} and {@code a} are two builds of one script's snapshot,
 * {@code 2} a snapshot of another script, {@code e} a runtime without a snapshot,
 * {@code b} a snapshot built while the others are open. The first runtime of a process
 * decides V8's shared read-only heap, so each order runs in a JVM of its own; see
 * {@link MixedSnapshotsTest}.
 */
public final class MixedSnapshotsProbe {

    static final String ONE = "(function () { var x = 1; function f(a) { function g() { return x + a + 'one'; } return g; }"
            + " globalThis.h = f(1); })();";

    static final String TWO = "(function () { var y = 2, z = 'q'; function k(a) { function m() { return y + a + z + 'two'; }"
            + " return m; } globalThis.h = k(2); globalThis.big = Array.from({ length: 500 }, (_, i) => 'w' + i); })();";

    static final String THREE = "globalThis.h = function () { return [3, 'three'].join(''); }; var table = { alpha: 1, beta: 2 };";

    /**
     * Work that reads many of V8's read-only objects: property names, maps, built-ins,
     * strings.
     */
    static final String WORK = "(() => { const o = {}; for (let i = 0; i < 2000; i++) { o['k' + i] = i; }"
            + " return Object.keys(o).length + ':' + [3, 1, 2].sort() + ':' + JSON.stringify({ x: [1, { y: null }] })"
            + " + ':' + 'abc'.toUpperCase() + ':' + /a(b)c/.exec('xabc')[1] + ':' + new Map([[1, 2]]).get(1)"
            + " + ':' + (typeof h === 'function' ? h() : typeof h); })()";

    private MixedSnapshotsProbe() {
    }

    public static void main(String[] args) throws Exception {
        String order = args[0];
        Map<Character, Snapshot> built = new LinkedHashMap<>();
        built.put('1', new SnapshotBuilder().executeScript("one.js", ONE).build());
        built.put('a', new SnapshotBuilder().executeScript("one.js", ONE).build());
        built.put('2', new SnapshotBuilder().executeScript("two.js", TWO).build());
        List<JsRuntime> open = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        List<UnpooledJsRuntimeFactory> factories = new ArrayList<>();
        int checks = 0;
        try {
            for (char kind : order.toCharArray()) {
                Snapshot snapshot = (kind == 'b') ? new SnapshotBuilder().executeScript("three.js", THREE).build()
                        : built.get(kind);
                RuntimeConfig.Builder config = RuntimeConfig.builder().timeout(Duration.ofSeconds(5));
                if (snapshot != null) {
                    config.snapshot(snapshot);
                }
                UnpooledJsRuntimeFactory factory = new UnpooledJsRuntimeFactory(config.build());
                factories.add(factory);
                open.add(factory.create());
                expected.add("2000:1,2,3:{\"x\":[1,{\"y\":null}]}:ABC:b:2:" + switch (kind) {
                    case '1', 'a' -> "2one";
                    case '2' -> "4qtwo";
                    case 'b' -> "3three";
                    default -> "undefined";
                });
                for (int i = 0; i < open.size(); i++) {
                    Object result = open.get(i).eval(WORK);
                    if (!expected.get(i).equals(result)) {
                        throw new AssertionError("runtime " + i + " of '" + order + "' (" + order.charAt(i) + ") gave "
                                + result + " instead of " + expected.get(i) + " after '" + kind + "' was opened");
                    }
                    checks++;
                }
            }
            long terminated = 0;
            for (JsRuntime runtime : open) {
                long start = System.nanoTime();
                try {
                    runtime.eval("const o = {}; for (let i = 0; ; i++) { o.k = i; }", Duration.ofMillis(50));
                    throw new AssertionError("an endless loop returned");
                }
                catch (JsTimeoutException expectedTimeout) {
                    terminated = Math.max(terminated, (System.nanoTime() - start) / 1_000_000);
                }
            }
            System.out.println("PROBE " + order + " checks=" + checks + " slowestTimeoutMs=" + terminated);
        }
        finally {
            for (JsRuntime runtime : open) {
                runtime.close();
            }
            factories.forEach(UnpooledJsRuntimeFactory::close);
        }
        System.out.println("ALIVE");
        System.exit(0);
    }

}
