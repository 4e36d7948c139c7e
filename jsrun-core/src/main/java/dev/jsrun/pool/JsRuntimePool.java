package dev.jsrun.pool;

import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.caoccao.javet.exceptions.JavetException;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.jsrun.JsRuntime;
import dev.jsrun.JsRuntimeFactory;
import dev.jsrun.ModuleStats;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.internal.pool.Cleaner;
import dev.jsrun.internal.pool.ScopedRuntimes;
import dev.jsrun.internal.runtime.Isolate;
import dev.jsrun.internal.runtime.IsolateRuntime;

/**
 * A pool of runtimes restored from one snapshot. {@link #acquire()} hands out an idle runtime that is already
 * in exactly the snapshot's state; {@link JsRuntime#close()} gives it back, and a cleaner thread resets it
 * (or replaces it) before anyone else can borrow it, so borrowers never pay for the reset.
 * <p>
 * {@link #acquire(String)} borrows in a scope: a runtime that scope gave back is kept for it unreset, warm, so
 * the scope's next borrower gets it back as it was left; otherwise a clean one. A scoped runtime is reset
 * before anybody else gets it: when a borrower finds no clean runtime idle (the one given back longest ago
 * goes, whatever its scope, so no scope holds runtimes others wait for), after
 * {@link PoolSettings#scopeMaxUses()} borrows of its scope, and after a fault (timeout, heap or memory limit),
 * which disposes of it as for any borrower; a runtime with host functions bound is replaced.
 */
public final class JsRuntimePool implements JsRuntimeFactory {

    private static final Logger logger = LoggerFactory.getLogger(JsRuntimePool.class);

    private final RuntimeConfig config;
    private final PoolSettings settings;
    private final GenericObjectPool<Isolate> pool;
    private final Cleaner cleaner;
    private final Set<Isolate> borrowed = ConcurrentHashMap.newKeySet();
    private final Set<Isolate> live = ConcurrentHashMap.newKeySet();
    private final AtomicInteger cleaning = new AtomicInteger();
    private final AtomicLong restored = new AtomicLong();
    private final AtomicLong restoreNanos = new AtomicLong();
    private final AtomicReference<ModuleStats> requires = new AtomicReference<>(ModuleStats.NONE);
    private final ScopedRuntimes scoped = new ScopedRuntimes();
    /** Borrowers between their look at the scoped runtimes and getting a clean one, who may be waiting. */
    private final AtomicInteger acquiring = new AtomicInteger();
    private final AtomicLong scopeHits = new AtomicLong();
    private final AtomicLong scopeSwitches = new AtomicLong();
    private volatile boolean withoutModules;
    private final List<PoolListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private volatile Duration drainedAfter;
    private volatile RuntimeException restoreFailure;

    public JsRuntimePool(RuntimeConfig config, PoolSettings settings) {
        this.config = Objects.requireNonNull(config, "config");
        this.settings = Objects.requireNonNull(settings, "settings");
        GenericObjectPoolConfig<Isolate> poolConfig = new GenericObjectPoolConfig<>();
        poolConfig.setMaxTotal(settings.maxSize());
        poolConfig.setMaxIdle(settings.maxSize());
        poolConfig.setMinIdle(settings.minIdle());
        poolConfig.setMaxWait(settings.maxWait());
        poolConfig.setBlockWhenExhausted(true);
        poolConfig.setLifo(true);
        poolConfig.setFairness(true);
        poolConfig.setTestOnBorrow(true);
        poolConfig.setTimeBetweenEvictionRuns(settings.evictionInterval());
        poolConfig.setSoftMinEvictableIdleDuration(settings.idleTimeout());
        poolConfig.setMinEvictableIdleDuration(Duration.ofMillis(-1));
        poolConfig.setNumTestsPerEvictionRun(settings.maxSize());
        poolConfig.setJmxEnabled(false);
        this.pool = new GenericObjectPool<>(new IsolateFactory(), poolConfig);
        // helpers only when borrowers wait: otherwise they would take the cores the borrowers run on
        this.cleaner = new Cleaner(settings.name() + "-cleaner", settings.cleanerThreads(),
                () -> this.pool.getNumIdle() == 0 || this.pool.getNumWaiters() > 0);
        try {
            this.pool.preparePool();
        }
        catch (Exception ex) {
            close();
            throw new IllegalStateException("Could not restore the first " + settings.minIdle() + " runtime(s) of pool '"
                    + settings.name() + "': " + ex.getMessage(), ex);
        }
    }

