package dev.jsrun.benchmarks;

import java.util.concurrent.TimeUnit;

import com.caoccao.javet.interop.V8Runtime;
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

import dev.jsrun.Snapshot;
import dev.jsrun.internal.snapshot.V8Runtimes;

/**
 * What the first call into a fresh context costs, and why: the call {@link PoolBenchmark}
 * makes ({@code _.add(1, 2)}, lodash + moment + handlebars snapshot) on a bare runtime
 * restored from the snapshot, measured right after {@code resetContext()} and a
 * {@code void 0}, the state a pool's cleaner leaves.
 * <ul>
 * <li>{@code resetOn=none}: no reset, the call on a context that made it many times; the
 * floor.</li>
 * <li>{@code resetOn=caller}: the measuring thread reset the context itself.</li>
 * <li>{@code resetOn=other-core}: a second thread reset it, on the other core (both
 * threads spin while the other works, so they cannot share one), as a pool's cleaner
 * does.</li>
 * </ul>
 * With {@code warmUp=true} the thread that reset the context also made the same call
 * once, as the pool's {@code warm-up} setting does. The second thread spins in every
 * mode, so the machine is equally busy in all.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Threads(1)
public class FirstCallBenchmark {

    private static final String CALL = "_.add(1, 2)";

    @Param({ "none", "caller", "other-core" })
    public String resetOn;

    @Param({ "false", "true" })
    public boolean warmUp;

    private Snapshot snapshot;

    private V8Runtime runtime;

    private Thread other;

    /**
     * Set by the measuring thread to ask for a reset, cleared by the other thread once it
     * is done.
     */
    private volatile boolean resetWanted;

    private volatile boolean stopped;

    private volatile Exception failure;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Engines.initV8();
        this.snapshot = Libraries.snapshotOf(Libraries.light()).build();
        this.runtime = V8Runtimes.restore(this.snapshot);
        this.other = new Thread(this::serveResets, "first-call-reset");
        this.other.setDaemon(true);
        this.other.start();
    }

    private void serveResets() {
        while (!this.stopped) {
            if (this.resetWanted) {
                try {
                    reset();
                }
                catch (Exception ex) {
                    this.failure = ex;
                }
                this.resetWanted = false;
            }
            Thread.onSpinWait();
        }
    }

    private void reset() throws Exception {
        this.runtime.resetContext();
        this.runtime.getExecutor("void 0").executeVoid();
        if (this.warmUp) {
            this.runtime.getExecutor(CALL).executeVoid();
        }
    }

    @Setup(Level.Invocation)
    public void prepare() throws Exception {
        switch (this.resetOn) {
            case "none" -> {
            }
            case "caller" -> reset();
            case "other-core" -> {
                this.resetWanted = true;
                while (this.resetWanted) {
                    Thread.onSpinWait();
                }
                if (this.failure != null) {
                    throw this.failure;
                }
            }
            default -> throw new IllegalArgumentException("resetOn: none, caller or other-core, not " + this.resetOn);
        }
    }

    @Benchmark
    public int firstCall() throws Exception {
        return this.runtime.getExecutor(CALL).executeInteger();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        this.stopped = true;
        this.other.join();
        this.runtime.close();
    }

}
