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

    /** No modules, no requests. */
    public static final ModuleStats NONE = new ModuleStats(0, 0, 0, 0, 0);

    /** The script that reads the statistics, or {@code null} without a {@link ModuleSet} bundle. */
    public static final String READ = "typeof __jsrun_modules === 'object' ? __jsrun_modules.stats() : null";

    /** Reads the statistics of a runtime; {@link #NONE} when its snapshot holds no {@link ModuleSet} bundle. */
    public static ModuleStats of(JsRuntime runtime) {
        return from(runtime.eval(READ));
    }

    /** The statistics from the value of {@link #READ}. */
    public static ModuleStats from(Object stats) {
        if (!(stats instanceof Map<?, ?> map)) {
            return NONE;
        }
        return new ModuleStats(number(map, "exportHits"), number(map, "definitionHits"), number(map, "misses"),
                (int) number(map, "exports"), (int) number(map, "definitions"));
    }

    /** These requests plus {@code other}'s; the module counts stay this one's. */
    public ModuleStats plusRequests(ModuleStats other) {
        return new ModuleStats(this.exportHits + other.exportHits, this.definitionHits + other.definitionHits,
                this.misses + other.misses, Math.max(this.exports, other.exports),
                Math.max(this.definitions, other.definitions));
    }

    private static long number(Map<?, ?> map, String key) {
        return ((Number) map.get(key)).longValue();
    }

}
