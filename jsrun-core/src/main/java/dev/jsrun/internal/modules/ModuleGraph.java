package dev.jsrun.internal.modules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.jsrun.internal.modules.NodeResolver.Result;
import dev.jsrun.internal.modules.RequireScanner.Require;

/**
 * The modules reachable from the entry requests through {@code require('literal')} calls,
 * in the order they were found, with the resolver map that records every resolution and
 * the requests that lead nowhere.
 */
public final class ModuleGraph {

    /** How a file is loaded, from its extension as in Node. */
    enum Kind {

        SCRIPT, JSON, ADDON, ESM;

        static Kind of(String path) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (name.endsWith(".json")) {
                return JSON;
            }
            if (name.endsWith(".node")) {
                return ADDON;
            }
            return name.endsWith(".mjs") ? ESM : SCRIPT;
        }

    }

    /**
     * One file of the graph; {@code source} is null for files that are never read
     * (addons, ES modules).
     */
    record Module(String path, Kind kind, String source, List<Integer> dynamicRequires) {
    }

    /**
     * A request that does not lead to a file: a Node built-in, or one that cannot be
     * resolved.
     */
    record Unresolved(String request, String builtin, String problem, List<String> requiredBy) {
    }

    static final String SEPARATOR = "***";

    private final NodeResolver resolver;

    private final Map<String, Module> modules = new LinkedHashMap<>();

    private final Map<String, String> resolverMap = new LinkedHashMap<>();

    private final Map<String, String> entries = new LinkedHashMap<>();

    private final Map<String, Unresolved> unresolved = new LinkedHashMap<>();

    private final Deque<String> queue = new ArrayDeque<>();

    private ModuleGraph(NodeResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * Walks the graph from {@code requests}, which resolve from the base directory (key
     * {@code ***request}).
     * @throws IllegalArgumentException when an entry request does not resolve to a file
     */
    public static ModuleGraph walk(NodeResolver resolver, List<String> requests) {
        ModuleGraph graph = new ModuleGraph(resolver);
        for (String request : requests) {
            Result result = resolver.resolve("", request);
            if (!result.found()) {
                throw new IllegalArgumentException(
                        "module '" + request + "' cannot be resolved from the module roots: " + whyUnresolved(result));
            }
            graph.entries.put(request, result.path());
            graph.add("", request, result.path());
        }
        while (!graph.queue.isEmpty()) {
            graph.visit(graph.queue.poll());
        }
        graph.reachFromBase();
        return graph;
    }

    /** Why an entry request that did not resolve failed, such as {@code not found}. */
    public static String whyUnresolved(Result result) {
        return (result.builtin() != null) ? "it is a Node built-in, which jsrun does not provide" : result.problem();
    }

    /**
     * Lets the global {@code require} reach every package the graph uses: each bare
     * request seen anywhere is also resolved from the base, and kept when it lands on a
     * module of the graph.
     */
    private void reachFromBase() {
        List<String> requests = new ArrayList<>();
        for (String key : this.resolverMap.keySet()) {
            String request = key.substring(key.indexOf(SEPARATOR) + SEPARATOR.length());
            if (!key.startsWith(SEPARATOR) && !NodeResolver.isRelative(request) && !request.startsWith("#")) {
                requests.add(request);
            }
        }
        for (String request : requests) {
            Result result = this.resolver.resolve("", request);
            if (result.found() && this.modules.containsKey(result.path())) {
                this.resolverMap.putIfAbsent(SEPARATOR + request, result.path());
            }
        }
    }

    private void visit(String path) {
        Module module = this.modules.get(path);
        if (module.kind() != Kind.SCRIPT) {
            return;
        }
        String dir = NodeResolver.dirname(path);
        for (Require require : RequireScanner.scan(module.source())) {
            if (require.request() == null) {
                module.dynamicRequires().add(require.line());
                continue;
            }
            Result result = this.resolver.resolve(dir, require.request());
            if (result.found()) {
                add(dir, require.request(), result.path());
            }
            else {
                String key = result.builtin() != null ? result.builtin() : dir + SEPARATOR + require.request();
                this.unresolved
                    .computeIfAbsent(key,
                            k -> new Unresolved(require.request(), result.builtin(), result.problem(),
                                    new ArrayList<>()))
                    .requiredBy()
                    .add(path);
            }
        }
    }

    private void add(String dir, String request, String path) {
        this.resolverMap.put(dir + SEPARATOR + request, path);
        if (!this.modules.containsKey(path)) {
            Kind kind = Kind.of(path);
            String source = kind == Kind.SCRIPT || kind == Kind.JSON ? this.resolver.read(path) : null;
            this.modules.put(path, new Module(path, kind, source, new ArrayList<>()));
            this.queue.add(path);
        }
    }

    /** Every module, in the order the walk found it. */
    public Map<String, Module> modules() {
        return Collections.unmodifiableMap(this.modules);
    }

    /**
     * {@code <directory of the requiring file>***<request>} to the resolved path, in the
     * order found.
     */
    public Map<String, String> resolverMap() {
        return Collections.unmodifiableMap(this.resolverMap);
    }

    /** Entry request to the path it resolved to. */
    Map<String, String> entries() {
        return Collections.unmodifiableMap(this.entries);
    }

    Iterable<Unresolved> unresolved() {
        return this.unresolved.values();
    }

    public NodeResolver resolver() {
        return this.resolver;
    }

}
