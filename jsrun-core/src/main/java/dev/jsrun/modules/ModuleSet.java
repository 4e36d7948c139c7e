package dev.jsrun.modules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;

import dev.jsrun.JsFunction;
import dev.jsrun.ModuleReport;
import dev.jsrun.ModuleStats;
import dev.jsrun.internal.modules.BundleWriter;
import dev.jsrun.internal.modules.Doctor;
import dev.jsrun.internal.modules.ModuleGraph;
import dev.jsrun.internal.modules.ModuleTree;
import dev.jsrun.internal.modules.NodeResolver;
import dev.jsrun.internal.modules.NodeResolver.Result;
import dev.jsrun.internal.modules.PackageExports;
import dev.jsrun.internal.modules.RuntimeLoader;
import dev.jsrun.internal.runtime.HostBridge;

/**
 * CommonJS modules resolved and loaded when the snapshot is built, so that
 * {@code require()} works in every runtime restored from it without touching the file
 * system.
 *
 * <pre>{@code
 * ModuleSet modules = ModuleSet.builder()
 *         .root(ModuleRoot.classpath(getClass().getClassLoader()))   // npm WebJars
 *         .module("lodash")
 *         .module("handlebars")
 *         .build();
 * log.info(modules.report().toTable());
 * Snapshot snapshot = new SnapshotBuilder().executeScript(ModuleSet.SCRIPT_NAME, modules.bundle()).build();
 * // in a runtime: js.eval("require('lodash').kebabCase('Hello World')")
 * }</pre>
 *
 * Building walks the {@code require('literal')} graph from the configured requests with
 * Node's resolution rules, under the {@linkplain Builder#conditions conditions} of a
 * browser-like runtime rather than Node's, and with the {@code browser} field of
 * {@code package.json} (see {@link Builder#conditions}), then runs the doctor (see
 * {@link ModuleReport}) in a throwaway runtime. A runtime restored from the snapshot is
 * then like a Node process that has required the configured modules, in order, except
 * that the modules Node would load later (a {@code require} inside a function) are
 * initialized already too: defer those whose loading has effects that must wait.
 * <p>
 * The bundle defines two globals: {@code require(request)}, which resolves from the base
 * directory, and {@code __jsrun_modules} (read its statistics with
 * {@link ModuleStats#of}). Modules get Node's scope: {@code exports}, {@code module},
 * their own {@code require} (with {@code require.resolve}), {@code __filename},
 * {@code __dirname} and {@code global}; paths are relative to the roots' base, so
 * {@code __filename} is {@code node_modules/lodash/lodash.js}. A request that was not
 * seen while building resolves only if it is relative and names a module of the set (as
 * moment's computed locale requires do). Errors from {@code require} carry
 * {@code code: 'MODULE_NOT_FOUND'}, as in Node, also for Node built-ins, which jsrun does
 * not provide (unless a package's {@code browser} field maps them to a file or to
 * {@code false}).
 */
public final class ModuleSet {

    /**
     * The script name to run the bundle under; errors inside modules report it with the
     * bundle's line.
     */
    public static final String SCRIPT_NAME = "jsrun:modules";

    /**
     * The conditions used unless {@link Builder#conditions} says otherwise:
     * {@code worker}, {@code browser}, {@code require} and {@code default}. jsrun's
     * runtimes are V8 without Node, so {@code node} is not one.
     */
    public static final List<String> DEFAULT_CONDITIONS = NodeResolver.DEFAULT_CONDITIONS;

    private final String bundle;

    private final NavigableMap<Integer, String> startLines;

    private final ModuleReport report;

    private final Map<String, String> resolverMap;

    private final List<String> conditions;