    @Override
    public JsRuntime create() {
        requireOpen();
        return new IsolateRuntime(Isolate.restore(this.config), Isolate::close);
    }

    @Override
    public JsRuntime acquire() {
        return acquire(this.settings.maxWait());
    }

    @Override
    public JsRuntime acquire(Duration maxWait) {
        String scope = this.settings.scope();
        return (scope != null) ? acquire(scope, maxWait) : acquireClean(maxWait, null);
    }

    @Override
    public JsRuntime acquire(String scope) {
        return acquire(scope, this.settings.maxWait());
    }

    @Override
    public JsRuntime acquire(String scope, Duration maxWait) {
        JsRuntimeFactory.requireScope(scope);
        requireOpen();
        long started = System.nanoTime();
        ScopedRuntimes.Parked parked = this.scoped.take(scope);
        if (parked == null) {
            return acquireClean(maxWait, scope);
        }
        Isolate isolate = parked.isolate();
        long now = System.nanoTime();
        this.borrowed.add(isolate);
        this.scopeHits.incrementAndGet();
        isolate.markUsed();
        for (PoolListener listener : this.listeners) {
            listener.scopeHit();
            listener.acquired(now - started);
        }
        int uses = parked.uses() + 1;
        return new IsolateRuntime(isolate, returned -> giveBack(returned, now, scope, uses), this::evaluationFailed);
    }

