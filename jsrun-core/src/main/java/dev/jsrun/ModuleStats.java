package dev.jsrun;

/**
 * What {@code require} did in one runtime since it was restored from its snapshot.
 *
 * @param exportHits requests answered from the exports cache (modules stored initialized,
 * or initialized earlier in this runtime; a circular request for a module still
 * initializing counts here too)
 * @param definitionHits requests that initialized a module from its definition
 * @param misses requests that threw: unknown modules, Node built-ins, excluded modules
 * @param exports modules stored initialized in the snapshot
 * @param definitions modules defined in the snapshot, initialized or not
 */
public record ModuleStats(long exportHits, long definitionHits, long misses, int exports, int definitions) {

    /** No modules, no requests. */
    public static final ModuleStats NONE = new ModuleStats(0, 0, 0, 0, 0);

    /** These requests plus {@code other}'s; the module counts stay this one's. */
    public ModuleStats plusRequests(ModuleStats other) {
        return new ModuleStats(this.exportHits + other.exportHits, this.definitionHits + other.definitionHits,
                this.misses + other.misses, Math.max(this.exports, other.exports),
                Math.max(this.definitions, other.definitions));
    }

}
