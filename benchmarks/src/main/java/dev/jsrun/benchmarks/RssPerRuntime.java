package dev.jsrun.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.caoccao.javet.interop.V8Runtime;

import dev.jsrun.JsRuntime;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.Snapshot;
import dev.jsrun.pool.JsRuntimePool;
import dev.jsrun.pool.PoolSettings;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/**
 * Resident memory per live runtime, for the light (lodash + handlebars + marked) and the
 * heavy (TypeScript compiler) snapshot: acquires N runtimes from a pool and holds them,
 * then makes the first call in each, and reads VmRSS from /proc/self/status before and
 * after (each after a System.gc()); then borrows every runtime B more times (a call and a
 * reset each) and reads it again: the memory of a pool that has been busy for a while.
 * For comparison, the same with N plain Javet runtimes that evaluate the libraries
 * themselves. Then one runtime borrowed 10,000 times by one scope
 * ({@code acquire(scope)}, unreset between borrows, reset every 1,000 by
 * {@code scope-max-uses}), its RSS read every 1,000 borrows. Also prints the snapshot
 * sizes. Each measurement runs in a JVM of its own. Linux only.
 * <p>
 * Run:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.jsrun.benchmarks.RssPerRuntime [N [B]]}
 * (N defaults to 20, B to 100).
 */
public final class RssPerRuntime {

    private static final double MIB = 1024 * 1024;

    private static final String MEASURE = "--measure";

