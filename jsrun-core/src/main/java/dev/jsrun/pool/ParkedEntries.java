package dev.jsrun.pool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The {@link PoolEntry.State#PARKED parked} entries, by scope and by age: a borrower of a
 * scope takes the one that scope gave back last; under pressure, the one given back
 * longest ago goes to be reset for somebody else. Only an index: each entry's state says
 * where it is, and whoever takes an entry from here moves it on.
 */
final class ParkedEntries {

    private final Map<String, ArrayDeque<PoolEntry>> byScope = new HashMap<>();

    private final LinkedHashSet<PoolEntry> byAge = new LinkedHashSet<>();

    /** Adds an entry its scope gave back; {@link PoolEntry#scope()} says which. */
    synchronized void add(PoolEntry entry) {
        this.byScope.computeIfAbsent(entry.scope(), scope -> new ArrayDeque<>()).addLast(entry);
        this.byAge.add(entry);
    }

    /** The entry {@code scope} gave back last, or {@code null}. */
    synchronized PoolEntry take(String scope) {
        ArrayDeque<PoolEntry> waiting = this.byScope.get(scope);
        if (waiting == null) {
            return null;
        }
        PoolEntry entry = waiting.pollLast();
        if (waiting.isEmpty()) {
            this.byScope.remove(scope);
        }
        if (entry != null) {
            this.byAge.remove(entry);
        }
        return entry;
    }

    /** The entry given back longest ago, of any scope, or {@code null}. */
    synchronized PoolEntry takeOldest() {
        Iterator<PoolEntry> oldest = this.byAge.iterator();
        if (!oldest.hasNext()) {
            return null;
        }
        PoolEntry entry = oldest.next();
        oldest.remove();
        ArrayDeque<PoolEntry> waiting = this.byScope.get(entry.scope());
        waiting.remove(entry);
        if (waiting.isEmpty()) {
            this.byScope.remove(entry.scope());
        }
        return entry;
    }

    /** Every parked entry, removed. */
    synchronized List<PoolEntry> drain() {
        List<PoolEntry> all = new ArrayList<>(this.byAge);
        this.byAge.clear();
        this.byScope.clear();
        return all;
    }

    synchronized int size() {
        return this.byAge.size();
    }

    /** The scopes holding an entry. */
    synchronized int scopes() {
        return this.byScope.size();
    }

}
