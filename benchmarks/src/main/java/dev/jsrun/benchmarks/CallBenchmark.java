package dev.jsrun.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

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
 * What {@code call} costs against source text, on one open runtime.
 * <ul>
 * <li>{@code render*}: {@code render(template, model)} with a model of ~1 KB as JSON (a
 * title, two scalars, 12 items of four fields): {@code evalJson} evaluates
 * {@code "render(" + json + ")"} with the JSON built once, {@code call} passes the
 * template and the model as a Java {@code String} and {@code Map}, and
 * {@code renderEvalFreshJson} evaluates source whose JSON differs at every call (the
 * invoice number counts up), as an application's per-request models do, so that V8's
 * compilation cache cannot answer.</li>
 * <li>{@code argument}: {@code call("sink", value)} for one argument of each kind
 * ({@code none} passes no argument), so that the cost of a kind is its figure minus
 * {@code none}'s.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class CallBenchmark {

    private static final String SETUP = "globalThis.render = (template, model) => template.replace(/\\{\\{(\\w+)\\}\\}/g,"
            + " (match, key) => key === 'items' ? model.items.map(i => i.name + ': ' + i.price).join(', ')"
            + " : String(model[key]));" + " globalThis.sink = () => 0;";

    private static final String TEMPLATE = "<h1>{{title}}</h1><p>{{items}}</p><p>Total {{total}}, paid {{paid}}</p>";

    /**
     * The model as JSON, as an application that concatenates source would have built it.
     */
    private static final String MODEL_JSON = "{\"title\":\"Invoice 2026-0042\",\"paid\":false,\"total\":1234.5,\"items\":["
            + String.join(",",
                    IntStream.range(0, 12)
                        .mapToObj(i -> "{\"id\":" + i + ",\"name\":\"item number " + i + "\",\"price\":" + (i * 1.25)
                                + ",\"tags\":[\"a\",\"b\"]}")
                        .toList())
            + "]}";

    private static final String TEMPLATE_JSON = "\"" + TEMPLATE + "\"";

    record Line(int id, String name, double price, List<String> tags) {
    }

    private JsRuntimeFactory factory;

    private JsRuntime js;

    private Map<String, Object> model;

    private long invoice;

    static Map<String, Object> model() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "Invoice 2026-0042");
        model.put("paid", false);
        model.put("total", 1234.5);
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", i);
            item.put("name", "item number " + i);
            item.put("price", i * 1.25);
            item.put("tags", List.of("a", "b"));
            items.add(item);
        }
        model.put("items", items);
        return model;
    }

    @Setup
    public void setUp() {
        this.factory = new UnpooledJsRuntimeFactory(RuntimeConfig.builder()
            .snapshot(new SnapshotBuilder().executeScript("setup.js", SETUP).build())
            .build());
        this.js = this.factory.create();
        this.model = model();
        String viaEval = this.js.eval("render(" + TEMPLATE_JSON + ", " + MODEL_JSON + ")", String.class);
        String viaCall = this.js.call("render", String.class, TEMPLATE, this.model);
        if (!viaEval.equals(viaCall)) {
            throw new IllegalStateException("eval and call render differently: " + viaEval + " / " + viaCall);
        }
    }

    @TearDown
    public void tearDown() {
        this.js.close();
        this.factory.close();
    }

    @Benchmark
    public String renderEvalJson() {
        return this.js.eval("render(" + TEMPLATE_JSON + ", " + MODEL_JSON + ")", String.class);
    }

    @Benchmark
    public String renderEvalFreshJson() {
        this.invoice++;
        return this.js.eval(
                "render(" + TEMPLATE_JSON + ", " + MODEL_JSON.replace("2026-0042", Long.toString(this.invoice)) + ")",
                String.class);
    }

    @Benchmark
    public String renderCall() {
        return this.js.call("render", String.class, TEMPLATE, this.model);
    }

    @Benchmark
    public Object argument(Argument argument) {
        return argument.none ? this.js.call("sink") : this.js.call("sink", argument.value);
    }

    /** One argument of the kind named. */
    @State(Scope.Benchmark)
    public static class Argument {

        @Param({ "none", "null", "int", "long", "double", "string40", "string1k", "instant", "bytes1k", "list100",
                "map10", "record", "model1k" })
        public String kind;

        Object value;

        boolean none;

        @Setup
        public void setUp() {
            this.none = this.kind.equals("none");
            this.value = switch (this.kind) {
                case "none", "null" -> null;
                case "int" -> 42;
                case "long" -> 1L << 60;
                case "double" -> 1234.5;
                case "string40" -> "The quick brown fox jumps over the lazy d";
                case "string1k" -> "x".repeat(1024);
                case "instant" -> Instant.parse("2026-12-02T04:00:00Z");
                case "bytes1k" -> new byte[1024];
                case "list100" -> IntStream.range(0, 100).boxed().toList();
                case "map10" -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    for (int i = 0; i < 10; i++) {
                        map.put("key" + i, i);
                    }
                    yield map;
                }
                case "record" -> new Line(1, "item number 1", 1.25, List.of("a", "b"));
                case "model1k" -> model();
                default -> throw new IllegalArgumentException(this.kind);
            };
        }

    }

}
