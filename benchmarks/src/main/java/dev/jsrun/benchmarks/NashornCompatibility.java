package dev.jsrun.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.SimpleScriptContext;

import org.openjdk.nashorn.api.scripting.NashornScriptEngineFactory;

/**
 * Which of the benchmark libraries standalone Nashorn (an ECMAScript 5.1 engine with
 * partial ES6) can load and call, in its default mode and with {@code --language=es6}.
 * Prints one line per library and mode.
 * <p>
 * Run:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.jsrun.benchmarks.NashornCompatibility}
 */
public final class NashornCompatibility {

    private NashornCompatibility() {
    }

    /** Library to a smoke call of it. */
    static Map<String, String[]> libraries() {
        Map<String, String[]> libraries = new LinkedHashMap<>();
        Map<String, String> light = Scenario.LIGHT.sources();
        libraries.put("lodash.min.js",
                new String[] { light.get("lodash.min.js"), "_.map(_.sortBy([3, 1, 2]), String).join()" });
        libraries.put("handlebars.min.js", new String[] { light.get("handlebars.min.js"), Scenario.LIGHT.firstCall() });
        libraries.put("marked.min.js",
                new String[] { light.get("marked.min.js"), "marked.parse('# hi\\n\\n*there*')" });
        libraries.put("typescript.js",
                new String[] { Scenario.HEAVY.sources().get("typescript.js"), Scenario.HEAVY.firstCall() });
        return libraries;
    }

    public static void main(String[] args) {
        NashornScriptEngineFactory factory = new NashornScriptEngineFactory();
        for (String[] mode : new String[][] { {}, { "--language=es6" } }) {
            ScriptEngine engine = factory.getScriptEngine(mode);
            String label = mode.length == 0 ? "es5" : "es6";
            libraries().forEach(
                    (name, library) -> System.out.printf("%s %-18s %s%n", label, name, tryRun(engine, name, library)));
        }
    }

    private static String tryRun(ScriptEngine engine, String name, String[] library) {
        ScriptContext context = new SimpleScriptContext();
        context.setBindings(engine.createBindings(), ScriptContext.ENGINE_SCOPE);
        context.setAttribute(ScriptEngine.FILENAME, name, ScriptContext.ENGINE_SCOPE);
        long started = System.nanoTime();
        try {
            engine.eval(library[0], context);
            Object result = engine.eval(library[1], context);
            return String.format("OK   (%d ms) %s", (System.nanoTime() - started) / 1_000_000,
                    oneLine(String.valueOf(result)));
        }
        catch (Throwable ex) {
            return "FAIL " + oneLine(ex.toString());
        }
    }

    private static String oneLine(String text) {
        String line = text.replace('\n', ' ');
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

}