    private ModuleSet(String bundle, NavigableMap<Integer, String> startLines, ModuleReport report,
            Map<String, String> resolverMap, List<String> conditions) {
        this.bundle = bundle;
        this.startLines = startLines;
        this.report = report;
        this.resolverMap = resolverMap;
        this.conditions = conditions;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * One classic script for
     * {@code SnapshotBuilder.executeScript(SCRIPT_NAME, bundle())}.
     */
    public String bundle() {
        return this.bundle;
    }

    /** The doctor's verdict on every module. */
    public ModuleReport report() {
        return this.report;
    }

    /**
     * The conditions the modules were resolved with, as {@link Builder#conditions} made
     * them.
     */
    public List<String> conditions() {
        return this.conditions;
    }

    /**
     * Every resolution made, keyed {@code <directory of the requiring file>***<request>},
     * to the path of the file. Directories and paths are relative to the base, whose own
     * path is empty: the configured requests have keys such as {@code ***lodash}, as does
     * {@code require('lodash')} on the global {@code require}. Every package request seen
     * in the graph is also resolved from the base, so that the global {@code require}
     * reaches the dependencies too (as Node would, from the project directory).
     */
    public Map<String, String> resolverMap() {
        return this.resolverMap;
    }

    /**
     * Where a line of the bundle (as reported for {@link #SCRIPT_NAME}) comes from, such
     * as {@code node_modules/marked/lib/marked.cjs:120}; null for lines of the loader.
     */
    public String locate(int bundleLine) {
        Map.Entry<Integer, String> start = this.startLines.floorEntry(bundleLine);
        return start == null || start.getValue() == null ? null
                : start.getValue() + ":" + (bundleLine - start.getKey() + 1);
    }

    /**
     * A host function that reads modules from {@code roots} at run time, for requests the
     * snapshot does not hold: bind it as {@value #RUNTIME_LOADER} (for example with
     * {@code RuntimeConfig.Builder.hostFunction}). Resolution follows Node's algorithm as
     * at build time, but sees only {@code .js}, {@code .cjs} and {@code .json} files
     * inside the roots (see {@link ModuleRoot}); the file is evaluated in the runtime on
     * first {@code require()}. Scripts may call the function themselves, and get no more
     * from it than {@code require()} would. Runtimes with a host function are replaced
     * rather than reset by their pool. Resolves with {@link #DEFAULT_CONDITIONS}.
     */
    public static JsFunction runtimeLoader(List<ModuleRoot> roots) {
        return runtimeLoader(roots, DEFAULT_CONDITIONS);
    }

    /**
     * {@link #runtimeLoader(List)} with the conditions of {@link Builder#conditions}:
     * give it those of the snapshot's set, so that a module resolves at run time as it
     * would have at build time.
     * @throws IllegalArgumentException when a condition is blank
     */
    public static JsFunction runtimeLoader(List<ModuleRoot> roots, List<String> conditions) {
        return new RuntimeLoader(trees(roots), conditions);
    }

    /**
     * The global name the bundle's {@code require()} looks for to load modules at run
     * time.
     */
    public static final String RUNTIME_LOADER = HostBridge.MODULE_LOADER;

    private static List<ModuleTree> trees(List<ModuleRoot> roots) {
        return roots.stream().map(ModuleRoot::tree).toList();
    }

    /** Collects roots and requests; {@link #build()} does the work. */
    public static final class Builder {

        private final List<ModuleRoot> roots = new ArrayList<>();

        private final List<String> modules = new ArrayList<>();

        private final List<String> deferred = new ArrayList<>();

        private List<String> conditions = DEFAULT_CONDITIONS;

        private Builder() {
        }

        /**
         * Sets the conditions that {@code exports} and {@code imports} of
         * {@code package.json} match, replacing {@link #DEFAULT_CONDITIONS}.
         * {@code default} is always one of them, added at the end when missing; repeats
         * are dropped.
         * <p>
         * Selection follows Node's algorithm: a conditions object such as {@code {"node":
         * "./a.js", "browser": "./b.js", "default": "./c.js"}} is read in the package's
         * key order, and the first key that is one of the conditions wins, so the order
         * of this list never changes the choice (it is kept for the report). A nested
         * conditions object is read the same way, and when none of its keys matches,
         * reading goes on with the next key of the object around it.
         * <p>
         * With {@code browser} among the conditions, the {@code browser} field of
         * {@code package.json} applies too, as bundlers read it: its string form replaces
         * {@code main} of a package without {@code exports}, and its object form maps the
         * package's files and the module names it requires
         * ({@code "./lib/node.js": "./lib/browser.js"}, {@code "util": "./util-shim.js"},
         * {@code "crypto": false}), {@code false} giving an empty module
         * ({@code module.exports = {}}). A Node built-in mapped so is no longer excluded;
         * a {@code node:} request also matches a key without the prefix. Files chosen by
         * {@code exports} are not mapped again.
         * <p>
         * The bundle is CommonJS, so keep {@code require}: {@code import} or
         * {@code module} would choose ES module builds, which the doctor excludes when
         * they are {@code .mjs} files (and reports as not parsing otherwise). Node's own
         * set for {@code require()} is {@code require}, {@code node}, {@code node-addons}
         * and {@code default}.
         * @throws IllegalArgumentException when an entry is blank
         */
        public Builder conditions(List<String> conditions) {
            this.conditions = List.copyOf(PackageExports.conditions(conditions));
            return this;
        }

        /**
         * Adds a place to find files; when several roots have a path, the first one added
         * wins.
         */
        public Builder root(ModuleRoot root) {
            this.roots.add(Objects.requireNonNull(root, "root"));
            return this;
        }

        /**
         * Adds a request to load with its dependencies, resolved from the base: a package
         * ({@code lodash}, {@code lodash/fp}, {@code @scope/pkg}) or a relative path
         * ({@code ./lib/rules.js}).
         */
        public Builder module(String request) {
            this.modules.add(requireText(request, "module"));
            return this;
        }

        /**
         * Keeps a module out of the initialized state, for example because it captures
         * {@code Math.random()} or {@code Date.now()} when it loads: a request as for
         * {@link #module(String)}, or a module path such as
         * {@code node_modules/x/lib/seed.js}. Modules that require it while loading are
         * deferred too.
         */
        public Builder defer(String moduleOrPath) {
            this.deferred.add(requireText(moduleOrPath, "defer"));
            return this;
        }

        /**
         * Resolves the graph, runs the doctor and writes the bundle. Takes a V8 runtime
         * for a moment.
         * @throws UnresolvedModuleException when a requested module cannot be found
         * @throws IllegalArgumentException when a deferred module is none of the set's
         */
        public ModuleSet build() {
            if (this.roots.isEmpty() || this.modules.isEmpty()) {
                throw new IllegalStateException("a ModuleSet needs at least one root and one module");
            }
            NodeResolver resolver = new NodeResolver(trees(this.roots), this.conditions);
            // each request on its own first, so that the failure names the one to fix
            for (String request : this.modules) {
                Result result = resolver.resolve("", request);
                if (!result.found()) {
                    throw new UnresolvedModuleException(request, ModuleGraph.whyUnresolved(result));
                }
            }
            ModuleGraph graph = ModuleGraph.walk(resolver, this.modules);
            Set<String> forced = new LinkedHashSet<>();
            for (String name : this.deferred) {
                forced.add(deferredPath(graph, name));
            }
            Doctor.Diagnosis diagnosis = Doctor.examine(graph, forced, this.conditions);
            BundleWriter.Bundle bundle = BundleWriter.write(graph, diagnosis.excluded(), diagnosis.initialize(), null);
            return new ModuleSet(bundle.script(), bundle.startLines(), diagnosis.report(), graph.resolverMap(),
                    this.conditions);
        }

        private static String deferredPath(ModuleGraph graph, String name) {
            if (graph.modules().containsKey(name)) {
                return name;
            }
            Result result = graph.resolver().resolve("", name);
            if (!result.found() || !graph.modules().containsKey(result.path())) {
                throw new IllegalArgumentException("defer('" + name + "'): no module of this set is " + name
                        + (result.found() ? " (it resolves to " + result.path() + ", which no module requires)" : ""));
            }
            return result.path();
        }

        private static String requireText(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return value;
        }

    }

}
