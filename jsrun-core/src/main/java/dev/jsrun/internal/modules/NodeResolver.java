package dev.jsrun.internal.modules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Node's CommonJS {@code require.resolve} algorithm over {@link ModuleTree}s, on
 * base-relative paths: relative and bare requests, {@code node_modules} lookup up the
 * directory tree, {@code package.json} {@code main}, {@code exports} and {@code imports}
 * (see {@link PackageExports}), package self-reference, {@code index} files and the
 * {@code .js}, {@code .json} and {@code .node} extensions. Files come from the first root
 * that has them; {@link #modulesOnly} sees only the module files among them.
 * <p>
 * With the {@code browser} condition in its set, the resolver also honours the
 * {@code browser} field of {@code package.json} as bundlers (browserify, webpack,
 * esbuild) do:
 * <ul>
 * <li>A string replaces {@code main} when a package is loaded as a directory; it does not
 * apply to a package with {@code exports}, which decides alone what its name and subpaths
 * resolve to.</li>
 * <li>An object maps paths and module names of the package that holds the
 * {@code package.json} (the nearest one up from a file, as for {@code imports}). A key
 * that is a path is relative to that package's directory, with or without the leading
 * {@code ./}; it matches the path it names, and that path without the extension or the
 * {@code /index} file the key ends with (key {@code ./lib/node.js} matches
 * {@code ./lib/node}, key {@code ./lib/node} does not match {@code ./lib/node.js}); it is
 * looked up for relative requests made anywhere, for subpaths of packages without
 * {@code exports}, and for the package's {@code main} and {@code index} file, but not for
 * files chosen by {@code exports} or {@code imports}, and {@code "."} is never mapped. A
 * key that is a module name ({@code crypto}, {@code node:crypto}, {@code some-package})
 * maps the bare requests made from inside the package; a {@code node:} request that has
 * no key of its own also matches the key without the prefix. A string value is resolved
 * from the package's directory, as a relative path or a module name, without looking up
 * the map again for that request (a chain of mappings through several packages ends after
 * {@value #MAX_REMAPS}); {@code false} makes the request an empty module, whose exports
 * are {@code {}}. Other values are ignored.</li>
 * </ul>
 */
public final class NodeResolver {

    /**
     * Node 20's {@code require('module').builtinModules}; any {@code node:} request is a
     * built-in too.
     */
    static final Set<String> BUILTINS = Set.of("_http_agent", "_http_client", "_http_common", "_http_incoming",
            "_http_outgoing", "_http_server", "_stream_duplex", "_stream_passthrough", "_stream_readable",
            "_stream_transform", "_stream_wrap", "_stream_writable", "_tls_common", "_tls_wrap", "assert",
            "assert/strict", "async_hooks", "buffer", "child_process", "cluster", "console", "constants", "crypto",
            "dgram", "diagnostics_channel", "dns", "dns/promises", "domain", "events", "fs", "fs/promises", "http",
            "http2", "https", "inspector", "inspector/promises", "module", "net", "os", "path", "path/posix",
            "path/win32", "perf_hooks", "process", "punycode", "querystring", "readline", "readline/promises", "repl",
            "stream", "stream/consumers", "stream/promises", "stream/web", "string_decoder", "sys", "timers",
            "timers/promises", "tls", "trace_events", "tty", "url", "util", "util/types", "v8", "vm", "wasi",
            "worker_threads", "zlib");

    private static final String[] EXTENSIONS = { "", ".js", ".json", ".node" };

    /**
     * Most {@code browser} field mappings one resolution follows, so that packages
     * mapping into each other end.
     */
    private static final int MAX_REMAPS = 8;

    private static final String BROWSER_FIELD = "the \"browser\" field of ";

    /**
     * Ends the path of an empty module: a file of that name would still be a different
     * module.
     */
    private static final String EMPTY_SUFFIX = " (browser: false)";

    /** A resolved file, a built-in module, or why there is neither. */
    public record Result(String path, String builtin, String problem) {

        static Result file(String path) {
            return new Result(path, null, null);
        }

        static Result builtin(String name) {
            return new Result(null, name, null);
        }

        static Result failed(String problem) {
            return new Result(null, null, problem);
        }

        public boolean found() {
            return this.path != null;
        }

    }

    private final List<ModuleTree> roots;

    private final Set<String> conditions;

    private final boolean browser;

    private final boolean modulesOnly;

    private final Map<String, Optional<ModuleTree>> owners = new HashMap<>();

    private final Map<String, Optional<Map<String, Object>>> manifests = new HashMap<>();

    private final Map<String, String> emptyModules = new HashMap<>();

    private int remaps;

    /**
     * The conditions a module set resolves with unless told otherwise: a browser-like
     * worker, then CommonJS.
     */
    public static final List<String> DEFAULT_CONDITIONS = List.of("worker", "browser", "require", "default");

    /** A resolver with {@link #DEFAULT_CONDITIONS}. */
    public NodeResolver(List<ModuleTree> roots) {
        this(roots, DEFAULT_CONDITIONS);
    }

    public NodeResolver(List<ModuleTree> roots, Collection<String> conditions) {
        this(roots, conditions, false);
    }

    private NodeResolver(List<ModuleTree> roots, Collection<String> conditions, boolean modulesOnly) {
        this.roots = List.copyOf(roots);
        this.conditions = PackageExports.conditions(new ArrayList<>(conditions));
        this.browser = this.conditions.contains("browser");
        this.modulesOnly = modulesOnly;
    }

    /**
     * A resolver to which only {@code .js}, {@code .cjs} and {@code .json} files exist,
     * for requests made at run time: what Node would evaluate as a script from any other
     * name may be data that is not meant to run.
     */
    static NodeResolver modulesOnly(List<ModuleTree> roots, Collection<String> conditions) {
        return new NodeResolver(roots, conditions, true);
    }

    /**
     * The conditions {@code exports} and {@code imports} match, {@code default} among
     * them.
     */
    Set<String> conditions() {
        return this.conditions;
    }

    static boolean isBuiltin(String request) {
        return request.startsWith("node:") || BUILTINS.contains(request);
    }

    /**
     * Resolves {@code request} as {@code require} in a file of directory {@code dir}
     * would.
     */
    public Result resolve(String dir, String request) {
        return resolve(dir, request, true);
    }

    /**
     * With {@code mapped} false, the {@code browser} field is not looked up for the
     * request itself.
     */
    private Result resolve(String dir, String request, boolean mapped) {
        if (request.isEmpty()) {
            return Result.failed("empty request");
        }
        boolean relative = isRelative(request);
        if (mapped && !relative && !request.startsWith("#") && !request.startsWith("/")) {
            Result remapped = mapModuleName(dir, request);
            if (remapped != null) {
                return remapped;
            }
        }
        if (isBuiltin(request)) {
            return Result.builtin(request.startsWith("node:") ? request.substring(5) : request);
        }
        if (request.startsWith("/")) {
            return Result.failed("absolute paths are not supported: paths are relative to the module roots");
        }
        boolean directoryOnly = request.endsWith("/") || request.endsWith("/.") || request.endsWith("/..")
                || request.equals(".") || request.equals("..");
        if (relative) {
            String target = join(dir, request);
            if (target == null) {
                return Result.failed("the request leaves the module roots");
            }
            Result remapped = mapped ? mapPath(target) : null;
            if (remapped != null) {
                return remapped;
            }
            String found = directoryOnly ? null : loadAsFile(target);
            return found(found != null ? found : loadAsDirectory(target));
        }
        if (request.startsWith("#")) {
            return packageImports(dir, request);
        }
        Result self = packageSelf(dir, request);
        if (self != null) {
            return self;
        }
        String name = packageName(request);
        if (name == null) {
            return Result.failed("invalid package name");
        }
        for (String modules : nodeModulesPaths(dir)) {
            String packageDir = modules + "/" + name;
            Map<String, Object> manifest = manifest(packageDir);
            if (manifest != null && manifest.get("exports") != null) {
                return PackageExports.exports(this, packageDir, "." + request.substring(name.length()),
                        manifest.get("exports"));
            }
            String target = normalize(modules + "/" + request);
            Result remapped = target == null ? null : mapPath(target);
            if (remapped != null) {
                return remapped;
            }
            String found = target == null || directoryOnly ? null : loadAsFile(target);
            if (found == null && target != null) {
                found = loadAsDirectory(target);
            }
            if (found != null) {
                return Result.file(found);
            }
        }
        return Result.failed("not found");
    }

    boolean isFile(String path) {
        return root(path) != null;
    }

    /**
     * For the path of an empty module made by a {@code browser} field, what made it;
     * otherwise null.
     */
    public String emptyModule(String path) {
        return this.emptyModules.get(path);
    }

    /** Whether some root has the directory {@code dir}; the base is always one. */
    boolean isDirectory(String dir) {
        return this.roots.stream().anyMatch(root -> root.isDirectory(dir));
    }

    /**
     * The text of a file that {@link #isFile} confirmed, or of an empty module; every
     * read of a module or a package.json comes here.
     */
    public String read(String path) {
        if (this.emptyModules.containsKey(path)) {
            return "";
        }
        ModuleTree root = root(path);
        if (root == null) {
            throw new IllegalArgumentException("no module root has the file " + path);
        }
        return root.read(path);
    }

    /**
     * The first root that has the file, for every question about a file: the roots keep
     * to what lies inside them. Remembered for this resolver only, as files may change
     * between builds.
     */
    private ModuleTree root(String path) {
        if (this.modulesOnly && !isModuleFile(path)) {
            return null;
        }
        return this.owners.computeIfAbsent(path, p -> this.roots.stream().filter(root -> root.isFile(p)).findFirst())
            .orElse(null);
    }

    private static boolean isModuleFile(String path) {
        return path.endsWith(".js") || path.endsWith(".cjs") || path.endsWith(".json");
    }

    /**
     * The parsed {@code package.json} of a directory, or null when it has none (or an
     * unreadable one).
     */
    Map<String, Object> manifest(String dir) {
        return this.manifests.computeIfAbsent(child(dir, "package.json"), path -> {
            if (!isFile(path)) {
                return Optional.empty();
            }
            try {
                return Json.parse(read(path)) instanceof Map<?, ?> map ? Optional.of(cast(map)) : Optional.empty();
            }
            catch (IllegalArgumentException ex) {
                return Optional.empty();
            }
        }).orElse(null);
    }

    private String loadAsFile(String path) {
        if (path == null) {
            return null;
        }
        for (String extension : EXTENSIONS) {
            if (!path.isEmpty() && isFile(path + extension)) {
                return path + extension;
            }
        }
        return null;
    }

    private String loadIndex(String dir) {
        String index = child(dir, "index");
        Result remapped = mapPath(index);
        return remapped != null ? remapped.path() : loadAsFile(index);
    }

    /**
     * The main file of a directory: the {@code browser} string when it applies, else
     * {@code main}, else index.
     */
    private String loadAsDirectory(String dir) {
        Map<String, Object> manifest = manifest(dir);
        if (manifest != null && this.browser) {
            String found = loadMain(dir, manifest.get("browser"));
            if (found != null) {
                return found;
            }
        }
        if (manifest != null) {
            String found = loadMain(dir, manifest.get("main"));
            if (found != null) {
                return found;
            }
        }
        return loadIndex(dir);
    }

    private String loadMain(String dir, Object field) {
        if (!(field instanceof String main) || main.isEmpty()) {
            return null;
        }
        String target = join(dir, main);
        if (target == null) {
            return null;
        }
        Result remapped = mapPath(target);
        if (remapped != null) {
            return remapped.path();
        }
        String found = loadAsFile(target);
        return found != null ? found : loadIndex(target);
    }

    /**
     * What the {@code browser} field of the package around {@code target} (a path,
     * without extension perhaps) maps it to, a failure when the mapping leads nowhere, or
     * null when no key matches.
     */
    private Result mapPath(String target) {
        if (!this.browser) {
            return null;
        }
        String scope = packageScope(dirname(target));
        Map<String, Object> map = browserMap(scope);
        if (map == null || target.equals(scope)) {
            return null;
        }
        String relative = scope.isEmpty() ? target : target.substring(scope.length() + 1);
        String key = browserKey(map, relative);
        if (key == null) {
            key = browserKey(map, "./" + relative);
        }
        return key == null ? null : mapped(scope, key, map.get(key));
    }

    /**
     * The same for a bare request (a module name) made from a file of directory
     * {@code dir}.
     */
    private Result mapModuleName(String dir, String request) {
        if (!this.browser) {
            return null;
        }
        String scope = packageScope(dir);
        Map<String, Object> map = browserMap(scope);
        if (map == null) {
            return null;
        }
        String key = browserKey(map, request);
        if (key == null && request.startsWith("node:")) {
            key = browserKey(map, request.substring(5));
        }
        return key == null ? null : mapped(scope, key, map.get(key));
    }

    /**
     * The object form of the {@code browser} field of the package in {@code scope}, or
     * null.
     */
    private Map<String, Object> browserMap(String scope) {
        Map<String, Object> manifest = scope == null ? null : manifest(scope);
        return manifest != null && manifest.get("browser") instanceof Map<?, ?> map ? cast(map) : null;
    }

    /**
     * The key of {@code map} that {@code path} matches as it is, with an extension, or as
     * a directory's index.
     */
    private static String browserKey(Map<String, Object> map, String path) {
        for (String base : new String[] { path, path + "/index" }) {
            for (String extension : EXTENSIONS) {
                if (map.containsKey(base + extension)) {
                    return base + extension;
                }
            }
        }
        return null;
    }

    private Result mapped(String scope, String key, Object value) {
        String where = BROWSER_FIELD + child(scope, "package.json");
        if (Boolean.FALSE.equals(value)) {
            if (!ModuleTree.isPlain(key)) {
                return null;
            }
            String path = child(scope, key.startsWith("./") ? key.substring(2) : key) + EMPTY_SUFFIX;
            this.emptyModules.put(path, where + " maps " + key + " to false");
            return Result.file(path);
        }
        if (!(value instanceof String target)) {
            return null;
        }
        if (this.remaps >= MAX_REMAPS) {
            return Result.failed(where + " maps " + key + " to " + target + ", past the " + MAX_REMAPS
                    + " mappings one request may go through");
        }
        this.remaps++;
        try {
            Result result = resolve(scope, target, false);
            if (result.found() || result.builtin() != null || result.problem().startsWith(BROWSER_FIELD)) {
                return result;
            }
            return Result.failed(
                    where + " maps " + key + " to " + target + ", which cannot be resolved (" + result.problem() + ")");
        }
        finally {
            this.remaps--;
        }
    }

    /**
     * A request that names the package it is made from resolves through that package's
     * own exports.
     */
    private Result packageSelf(String dir, String request) {
        String scope = packageScope(dir);
        Map<String, Object> manifest = scope == null ? null : manifest(scope);
        if (manifest == null || manifest.get("exports") == null || !(manifest.get("name") instanceof String name)
                || !(request.equals(name) || request.startsWith(name + "/"))) {
            return null;
        }
        return PackageExports.exports(this, scope, "." + request.substring(name.length()), manifest.get("exports"));
    }

    private Result packageImports(String dir, String request) {
        String scope = packageScope(dir);
        Map<String, Object> manifest = scope == null ? null : manifest(scope);
        if (manifest == null || !(manifest.get("imports") instanceof Map<?, ?> imports)) {
            return Result.failed("no package.json \"imports\" defines it");
        }
        return PackageExports.imports(this, scope, request, cast(imports));
    }

    /**
     * The nearest directory from {@code dir} up with a package.json, not crossing a
     * node_modules folder.
     */
    private String packageScope(String dir) {
        String current = dir;
        while (current != null) {
            if (current.equals("node_modules") || current.endsWith("/node_modules")) {
                return null;
            }
            if (isFile(child(current, "package.json"))) {
                return current;
            }
            current = current.isEmpty() ? null : dirname(current);
        }
        return null;
    }

    private static List<String> nodeModulesPaths(String dir) {
        List<String> paths = new ArrayList<>();
        String current = dir;
        while (current != null) {
            if (!current.equals("node_modules") && !current.endsWith("/node_modules")) {
                paths.add(child(current, "node_modules"));
            }
            current = current.isEmpty() ? null : dirname(current);
        }
        return paths;
    }

    private static String packageName(String request) {
        int slash = request.indexOf('/');
        if (request.startsWith("@")) {
            if (slash <= 1 || slash == request.length() - 1) {
                return null;
            }
            int second = request.indexOf('/', slash + 1);
            return second < 0 ? request : request.substring(0, second);
        }
        return slash < 0 ? request : request.substring(0, slash);
    }

    private static Result found(String path) {
        return path == null ? Result.failed("not found") : Result.file(path);
    }

    static boolean isRelative(String request) {
        return request.equals(".") || request.equals("..") || request.startsWith("./") || request.startsWith("../");
    }

    static String dirname(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    static String child(String dir, String name) {
        return dir.isEmpty() ? name : dir + "/" + name;
    }

    /**
     * {@code dir} joined with a relative path, normalised; null when it would leave the
     * base.
     */
    static String join(String dir, String relative) {
        return normalize(dir.isEmpty() ? relative : dir + "/" + relative);
    }

    static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            }
            else if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

}
