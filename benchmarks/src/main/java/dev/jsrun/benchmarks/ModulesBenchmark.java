package dev.jsrun.benchmarks;

import java.util.concurrent.TimeUnit;

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
import org.openjdk.jmh.annotations.Warmup;

import dev.jsrun.JsRuntime;
import dev.jsrun.JsRuntimeFactory;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.modules.ModuleRoot;
import dev.jsrun.modules.ModuleSet;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;
import dev.jsrun.snapshot.SnapshotBuilder;

/**
 * {@code require()} of lodash and handlebars (CommonJS builds from the npm WebJars):
 * served from exports stored initialized in the snapshot, from definitions initialized on
 * first use, or loaded from files at run time into a runtime without them (read, wrap,
 * evaluate: what a runtime pays without jsrun's modules). Each op restores a new runtime,
 * requires both packages, makes one call and closes it; {@code requireCached} is a
 * repeated require on an open runtime.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class ModulesBenchmark {

    private static final String USE = "require('lodash').kebabCase('Modules From Snapshot')"
            + " + require('handlebars').compile('{{x}}')({ x: '!' })";

    static JsRuntimeFactory factory(boolean deferred) {
        ModuleSet.Builder modules = ModuleSet.builder()
            .root(ModuleRoot.classpath(ModulesBenchmark.class.getClassLoader()))
            .module("lodash")
            .module("handlebars");
        if (deferred) {
            modules.defer("lodash").defer("handlebars");
        }
        SnapshotBuilder builder = new SnapshotBuilder().executeScript(ModuleSet.SCRIPT_NAME, modules.build().bundle());
        return new UnpooledJsRuntimeFactory(RuntimeConfig.builder().snapshot(builder.build()).build());
    }

    @State(Scope.Benchmark)
    public static class Exports {

        JsRuntimeFactory factory;

        JsRuntime open;

        @Setup(Level.Trial)
        public void setUp() {
            this.factory = factory(false);
            this.open = this.factory.create();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            this.open.close();
            this.factory.close();
        }

    }

    @State(Scope.Benchmark)
    public static class Definitions {

        JsRuntimeFactory factory;

        @Setup(Level.Trial)
        public void setUp() {
            this.factory = factory(true);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            this.factory.close();
        }

    }

    @State(Scope.Benchmark)
    public static class Files {

        JsRuntimeFactory factory;

        @Setup(Level.Trial)
        public void setUp() {
            this.factory = new UnpooledJsRuntimeFactory(RuntimeConfig.defaults());
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            this.factory.close();
        }

    }

    @Benchmark
    public Object fromExports(Exports state) {
        try (JsRuntime js = state.factory.create()) {
            return js.eval(USE);
        }
    }

    @Benchmark
    public Object fromDefinitions(Definitions state) {
        try (JsRuntime js = state.factory.create()) {
            return js.eval(USE);
        }
    }

    /**
     * Reads the two packages' main files from the WebJars and evaluates them as CommonJS
     * in a fresh runtime.
     */
    @Benchmark
    public Object fromFilesAtRunTime(Files state) {
        String lodash = Libraries.webjar("lodash", "lodash.js");
        String handlebars = Libraries.webjar("handlebars", "dist/handlebars.js");
        try (JsRuntime js = state.factory.create()) {
            js.eval("globalThis.__mods = {}; (function (module, exports) { " + lodash
                    + "\n; __mods.lodash = module.exports; })" + "(globalThis.__m = { exports: {} }, __m.exports);"
                    + "(function (module, exports) { " + handlebars
                    + "\n; __mods.handlebars = module.exports; })({ exports: {} }, {});"
                    + "globalThis.require = name => __mods[name];");
            return js.eval(USE);
        }
    }

    @Benchmark
    public Object requireCached(Exports state) {
        return state.open.eval("require('lodash') !== null");
    }

}