    /** A runtime in the snapshot's state, for a plain borrower ({@code scope} null) or a scope's first. */
    private JsRuntime acquireClean(Duration maxWait, String scope) {
        requireOpen();
        long started = System.nanoTime();
        Isolate isolate;
        this.acquiring.incrementAndGet();
        try {
            if (this.pool.getNumIdle() == 0) {
                if (full()) {
                    // no clean runtime and no room for one: a runtime a scope holds is reset for this borrower
                    switchOne();
                }
                // about to wait: returned runtimes queued behind a busy cleaner thread must not wait for it
                this.cleaner.borrowerWaiting();
            }
            isolate = this.pool.borrowObject(maxWait);
        }
        catch (NoSuchElementException ex) {
            this.listeners.forEach(PoolListener::acquireTimedOut);
            throw new JsRuntimePoolExhaustedException(maxWait, stats());
        }
        catch (IllegalStateException ex) {
            requireOpen();
            throw ex;
        }
        catch (InterruptedException ex) {
            // closing the pool wakes its waiters this way; any other interrupt belongs to the caller
            requireOpen();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a runtime of pool '" + this.settings.name()
                    + "'", ex);
        }
        catch (Exception ex) {
            throw new IllegalStateException("Pool '" + this.settings.name() + "' could not restore a runtime: "
                    + ex.getMessage(), ex);
        }
        finally {
            this.acquiring.decrementAndGet();
        }
        long now = System.nanoTime();
        this.borrowed.add(isolate);
        if (this.drainedAfter != null) {
            // shutdown passed its timeout as this runtime was handed out: it is not used, but the pool lends no more
            this.borrowed.remove(isolate);
            this.pool.returnObject(isolate);
            requireOpen();
        }
        isolate.markUsed();
        for (PoolListener listener : this.listeners) {
            listener.acquired(now - started);
        }
        if (scope == null) {
            return new IsolateRuntime(isolate, returned -> giveBack(returned, now), this::evaluationFailed);
        }
        if (this.pool.getNumIdle() < this.settings.minIdle()) {
            // clean runtimes stay ready for new scopes and plain borrowers: a new one, or a scope's reset
            if (full()) {
                switchOne();
            }
            else {
                this.cleaner.submit(this::refill, false);
            }
        }
        return new IsolateRuntime(isolate, returned -> giveBack(returned, now, scope, 1), this::evaluationFailed);
    }

    /** Whether the pool holds as many runtimes as it may, so that a borrower must wait for one to come back. */
    private boolean full() {
        return this.pool.getNumActive() + this.pool.getNumIdle() >= this.settings.maxSize();
    }

    /** Sends the runtime a scope gave back longest ago to be reset for whoever needs a clean one. */
    private void switchOne() {
        ScopedRuntimes.Parked oldest = this.scoped.takeOldest();
        if (oldest == null) {
            return;
        }
        this.scopeSwitches.incrementAndGet();
        this.listeners.forEach(PoolListener::scopeSwitched);
        reset(oldest.isolate(), true);
    }

    /** What scoped borrowing did: the scopes that hold runtimes, how many, hits and switches so far. */
    public ScopeStats scopeStats() {
        return new ScopeStats(this.scoped.scopes(), this.scoped.size(), this.scopeHits.get(), this.scopeSwitches.get());
    }

    @Override
    public RuntimeConfig config() {
        return this.config;
    }

    public PoolSettings settings() {
        return this.settings;
    }

    public void addListener(PoolListener listener) {
        this.listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Runtimes restored from the snapshot for this pool so far, prefilled ones included. */
    public long restoredCount() {
        return this.restored.get();
    }

    /** Total time spent restoring {@link #restoredCount()} runtimes, in nanoseconds. */
    public long restoredNanos() {
        return this.restoreNanos.get();
    }

    /**
     * What {@code require()} did in the pool's runtimes, summed over the borrowers whose runtimes were reset
     * so far, with the number of modules in the snapshot.
     */
    public ModuleStats moduleStats() {
        return this.requires.get();
    }

    /** Whether the pool is open and can restore runtimes. */
    public boolean isOpen() {
        return !this.closed && this.drainedAfter == null && !this.pool.isClosed();
    }

    /**
     * Why the pool's last attempt to restore a runtime from the snapshot failed, or {@code null} when it
     * succeeded or none was made yet. Read without borrowing, so health checks cost the pool nothing.
     */
    public RuntimeException restoreFailure() {
        return this.restoreFailure;
    }

    public PoolStats stats() {
        int inCleaning = this.cleaning.get();
        long heapUsed = 0;
        long heapLimit = 0;
        long external = 0;
        long externalLimit = 0;
        for (Isolate isolate : this.live) {
            heapUsed += isolate.heapUsed();
            heapLimit += isolate.heapLimit();
            external += isolate.externalMemory();
            externalLimit += isolate.config().maxExternalMemory();
        }
        // runtimes that scopes hold are neither borrowed nor clean: scopeStats() counts them
        int parked = this.scoped.size();
        return new PoolStats(this.settings.name(), Math.max(0, this.pool.getNumActive() - inCleaning - parked),
                this.pool.getNumIdle(), this.pool.getNumWaiters(), inCleaning, this.settings.maxSize(),
                this.settings.minIdle(), heapUsed, heapLimit, external, externalLimit);
    }

    /**
     * Stops handing out runtimes, waits up to the shutdown timeout for borrowed ones to come back, then
     * terminates what still runs and disposes of every runtime. Never closes a runtime under a running
     * script, which would crash V8.
     */
    @Override
    public void close() {
        if (this.closed) {
            return;
        }
        this.closed = true;
        long deadline = System.nanoTime() + this.settings.shutdownTimeout().toNanos();
        try {
            terminateBorrowedAfter(this.settings.shutdownTimeout());
            this.cleaner.shutdown();
            this.cleaner.awaitTermination(Math.max(0, deadline - System.nanoTime()) + TimeUnit.SECONDS.toNanos(1));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        for (ScopedRuntimes.Parked parked : this.scoped.drain()) {
            discard(parked.isolate(), "pool closed");
        }
        this.pool.close();
        for (Isolate isolate : this.borrowed) {
            closeBorrowed(isolate);
        }
    }

    /**
     * Waits up to {@code grace} for borrowed runtimes to come back. If some are still out then, the pool stops
     * lending: borrowers waiting for a runtime, and any that come later, get an {@link IllegalStateException},
     * and the scripts still running are terminated (their callers get a {@link dev.jsrun.JsTimeoutException}).
     * For shutdown: requests stuck in runaway scripts end, and no request starts another one.
     */
    public void terminateBorrowedAfter(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (!this.borrowed.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        if (this.borrowed.isEmpty()) {
            return;
        }
        logger.warn("Pool '{}' shuts down with {} runtime(s) still borrowed after {}; terminating their scripts",
                this.settings.name(), this.borrowed.size(), grace);
        // refuse first: a borrower that gets a runtime after this sees the flag, one that got it before is terminated
        this.drainedAfter = grace;
        // wakes the waiting borrowers and disposes of the idle runtimes; returned ones are disposed of too
        this.pool.close();
        this.borrowed.forEach(Isolate::terminate);
    }

    private void closeBorrowed(Isolate isolate) {
        try {
            if (isolate.close(Duration.ofSeconds(1))) {
                this.live.remove(isolate);
            }
            else {
                logger.warn("Pool '{}': a runtime is still in use after termination; leaving it to its borrower",
                        this.settings.name());
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private void requireOpen() {
        if (this.closed) {
            throw new IllegalStateException("Pool '" + this.settings.name() + "' is closed");
        }
        Duration drained = this.drainedAfter;
        if (drained != null) {
            throw new IllegalStateException("Pool '" + this.settings.name() + "' is shutting down: runtimes were "
                    + "still borrowed " + drained + " (jsrun.pool.shutdown-timeout) after shutdown began, so their "
                    + "scripts were terminated and the pool lends no more runtimes");
        }
    }

    private void giveBack(Isolate isolate, long borrowedAt) {
        this.borrowed.remove(isolate);
        long usage = System.nanoTime() - borrowedAt;
        for (PoolListener listener : this.listeners) {
            listener.released(usage);
        }
        String unfit = unfitReason(isolate);
        if (unfit != null) {
            discard(isolate, unfit);
            return;
        }
        // A borrower blocked in acquire() should not wait for the cleaner's next look. Only then: a helper woken
        // here may take this thread's core for a whole reset before close() returns.
        reset(isolate, this.pool.getNumWaiters() > 0);
    }

    /** A scope's borrower gives back a runtime that served {@code uses} borrows of the scope since its reset. */
    private void giveBack(Isolate isolate, long borrowedAt, String scope, int uses) {
        if (uses >= this.settings.scopeMaxUses()) {
            giveBack(isolate, borrowedAt);
            return;
        }
        this.borrowed.remove(isolate);
        long usage = System.nanoTime() - borrowedAt;
        for (PoolListener listener : this.listeners) {
            listener.released(usage);
        }
        String unfit = unfitReason(isolate);
        if (unfit != null) {
            discard(isolate, unfit);
            return;
        }
        try {
            // a scope keeps its runtime's state, but not the timers and messages of a borrower who has left
            isolate.cancelTasks();
        }
        catch (JavetException | RuntimeException ex) {
            discard(isolate, "timers could not be cancelled");
            return;
        }
        this.scoped.park(new ScopedRuntimes.Parked(isolate, scope, uses));
        if (!isOpen()) {
            // closing drains the parked runtimes; one parked as it did is disposed of here
            for (ScopedRuntimes.Parked parked : this.scoped.drain()) {
                discard(parked.isolate(), "pool closed");
            }
            return;
        }
        // a borrower that found nothing to take just now waits for a clean runtime: it gets one
        if (this.acquiring.get() > 0 && this.pool.getNumIdle() == 0 && full()) {
            switchOne();
        }
    }

    /** Hands a runtime the pool counts as borrowed to a cleaner thread, which resets it and makes it idle. */
    private void reset(Isolate isolate, boolean urgent) {
        this.cleaning.incrementAndGet();
        if (!this.cleaner.submit(() -> clean(isolate), urgent)) {
            this.cleaning.decrementAndGet();
            discard(isolate, "pool closed");
        }
    }

    private void evaluationFailed(RuntimeException failure) {
        for (PoolListener listener : this.listeners) {
            listener.evaluationFailed(failure);
        }
    }

    private String unfitReason(Isolate isolate) {
        if (this.closed || this.drainedAfter != null) {
            return "pool closed";
        }
        if (isolate.taint() != null) {
            return isolate.taint();
        }
        if (isolate.isClosed()) {
            return "closed";
        }
        if (isolate.holdsHostFunctions()) {
            return "host functions bound";
        }
        if (this.settings.maxUses() > 0 && isolate.uses() >= this.settings.maxUses()) {
            return "max-uses reached";
        }
        return null;
    }

    private void clean(Isolate isolate) {
        long started = System.nanoTime();
        try {
            try {
                countRequires(isolate);
                isolate.reset();
                runWarmUpScript(isolate);
            }
            catch (Exception ex) {
                logger.warn("Pool '{}': a returned runtime could not be reset and is replaced: {}", this.settings.name(),
                        ex.toString());
                discard(isolate, "reset failed");
                return;
            }
            long took = System.nanoTime() - started;
            for (PoolListener listener : this.listeners) {
                listener.cleaned(took);
            }
            this.pool.returnObject(isolate);
        }
        finally {
            // only now: until the runtime is back, the pool counts it as active, and stats() subtracts the cleaning
            this.cleaning.decrementAndGet();
        }
    }

    /** The longest the warm-up script ({@link PoolSettings#warmUp()}) may run on a fresh or reset runtime. */
    private static final Duration WARM_UP_TIMEOUT = Duration.ofSeconds(10);

    /** Runs the pool's warm-up script ({@code jsrun.pool.warm-up}), if it has one, on a fresh or reset runtime. */
    private void runWarmUpScript(Isolate isolate) {
        if (this.settings.warmUp() != null) {
            isolate.eval(this.settings.warmUp(), WARM_UP_TIMEOUT);
        }
    }

    private void countRequires(Isolate isolate) {
        if (this.withoutModules) {
            return;
        }
        ModuleStats used = isolate.moduleStats();
        if (used.definitions() == 0) {
            this.withoutModules = true;
            return;
        }
        this.requires.accumulateAndGet(used, ModuleStats::plusRequests);
    }

    private void discard(Isolate isolate, String reason) {
        for (PoolListener listener : this.listeners) {
            listener.discarded(reason);
        }
        try {
            this.pool.invalidateObject(isolate);
        }
        catch (Exception ex) {
            logger.debug("Pool '{}': disposing of a runtime failed", this.settings.name(), ex);
        }
        if (isOpen() && this.pool.getNumIdle() < this.settings.minIdle()) {
            this.cleaner.submit(this::refill, true);
        }
    }

    private void refill() {
        try {
            if (isOpen() && this.pool.getNumIdle() < this.settings.minIdle()) {
                this.pool.addObject();
            }
        }
        catch (Exception ex) {
            logger.warn("Pool '{}': could not restore a replacement runtime: {}", this.settings.name(), ex.toString());
        }
    }

    private final class IsolateFactory extends BasePooledObjectFactory<Isolate> {

        @Override
        public Isolate create() {
            try {
                Isolate isolate = restore();
                if (JsRuntimePool.this.restoreFailure != null) {
                    JsRuntimePool.this.restoreFailure = null;
                    logger.info("Pool '{}' restores runtimes again", JsRuntimePool.this.settings.name());
                }
                return isolate;
            }
            catch (RuntimeException ex) {
                // logged once per outage: a pool whose restores fail would otherwise log every borrow
                if (JsRuntimePool.this.restoreFailure == null) {
                    logger.warn("Pool '{}' could not restore a runtime from the snapshot",
                            JsRuntimePool.this.settings.name(), ex);
                }
                JsRuntimePool.this.restoreFailure = ex;
                throw ex;
            }
        }

        private Isolate restore() {
            long started = System.nanoTime();
            Isolate isolate = Isolate.restore(JsRuntimePool.this.config);
            JsRuntimePool.this.live.add(isolate);
            long took = System.nanoTime() - started;
            try {
                runWarmUpScript(isolate);
            }
            catch (RuntimeException ex) {
                isolate.close();
                throw new IllegalStateException("The warm-up script of pool '" + JsRuntimePool.this.settings.name()
                        + "' failed (jsrun.pool.warm-up): " + ex.getMessage(), ex);
            }
            if (JsRuntimePool.this.restored.incrementAndGet() == 1) {
                // learn the snapshot's module counts before anyone borrows
                countRequires(isolate);
            }
            JsRuntimePool.this.restoreNanos.addAndGet(took);
            for (PoolListener listener : JsRuntimePool.this.listeners) {
                listener.created(took);
            }
            return isolate;
        }

        @Override
        public PooledObject<Isolate> wrap(Isolate isolate) {
            return new DefaultPooledObject<>(isolate);
        }

        @Override
        public boolean validateObject(PooledObject<Isolate> pooled) {
            Isolate isolate = pooled.getObject();
            return !isolate.isClosed() && isolate.taint() == null;
        }

        @Override
        public void destroyObject(PooledObject<Isolate> pooled) {
            Isolate isolate = pooled.getObject();
            JsRuntimePool.this.live.remove(isolate);
            isolate.close();
        }

    }

}
