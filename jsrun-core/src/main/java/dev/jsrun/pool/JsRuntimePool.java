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
import java.util.function.Consumer;

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
import dev.jsrun.JsRuntimeUnavailableException;
import dev.jsrun.JsRuntimeUnavailableException.Reason;
import dev.jsrun.ModuleStats;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.internal.pool.Cleaner;
import dev.jsrun.internal.runtime.Isolate;
import dev.jsrun.internal.runtime.IsolateRuntime;
import dev.jsrun.pool.PoolEntry.State;

/**
 * A pool of runtimes restored from one snapshot. {@link #acquire()} hands out an idle
 * runtime that is already in exactly the snapshot's state; {@link JsRuntime#close()}
 * gives it back, and a cleaner thread resets it (or replaces it) before anyone else can
 * borrow it, so borrowers never pay for the reset.
 * <p>
 * {@link #acquire(String)} borrows in a scope: a runtime that scope gave back is kept for
 * it unreset, warm, so the scope's next borrower gets it back as it was left; otherwise a
 * clean one. A scoped runtime is reset before anybody else gets it: when a borrower finds
 * no clean runtime idle (the one given back longest ago goes, whatever its scope, so no
 * scope holds runtimes others wait for), after {@link PoolSettings#scopeMaxUses()}
 * borrows of its scope, and after a fault (timeout, heap or memory limit), which disposes
 * of it as for any borrower; a runtime with host functions bound is replaced.
 */
public final class JsRuntimePool implements JsRuntimeFactory {

    private static final Logger logger = LoggerFactory.getLogger(JsRuntimePool.class);

    /**
     * The longest the warm-up script ({@link PoolSettings#warmUp()}) may run on a fresh
     * or reset runtime.
     */
    private static final Duration WARM_UP_TIMEOUT = Duration.ofSeconds(10);

    private final RuntimeConfig config;

    private final PoolSettings settings;

    private final GenericObjectPool<PoolEntry> pool;

    private final Cleaner cleaner;

    /**
     * Every runtime the pool restored and has not disposed of yet, whatever its state.
     */
    private final Set<PoolEntry> entries = ConcurrentHashMap.newKeySet();

    /** The runtimes scopes keep for their next borrowers. */
    private final ParkedEntries parked = new ParkedEntries();

    private final Consumer<RuntimeException> failures = this::evaluationFailed;

    private final AtomicLong restored = new AtomicLong();

    private final AtomicLong restoreNanos = new AtomicLong();

    private final AtomicReference<ModuleStats> requires = new AtomicReference<>(ModuleStats.NONE);

    /**
     * Borrowers between their look at the scoped runtimes and getting a clean one, who
     * may be waiting.
     */
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
        GenericObjectPoolConfig<PoolEntry> poolConfig = new GenericObjectPoolConfig<>();
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
        this.pool = new GenericObjectPool<>(new EntryFactory(), poolConfig);
        // helpers only when borrowers wait: otherwise they would take the cores the
        // borrowers run on
        this.cleaner = new Cleaner(settings.name() + "-cleaner", settings.cleanerThreads(),
                () -> this.pool.getNumIdle() == 0 || this.pool.getNumWaiters() > 0);
        try {
            this.pool.preparePool();
        }
        catch (Exception ex) {
            close();
            throw new JsRuntimeUnavailableException(Reason.RESTORE_FAILED, "Could not restore the first "
                    + settings.minIdle() + " runtime(s) of pool '" + settings.name() + "': " + ex.getMessage(), ex);
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
        PoolEntry entry = this.parked.take(scope);
        if (entry == null) {
            return acquireClean(maxWait, scope);
        }
        long now = System.nanoTime();
        entry.lendAgain(now);
        this.scopeHits.incrementAndGet();
        for (PoolListener listener : this.listeners) {
            listener.scopeHit();
            listener.acquired(now - started);
        }
        return handle(entry);
    }

