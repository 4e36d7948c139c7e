package dev.jsrun.internal.modules;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

import dev.jsrun.internal.modules.ModuleGraph.Kind;
import dev.jsrun.internal.modules.ModuleGraph.Module;
import dev.jsrun.internal.snapshot.GuestScripts;

/**
 * Writes the one classic script that holds a module graph: the loader of
 * {@code bundle.js} applied to the bundle's table (the resolver map and what to
 * initialize, as JSON) and to one definition per module (its source intact, the wrapper
 * opening on its first line). The loader defines {@code require} and
 * {@code __jsrun_modules} as globals and nothing else (the host takes
 * {@code __jsrun_modules} away again before user code runs, keeping its functions for
 * itself). Modules see {@code global} as Node's alias of {@code globalThis}, through a
 * closure rather than a global.
 * <p>
 * In probe mode the script initializes every module it is given, watches what each
 * touches, and evaluates to what it saw, as JSON; otherwise it initializes the listed
 * healthy modules, whose exports then sit in the cache inside the snapshot.
 */
public final class BundleWriter {

    static final String WRAPPER = "function (exports, module, require, __filename, __dirname) {";

    /**
     * {@code bundle.js}: the loader, then the places of the table and of the definitions
     * that {@link #write} fills.
     */
    private static final String[] TEMPLATE = GuestScripts.split(GuestScripts.load(BundleWriter.class, "bundle.js"),
            "bundle.js", "/* table */", "/* definitions */\n");

    /**
     * The script, and the bundle line on which each module's first line sits (null: no
     * module from there on).
     */
    public record Bundle(String script, NavigableMap<Integer, String> startLines) {
    }

    private BundleWriter() {
    }

    /**
     * @param excluded modules left without a definition, with the reason {@code require}
     * reports
     * @param initialize in final mode, the healthy modules in the order to initialize
     * them
     * @param probe in probe mode, the modules to initialize and the host globals to
     * watch; else null
     */
    public static Bundle write(ModuleGraph graph, Map<String, String> excluded, List<String> initialize, Probe probe) {
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("resolved", graph.resolverMap());
        table.put("builtins", NodeResolver.BUILTINS.stream().sorted().toList());
        table.put("excluded", excluded);
        table.put("initialize", initialize);
        table.put("probe", probe == null ? null : Map.of("order", probe.order(), "watched", probe.watched()));

        StringBuilder out = new StringBuilder(TEMPLATE[0]).append(Json.write(table)).append(TEMPLATE[1]);
        int line = count(out) + 1;
        NavigableMap<Integer, String> startLines = new TreeMap<>();
        for (Module module : graph.modules().values()) {
            if (excluded.containsKey(module.path()) || module.source() == null) {
                continue;
            }
            startLines.put(line, module.path());
            String body = module.kind() == Kind.JSON
                    ? "module.exports = JSON.parse(" + Json.quote(module.source()) + ");"
                    : withoutHashbang(module.source());
            out.append(Json.quote(module.path()))
                .append(": ")
                .append(WRAPPER)
                .append(body)
                .append("\nreturn module.exports; },\n");
            line += count(body) + 2;
        }
        startLines.put(line, null); // the lines after the last module belong to no module
        out.append(TEMPLATE[2]);
        return new Bundle(out.toString(), startLines);
    }

    /**
     * Node ignores a leading {@code #!} line; inside a function it would not parse, so it
     * becomes a comment.
     */
    static String withoutHashbang(String source) {
        return source.startsWith("#!") ? "//" + source.substring(2) : source;
    }

    /** Line terminators as V8 counts them: LF, CR not followed by LF, LS and PS. */
    private static int count(CharSequence text) {
        int lines = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\u2028' || c == '\u2029'
                    || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                lines++;
            }
        }
        return lines;
    }

    /** What a probe run initializes, and which absent host globals it watches. */
    record Probe(Collection<String> order, Set<String> watched) {
    }

}
