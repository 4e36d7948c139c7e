package dev.jsrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.jsrun.engine.V8Process;
import dev.jsrun.pool.JsRuntimePool;
import dev.jsrun.pool.PoolSettings;
import dev.jsrun.snapshot.SnapshotBuilder;

/**
 * Sets off heap bombs through a pool, in a JVM of its own: should the protection regress,
 * V8 aborts this process, not the test run. Prints one summary line and exits 0 when
 * every bomb became a JsHeapLimitException and the pool kept serving correct results.
 */
public final class HeapBombs {

    public static final String[] BOMBS = { "const a = []; while (true) a.push({ x: [1, 2, 3] });",
            "const parts = []; for (;;) parts.push('x'.repeat(1 << 16) + parts.length);",
            "const a = []; while (true) a.push(JSON.parse(JSON.stringify({ a: new Array(1000).fill('abc') })));",
            "let x = {}; for (let i = 0; ; i++) x = { next: x, pad: 'p' + i };",
            "const m = new Map(); for (let i = 0; ; i++) m.set(i, 'v' + i);",
            "const a = []; while (true) a.push(new Array(1000).fill('abc').map(s => s + 1));",
            "(async () => { const a = []; for (;;) { a.push(new Array(1000).fill(1)); await null; } })()", };

    private HeapBombs() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        V8Process.configure(V8Setup.builder().maxHeapSize(Long.parseLong(args[1]) << 20).build());
        RuntimeConfig config = RuntimeConfig.builder()
            .snapshot(new SnapshotBuilder().executeScript("setup.js", "globalThis.add = (a, b) => a + b;").build())
            .timeout(java.time.Duration.ofSeconds(30))
            .build();
        int limited = 0;
        int other = 0;
        int correct = 0;
        long rssWarm = 0;
        try (JsRuntimePool pool = new JsRuntimePool(config, PoolSettings.builder().maxSize(2).minIdle(1).build())) {
            for (int i = 0; i < count; i++) {
                try (JsRuntime js = pool.acquire()) {
                    String bomb = BOMBS[i % BOMBS.length];
                    if (bomb.startsWith("(async")) {
                        js.evalAsync(bomb).get();
                    }
                    else {
                        js.eval(bomb);
                    }
                    other++;
                }
                catch (JsHeapLimitException ex) {
                    limited++;
                }
                catch (java.util.concurrent.ExecutionException ex) {
                    if (ex.getCause() instanceof JsHeapLimitException) {
                        limited++;
                    }
                    else {
                        other++;
                        System.out.println("unexpected: " + ex.getCause());
                    }
                }
                catch (RuntimeException ex) {
                    other++;
                    System.out.println("unexpected: " + ex);
                }
                try (JsRuntime js = pool.acquire()) {
                    if (Integer.valueOf(i + 1).equals(js.eval("add(" + i + ", 1)"))) {
                        correct++;
                    }
                }
                if (i == BOMBS.length * 2 - 1) {
                    rssWarm = rssMegabytes();
                }
            }
        }
        long rssEnd = rssMegabytes();
        System.out.println("bombs=" + count + " heapLimit=" + limited + " other=" + other + " correct=" + correct
                + " rssWarmMb=" + rssWarm + " rssEndMb=" + rssEnd);
        System.exit(limited == count && correct == count ? 0 : 1);
    }

    static long rssMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

}
