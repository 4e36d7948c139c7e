package dev.jsrun.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
import dev.jsrun.JsRuntimeFactory;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;
import dev.jsrun.snapshot.SnapshotBuilder;

/**
 * What {@code eval} costs from the call to the Java value, by the kind of result, on one
 * open runtime: the conversion of values (and errors) into Java. Uses only the public
 * API, so the same class measures any build.
 * <ul>
 * <li>{@code int}: {@code add(1, 2)}; {@code string}: a 40-character string.</li>
 * <li>{@code model}: an object of ~1 KB as JSON (12 items of four fields, nested
 * arrays).</li>
 * <li>{@code numbers}: an array of 10,000 integers; {@code records}: 1,000 objects of
 * three fields.</li>
 * <li>{@code error}: a thrown {@code TypeError} read into a {@code JsException}.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class ConversionBenchmark {

    private static final String SETUP = "globalThis.add = (a, b) => a + b;"
            + " globalThis.text = 'The quick brown fox jumps over the lazy d';"
            + " globalThis.model = { title: 'Invoice 2026-0042', paid: false, total: 1234.5, items: Array.from({ length: 12 },"
            + "  (_, i) => ({ id: i, name: 'item number ' + i, price: i * 1.25, tags: ['a', 'b'] })) };"
            + " globalThis.numbers = Array.from({ length: 10000 }, (_, i) => i);"
            + " globalThis.records = Array.from({ length: 1000 }, (_, i) => ({ id: i, name: 'n' + i, ok: i % 2 === 0 }));";

    @Param({ "int", "string", "model", "numbers", "records", "error" })
    public String result;

    private JsRuntimeFactory factory;

    private JsRuntime js;

    private String code;

    @Setup
    public void setUp() {
        this.factory = new UnpooledJsRuntimeFactory(RuntimeConfig.builder()
            .snapshot(new SnapshotBuilder().executeScript("setup.js", SETUP).build())
            .build());
        this.js = this.factory.create();
        this.code = switch (this.result) {
            case "int" -> "add(1, 2)";
            case "string" -> "text";
            case "model" -> "model";
            case "numbers" -> "numbers";
            case "records" -> "records";
            case "error" -> "null.x";
            default -> throw new IllegalArgumentException(this.result);
        };
    }

    @TearDown
    public void tearDown() {
        this.js.close();
        this.factory.close();
    }

    @Benchmark
    public Object eval() {
        try {
            return this.js.eval(this.code);
        }
        catch (RuntimeException ex) {
            return ex;
        }
    }

}
