package dev.jsrun.internal.pool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.jsrun.internal.runtime.Isolate;

/**
 * The runtimes that scopes gave back and may take again without a reset, by scope and by age: a borrower of a
 * scope takes the one that scope gave back last; under pressure, the one given back longest ago goes to be
 * reset for somebody else. The pool's count of borrowed runtimes still includes these.
 */
public final class ScopedRuntimes {

    /** A runtime waiting for its scope, with the borrows of that scope it served since its last reset. */
    public record Parked(Isolate isolate, String scope, int uses) {
    }

    private final Map<String, ArrayDeque<Parked>> byScope = new HashMap<>();

    private final LinkedHashMap<Isolate, Parked> byAge = new LinkedHashMap<>();

    public synchronized void park(Parked parked) {
        this.byScope.computeIfAbsent(parked.scope(), scope -> new ArrayDeque<>()).addLast(parked);
        this.byAge.put(parked.isolate(), parked);
    }

    /** The runtime {@code scope} gave back last, or {@code null}. */
    public synchronized Parked take(String scope) {
        ArrayDeque<Parked> waiting = this.byScope.get(scope);
        if (waiting == null) {
            return null;
        }
        Parked parked = waiting.pollLast();
        if (waiting.isEmpty()) {
            this.byScope.remove(scope);
        }
        if (parked != null) {
            this.byAge.remove(parked.isolate());
        }
        return parked;
    }

    /** The runtime given back longest ago, of any scope, or {@code null}. */
    public synchronized Parked takeOldest() {
        Iterator<Parked> oldest = this.byAge.values().iterator();
        if (!oldest.hasNext()) {
            return null;
        }
        Parked parked = oldest.next();
        oldest.remove();
        ArrayDeque<Parked> waiting = this.byScope.get(parked.scope());
        waiting.remove(parked);
        if (waiting.isEmpty()) {
            this.byScope.remove(parked.scope());
        }
        return parked;
    }

    /** Every parked runtime, removed. */
    public synchronized List<Parked> drain() {
        List<Parked> all = new ArrayList<>(this.byAge.values());
        this.byAge.clear();
        this.byScope.clear();
        return all;
    }

    public synchronized int size() {
        return this.byAge.size();
    }

    /** The scopes holding a runtime. */
    public synchronized int scopes() {
        return this.byScope.size();
    }

}
