package dev.jsrun.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptException;
import javax.script.SimpleScriptContext;

import com.caoccao.javet.enums.JSRuntimeType;
import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Host;
import com.caoccao.javet.interop.V8Runtime;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.openjdk.nashorn.api.scripting.NashornScriptEngineFactory;

import dev.jsrun.V8Setup;
import dev.jsrun.engine.V8Process;
import dev.jsrun.pool.JsRuntimePool;
import dev.jsrun.pool.PoolSettings;
import dev.jsrun.pool.PoolStats;

/** The competing engines, set up the way a Java team would use each of them. */
final class Engines {

    private Engines() {
    }

    /**
     * System property with extra V8 flags for an experiment, applied before jsrun's own.
     */
    static final String EXTRA_FLAGS_PROPERTY = "jsrun.bench.v8-flags";

    /**
     * System property with the pools' cleaner threads for an experiment, instead of the
     * pool's default.
     */
    static final String CLEANER_THREADS_PROPERTY = "jsrun.bench.cleaner-threads";

    /**
     * System property with the pools' borrows of one scope before a reset, instead of the
     * pool's default.
     */
    static final String SCOPE_MAX_USES_PROPERTY = "jsrun.bench.scope-max-uses";

    /**
     * Whether every runtime of the pool is clean and idle and no reset runs: a pool with
     * nothing left to do.
     */
    static boolean allIdle(JsRuntimePool pool) {
        PoolStats stats = pool.stats();
        return stats.cleaning() == 0 && stats.idle() >= stats.max();
    }

    /**
     * Settings of a benchmark's pool: {@code size} runtimes, all restored up front, and
     * the cleaner threads of {@value #CLEANER_THREADS_PROPERTY} and the scope-max-uses of
     * {@value #SCOPE_MAX_USES_PROPERTY} if set.
     */
    static PoolSettings.Builder poolOf(int size) {
        PoolSettings.Builder builder = PoolSettings.builder().maxSize(size).minIdle(size);
        Integer cleaners = Integer.getInteger(CLEANER_THREADS_PROPERTY);
        if (cleaners != null) {
            builder.cleanerThreads(cleaners);
        }
        Integer scopeMaxUses = Integer.getInteger(SCOPE_MAX_USES_PROPERTY);
        return (scopeMaxUses != null) ? builder.scopeMaxUses(scopeMaxUses) : builder;
    }

    /**
     * Starts V8 with jsrun's process-wide flags (sloppy mode instead of Javet's default
     * --use-strict) before any runtime exists, so plain Javet runs the scripts under the
     * same flags as jsrun. Flags given in the {@value #EXTRA_FLAGS_PROPERTY} system
     * property ({@code -jvmArgsAppend -Djsrun.bench.v8-flags=...}) come first, separated
     * by commas: JMH splits {@code -jvmArgsAppend} at spaces.
     */
    static void initV8() {
        String extra = System.getProperty(EXTRA_FLAGS_PROPERTY);
        V8Process.configure(V8Setup.builder().v8Flags((extra != null) ? extra.replace(',', ' ') : null).build());
    }

    /**
     * Javet's kind of runtime for the native jsrun loads, with ICU where jsrun has it:
     * one process loads one.
     */
    static JSRuntimeType javetRuntimeType() {
        return V8Process.icuVersion().isPresent() ? JSRuntimeType.V8I18n : JSRuntimeType.V8;
    }

    /**
     * Javet's host, once V8 runs with jsrun's setup (the one in force, else the
     * defaults).
     */
    static V8Host javetHost() {
        V8Process.configure(V8Process.setup().orElseGet(V8Setup::defaults));
        return V8Host.getInstance(javetRuntimeType());
    }

    /** A plain Javet runtime (no snapshot) with the scripts evaluated in it. */
    static V8Runtime javetWith(Map<String, String> scripts) throws JavetException {
        V8Runtime runtime = javetHost().createV8Runtime();
        try {
            javetEval(runtime, scripts);
            return runtime;
        }
        catch (JavetException | RuntimeException ex) {
            runtime.close();
            throw ex;
        }
    }

    static void javetEval(V8Runtime runtime, Map<String, String> scripts) throws JavetException {
        for (Map.Entry<String, String> script : scripts.entrySet()) {
            runtime.getExecutor(script.getValue()).setResourceName(script.getKey()).executeVoid();
        }
    }

    /**
     * One engine shared by every context: GraalJS caches parsed code per engine and
     * {@link Source}, so contexts after the first skip parsing the libraries. On a stock
     * JDK it has no JIT for guest code.
     */
    static Engine graalEngine() {
        return Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
    }

    static List<Source> graalSources(Map<String, String> scripts) {
        List<Source> sources = new ArrayList<>();
        scripts.forEach((name, code) -> sources.add(Source.newBuilder("js", code, name).buildLiteral()));
        return sources;
    }

    static Context graalContext(Engine engine, List<Source> libraries) {
        Context context = Context.newBuilder("js").engine(engine).build();
        try {
            libraries.forEach(context::eval);
            return context;
        }
        catch (RuntimeException ex) {
            context.close();
            throw ex;
        }
    }

    /**
     * ECMAScript 5.1 plus Nashorn's partial ES6 (let, const, arrows, template literals;
     * no classes).
     */
    static ScriptEngine nashorn() {
        return new NashornScriptEngineFactory().getScriptEngine("--language=es6");
    }

    /**
     * A fresh global in a shared Nashorn engine, with the scripts evaluated: Nashorn
     * reuses classes compiled for the same source across globals of one engine.
     */
    static ScriptContext nashornContext(ScriptEngine engine, Map<String, String> scripts) throws ScriptException {
        ScriptContext context = new SimpleScriptContext();
        context.setBindings(engine.createBindings(), ScriptContext.ENGINE_SCOPE);
        for (Map.Entry<String, String> script : scripts.entrySet()) {
            context.setAttribute(ScriptEngine.FILENAME, script.getKey(), ScriptContext.ENGINE_SCOPE);
            engine.eval(script.getValue(), context);
        }
        return context;
    }

}
