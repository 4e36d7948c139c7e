package dev.jsrun.autoconfigure;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.jsrun.JsFailureKind;
import dev.jsrun.ModuleStats;
import dev.jsrun.Snapshot;
import dev.jsrun.pool.DiscardReason;
import dev.jsrun.pool.JsRuntimePool;
import dev.jsrun.pool.PoolListener;
import dev.jsrun.pool.PoolStats;

/**
 * Meters for the snapshot and the runtime pool, named after HikariCP's and tagged
 * {@code pool}: {@code jsrun.isolates.active/idle/pending/max/min},
 * {@code jsrun.isolates.timeout}, {@code jsrun.isolates.acquire/usage/creation/reset},
 * {@code jsrun.isolates.discarded} (tag {@code reason}: a {@link DiscardReason#tag()}),
 * {@code jsrun.isolates.errors} (tag {@code type}: a {@link JsFailureKind}),
 * {@code jsrun.isolates.heap.used/limit},
 * {@code jsrun.isolates.heap.external/external.limit}, {@code jsrun.isolates.scopes},
 * {@code jsrun.isolates.scope.hits/switches}, {@code jsrun.isolates.resets.avoided},
 * {@code jsrun.modules.requires} (tag {@code result}), {@code jsrun.snapshot.size} and
 * {@code jsrun.snapshot.build}.
 */
public class JsRunMetrics implements MeterBinder {

    private final Snapshot snapshot;

    private final JsRuntimePool pool;

    public JsRunMetrics(Snapshot snapshot, JsRuntimePool pool) {
        this.snapshot = snapshot;
        this.pool = pool;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Tags tags = Tags.of("pool", this.pool.settings().name());
        gauge(registry, "jsrun.isolates.active", "Runtimes borrowed by callers", tags, PoolStats::active);
        gauge(registry, "jsrun.isolates.idle", "Runtimes clean and ready to hand out", tags, PoolStats::idle);
        gauge(registry, "jsrun.isolates.pending", "Callers waiting for a runtime", tags, PoolStats::pending);
        gauge(registry, "jsrun.isolates.max", "Most runtimes the pool may hold", tags, PoolStats::max);
        gauge(registry, "jsrun.isolates.min", "Idle runtimes the pool keeps ready", tags, PoolStats::min);
        gauge(registry, "jsrun.isolates.cleaning", "Returned runtimes being reset to the snapshot state", tags,
                PoolStats::cleaning);
        Gauge.builder("jsrun.isolates.heap.used", this.pool, pool -> pool.stats().heapUsed())
            .description("V8 heap in use, summed over the pool's runtimes as of their last reset")
            .baseUnit("bytes")
            .tags(tags)
            .register(registry);
        Gauge.builder("jsrun.isolates.heap.limit", this.pool, pool -> pool.stats().heapLimit())
            .description("V8 heap limits summed over the pool's runtimes")
            .baseUnit("bytes")
            .tags(tags)
            .register(registry);
        Gauge.builder("jsrun.isolates.heap.external", this.pool, pool -> pool.stats().externalMemory())
            .description("Memory outside the V8 heap (array buffers, WebAssembly memories), summed over the pool's "
                    + "runtimes as of their last reset")
            .baseUnit("bytes")
            .tags(tags)
            .register(registry);
        Gauge.builder("jsrun.isolates.heap.external.limit", this.pool, pool -> pool.stats().externalMemoryLimit())
            .description("External memory limits summed over the pool's runtimes")
            .baseUnit("bytes")
            .tags(tags)
            .register(registry);
        // A function timer, because the pool restores its first runtimes before meters
        // are bound.
        FunctionTimer
            .builder("jsrun.isolates.creation", this.pool, JsRuntimePool::restoredCount, JsRuntimePool::restoredNanos,
                    TimeUnit.NANOSECONDS)
            .description("Time to restore a runtime from the snapshot")
            .tags(tags)
            .register(registry);
        for (String result : new String[] { "export", "definition", "miss" }) {
            FunctionCounter.builder("jsrun.modules.requires", this.pool, pool -> requires(pool.moduleStats(), result))
                .description("require() calls answered from stored exports, from definitions, or not at all")
                .tags(tags.and("result", result))
                .register(registry);
        }
        Gauge.builder("jsrun.isolates.scopes", this.pool, pool -> pool.scopeStats().scopes())
            .description("Scopes that hold a runtime they may borrow again without a reset")
            .tags(tags)
            .register(registry);
        FunctionCounter.builder("jsrun.isolates.scope.hits", this.pool, pool -> pool.scopeStats().hits())
            .description("Borrows of a scope served with the runtime that scope gave back, unreset")
            .tags(tags)
            .register(registry);
        FunctionCounter.builder("jsrun.isolates.scope.switches", this.pool, pool -> pool.scopeStats().switches())
            .description("Runtimes a scope held that were reset for another scope or a plain borrower")
            .tags(tags)
            .register(registry);
        FunctionCounter.builder("jsrun.isolates.resets.avoided", this.pool, pool -> pool.scopeStats().hits())
            .description("Resets to the snapshot state that scoped borrowing saved")
            .tags(tags)
            .register(registry);
        Gauge.builder("jsrun.snapshot.size", this.snapshot, Snapshot::size)
            .description("Size of the V8 heap image runtimes are restored from")
            .baseUnit("bytes")
            .tags(tags)
            .register(registry);
        Timer.builder("jsrun.snapshot.build")
            .description("Time to run the snapshot scripts and capture the heap")
            .tags(tags)
            .register(registry)
            .record(this.snapshot.buildTime());
        this.pool.addListener(new Recorder(registry, tags));
    }

