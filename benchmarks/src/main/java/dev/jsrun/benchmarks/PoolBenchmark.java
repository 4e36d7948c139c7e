package dev.jsrun.benchmarks;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.interop.engine.IJavetEngine;
import com.caoccao.javet.interop.engine.JavetEngineConfig;
import com.caoccao.javet.interop.engine.JavetEnginePool;
import com.caoccao.javet.interop.options.V8RuntimeOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import dev.jsrun.JsRuntime;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.Snapshot;
import dev.jsrun.pool.JsRuntimePool;

/**
 * A clean-state round trip (borrow a runtime in the snapshot's state, one small call,
 * give it back) with lodash + moment + handlebars in the snapshot: jsrun's pool against
 * Javet's {@code JavetEnginePool} with {@code resetContext()} on the borrower's path, the
 * cheapest way to get a clean runtime from it.
 * <p>
 * The {@code *Latency} benchmarks measure what a request thread pays when the pool has a
 * clean runtime ready (the usual case below the pool's cleaning capacity): before each
 * call, outside the measurement, they wait until one is idle. The {@code *Sustained}
 * benchmarks borrow back to back, so jsrun is bounded by how fast its cleaner resets
 * runtimes.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class PoolBenchmark {

    private static final String CALL = "_.add(1, 2)";

    private JsRuntimePool pool;

    private JavetEnginePool<V8Runtime> javetPool;

    private JavetEnginePool<V8Runtime> javetPoolWithoutGc;

    private JsRuntime dedicated;

    private V8Runtime bare;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Map<String, String> libraries = Libraries.light();
        Snapshot snapshot = Libraries.snapshotOf(libraries).build();
        this.pool = new JsRuntimePool(RuntimeConfig.builder().snapshot(snapshot).build(), Engines.poolOf(8).build());
        JavetEngineConfig config = new JavetEngineConfig();
        // the V8 build jsrun loads, with ICU where jsrun has it: one process loads one
        config.setJSRuntimeType(Engines.javetRuntimeType());
        config.setSnapshotBlob(javetSnapshot(libraries));
        config.setPoolMinSize(8);
        config.setPoolMaxSize(8);
        this.javetPool = new JavetEnginePool<>(config);
        JavetEngineConfig withoutGc = new JavetEngineConfig();
        withoutGc.setJSRuntimeType(config.getJSRuntimeType());
        withoutGc.setSnapshotBlob(config.getSnapshotBlob());
        withoutGc.setPoolMinSize(8);
        withoutGc.setPoolMaxSize(8);
        withoutGc.setAutoSendGCNotification(false);
        this.javetPoolWithoutGc = new JavetEnginePool<>(withoutGc);
        this.dedicated = this.pool.create();
        V8RuntimeOptions options = new V8RuntimeOptions();
        options.setSnapshotBlob(config.getSnapshotBlob());
        this.bare = Engines.javetHost().createV8Runtime(options);
    }

    /**
     * Javet's own snapshot of the same scripts, so both pools start from the same heap.
     */
    private static byte[] javetSnapshot(Map<String, String> libraries) throws Exception {
        V8RuntimeOptions options = new V8RuntimeOptions();
        options.setCreateSnapshotEnabled(true);
        try (V8Runtime runtime = Engines.javetHost().createV8Runtime(options)) {
            for (Map.Entry<String, String> script : libraries.entrySet()) {
                runtime.getExecutor(script.getValue()).setResourceName(script.getKey()).executeVoid();
            }
            return runtime.createSnapshot();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        this.dedicated.close();
        this.bare.close();
        this.pool.close();
        this.javetPool.close();
        this.javetPoolWithoutGc.close();
    }

    /**
     * Waits, outside the measurement, until the pool has a clean runtime ready for each
     * benchmark thread, so that two threads never race for the last idle one.
     */
    @State(Scope.Thread)
    public static class ReadyRuntime {

        @Setup(Level.Invocation)
        public void awaitIdle(PoolBenchmark benchmark, BenchmarkParams params) {
            while (benchmark.pool.stats().idle() < params.getThreads()) {
                LockSupport.parkNanos(20_000);
            }
        }

    }

    /**
     * Waits, outside the measurement, until the pool is idle: every runtime clean and no
     * reset running, the state of a pool below its cleaning capacity.
     */
    @State(Scope.Thread)
    public static class QuietPool {

        @Setup(Level.Invocation)
        public void awaitQuiet(PoolBenchmark benchmark) {
            while (!Engines.allIdle(benchmark.pool)) {
                Thread.onSpinWait();
            }
        }

    }

    private Object jsrunRoundTrip() {
        try (JsRuntime js = this.pool.acquire()) {
            return js.eval(CALL);
        }
    }

    private Object javetRoundTrip() throws Exception {
        return javetRoundTrip(this.javetPool);
    }

    private static Object javetRoundTrip(JavetEnginePool<V8Runtime> pool) throws Exception {
        try (IJavetEngine<V8Runtime> engine = pool.getEngine()) {
            V8Runtime runtime = engine.getV8Runtime();
            Object result = runtime.getExecutor(CALL).executeInteger();
            runtime.resetContext();
            return result;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @Threads(1)
    public Object jsrunLatency1Thread(ReadyRuntime ready) {
        return jsrunRoundTrip();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @Threads(2)
    public Object jsrunLatency2Threads(ReadyRuntime ready) {
        return jsrunRoundTrip();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @Threads(1)
    public Object jsrunQuietLatency1Thread(QuietPool quiet) {
        return jsrunRoundTrip();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @Threads(1)
    public Object javetEnginePoolLatency1Thread() throws Exception {
        return javetRoundTrip();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @Threads(2)
    public Object javetEnginePoolLatency2Threads() throws Exception {
        return javetRoundTrip();
    }

    /**
     * The same call on one runtime kept open: what the call itself costs through jsrun.
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @Threads(1)
    public Object jsrunEvalOnly() {
        return this.dedicated.eval(CALL);
    }

    /** The same call on a bare Javet runtime kept open: the floor. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @Threads(1)
    public Object javetEvalOnly() throws Exception {
        return this.bare.getExecutor(CALL).executeInteger();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(1)
    public Object jsrunSustained1Thread() {
        return jsrunRoundTrip();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(1)
    public Object javetEnginePoolSustained1Thread() throws Exception {
        return javetRoundTrip();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public Object jsrunSustained2Threads() {
        return jsrunRoundTrip();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public Object javetEnginePoolSustained2Threads() throws Exception {
        return javetRoundTrip();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(1)
    public Object javetEnginePoolWithoutGcSustained1Thread() throws Exception {
        return javetRoundTrip(this.javetPoolWithoutGc);
    }

}
