package dev.jsrun.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import dev.jsrun.JsRuntime;
import dev.jsrun.JsRuntimeFactory;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;
import dev.jsrun.snapshot.SnapshotBuilder;

/**
 * One {@code eval} of the code a subclass chooses for its parameters, on one runtime
 * restored from a snapshot of the subclass's setup script. Uses only the public API, so
 * the same class measures a build without jsrun's guards.
 */
@State(Scope.Benchmark)
public abstract class SnapshotEvalBenchmark {

    private JsRuntimeFactory factory;

    private JsRuntime js;

    private String code;

    /** The script the snapshot runs once. */
    protected abstract String setupScript();

    /** The code each measured {@code eval} runs. */
    protected abstract String code();

    @Setup
    public void setUp() {
        this.factory = new UnpooledJsRuntimeFactory(RuntimeConfig.builder()
            .snapshot(new SnapshotBuilder().executeScript("setup.js", setupScript()).build())
            .build());
        this.js = this.factory.create();
        this.code = code();
    }

    @TearDown
    public void tearDown() {
        this.js.close();
        this.factory.close();
    }

    @Benchmark
    public Object eval() {
        return this.js.eval(this.code);
    }

}
