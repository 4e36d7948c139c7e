package dev.jsrun.pool;

/**
 * What scoped borrowing ({@link JsRuntimePool#acquire(String)}) did in a pool.
 *
 * @param scopes scopes that hold a runtime now
 * @param parked runtimes those scopes hold, idle and unreset
 * @param hits borrows of a scope served with the runtime that scope gave back, each a
 * reset avoided
 * @param switches runtimes a scope held that were reset for another scope or a plain
 * borrower
 */
public record ScopeStats(int scopes, int parked, long hits, long switches) {
}
