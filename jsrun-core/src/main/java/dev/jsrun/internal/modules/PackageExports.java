package dev.jsrun.internal.modules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.jsrun.internal.modules.NodeResolver.Result;
import dev.jsrun.modules.ModuleSet;

/**
 * The {@code exports} and {@code imports} fields of {@code package.json}, following
 * Node's PACKAGE_EXPORTS_RESOLVE / PACKAGE_IMPORTS_RESOLVE: string, array and conditional
 * targets, {@code "."} and subpath keys, and {@code *} patterns. The conditions are the
 * resolver's set (see {@link ModuleSet.Builder#conditions}); as in Node, the first key of
 * a conditions object that is in the set wins, so the key order of the package decides,
 * not the order of the set.
 */
public final class PackageExports {

    /** The condition Node always matches, and so does every set of conditions here. */
    static final String DEFAULT = "default";

    /** An explicit {@code null} target: the subpath is deliberately not exported. */
    private static final Result NULL = Result.failed("excluded by a null target");

    private PackageExports() {
    }

    /**
     * The set of conditions for {@code given}, in the order given, without repeats and
     * with {@code default} added at the end when it is missing.
     * @throws IllegalArgumentException when an entry is null or blank
     */
    public static Set<String> conditions(List<String> given) {
        Objects.requireNonNull(given, "conditions");
        Set<String> conditions = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String condition = given.get(i);
            if (condition == null || condition.isBlank()) {
                throw new IllegalArgumentException("conditions[" + i + "] is blank in " + given
                        + ": each condition is a name such as browser or require");
            }
            conditions.add(condition);
        }
        conditions.add(DEFAULT);
        return conditions;
    }

    /**
     * Resolves {@code subpath} ({@code "."} or {@code "./x"}) of the package in
     * {@code packageDir}.
     */
    static Result exports(NodeResolver resolver, String packageDir, String subpath, Object exports) {
        String where = "\"exports\" of " + NodeResolver.child(packageDir, "package.json");
        try {
            boolean dotKeys = exports instanceof Map<?, ?> map && hasDotKeys(map, where);
            Result result = null;
            if (subpath.equals(".")) {
                Object main = exports instanceof String || exports instanceof List
                        || (exports instanceof Map && !dotKeys) ? exports
                                : exports instanceof Map<?, ?> map ? map.get(".") : null;
                if (main != null) {
                    result = target(resolver, packageDir, main, null, false);
                }
            }
            else if (dotKeys) {
                result = match(resolver, packageDir, subpath, NodeResolver.cast((Map<?, ?>) exports), false);
            }
            if (result == null || result == NULL) {
                return Result.failed("package subpath '" + subpath + "' is not defined by " + where);
            }
            return existing(resolver, result);
        }
        catch (IllegalArgumentException ex) {
            return Result.failed(ex.getMessage());
        }
    }

    /**
     * Resolves a {@code #name} request through the {@code imports} of the package in
     * {@code packageDir}.
     */
    static Result imports(NodeResolver resolver, String packageDir, String request, Map<String, Object> imports) {
        if (request.equals("#") || request.startsWith("#/")) {
            return Result.failed("invalid import specifier '" + request + "'");
        }
        try {
            Result result = match(resolver, packageDir, request, imports, true);
            if (result == null || result == NULL) {
                return Result.failed("'" + request + "' is not defined by \"imports\" of "
                        + NodeResolver.child(packageDir, "package.json"));
            }
            return existing(resolver, result);
        }
        catch (IllegalArgumentException ex) {
            return Result.failed(ex.getMessage());
        }
    }

    /** Targets name exact files: unlike main, no extension or index file is tried. */
    private static Result existing(NodeResolver resolver, Result result) {
        if (result.path() != null && !resolver.isFile(result.path()) && resolver.emptyModule(result.path()) == null) {
            return Result.failed("not found: " + result.path());
        }
        return result;
    }

    private static Result match(NodeResolver resolver, String packageDir, String key, Map<String, Object> map,
            boolean imports) {
        if (map.containsKey(key) && !key.contains("*")) {
            return target(resolver, packageDir, map.get(key), null, imports);
        }
        List<String> patterns = new ArrayList<>();
        for (String candidate : map.keySet()) {
            int star = candidate.indexOf('*');
            if (star >= 0 && star == candidate.lastIndexOf('*')) {
                patterns.add(candidate);
            }
        }
        patterns.sort(PackageExports::compareKeys);
        for (String pattern : patterns) {
            String base = pattern.substring(0, pattern.indexOf('*'));
            String trailer = pattern.substring(pattern.indexOf('*') + 1);
            if (key.startsWith(base) && !key.equals(base)
                    && (trailer.isEmpty() || (key.endsWith(trailer) && key.length() >= pattern.length()))) {
                String matched = key.substring(base.length(), key.length() - trailer.length());
                return target(resolver, packageDir, map.get(pattern), matched, imports);
            }
        }
        return null;
    }

    /**
     * Node's PATTERN_KEY_COMPARE: longer prefix before the '*' first, then longer keys.
     */
    private static int compareKeys(String a, String b) {
        int baseA = a.indexOf('*') + 1;
        int baseB = b.indexOf('*') + 1;
        if (baseA != baseB) {
            return baseA > baseB ? -1 : 1;
        }
        return Integer.compare(b.length(), a.length());
    }

    /**
     * A resolved target, {@link #NULL}, or Java null when no condition matched (try the
     * next one).
     */
    private static Result target(NodeResolver resolver, String packageDir, Object target, String pattern,
            boolean imports) {
        if (target instanceof String text) {
            if (!text.startsWith("./")) {
                // a '#' target would resolve through "imports" again, and could do so
                // forever
                if (imports && !text.startsWith("../") && !text.startsWith("/") && !text.contains(":")
                        && !text.startsWith("#")) {
                    String request = pattern == null ? text : text.replace("*", pattern);
                    return resolver.resolve(packageDir, request);
                }
                throw invalid(packageDir, text);
            }
            if (hasInvalidSegment(text.substring(2)) || (pattern != null && hasInvalidSegment(pattern))) {
                throw invalid(packageDir, text);
            }
            String resolved = pattern == null ? text : text.replace("*", pattern);
            return Result.file(NodeResolver.child(packageDir, NodeResolver.normalize(resolved.substring(2))));
        }
        if (target instanceof List<?> list) {
            if (list.isEmpty()) {
                return NULL;
            }
            IllegalArgumentException last = null;
            for (Object item : list) {
                try {
                    Result result = target(resolver, packageDir, item, pattern, imports);
                    if (result != null && result != NULL) {
                        return result;
                    }
                }
                catch (IllegalArgumentException ex) {
                    last = ex;
                }
            }
            if (last != null) {
                throw last;
            }
            return NULL;
        }
        if (target instanceof Map<?, ?> conditions) {
            for (Map.Entry<?, ?> entry : conditions.entrySet()) {
                if (resolver.conditions().contains(String.valueOf(entry.getKey()))) {
                    Result result = target(resolver, packageDir, entry.getValue(), pattern, imports);
                    if (result != null) {
                        return result;
                    }
                }
            }
            return null;
        }
        if (target == null) {
            return NULL;
        }
        throw invalid(packageDir, String.valueOf(target));
    }

    private static boolean hasDotKeys(Map<?, ?> map, String where) {
        int dots = 0;
        for (Object key : map.keySet()) {
            if (String.valueOf(key).startsWith(".")) {
                dots++;
            }
        }
        if (dots > 0 && dots < map.size()) {
            throw new IllegalArgumentException(where + " mixes subpaths (\"./x\") and conditions");
        }
        return dots > 0;
    }

    private static boolean hasInvalidSegment(String path) {
        for (String segment : path.split("[/\\\\]")) {
            if (segment.equals(".") || segment.equals("..") || segment.equalsIgnoreCase("node_modules")) {
                return true;
            }
        }
        return false;
    }

    private static IllegalArgumentException invalid(String packageDir, String target) {
        return new IllegalArgumentException(
                "invalid package target '" + target + "' in " + NodeResolver.child(packageDir, "package.json"));
    }

}
