package dev.jsrun.benchmarks;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;

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
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link ReadyRuntimeBenchmark}'s light scenario on standalone Nashorn: a fresh global in
 * one shared engine (which reuses the classes it compiled for earlier globals) loads
 * lodash + handlebars + marked and makes the first handlebars compile and render. Light
 * only: Nashorn cannot parse the TypeScript compiler, which uses ES2020 syntax such as
 * {@code ??} (see {@link NashornCompatibility}). 30 s of warm-up: Nashorn's cost per
 * global keeps falling while HotSpot compiles the bytecode Nashorn generated.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class NashornReadyRuntimeBenchmark {

    private ScriptEngine engine;

    private Map<String, String> libraries;

    @Setup(Level.Trial)
    public void setUp() {
        this.engine = Engines.nashorn();
        this.libraries = Scenario.LIGHT.sources();
    }

    @Benchmark
    public String nashornLight() throws Exception {
        ScriptContext context = Engines.nashornContext(this.engine, this.libraries);
        return Scenario.LIGHT.check(this.engine.eval(Scenario.LIGHT.firstCall(), context));
    }

}
