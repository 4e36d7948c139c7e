package dev.jsrun.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.caoccao.javet.interop.V8Runtime;
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
import org.openjdk.jmh.annotations.Warmup;

import dev.jsrun.JsRuntime;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.pool.JsRuntimePool;
import dev.jsrun.pool.PoolSettings;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/**
 * Time to a ready runtime with the libraries loaded, including the first real call and
 * closing the runtime: a handlebars compile and render with lodash + handlebars + marked
 * loaded ({@code light}), or one {@code ts.transpileModule} with the TypeScript compiler
 * loaded ({@code heavy}).
 * <ul>
 * <li>{@code jsrunUnpooled}: a dedicated runtime restored from a snapshot whose scripts
 * ended with a warm-up call (see {@link Scenario#warmUp()});
 * {@code jsrunUnpooledNoWarmUp} is the same without the warm-up.</li>
 * <li>{@code jsrunPool}: {@code pool.acquire()} when a clean runtime is idle and no reset
 * is running (the wait for that is outside the measurement): what a request pays below
 * the pool's cleaning capacity.</li>
 * <li>{@code jsrunPoolWarmedUp}: the same with {@code jsrun.pool.warm-up} set to the
 * scenario's warm-up call (like the first call, other inputs), which the cleaner runs on
 * each reset runtime ({@code warmUpRounds} times in a loop), so the borrower's call finds
 * its code warm.</li>
 * <li>{@code jsrunPoolBackToBack}: acquire right after the previous close, so each borrow
 * may wait for the cleaner thread's {@code resetContext()} of a returned runtime: bounded
 * by reset throughput.</li>
 * <li>{@code javetCold}: a new plain Javet runtime that evaluates the libraries.</li>
 * <li>{@code graalJs}: a new {@code Context} on one shared {@code Engine}, which reuses
 * the code it parsed for earlier contexts; interpreter only on a stock JDK. It gets 30 s
 * of warm-up instead of 3 s: the first context in a fresh JVM takes seconds, and later
 * ones get faster for about 25 s.</li>
 * </ul>
 * Nashorn is in {@link NashornReadyRuntimeBenchmark}: it cannot load the TypeScript
 * compiler.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xmx2g", "-Dpolyglot.engine.WarnInterpreterOnly=false" })
public class ReadyRuntimeBenchmark {

    @Param({ "light", "heavy" })
    public String scenario;

    Scenario js;

    @Setup(Level.Trial)
    public void setUp() {
        Engines.initV8();
        this.js = Scenario.of(this.scenario);
    }

    @State(Scope.Benchmark)
    public static class Unpooled {

        UnpooledJsRuntimeFactory warm;

        UnpooledJsRuntimeFactory cold;

        @Setup(Level.Trial)
        public void setUp(ReadyRuntimeBenchmark benchmark) {
            this.warm = new UnpooledJsRuntimeFactory(
                    RuntimeConfig.builder().snapshot(benchmark.js.snapshot(true)).build());
            this.cold = new UnpooledJsRuntimeFactory(
                    RuntimeConfig.builder().snapshot(benchmark.js.snapshot(false)).build());
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            this.warm.close();
            this.cold.close();
        }

    }

    @State(Scope.Benchmark)
    public static class Pool {

        JsRuntimePool pool;

        @Setup(Level.Trial)
        public void setUp(ReadyRuntimeBenchmark benchmark) {
            this.pool = new JsRuntimePool(RuntimeConfig.builder().snapshot(benchmark.js.snapshot(true)).build(),
                    settings(benchmark).build());
        }

        PoolSettings.Builder settings(ReadyRuntimeBenchmark benchmark) {
            return Engines.poolOf(4);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            this.pool.close();
        }

    }

    /**
     * The same pool with {@code jsrun.pool.warm-up} set to the scenario's warm-up call,
     * run {@link #warmUpRounds} times in a loop: more rounds give V8 more type feedback
     * before the borrower's call, for more cleaner time.
     */
    @State(Scope.Benchmark)
    public static class WarmedPool extends Pool {

        @Param({ "1", "3" })
        public int warmUpRounds;

        @Override
        PoolSettings.Builder settings(ReadyRuntimeBenchmark benchmark) {
            String call = benchmark.js.warmUp();
            return super.settings(benchmark).warmUp((this.warmUpRounds == 1) ? call
                    : "for (let round = 0; round < " + this.warmUpRounds + "; round++) { " + call + " }");
        }

    }

    /**
     * Waits, outside the measurement, until a clean runtime is idle and the cleaner is
     * not running.
     */
    @State(Scope.Thread)
    public static class Settled {

        @Setup(Level.Invocation)
        public void await(Pool pool) {
            settle(pool.pool);
        }

    }

    @State(Scope.Thread)
    public static class SettledWarm {

        @Setup(Level.Invocation)
        public void await(WarmedPool pool) {
            settle(pool.pool);
        }

    }

    static void settle(JsRuntimePool pool) {
        while (pool.stats().idle() == 0 || pool.stats().cleaning() > 0) {
            LockSupport.parkNanos(50_000);
        }
    }

    @State(Scope.Benchmark)
    public static class Graal {

        Engine engine;

        List<Source> libraries;

        Source firstCall;

        @Setup(Level.Trial)
        public void setUp(ReadyRuntimeBenchmark benchmark) {
            this.engine = Engines.graalEngine();
            this.libraries = Engines.graalSources(benchmark.js.sources());
            this.firstCall = Source.create("js", benchmark.js.firstCall());
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            this.engine.close();
        }

    }

    private String firstCall(JsRuntime runtime) {
        try (runtime) {
            return this.js.check(runtime.eval(this.js.firstCall()));
        }
    }

    @Benchmark
    public String jsrunUnpooled(Unpooled factories) {
        return firstCall(factories.warm.create());
    }

    @Benchmark
    public String jsrunUnpooledNoWarmUp(Unpooled factories) {
        return firstCall(factories.cold.create());
    }

    @Benchmark
    public String jsrunPool(Pool pool, Settled settled) {
        return firstCall(pool.pool.acquire());
    }

    @Benchmark
    public String jsrunPoolWarmedUp(WarmedPool pool, SettledWarm settled) {
        return firstCall(pool.pool.acquire());
    }

    @Benchmark
    public String jsrunPoolBackToBack(Pool pool) {
        return firstCall(pool.pool.acquire());
    }

    @Benchmark
    public String javetCold() throws Exception {
        try (V8Runtime runtime = Engines.javetWith(this.js.sources())) {
            return this.js.check(runtime.getExecutor(this.js.firstCall()).executeString());
        }
    }

    /**
     * Its cost per context keeps falling for ~25 s while HotSpot compiles the Truffle
     * interpreter.
     */
    @Benchmark
    @Warmup(iterations = 15, time = 2)
    public String graalJs(Graal graal) {
        try (Context context = Engines.graalContext(graal.engine, graal.libraries)) {
            return this.js.check(context.eval(graal.firstCall).asString());
        }
    }

}
