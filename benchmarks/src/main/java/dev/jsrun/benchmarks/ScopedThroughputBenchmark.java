package dev.jsrun.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import dev.jsrun.JsRuntime;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.Snapshot;
import dev.jsrun.pool.JsRuntimePool;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/**
 * Steady throughput of {@code ts.transpileModule} of a ~4 KB TypeScript module (see
 * {@link Workload}), with 1 and 2 caller threads and the TypeScript compiler loaded, the
 * call a build or dev server makes per file: borrowing in a scope against a kept runtime,
 * a plain pool and GraalJS. Any other {@link Workload} runs with {@code -p workload=...}.
 * <ul>
 * <li>{@code jsrunScoped}: {@code acquire("bench")}, call, close on a
 * {@link JsRuntimePool} of 8 from a snapshot whose scripts ended with one such call.
 * Every borrower is in the one scope, so it gets back the runtime the scope left, with
 * the compiler's type feedback and optimized code; the cleaner resets one only every
 * {@code scopeMaxUses} borrows (10,000 unless {@code jsrun.bench.scope-max-uses} says
 * otherwise).</li>
 * <li>{@code jsrunDedicated}: one runtime per caller thread from the same snapshot, kept
 * open: the call without the pool.</li>
 * <li>{@code jsrunPool}: plain {@code acquire()}, call, close on a pool of 8 from the
 * same snapshot: every borrower gets a runtime in the snapshot's state, so each close
 * costs a reset on a cleaner thread and each call starts without the type feedback the
 * previous one gathered.</li>
 * <li>{@code graalJs}: one {@code Context} per caller thread on a shared {@code Engine},
 * with the compiler loaded; interpreter only on a stock JDK (no JIT for guest code).</li>
 * </ul>
 * GraalJS gets 24 s of warm-up instead of 3 s: its throughput keeps rising that long
 * while HotSpot compiles the Truffle interpreter.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xmx2g", "-Dpolyglot.engine.WarnInterpreterOnly=false" })
public class ScopedThroughputBenchmark {

    private static final String SCOPE = "bench";

    @Param({ "typescript" })
    public String workload;

    Workload work;

    /** The libraries and then the workload's setup, as every engine runs them. */
    Map<String, String> scripts;

    String call;

    @Setup(Level.Trial)
    public void setUp() {
        Engines.initV8();
        this.work = Workload.of(this.workload);
        this.scripts = new LinkedHashMap<>(this.work.libraries().sources());
        this.scripts.put("setup.js", this.work.setup());
        this.call = this.work.call();
    }

    @State(Scope.Benchmark)
    public static class JsrunSnapshot {

        RuntimeConfig config;

        @Setup(Level.Trial)
        public void setUp(ScopedThroughputBenchmark benchmark) {
            Snapshot snapshot = Libraries.snapshotOf(benchmark.scripts)
                .executeScript("warm-up.js", benchmark.work.warmUp())
                .build();
            this.config = RuntimeConfig.builder().snapshot(snapshot).build();
        }

    }

    /** A pool of 8; the scoped and the plain rows each get their own in their fork. */
    @State(Scope.Benchmark)
    public static class JsrunPool {

        JsRuntimePool pool;

        @Setup(Level.Trial)
        public void setUp(ScopedThroughputBenchmark benchmark, JsrunSnapshot snapshot) {
            this.pool = new JsRuntimePool(snapshot.config, Engines.poolOf(8).build());
            try (JsRuntime js = this.pool.acquire()) {
                benchmark.work.check(js.eval(benchmark.call));
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            // for the scoped rows: hits on about every borrow and no switches, or the row
            // measured something else
            System.out.printf("%n%s%n", this.pool.scopeStats());
            this.pool.close();
        }

    }

    @State(Scope.Thread)
    public static class JsrunDedicated {

        JsRuntime runtime;

        @Setup(Level.Trial)
        public void setUp(ScopedThroughputBenchmark benchmark, JsrunSnapshot snapshot) {
            this.runtime = new UnpooledJsRuntimeFactory(snapshot.config).create();
            benchmark.work.check(this.runtime.eval(benchmark.call));
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            this.runtime.close();
        }

    }

    @State(Scope.Benchmark)
    public static class GraalEngine {

        Engine engine;

        List<Source> scripts;

        @Setup(Level.Trial)
        public void setUp(ScopedThroughputBenchmark benchmark) {
            this.engine = Engines.graalEngine();
            this.scripts = Engines.graalSources(benchmark.scripts);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            this.engine.close();
        }

    }

    @State(Scope.Thread)
    public static class GraalContext {

        Context context;

        Source call;

        @Setup(Level.Trial)
        public void setUp(ScopedThroughputBenchmark benchmark, GraalEngine engine) {
            this.context = Engines.graalContext(engine.engine, engine.scripts);
            this.call = Source.create("js", benchmark.call);
            benchmark.work.check(this.context.eval(this.call).asString());
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            this.context.close();
        }

    }

    private Object jsrunScoped(JsrunPool pool) {
        try (JsRuntime js = pool.pool.acquire(SCOPE)) {
            return js.eval(this.call);
        }
    }

    private Object jsrunPool(JsrunPool pool) {
        try (JsRuntime js = pool.pool.acquire()) {
            return js.eval(this.call);
        }
    }

    @Benchmark
    @Threads(1)
    public Object jsrunScoped1Thread(JsrunPool pool) {
        return jsrunScoped(pool);
    }

    @Benchmark
    @Threads(2)
    public Object jsrunScoped2Threads(JsrunPool pool) {
        return jsrunScoped(pool);
    }

    @Benchmark
    @Threads(1)
    public Object jsrunDedicated1Thread(JsrunDedicated runtime) {
        return runtime.runtime.eval(this.call);
    }

    @Benchmark
    @Threads(2)
    public Object jsrunDedicated2Threads(JsrunDedicated runtime) {
        return runtime.runtime.eval(this.call);
    }

    @Benchmark
    @Threads(1)
    public Object jsrunPool1Thread(JsrunPool pool) {
        return jsrunPool(pool);
    }

    @Benchmark
    @Threads(2)
    public Object jsrunPool2Threads(JsrunPool pool) {
        return jsrunPool(pool);
    }

    @Benchmark
    @Warmup(iterations = 12, time = 2)
    @Threads(1)
    public Object graalJs1Thread(GraalContext graal) {
        return graal.context.eval(graal.call).asString();
    }

    @Benchmark
    @Warmup(iterations = 12, time = 2)
    @Threads(2)
    public Object graalJs2Threads(GraalContext graal) {
        return graal.context.eval(graal.call).asString();
    }

}