    private RssPerRuntime() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(MEASURE)) {
            if (args[2].equals("scoped")) {
                Engines.initV8();
                scoped(Scenario.valueOf(args[1]).snapshot(true), Scenario.valueOf(args[1]));
                return;
            }
            measure(Scenario.valueOf(args[1]), args[2].equals("jsrun"), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]));
            return;
        }
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int borrows = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        System.out.printf("%d runtimes per measurement; MiB per runtime = (VmRSS after - VmRSS before) / %d%n%n", count,
                count);
        for (Scenario scenario : Scenario.values()) {
            for (String engine : List.of("jsrun", "javet", "scoped")) {
                // A JVM per measurement: memory another measurement freed but the
                // allocator kept would skew it.
                fork(scenario, engine, count, borrows);
            }
            System.out.println();
        }
    }

    private static void fork(Scenario scenario, String engine, int count, int borrows) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String flags = System.getProperty(Engines.EXTRA_FLAGS_PROPERTY);
        if (flags != null) {
            command.add("-D" + Engines.EXTRA_FLAGS_PROPERTY + "=" + flags);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), RssPerRuntime.class.getName(), MEASURE,
                scenario.name(), engine, Integer.toString(count), Integer.toString(borrows)));
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("the " + engine + " measurement of " + scenario + " exited with " + exit);
        }
    }

    private static void measure(Scenario scenario, boolean jsrun, int count, int borrows) throws Exception {
        Engines.initV8();
        // The V8 platform, Javet's native library and the first runtime are paid once per
        // process.
        try (JsRuntime runtime = new UnpooledJsRuntimeFactory(RuntimeConfig.defaults()).create()) {
            runtime.eval("1");
        }
        if (jsrun) {
            Snapshot snapshot = scenario.snapshot(true);
            System.out.printf("%s: snapshot %.2f MiB (V8 blob), scripts %.2f MiB of source%n",
                    scenario.name().toLowerCase(), snapshot.size() / MIB,
                    scenario.sources().values().stream().mapToLong(String::length).sum() / MIB);
            pooled(scenario, snapshot, count, borrows);
        }
        else {
            javetCold(scenario, count);
        }
    }

    private static void pooled(Scenario scenario, Snapshot snapshot, int count, int borrows) throws Exception {
        try (JsRuntimePool pool = new JsRuntimePool(RuntimeConfig.builder().snapshot(snapshot).build(),
                PoolSettings.builder().maxSize(count).minIdle(0).build())) {
            List<JsRuntime> held = new ArrayList<>();
            long before = rss();
            for (int i = 0; i < count; i++) {
                held.add(pool.acquire());
            }
            long acquired = rss();
            for (JsRuntime runtime : held) {
                scenario.check(runtime.eval(scenario.firstCall()));
            }
            long called = rss();
            System.out.printf(
                    "  jsrun pooled      : %6.2f MiB/runtime acquired, %6.2f MiB/runtime after the first call"
                            + " (V8 heap used %.2f MiB/runtime)%n",
                    perRuntime(acquired - before, count), perRuntime(called - before, count),
                    pool.stats().heapUsed() / MIB / count);
            held.forEach(JsRuntime::close);
            awaitAllIdle(pool);
            // Every borrow ends in a reset: a context per borrow is what a busy pool
            // allocates and V8 collects.
            // Each round holds all runtimes at once, so that every one of them is
            // borrowed B times.
            for (int round = 0; round < borrows; round++) {
                held.clear();
                for (int i = 0; i < count; i++) {
                    held.add(pool.acquire());
                }
                for (JsRuntime runtime : held) {
                    scenario.check(runtime.eval(scenario.firstCall()));
                    runtime.close();
                }
                awaitAllIdle(pool);
            }
            long churned = rss();
            System.out.printf(
                    "  jsrun pooled      : %6.2f MiB/runtime after %d borrows of each runtime (V8 heap used"
                            + " %.2f MiB/runtime)%n",
                    perRuntime(churned - before, count), borrows, pool.stats().heapUsed() / MIB / count);
        }
    }

    /**
     * One runtime borrowed 10,000 times by one scope, each borrow a call that also keeps
     * a little state.
     */
    private static void scoped(Snapshot snapshot, Scenario scenario) throws Exception {
        try (JsRuntimePool pool = new JsRuntimePool(RuntimeConfig.builder().snapshot(snapshot).build(),
                PoolSettings.builder().maxSize(1).minIdle(1).scopeMaxUses(1000).build())) {
            long before = rss();
            StringBuilder samples = new StringBuilder();
            for (int i = 1; i <= 10_000; i++) {
                try (JsRuntime runtime = pool.acquire("bench")) {
                    scenario.check(runtime.eval(scenario.firstCall()));
                    runtime.eval("(globalThis.kept = globalThis.kept || []).push({ at: Date.now() }); 0");
                }
                if (i % 1000 == 0) {
                    samples.append(String.format(" %.2f", (rss() - before) / MIB));
                }
            }
            System.out.printf(
                    "  jsrun scoped      : one runtime borrowed 10,000 times by one scope, MiB more than before"
                            + " every 1,000 borrows:%s (V8 heap used %.2f MiB)%n",
                    samples, pool.stats().heapUsed() / MIB);
        }
    }

    private static void awaitAllIdle(JsRuntimePool pool) throws InterruptedException {
        while (!Engines.allIdle(pool)) {
            Thread.sleep(10);
        }
    }

    private static void javetCold(Scenario scenario, int count) throws Exception {
        List<V8Runtime> held = new ArrayList<>();
        try {
            long before = rss();
            for (int i = 0; i < count; i++) {
                V8Runtime runtime = Engines.javetWith(scenario.sources());
                held.add(runtime);
                scenario.check(runtime.getExecutor(scenario.firstCall()).executeString());
            }
            long called = rss();
            System.out.printf(
                    "  Javet, no snapshot: %6.2f MiB/runtime with the libraries evaluated and the first call%n",
                    perRuntime(called - before, count));
        }
        finally {
            for (V8Runtime runtime : held) {
                runtime.close();
            }
        }
    }

    private static double perRuntime(long bytes, int count) {
        return bytes / MIB / count;
    }

    /**
     * VmRSS in bytes, after a Java GC so that garbage on the Java heap does not count.
     */
    private static long rss() throws IOException, InterruptedException {
        System.gc();
        Thread.sleep(200);
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status: this needs Linux");
    }

}
