package dev.jsrun.internal.modules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.jsrun.JsException;
import dev.jsrun.JsRuntime;
import dev.jsrun.JsTerminatedException;
import dev.jsrun.ModuleReport;
import dev.jsrun.ModuleReport.Entry;
import dev.jsrun.ModuleReport.Status;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.internal.modules.BundleWriter.Probe;
import dev.jsrun.internal.modules.ModuleGraph.Module;
import dev.jsrun.internal.modules.ModuleGraph.Unresolved;
import dev.jsrun.internal.runtime.Isolate;
import dev.jsrun.internal.runtime.IsolateRuntime;
import dev.jsrun.internal.snapshot.GuestScripts;

/**
 * Decides which modules can be stored initialized, by running the generated code in a
 * throwaway runtime with the same globals the snapshot build has. A module is DEFERRED
 * when its initialization throws (often because it uses a host global such as
 * {@code setTimeout} or {@code process} that snapshots lack), when it requires a deferred
 * module while it initializes, or on request. A module that merely checks for an absent
 * global ({@code typeof process}) initializes the same way at run time, where it is
 * absent too, so it stays HEALTHY and the report notes what it looked for. EXCLUDED
 * covers native addons, {@code .mjs} files, files that do not parse, Node built-ins
 * (unless a {@code browser} field maps them) and requests that resolve to nothing.
 */
public final class Doctor {

    /** Host globals of Node or browsers that jsrun runtimes do not have. */
    static final Set<String> WATCHED = new LinkedHashSet<>(List.of("Buffer", "setImmediate", "clearImmediate", "global",
            "window", "document", "location", "XMLHttpRequest", "fetch", "WebSocket", "Blob", "ReadableStream"));

    /**
     * {@code syntax-check.js}: defines the check as the hidden global
     * {@link #SYNTAX_CHECK}.
     */
    private static final String SYNTAX_CHECK_SCRIPT = GuestScripts.load(Doctor.class, "syntax-check.js");

    static final String SYNTAX_CHECK = "__jsrun_syntax_check";

    /**
     * The doctor's runtime takes each module's source as an argument of the syntax check,
     * and modules are the application's own files, which a snapshot build takes at any
     * size.
     */
    private static final RuntimeConfig CONFIG = RuntimeConfig.builder().maxResultSize(Integer.MAX_VALUE).build();

    /**
     * The report, the modules left without a definition (with the reason), and the
     * healthy ones in init order.
     */
    public record Diagnosis(ModuleReport report, Map<String, String> excluded, List<String> initialize) {
    }

    private Doctor() {
    }

    public static Diagnosis examine(ModuleGraph graph, Set<String> forced, List<String> conditions) {
        Map<String, String> excluded = new LinkedHashMap<>();
        Map<?, ?> probe;
        Map<String, String> keptIntl;
        try (JsRuntime js = new IsolateRuntime(Isolate.restore(CONFIG), Isolate::close)) {
            js.eval(SYNTAX_CHECK_SCRIPT);
            for (Module module : graph.modules().values()) {
                String problem = switch (module.kind()) {
                    case ADDON -> "native addon: jsrun cannot load .node files";
                    case ESM -> "ES module (.mjs): require() cannot load it";
                    default -> syntaxError(js, module);
                };
                if (problem != null) {
                    excluded.put(module.path(), problem);
                }
            }
            js.eval("delete globalThis." + SYNTAX_CHECK);
            List<String> order = new ArrayList<>(graph.entries().values());
            order.addAll(graph.modules().keySet());
            order.removeIf(path -> forced.contains(path) || excluded.containsKey(path));
            String script = BundleWriter
                .write(graph, excluded, List.of(), new Probe(new LinkedHashSet<>(order), WATCHED))
                .script();
            boolean intl = Boolean.TRUE.equals(js.eval(IntlGuard.INSTALL));
            probe = (Map<?, ?>) Json.parse((String) js.eval(script));
            keptIntl = intl ? IntlGuard.kept(js) : Map.of();
        }
        catch (JsException | JsTerminatedException ex) {
            throw new IllegalStateException("the module doctor's run failed: " + ex.getMessage(), ex);
        }
        Map<?, ?> results = (Map<?, ?>) probe.get("results");
        Map<String, String> deferred = deferred(graph, forced, excluded, results, keptIntl);

        List<Entry> entries = new ArrayList<>();
        for (Module module : graph.modules().values()) {
            String path = module.path();
            Map<?, ?> result = (Map<?, ?>) results.get(path);
            if (excluded.containsKey(path)) {
                entries.add(new Entry(path, Status.EXCLUDED, join(excluded.get(path), dynamic(module))));
            }
            else if (deferred.containsKey(path)) {
                entries.add(new Entry(path, Status.DEFERRED, join(deferred.get(path), dynamic(module))));
            }
            else {
                String empty = graph.resolver().emptyModule(path);
                entries.add(new Entry(path, Status.HEALTHY,
                        empty != null ? "empty module: " + empty : join(notes(result), dynamic(module))));
            }
        }
        for (Unresolved request : graph.unresolved()) {
            entries.add(unresolved(request));
        }
        List<String> initialize = new ArrayList<>();
        for (Object path : (List<?>) probe.get("order")) {
            if (!deferred.containsKey(path) && !excluded.containsKey(path)) {
                initialize.add((String) path);
            }
        }
        return new Diagnosis(new ModuleReport(entries, conditions), excluded, initialize);
    }

