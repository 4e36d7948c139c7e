package dev.jsrun.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;

import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.interop.engine.IJavetEngine;
import com.caoccao.javet.interop.engine.JavetEngineConfig;
import com.caoccao.javet.interop.engine.JavetEnginePool;
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
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.infra.ThreadParams;
import org.openjdk.jmh.runner.IterationType;

import dev.jsrun.JsRuntime;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.Snapshot;
import dev.jsrun.internal.runtime.Isolate;
import dev.jsrun.pool.JsRuntimePool;
import dev.jsrun.pool.ScopeStats;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/**
 * Steady throughput of one realistic call, with 1 and 2 caller threads, lodash +
 * handlebars + marked loaded: rendering a ~2 KB handlebars template with a model
 * ({@code handlebars}), or {@code marked.parse} of a ~10 KB markdown document
 * ({@code marked}); see {@link Workload}.
 * <ul>
 * <li>{@code jsrunPool}: acquire, call, close on a {@link JsRuntimePool} (8 runtimes, the
 * default cleaner thread per processor). Every borrower gets a runtime in the snapshot's
 * state, so each close costs a {@code resetContext()} on a cleaner thread: a closed loop
 * of borrows is bounded by how fast the cleaners reset runtimes on the cores the callers
 * leave them.</li>
 * <li>{@code jsrunDedicated}: one jsrun runtime per caller thread, kept open: the call
 * without the pool.</li>
 * <li>{@code jsrunScoped}: {@code acquire("bench")}, call, close on another pool of 8
 * from the same snapshot: every borrower is in the one scope, so it gets back a runtime
 * the scope left warm, unreset, and the cleaner only resets one every
 * {@code scopeMaxUses} borrows (10,000 unless {@code jsrun.bench.scope-max-uses} says
 * otherwise): what a kept runtime costs, through the pool.</li>
 * <li>{@code jsrunScopeSwitching}: the same pool with 100 scopes taking turns, each
 * borrow of a caller thread in another scope than its last: with 8 runtimes no scope
 * finds its own again, so every borrow has the runtime a scope gave back longest ago
 * reset for it. The trial prints the resets per second ({@code ScopeStats.switches()}) of
 * its measured iterations.</li>
 * <li>{@code jsrunResetOnly}: only what the cleaner does per borrow, a reset to the
 * snapshot's state; and {@code jsrunResetThenCall}: a reset followed by the call, both on
 * the caller's thread: the CPU time one clean-state borrow costs in all.</li>
 * <li>{@code graalJs}: one {@code Context} per caller thread on a shared {@code Engine};
 * interpreter only on a stock JDK (no JIT for guest code).</li>
 * <li>{@code javetEnginePool}: get, call, return on Javet's {@code JavetEnginePool} (8
 * engines) without a reset, its default: the next borrower gets the previous borrower's
 * globals. {@code gcOnReturn=true} is its default full GC on every return, {@code false}
 * has it switched off.</li>
 * <li>{@code nashorn}: one Nashorn engine per caller thread (Nashorn engines are not
 * thread-safe), for reference: it runs these libraries with {@code --language=es6}.</li>
 * </ul>
 * The template is compiled once per runtime or context before measuring; in jsrun, inside
 * the snapshot. GraalJS gets 24 s and Nashorn 60 s of warm-up instead of 3 s: their
 * throughput keeps rising that long while HotSpot compiles the Truffle interpreter
 * (GraalJS) or the bytecode Nashorn generated.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xmx2g", "-Dpolyglot.engine.WarnInterpreterOnly=false" })
public class ThroughputBenchmark {

    @Param({ "handlebars", "marked" })
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
        public void setUp(ThroughputBenchmark benchmark) {
            Snapshot snapshot = Libraries.snapshotOf(benchmark.scripts)
                .executeScript("warm-up.js", benchmark.work.warmUp())
                .build();
            this.config = RuntimeConfig.builder().snapshot(snapshot).build();
        }

    }

    @State(Scope.Benchmark)
    public static class JsrunPool {

        /**
         * With {@code true} the pool runs the workload's call once on every reset runtime
         * ({@code jsrun.pool.warm-up}), on the cleaner thread, so borrowers find its code
         * warm.
         */
        @Param({ "true", "false" })
        public boolean warmUp;

        JsRuntimePool pool;

        @Setup(Level.Trial)
        public void setUp(ThroughputBenchmark benchmark, JsrunSnapshot snapshot) {
            this.pool = new JsRuntimePool(snapshot.config,
                    Engines.poolOf(8).warmUp(this.warmUp ? benchmark.work.warmUp() : null).build());
            try (JsRuntime js = this.pool.acquire()) {
                benchmark.work.check(js.eval(benchmark.call));
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            this.pool.close();
        }

    }

    /**
     * A pool of 8 from the snapshot that every row borrows from with
     * {@code acquire(scope)}. It counts the scope hits and switches of the measured
     * iterations and prints them per second at the end of the trial.
     */
    @State(Scope.Benchmark)
    public static class JsrunScopedPool {

        JsRuntimePool pool;

        private ScopeStats before;

        private long startedAt;

        private long measuredNanos;

        private long measuredHits;

        private long measuredSwitches;

        @Setup(Level.Trial)
        public void setUp(ThroughputBenchmark benchmark, JsrunSnapshot snapshot) {
            this.pool = new JsRuntimePool(snapshot.config, Engines.poolOf(8).build());
            try (JsRuntime js = this.pool.acquire(SCOPE)) {
                benchmark.work.check(js.eval(benchmark.call));
            }
        }

        @Setup(Level.Iteration)
        public void startIteration() {
            this.before = this.pool.scopeStats();
            this.startedAt = System.nanoTime();
        }

        @TearDown(Level.Iteration)
        public void endIteration(IterationParams iteration) {
            // warm-up iterations do not count, as in JMH's own score
            if (iteration.getType() == IterationType.MEASUREMENT) {
                ScopeStats after = this.pool.scopeStats();
                this.measuredNanos += System.nanoTime() - this.startedAt;
                this.measuredHits += after.hits() - this.before.hits();
                this.measuredSwitches += after.switches() - this.before.switches();
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            double seconds = this.measuredNanos / 1e9;
            System.out.printf(
                    "%nscopes, measured iterations: %.0f hits/s, %.0f resets/s by a change of scope;"
                            + " at the end %s%n",
                    this.measuredHits / seconds, this.measuredSwitches / seconds, this.pool.scopeStats());
            this.pool.close();
        }

    }

    /**
     * A caller thread's turn through {@link #SCOPES} scopes. Threads start half-way apart
     * (for 2), so that no thread borrows in a scope another thread just gave back.
     */
    @State(Scope.Thread)
    public static class ScopeTurns {

        private int next;

        @Setup(Level.Trial)
        public void setUp(ThreadParams thread) {
            this.next = thread.getThreadIndex() * SCOPES.length / thread.getThreadCount();
        }

        String nextScope() {
            String scope = SCOPES[this.next];
            this.next = (this.next + 1) % SCOPES.length;
            return scope;
        }

    }

    /**
     * One runtime per caller thread that the caller resets itself, for the cost of a
     * reset per borrow.
     */
    @State(Scope.Thread)
    public static class JsrunResetByCaller {

        Isolate isolate;

        @Setup(Level.Trial)
        public void setUp(ThroughputBenchmark benchmark, JsrunSnapshot snapshot) {
            this.isolate = Isolate.restore(snapshot.config);
            benchmark.work.check(this.isolate.eval(benchmark.call, null));
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            this.isolate.close();
        }

    }

    @State(Scope.Thread)
    public static class JsrunDedicated {

        JsRuntime runtime;

        @Setup(Level.Trial)
        public void setUp(ThroughputBenchmark benchmark, JsrunSnapshot snapshot) {
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
        public void setUp(ThroughputBenchmark benchmark) {
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
        public void setUp(ThroughputBenchmark benchmark, GraalEngine engine) {
            this.context = Engines.graalContext(engine.engine, engine.scripts);
            this.call = Source.create("js", benchmark.call);
            benchmark.work.check(this.context.eval(this.call).asString());
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            this.context.close();
        }

    }

    @State(Scope.Benchmark)
    public static class JavetPool {

        /**
         * Javet's default {@code true} makes every return run
         * {@code lowMemoryNotification()}, a full V8 GC; {@code false} is what a team
         * tuning the pool for throughput would set.
         */
        @Param({ "true", "false" })
        public boolean gcOnReturn;

        JavetEnginePool<V8Runtime> pool;

        @Setup(Level.Trial)
        public void setUp(ThroughputBenchmark benchmark) throws Exception {
            JavetEngineConfig config = new JavetEngineConfig();
            // the V8 build jsrun loads, with ICU where jsrun has it: one process loads
            // one
            config.setJSRuntimeType(Engines.javetRuntimeType());
            config.setPoolMinSize(8);
            config.setPoolMaxSize(8);
            // Its default forbids eval and new Function, which handlebars compiles
            // templates with.
            config.setAllowEval(true);
            config.setAutoSendGCNotification(this.gcOnReturn);
            this.pool = new JavetEnginePool<>(config);
            // Load the scripts into every engine once; the pool never resets them, so
            // they stay loaded.
            List<IJavetEngine<V8Runtime>> engines = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                IJavetEngine<V8Runtime> engine = this.pool.getEngine();
                engines.add(engine);
                Engines.javetEval(engine.getV8Runtime(), benchmark.scripts);
                benchmark.work.check(engine.getV8Runtime().getExecutor(benchmark.call).executeString());
            }
            for (IJavetEngine<V8Runtime> engine : engines) {
                engine.close();
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            this.pool.close();
        }

    }

    @State(Scope.Thread)
    public static class Nashorn {

        ScriptEngine engine;

        ScriptContext context;

        @Setup(Level.Trial)
        public void setUp(ThroughputBenchmark benchmark) throws Exception {
            this.engine = Engines.nashorn();
            this.context = Engines.nashornContext(this.engine, benchmark.scripts);
            benchmark.work.check(this.engine.eval(benchmark.call, this.context));
        }

    }

    /** The scope of the {@code jsrunScoped} rows. */
    static final String SCOPE = "bench";

    /**
     * The scopes of the {@code jsrunScopeSwitching} rows, named up front so the loop
     * builds no strings.
     */
    static final String[] SCOPES = new String[100];

    static {
        for (int i = 0; i < SCOPES.length; i++) {
            SCOPES[i] = "s" + i;
        }
    }

    private Object resetThenCall(JsrunResetByCaller runtime) throws Exception {
        runtime.isolate.reset();
        return runtime.isolate.eval(this.call, null);
    }

    private Object jsrunPool(JsrunPool pool) {
        try (JsRuntime js = pool.pool.acquire()) {
            return js.eval(this.call);
        }
    }

    private Object jsrunScoped(JsrunScopedPool pool, String scope) {
        try (JsRuntime js = pool.pool.acquire(scope)) {
            return js.eval(this.call);
        }
    }

    private String javetPool(JavetPool pool) throws Exception {
        try (IJavetEngine<V8Runtime> engine = pool.pool.getEngine()) {
            return engine.getV8Runtime().getExecutor(this.call).executeString();
        }
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

    /**
     * What the pool's cleaner does for each borrow, alone: bring a runtime back to the
     * snapshot's state. Its rate is what one cleaner thread on a core of its own can
     * serve.
     */
    @Benchmark
    @Threads(1)
    public Isolate jsrunResetOnly1Thread(JsrunResetByCaller runtime) throws Exception {
        runtime.isolate.reset();
        return runtime.isolate;
    }

    /**
     * A reset and then the call on the reset context, on one thread: the CPU one pooled
     * borrow costs.
     */
    @Benchmark
    @Threads(1)
    public Object jsrunResetThenCall1Thread(JsrunResetByCaller runtime) throws Exception {
        return resetThenCall(runtime);
    }

    @Benchmark
    @Threads(2)
    public Object jsrunResetThenCall2Threads(JsrunResetByCaller runtime) throws Exception {
        return resetThenCall(runtime);
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
    public Object jsrunScoped1Thread(JsrunScopedPool pool) {
        return jsrunScoped(pool, SCOPE);
    }

    @Benchmark
    @Threads(2)
    public Object jsrunScoped2Threads(JsrunScopedPool pool) {
        return jsrunScoped(pool, SCOPE);
    }

    @Benchmark
    @Threads(1)
    public Object jsrunScopeSwitching1Thread(JsrunScopedPool pool, ScopeTurns turns) {
        return jsrunScoped(pool, turns.nextScope());
    }

    @Benchmark
    @Threads(2)
    public Object jsrunScopeSwitching2Threads(JsrunScopedPool pool, ScopeTurns turns) {
        return jsrunScoped(pool, turns.nextScope());
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

    @Benchmark
    @Threads(1)
    public Object javetEnginePool1Thread(JavetPool pool) throws Exception {
        return javetPool(pool);
    }

    @Benchmark
    @Threads(2)
    public Object javetEnginePool2Threads(JavetPool pool) throws Exception {
        return javetPool(pool);
    }

    @Benchmark
    @Warmup(iterations = 20, time = 3)
    @Threads(1)
    public Object nashorn1Thread(Nashorn nashorn) throws Exception {
        return nashorn.engine.eval(this.call, nashorn.context);
    }

    @Benchmark
    @Warmup(iterations = 20, time = 3)
    @Threads(2)
    public Object nashorn2Threads(Nashorn nashorn) throws Exception {
        return nashorn.engine.eval(this.call, nashorn.context);
    }

}
