package dev.jsrun.modules;

import java.util.Map;

import dev.jsrun.JsRuntime;

/**
 * What {@code require} did in one runtime since it was restored from its snapshot.
 *
 * @param exportHits requests answered from the exports cache (modules stored initialized, or initialized
 * earlier in this runtime; a circular request for a module still initializing counts here too)
 * @param definitionHits requests that initialized a module from its definition
 * @param misses requests that threw: unknown modules, Node built-ins, excluded modules
 * @param exports modules stored initialized in the snapshot
 * @param definitions modules defined in the snapshot, initialized or not
 */
public record ModuleStats(long exportHits, long definitionHits, long misses, int exports, int definitions) {

    /**
     * Reads the statistics of a runtime restored from a snapshot that holds a {@link ModuleSet} bundle.
     * @throws IllegalStateException when the runtime has no module bundle
     */
    public static ModuleStats of(JsRuntime runtime) {
        Object stats = runtime.eval("typeof __jsrun_modules === 'object' ? __jsrun_modules.stats() : null");
        if (!(stats instanceof Map<?, ?> map)) {
            throw new IllegalStateException("this runtime's snapshot holds no ModuleSet bundle");
        }
        return new ModuleStats(number(map, "exportHits"), number(map, "definitionHits"), number(map, "misses"),
                (int) number(map, "exports"), (int) number(map, "definitions"));
    }

    private static long number(Map<?, ?> map, String key) {
        return ((Number) map.get(key)).longValue();
    }

}