    /**
     * A runtime in the snapshot's state, for a plain borrower ({@code scope} null) or a
     * scope's first.
     */
    private JsRuntime acquireClean(Duration maxWait, String scope) {
        requireOpen();
        long started = System.nanoTime();
        PoolEntry entry;
        this.acquiring.incrementAndGet();
        try {
            if (this.pool.getNumIdle() == 0) {
                if (full()) {
                    // no clean runtime and no room for one: a runtime a scope holds is
                    // reset for this borrower
                    switchOne();
                }
                // about to wait: returned runtimes queued behind a busy cleaner thread
                // must not wait for it
                this.cleaner.borrowerWaiting();
            }
            entry = this.pool.borrowObject(maxWait);
        }
        catch (NoSuchElementException ex) {
            this.listeners.forEach(PoolListener::acquireTimedOut);
            throw new JsRuntimePoolExhaustedException(maxWait, stats());
        }
        catch (IllegalStateException | JsRuntimeUnavailableException ex) {
            requireOpen();
            throw ex;
        }
        catch (InterruptedException ex) {
            // closing the pool wakes its waiters this way; any other interrupt belongs to
            // the caller
            requireOpen();
            Thread.currentThread().interrupt();
            throw new JsRuntimeUnavailableException(Reason.INTERRUPTED,
                    "Interrupted while waiting for a runtime of " + "pool '" + this.settings.name() + "'", ex);
        }
        catch (Exception ex) {
            throw new JsRuntimeUnavailableException(Reason.RESTORE_FAILED,
                    "Pool '" + this.settings.name() + "' could not restore a runtime: " + ex.getMessage(), ex);
        }
        finally {
            this.acquiring.decrementAndGet();
        }
        long now = System.nanoTime();
        entry.lend(scope, now);
        if (this.drainedAfter != null) {
            // shutdown passed its timeout as this runtime was handed out: it is not used,
            // and the pool lends no more
            discard(entry, State.BORROWED, DiscardReason.POOL_CLOSED);
            requireOpen();
        }
        for (PoolListener listener : this.listeners) {
            listener.acquired(now - started);
        }
        if (scope != null && this.pool.getNumIdle() < this.settings.minIdle()) {
            // clean runtimes stay ready for new scopes and plain borrowers: a new one, or
            // a scope's reset
            if (full()) {
                switchOne();
            }
            else {
                this.cleaner.submit(this::refill, false);
            }
        }
        return handle(entry);
    }

    private JsRuntime handle(PoolEntry entry) {
        return new IsolateRuntime(entry.isolate(), entry.release(), this.failures);
    }

    /**
     * Whether the pool holds as many runtimes as it may, so that a borrower must wait for
     * one to come back.
     */
    private boolean full() {
        return this.pool.getNumActive() + this.pool.getNumIdle() >= this.settings.maxSize();
    }

    /**
     * Sends the runtime a scope gave back longest ago to be reset for whoever needs a
     * clean one.
     */
    private void switchOne() {
        PoolEntry oldest = this.parked.takeOldest();
        if (oldest == null) {
            return;
        }
        this.scopeSwitches.incrementAndGet();
        this.listeners.forEach(PoolListener::scopeSwitched);
        sendToCleaner(oldest, State.PARKED, true);
    }

    // The way back, in the order a runtime takes it: its borrower closes the handle
    // (giveBack); the runtime is checked (unfitness); it is kept for its scope (park) or
    // handed to a cleaner thread, which resets it and makes it idle (sendToCleaner,
    // clean); a runtime unfit at any step is disposed of (discard).

    /** A borrower closed its handle on the runtime of {@code entry}. */
    private void giveBack(PoolEntry entry) {
        long usage = System.nanoTime() - entry.borrowedAt();
        for (PoolListener listener : this.listeners) {
            listener.released(usage);
        }
        DiscardReason unfit = unfitness(entry);
        if (unfit != null) {
            discard(entry, State.BORROWED, unfit);
            return;
        }
        if (entry.scope() != null && entry.borrowsSinceReset() < this.settings.scopeMaxUses()) {
            park(entry);
            return;
        }
        // A borrower blocked in acquire() should not wait for the cleaner's next look.
        // Only then: a helper woken here may take this thread's core for a whole reset
        // before close() returns.
        sendToCleaner(entry, State.BORROWED, this.pool.getNumWaiters() > 0);
    }