    private static double requires(ModuleStats stats, String result) {
        return switch (result) {
            case "export" -> stats.exportHits();
            case "definition" -> stats.definitionHits();
            default -> stats.misses();
        };
    }

    private void gauge(MeterRegistry registry, String name, String description, Tags tags,
            java.util.function.ToIntFunction<PoolStats> value) {
        Gauge.builder(name, this.pool, pool -> value.applyAsInt(pool.stats()))
            .description(description)
            .tags(tags)
            .register(registry);
    }

    /** Turns pool events into timers and counters. */
    private static final class Recorder implements PoolListener {

        private final MeterRegistry registry;

        private final Tags tags;

        private final Timer acquire;

        private final Timer usage;

        private final Timer reset;

        private final Counter timeout;

        Recorder(MeterRegistry registry, Tags tags) {
            this.registry = registry;
            this.tags = tags;
            this.acquire = Timer.builder("jsrun.isolates.acquire")
                .description("Time callers waited for a runtime")
                .tags(tags)
                .register(registry);
            this.usage = Timer.builder("jsrun.isolates.usage")
                .description("Time from borrowing a runtime to giving it back")
                .tags(tags)
                .register(registry);
            this.reset = Timer.builder("jsrun.isolates.reset")
                .description("Time to reset a returned runtime to the snapshot state")
                .tags(tags)
                .register(registry);
            this.timeout = Counter.builder("jsrun.isolates.timeout")
                .description("Acquires that gave up waiting for a runtime")
                .tags(tags)
                .register(registry);
        }

        @Override
        public void acquired(long nanos) {
            this.acquire.record(nanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public void acquireTimedOut() {
            this.timeout.increment();
        }

        @Override
        public void released(long nanos) {
            this.usage.record(nanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public void cleaned(long nanos) {
            this.reset.record(nanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public void evaluationFailed(RuntimeException failure) {
            Counter.builder("jsrun.isolates.errors")
                .description("Evaluations that failed, by type")
                .tags(this.tags.and("type", JsFailureKind.of(failure).tag()))
                .register(this.registry)
                .increment();
        }

        @Override
        public void discarded(DiscardReason reason) {
            Counter.builder("jsrun.isolates.discarded")
                .description("Runtimes disposed of instead of reused, by reason")
                .tags(this.tags.and("reason", reason.tag()))
                .register(this.registry)
                .increment();
        }

    }

}
