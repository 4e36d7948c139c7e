package dev.jsrun.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

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

import dev.jsrun.Snapshot;
import dev.jsrun.snapshot.Snapshots;

/**
 * What an application pays at start-up to have its snapshot: building it from the scripts
 * (run the libraries and the warm-up in a fresh V8, capture the heap) against
 * {@code Snapshots.read(path)} of a file written once (read, verify header and checksum),
 * for the light (lodash + handlebars + marked) and the heavy (TypeScript compiler)
 * scenario. Each measurement is one single shot.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class StartupBenchmark {

    @Param({ "light", "heavy" })
    public String scenario;

    private Scenario js;

    private Path file;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Engines.initV8();
        this.js = Scenario.of(this.scenario);
        this.file = Files.createTempFile("jsrun-" + this.scenario, ".snapshot");
        this.js.snapshot(true).writeTo(this.file);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(this.file);
    }

    @Benchmark
    public Snapshot build() {
        return this.js.snapshot(true);
    }

    @Benchmark
    public Snapshot read() throws IOException {
        return Snapshots.read(this.file);
    }

}