    /** Why a returned runtime must not be lent again, or {@code null} when it may be. */
    private DiscardReason unfitness(PoolEntry entry) {
        if (this.closed || this.drainedAfter != null) {
            return DiscardReason.POOL_CLOSED;
        }
        DiscardReason damage = entry.damage();
        if (damage != null) {
            return damage;
        }
        if (entry.isolate().holdsHostFunctions()) {
            return DiscardReason.HOST_FUNCTIONS;
        }
        if (this.settings.maxUses() > 0 && entry.borrows() >= this.settings.maxUses()) {
            return DiscardReason.MAX_USES;
        }
        return null;
    }

    /**
     * Keeps a runtime a scope's borrower gave back for that scope's next borrower,
     * unreset.
     */
    private void park(PoolEntry entry) {
        try {
            // a scope keeps its runtime's state, but not the timers and messages of a
            // borrower who has left
            entry.isolate().cancelTasks();
        }
        catch (JavetException | RuntimeException ex) {
            discard(entry, State.BORROWED, DiscardReason.TIMERS_NOT_CANCELLED);
            return;
        }
        entry.park();
        this.parked.add(entry);
        if (!isOpen()) {
            // closing drains the parked runtimes; one parked as it did is disposed of
            // here
            for (PoolEntry left : this.parked.drain()) {
                discard(left, State.PARKED, DiscardReason.POOL_CLOSED);
            }
            return;
        }
        // a borrower that found nothing to take just now waits for a clean runtime: it
        // gets one
        if (this.acquiring.get() > 0 && this.pool.getNumIdle() == 0 && full()) {
            switchOne();
        }
    }

    /**
     * Hands a runtime, returned or taken from its scope, to a cleaner thread, which runs
     * {@link #clean}.
     */
    private void sendToCleaner(PoolEntry entry, State from, boolean urgent) {
        entry.startCleaning(from);
        if (!this.cleaner.submit(entry.cleaning(), urgent)) {
            discard(entry, State.CLEANING, DiscardReason.POOL_CLOSED);
        }
    }

    /**
     * On a cleaner thread: resets the runtime to the snapshot's state, runs the warm-up
     * script on it and puts it back in the idle queue.
     */
    private void clean(PoolEntry entry) {
        long started = System.nanoTime();
        Isolate isolate = entry.isolate();
        try {
            countRequires(isolate);
            isolate.reset();
            runWarmUpScript(isolate);
        }
        catch (Exception ex) {
            logger.warn("Pool '{}': a returned runtime could not be reset and is replaced: {}", this.settings.name(),
                    ex.toString());
            discard(entry, State.CLEANING, DiscardReason.RESET_FAILED);
            return;
        }
        long took = System.nanoTime() - started;
        for (PoolListener listener : this.listeners) {
            listener.cleaned(took);
        }
        // idle before the queue has it: once there, a borrower may take it at once
        entry.cleaned();
        this.pool.returnObject(entry);
    }

    /**
     * Disposes of a runtime the caller took {@code from} that state, reports why, and
     * restores a replacement if fewer than min-idle are left.
     */
    private void discard(PoolEntry entry, State from, DiscardReason reason) {
        entry.discard(from, reason);
        reportDiscarded(reason);
        try {
            this.pool.invalidateObject(entry);
        }
        catch (Exception ex) {
            logger.debug("Pool '{}': disposing of a runtime failed", this.settings.name(), ex);
        }
        if (isOpen() && this.pool.getNumIdle() < this.settings.minIdle()) {
            this.cleaner.submit(this::refill, true);
        }
    }