    private static String syntaxError(JsRuntime js, Module module) {
        boolean json = module.kind() == ModuleGraph.Kind.JSON;
        String source = json ? module.source() : BundleWriter.withoutHashbang(module.source());
        Object problem = js.call(SYNTAX_CHECK, source, json);
        if (problem == null) {
            return null;
        }
        String message = String.valueOf(problem);
        boolean esm = message.contains("Cannot use import statement") || message.contains("Unexpected token 'export'")
                || message.contains("import.meta");
        return "does not parse: " + message + (esm ? " (an ES module: require() needs a CommonJS build)" : "");
    }

    /**
     * Deferred modules with the reason: on request, because they require a deferred
     * module while they initialize (a failure that comes from a dependency is reported
     * there), or because they threw.
     */
    private static Map<String, String> deferred(ModuleGraph graph, Set<String> forced, Map<String, String> excluded,
            Map<?, ?> results, Map<String, String> keptIntl) {
        Set<String> deferred = new LinkedHashSet<>();
        for (String path : graph.modules().keySet()) {
            Map<?, ?> result = (Map<?, ?>) results.get(path);
            if (!excluded.containsKey(path) && (forced.contains(path) || result == null || result.get("error") != null
                    || keptIntl.containsKey(path))) {
                deferred.add(path);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String path : graph.modules().keySet()) {
                if (!deferred.contains(path) && !excluded.containsKey(path)
                        && dependency(path, results, deferred) != null) {
                    changed = deferred.add(path);
                }
            }
        }
        Map<String, String> reasons = new LinkedHashMap<>();
        for (String path : deferred) {
            Map<?, ?> result = (Map<?, ?>) results.get(path);
            String dependency = dependency(path, results, deferred);
            if (forced.contains(path)) {
                reasons.put(path, "deferred on request");
            }
            else if (result == null) {
                reasons.put(path, "was not initialized by the doctor's run");
            }
            else if (result.get("error") == null && keptIntl.containsKey(path)) {
                reasons.put(path, "keeps an object made by " + keptIntl.get(path) + " at load, and V8 cannot put Intl "
                        + "objects into a snapshot");
            }
            else if (dependency != null) {
                reasons.put(path, "requires deferred " + dependency + " at load");
            }
            else {
                List<?> touched = (List<?>) result.get("touched");
                reasons.put(path, touched.isEmpty() ? "threw at load: " + result.get("error") : "needs "
                        + names(touched) + " at load, absent when the snapshot is built (" + result.get("error") + ")");
            }
        }
        return reasons;
    }

    /** A deferred module that {@code path} required while it initialized, or null. */
    private static String dependency(String path, Map<?, ?> results, Set<String> deferred) {
        Map<?, ?> result = (Map<?, ?>) results.get(path);
        if (result != null) {
            for (Object dependency : (List<?>) result.get("requires")) {
                if (deferred.contains(dependency) && !dependency.equals(path)) {
                    return (String) dependency;
                }
            }
        }
        return null;
    }

    private static String notes(Map<?, ?> result) {
        List<?> touched = (List<?>) result.get("touched");
        List<?> clock = (List<?>) result.get("clock");
        return join(touched.isEmpty() ? "" : "looked for absent " + names(touched), clock.isEmpty() ? "" : "calls "
                + names(clock) + " at load: the snapshot keeps what it computed; defer() it to compute it per runtime");
    }

    private static String dynamic(Module module) {
        List<Integer> lines = module.dynamicRequires();
        if (lines.isEmpty()) {
            return "";
        }
        List<Integer> shown = lines.subList(0, Math.min(3, lines.size()));
        return "dynamic require on line" + (lines.size() > 1 ? "s " : " ") + names(shown)
                + (lines.size() > shown.size() ? " and " + (lines.size() - shown.size()) + " more" : "")
                + " not followed";
    }

    private static Entry unresolved(Unresolved request) {
        List<String> by = request.requiredBy();
        String requiredBy = "required by " + by.get(0) + (by.size() > 1 ? " and " + (by.size() - 1) + " more" : "");
        if (request.builtin() != null) {
            return new Entry(request.builtin(), Status.EXCLUDED,
                    "Node built-in, not available in jsrun; " + requiredBy);
        }
        return new Entry(request.request(), Status.EXCLUDED,
                "cannot be resolved (" + request.problem() + "); " + requiredBy);
    }

    private static String names(List<?> items) {
        return String.join(", ", items.stream().map(String::valueOf).toList());
    }

    private static String join(String first, String second) {
        return first.isEmpty() ? second : second.isEmpty() ? first : first + "; " + second;
    }

}
