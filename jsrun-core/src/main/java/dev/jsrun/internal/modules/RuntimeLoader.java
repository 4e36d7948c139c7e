package dev.jsrun.internal.modules;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.jsrun.JsFunction;
import dev.jsrun.internal.modules.NodeResolver.Result;
import dev.jsrun.modules.ModuleSet;

/**
 * The host function behind {@link ModuleSet#runtimeLoader}: {@code (dir, request)} to
 * {@code {path, source, json}} for a {@code .js}, {@code .cjs} or {@code .json} file
 * inside the roots, or null.
 * <p>
 * Any script may call it, so both arguments are hostile: they must be strings,
 * {@code dir} a directory of the module tree spelled as a tree path ({@code lib},
 * {@code node_modules/lodash}, empty for the base) and {@code request} a plain request,
 * both within {@link ModuleTree#MAX_PATH_LENGTH}. Whatever is refused or fails gives
 * null, which the bundle's {@code require} reports as {@code MODULE_NOT_FOUND}, so no
 * message from Java reaches the script.
 */
public final class RuntimeLoader implements JsFunction {

    private static final Logger logger = LoggerFactory.getLogger(RuntimeLoader.class);

    private final List<ModuleTree> roots;

    private final List<String> conditions;

    public RuntimeLoader(List<ModuleTree> roots, List<String> conditions) {
        this.roots = List.copyOf(roots);
        this.conditions = List.copyOf(PackageExports.conditions(conditions));
    }

    @Override
    public Object call(List<Object> arguments) {
        if (arguments.size() != 2 || !(arguments.get(0) instanceof String dir)
                || !(arguments.get(1) instanceof String request)) {
            return null;
        }
        try {
            return load(dir, request);
        }
        catch (UncheckedIOException ex) {
            logger.warn("A module root could not be read for a run-time module load: {}", ex.getMessage());
            return null;
        }
        catch (RuntimeException ex) {
            logger.debug("A run-time module load failed", ex);
            return null;
        }
    }

    private Map<String, Object> load(String dir, String request) {
        if (request.isEmpty() || !ModuleTree.isPlain(request) || !ModuleTree.isTreePath(dir)) {
            return null;
        }
        // One resolver per load, so that its caches neither grow with what scripts ask
        // nor serve two threads.
        NodeResolver resolver = NodeResolver.modulesOnly(this.roots, this.conditions);
        if (!resolver.isDirectory(dir)) {
            return null;
        }
        Result result = resolver.resolve(dir, request);
        if (!result.found()) {
            return null;
        }
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("path", result.path());
        file.put("source", resolver.read(result.path()));
        file.put("json", result.path().endsWith(".json"));
        return file;
    }

}