    private void reportDiscarded(DiscardReason reason) {
        for (PoolListener listener : this.listeners) {
            listener.discarded(reason);
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

    /**
     * Runs the pool's warm-up script ({@code jsrun.pool.warm-up}), if it has one, on a
     * fresh or reset runtime.
     */
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

    private void evaluationFailed(RuntimeException failure) {
        for (PoolListener listener : this.listeners) {
            listener.evaluationFailed(failure);
        }
    }

    /**
     * What scoped borrowing did: the scopes that hold runtimes, how many, hits and
     * switches so far.
     */
    public ScopeStats scopeStats() {
        return new ScopeStats(this.parked.scopes(), this.parked.size(), this.scopeHits.get(), this.scopeSwitches.get());
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

    /**
     * Runtimes restored from the snapshot for this pool so far, prefilled ones included.
     */
    public long restoredCount() {
        return this.restored.get();
    }

    /** Total time spent restoring {@link #restoredCount()} runtimes, in nanoseconds. */
    public long restoredNanos() {
        return this.restoreNanos.get();
    }

    /**
     * What {@code require()} did in the pool's runtimes, summed over the borrowers whose
     * runtimes were reset so far, with the number of modules in the snapshot.
     */
    public ModuleStats moduleStats() {
        return this.requires.get();
    }

    /** Whether the pool is open and can restore runtimes. */
    public boolean isOpen() {
        return !this.closed && this.drainedAfter == null && !this.pool.isClosed();
    }

    /**
     * Why the pool's last attempt to restore a runtime from the snapshot failed, or
     * {@code null} when it succeeded or none was made yet. Read without borrowing, so
     * health checks cost the pool nothing.
     */
    public RuntimeException restoreFailure() {
        return this.restoreFailure;
    }

    public PoolStats stats() {
        int borrowed = 0;
        int cleaning = 0;
        long heapUsed = 0;
        long heapLimit = 0;
        long external = 0;
        long externalLimit = 0;
        for (PoolEntry entry : this.entries) {
            // runtimes that scopes hold are neither borrowed nor clean: scopeStats()
            // counts them
            State state = entry.state();
            if (state == State.BORROWED) {
                borrowed++;
            }
            else if (state == State.CLEANING) {
                cleaning++;
            }
            Isolate isolate = entry.isolate();
            heapUsed += isolate.heapUsed();
            heapLimit += isolate.heapLimit();
            external += isolate.externalMemory();
            externalLimit += isolate.config().maxExternalMemory();
        }
        return new PoolStats(this.settings.name(), borrowed, this.pool.getNumIdle(), this.pool.getNumWaiters(),
                cleaning, this.settings.maxSize(), this.settings.minIdle(), heapUsed, heapLimit, external,
                externalLimit);
    }

    /**
     * Stops handing out runtimes, waits up to the shutdown timeout for borrowed ones to
     * come back, then terminates what still runs and disposes of every runtime. Never
     * closes a runtime under a running script, which would crash V8.
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
        for (PoolEntry entry : this.parked.drain()) {
            discard(entry, State.PARKED, DiscardReason.POOL_CLOSED);
        }
        this.pool.close();
        for (PoolEntry entry : this.entries) {
            if (entry.state() == State.BORROWED) {
                closeBorrowed(entry);
            }
        }
    }

    /**
     * Waits up to {@code grace} for borrowed runtimes to come back. If some are still out
     * then, the pool stops lending: borrowers waiting for a runtime, and any that come
     * later, get a {@link JsRuntimeUnavailableException} for
     * {@link Reason#SHUTTING_DOWN}, and the scripts still running are terminated (their
     * callers get a {@link dev.jsrun.JsTerminatedException} for its reason
     * {@code SHUTDOWN}). For shutdown: requests stuck in runaway scripts end, and no
     * request starts another one.
     */
    public void terminateBorrowedAfter(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (borrowedCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        int stillBorrowed = borrowedCount();
        if (stillBorrowed == 0) {
            return;
        }
        logger.warn("Pool '{}' shuts down with {} runtime(s) still borrowed after {}; terminating their scripts",
                this.settings.name(), stillBorrowed, grace);
        // refuse first: a borrower that gets a runtime after this sees the flag, one that
        // got it before is terminated
        this.drainedAfter = grace;
        // wakes the waiting borrowers and disposes of the idle runtimes; returned ones
        // are disposed of too
        this.pool.close();
        for (PoolEntry entry : this.entries) {
            if (entry.state() == State.BORROWED) {
                entry.isolate().terminate();
            }
        }
    }

    private int borrowedCount() {
        int borrowed = 0;
        for (PoolEntry entry : this.entries) {
            if (entry.state() == State.BORROWED) {
                borrowed++;
            }
        }
        return borrowed;
    }

    /**
     * Closes the runtime of an entry still borrowed as the pool closes; its borrower's
     * close disposes of the entry.
     */
    private void closeBorrowed(PoolEntry entry) {
        try {
            if (entry.isolate().close(Duration.ofSeconds(1))) {
                this.entries.remove(entry);
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
            throw new JsRuntimeUnavailableException(Reason.CLOSED, "Pool '" + this.settings.name() + "' is closed");
        }
        Duration drained = this.drainedAfter;
        if (drained != null) {
            throw new JsRuntimeUnavailableException(Reason.SHUTTING_DOWN, "Pool '" + this.settings.name()
                    + "' is shutting down: runtimes were still borrowed " + drained
                    + " (PoolSettings.Builder.shutdownTimeout) after shutdown began, so their scripts were terminated "
                    + "and the pool lends no more runtimes");
        }
    }

    /**
     * Restores the pool's runtimes, checks them before a borrow and disposes of them, for
     * commons-pool.
     */
    private final class EntryFactory extends BasePooledObjectFactory<PoolEntry> {

        @Override
        public PoolEntry create() {
            try {
                PoolEntry entry = restore();
                if (JsRuntimePool.this.restoreFailure != null) {
                    JsRuntimePool.this.restoreFailure = null;
                    logger.info("Pool '{}' restores runtimes again", JsRuntimePool.this.settings.name());
                }
                return entry;
            }
            catch (RuntimeException ex) {
                // logged once per outage: a pool whose restores fail would otherwise log
                // every borrow
                if (JsRuntimePool.this.restoreFailure == null) {
                    logger.warn("Pool '{}' could not restore a runtime from the snapshot",
                            JsRuntimePool.this.settings.name(), ex);
                }
                JsRuntimePool.this.restoreFailure = ex;
                throw ex;
            }
        }

        private PoolEntry restore() {
            long started = System.nanoTime();
            Isolate isolate = Isolate.restore(JsRuntimePool.this.config);
            long took = System.nanoTime() - started;
            try {
                runWarmUpScript(isolate);
            }
            catch (RuntimeException ex) {
                isolate.close();
                throw new JsRuntimeUnavailableException(Reason.WARM_UP_FAILED,
                        "The warm-up script of pool '" + JsRuntimePool.this.settings.name()
                                + "' failed (PoolSettings.Builder.warmUp): " + ex.getMessage(),
                        ex);
            }
            if (JsRuntimePool.this.restored.incrementAndGet() == 1) {
                // learn the snapshot's module counts before anyone borrows
                countRequires(isolate);
            }
            JsRuntimePool.this.restoreNanos.addAndGet(took);
            for (PoolListener listener : JsRuntimePool.this.listeners) {
                listener.created(took);
            }
            PoolEntry entry = new PoolEntry(isolate, JsRuntimePool.this::giveBack, JsRuntimePool.this::clean);
            JsRuntimePool.this.entries.add(entry);
            return entry;
        }

        @Override
        public PooledObject<PoolEntry> wrap(PoolEntry entry) {
            return new DefaultPooledObject<>(entry);
        }

        @Override
        public boolean validateObject(PooledObject<PoolEntry> pooled) {
            return pooled.getObject().damage() == null;
        }

        /**
         * Closes the runtime. One still idle is disposed of by commons-pool itself, not
         * through {@link #discard}: it was idle past the idle timeout, failed its check
         * before a borrow, or the pool closed.
         */
        @Override
        public void destroyObject(PooledObject<PoolEntry> pooled) {
            PoolEntry entry = pooled.getObject();
            if (entry.state() == State.IDLE) {
                DiscardReason reason = !isOpen() ? DiscardReason.POOL_CLOSED
                        : Objects.requireNonNullElse(entry.damage(), DiscardReason.IDLE_EVICTED);
                entry.discard(State.IDLE, reason);
                reportDiscarded(reason);
            }
            JsRuntimePool.this.entries.remove(entry);
            entry.isolate().close();
        }

    }

}
