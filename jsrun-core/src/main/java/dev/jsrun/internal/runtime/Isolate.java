package dev.jsrun.internal.runtime;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import com.caoccao.javet.enums.JavetPromiseRejectEvent;
import com.caoccao.javet.enums.V8ValueErrorType;
import com.caoccao.javet.exceptions.BaseJavetScriptingException;
import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.exceptions.JavetTerminatedException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.interop.callback.IJavetDirectCallable;
import com.caoccao.javet.interop.callback.JavetCallbackContext;
import com.caoccao.javet.interop.callback.JavetCallbackType;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.primitive.V8ValueBoolean;
import com.caoccao.javet.values.primitive.V8ValueDouble;
import com.caoccao.javet.values.primitive.V8ValueInteger;
import com.caoccao.javet.values.primitive.V8ValueNull;
import com.caoccao.javet.values.primitive.V8ValueString;
import com.caoccao.javet.values.primitive.V8ValueUndefined;
import com.caoccao.javet.values.reference.V8ValueObject;
import org.slf4j.LoggerFactory;

import dev.jsrun.JsConversionException;
import dev.jsrun.JsException;
import dev.jsrun.JsExternalMemoryLimitException;
import dev.jsrun.JsFunction;
import dev.jsrun.JsHeapLimitException;
import dev.jsrun.JsObjectMapper;
import dev.jsrun.JsTerminatedException;
import dev.jsrun.JsTerminatedException.Reason;
import dev.jsrun.JsTimeoutException;
import dev.jsrun.ModuleStats;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.internal.snapshot.Intrinsics;
import dev.jsrun.internal.snapshot.SharedRegExps;
import dev.jsrun.internal.snapshot.V8Runtimes;

/**
 * One V8 runtime restored from the snapshot, with the host pieces bound after restore.
 * Serialises its calls: V8 allows one thread inside a runtime at a time. Users reach it
 * through a {@link dev.jsrun.JsRuntime} handle.
 */
public final class Isolate implements AutoCloseable {

    /** Why V8 stopped a runtime or left it in a state no one may use it in again. */
    public enum Fault {

        /** A call ran past its timeout and V8 was told to stop it. */
        TIMEOUT,

        /**
         * A call was stopped from outside: by {@link Isolate#terminate()}, or an
         * interrupt during a timer's wait.
         */
        TERMINATED,

        /** A script reached the V8 heap limit; the runtime was disposed of at once. */
        HEAP_LIMIT,

        /** A script held more memory outside the heap than the runtime's limit. */
        EXTERNAL_MEMORY_LIMIT,

        /**
         * V8 still owes the answer to a memory measurement, which it would write into
         * freed memory later.
         */
        UNANSWERED_MEASUREMENT

    }

    private final V8Runtime runtime;

    private final RuntimeConfig config;

    private final HostBridge bridge;

    private final StaticModules modules;

    private final PendingPromises pending = new PendingPromises();

    private final ReentrantLock lock = new ReentrantLock();

    private volatile Fault fault;

    /**
     * Set by {@link #terminate()}: a call waiting for a timer gives up; cleared as each
     * call starts.
     */
    private volatile boolean stopWaiting;

    /**
     * Set for good by {@link #terminate()}: a termination from then on is the shutdown's,
     * not a timeout.
     */
    private volatile boolean terminated;

    /** The thread waiting for a timer, for {@link #terminate()} to wake. */
    private volatile Thread waiter;

    private volatile boolean holdsHostFunctions;

    private volatile boolean heapLimitReached;

    private volatile long externalMemoryReached;

    private volatile long externalMemory;

    private volatile int sharedRegExps;

    private volatile long heapUsed;

    private volatile long heapLimit;

    /**
     * What the heap limit is raised by when V8 reaches it, so that the allocation in
     * progress can complete and the script be stopped: V8 aborts the process when an
     * allocation fails, and one object may take up to 1 GiB (an array of 2^27 numbers, a
     * string of 2^29 two-byte characters).
     */
    public static final long HEAP_HEADROOM = 1152L << 20;

    /**
     * How soon a timer must be due for a call to wait for it before it returns: Node's
     * shortest delay, so that {@code setTimeout(f)} and {@code setTimeout(f, 0)} run
     * before {@code eval} returns.
     */
    private static final long SHORTEST_DELAY_NANOS = 1_000_000;

    /**
     * The longest jsrun's own calls may take: resetting a runtime, reading its module
     * statistics.
     */
    private static final Duration HOST_TIMEOUT = Duration.ofSeconds(5);

    private Isolate(V8Runtime runtime, RuntimeConfig config) throws JavetException {
        this.runtime = runtime;
        this.config = config;
        runtime.setLogger(Slf4jJavetLogger.INSTANCE);
        // Without this callback V8 aborts the whole JVM when a script exhausts the heap.
        // It runs inside V8's GC: it only asks V8 to stop the script and grants the
        // headroom needed to unwind; the runtime is then disposed of. Returning the limit
        // unchanged would abort as well.
        runtime.setNearHeapLimitCallback((currentLimit, initialLimit) -> {
            this.heapLimitReached = true;
            runtime.terminateExecution();
            return currentLimit + Math.max(currentLimit / 2, HEAP_HEADROOM);
        });
        this.bridge = new HostBridge(runtime, LoggerFactory.getLogger(config.consoleLogger()), config.maxResultSize(),
                config.maxExternalMemory());
        // Rejections reach their caller through evalAsync. An unhandled one may be the
        // host bridge saying that JavaScript queued console output or an import() for
        // Java to serve.
        runtime.setPromiseRejectCallback((event, promise, value) -> {
            if (event == JavetPromiseRejectEvent.PromiseRejectWithNoHandler) {
                this.bridge.signal();
            }
        });
        this.modules = new StaticModules(runtime, this.bridge);
        prepareContext();
        recordHeap();
    }

    /** Restores a runtime from the configured snapshot, or makes an empty one. */
    public static Isolate restore(RuntimeConfig config) {
        V8Runtime runtime = null;
        Isolate isolate = null;
        try {
            runtime = config.snapshot().isPresent() ? V8Runtimes.restore(config.snapshot().get())
                    : V8Runtimes.fresh(false);
            isolate = new Isolate(runtime, config);
            config.hostFunctions().forEach(isolate::bind);
            return isolate;
        }
        catch (JavetException | RuntimeException ex) {
            if (isolate != null) {
                isolate.close();
            }
            else if (runtime != null) {
                closeQuietly(runtime);
            }
            throw (ex instanceof RuntimeException runtimeException) ? runtimeException
                    : new IllegalStateException("V8 could not create a runtime: " + ex.getMessage(), ex);
        }
    }

    public RuntimeConfig config() {
        return this.config;
    }

    public Object eval(String code, Duration timeout) {
        String source = DynamicImportRewriter.rewrite(code, HostBridge.IMPORT_FUNCTION);
        return runToEnd(() -> this.bridge.run(source), source, timeout);
    }

    public CompletableFuture<Object> evalAsync(String code, Duration timeout) {
        String source = DynamicImportRewriter.rewrite(code, HostBridge.IMPORT_FUNCTION);
        return started(timeout, source, id -> this.bridge.runAsync(source, id));
    }

    /**
     * Starts an evaluation or call that may return a promise, registered as {@code id}
     * until it settles: the future completes at once when {@code start} gives no promise,
     * otherwise when the host settles it.
     */
    private CompletableFuture<Object> started(Duration timeout, String source, AsyncStart start) {
        CompletableFuture<Object> future = new CompletableFuture<>();
        // what the promise settled to; the caller's future gets it only once the loop has
        // nothing left to throw
        CompletableFuture<Object> settled = new CompletableFuture<>();
        long started = System.nanoTime();
        this.lock.lock();
        int id = this.pending.add(settled);
        try {
            this.stopWaiting = false;
            guarded(timeout, () -> {
                try (V8Value value = start.run(id)) {
                    if (!(value instanceof V8ValueString text && "p".equals(text.getValue()))) {
                        this.pending.remove(id);
                        complete(settled, () -> read(value, source));
                    }
                }
                this.bridge.serve(this.modules);
                settleReady();
                return null;
            });
            runTasks(timeout, started, settled);
            if (!settled.isDone()) {
                this.pending.remove(id);
                settled.completeExceptionally(new JsException("Error",
                        "the promise can never settle: it is still "
                                + "pending, and no timer is set and no message queued that could settle it",
                        null, null, 0, 0));
            }
            settled.whenComplete((value, failure) -> {
                if (failure != null) {
                    future.completeExceptionally(failure);
                }
                else {
                    future.complete(value);
                }
            });
        }
        catch (JavetException ex) {
            this.pending.remove(id);
            future.completeExceptionally(translate(ex, timeout));
        }
        catch (JsConversionException ex) {
            // only the arguments throw here (results are read into the future): the
            // caller hears of them at once, as from call
            this.pending.remove(id);
            throw ex;
        }
        catch (RuntimeException ex) {
            this.pending.remove(id);
            future.completeExceptionally(ex);
        }
        finally {
            this.lock.unlock();
        }
        return future;
    }

    /**
     * Calls the function at {@code function}, a global name or a dotted path from
     * {@code globalThis}, with {@code args} as JavaScript values (records and POJOs
     * through {@code mapper}, if any), under {@code timeout}; the result converts as
     * {@link #eval}'s does.
     */
    public Object call(String function, Object[] args, JsObjectMapper mapper, Duration timeout) {
        String path = checkedPath(function);
        return runToEnd(() -> this.bridge.call(path, args, mapper), null, timeout);
    }

    /**
     * Runs {@code start} under {@code timeout}, reads its answer ({@code source} names
     * the code in conversion errors, when there is one) and then the tasks it left due.
     */
    private Object runToEnd(V8Call<V8Value> start, String source, Duration timeout) {
        long started = System.nanoTime();
        this.lock.lock();
        try {
            this.stopWaiting = false;
            Object result = guarded(timeout, () -> {
                Object value;
                try (V8Value answer = start.run()) {
                    this.bridge.serve(this.modules);
                    settleReady();
                    value = read(answer, source);
                }
                return value;
            });
            runTasks(timeout, started, null);
            return result;
        }
        catch (JavetException ex) {
            throw translate(ex, timeout);
        }
        finally {
            this.lock.unlock();
        }
    }

    /**
     * As {@link #call}, for a function that may return a promise: the future completes
     * once it settles.
     */
    public CompletableFuture<Object> callAsync(String function, Object[] args, JsObjectMapper mapper,
            Duration timeout) {
        String path = checkedPath(function);
        return started(timeout, null, id -> this.bridge.callAsync(path, args, mapper, id));
    }

    /**
     * A function's path as the host resolves it: property names, none empty, joined by
     * dots.
     */
    private static String checkedPath(String function) {
        if (function == null || function.isEmpty() || function.length() > 1000 || function.startsWith(".")
                || function.endsWith(".") || function.contains("..")) {
            throw new IllegalArgumentException("'" + function + "' is not a function's name or a dotted path from "
                    + "globalThis such as 'render' or 'marked.parse'");
        }
        return function;
    }

    public void addStaticModule(String name, String source) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("module name must not be blank");
        }
        if (source == null) {
            throw new IllegalArgumentException("module source must not be null");
        }
        this.lock.lock();
        try {
            this.modules.add(name, source);
        }
        catch (JavetException ex) {
            throw translate(ex, null);
        }
        finally {
            this.lock.unlock();
        }
    }

    /**
     * Binds a Java function as a global; the runtime is then replaced rather than reset
     * by its pool. The global is a JavaScript wrapper that encodes the arguments inside
     * V8 and under the caller's deadline, so the function receives plain Java values and
     * no user object ever reaches Javet.
     */
    public void bind(String name, JsFunction function) {
        if (name == null || !name.matches("[A-Za-z_$][\\w$]*")) {
            throw new IllegalArgumentException("'" + name + "' is not a JavaScript identifier");
        }
        java.util.Objects.requireNonNull(function, "function");
        this.lock.lock();
        try (V8ValueObject holder = this.runtime.createV8ValueObject()) {
            // A context reset would let V8 collect the function at a moment it cannot
            // call back safely.
            this.holdsHostFunctions = true;
            holder.bindFunction(new JavetCallbackContext(name, JavetCallbackType.DirectCallNoThisAndResult,
                    (IJavetDirectCallable.NoThisAndResult<Exception>) args -> callHost(name, function, args)));
            this.bridge.adopt(name, holder, HostBridge.MODULE_LOADER.equals(name));
        }
        catch (JavetException ex) {
            throw translate(ex, null);
        }
        finally {
            this.lock.unlock();
        }
    }

    private V8Value callHost(String name, JsFunction function, V8Value... args) throws JavetException {
        try {
            Object arguments = args != null && args.length == 1 && args[0] instanceof V8ValueString encoded
                    ? ValueDecoder.decode(encoded.getValue(), 1) : null;
            if (!(arguments instanceof List<?> list)) {
                throw new JsConversionException("the arguments did not come through jsrun's wrapper");
            }
            @SuppressWarnings("unchecked")
            List<Object> values = (List<Object>) list;
            return this.runtime.toV8Value(HostResults.forJavet(function.call(values)));
        }
        catch (Exception ex) {
            this.runtime.throwError(V8ValueErrorType.Error, name + ": " + ex.getMessage());
            return this.runtime.createV8ValueUndefined();
        }
    }

    /**
     * Brings the runtime back to the snapshot's state: a new context from the snapshot,
     * no modules, no pending promises, host functions bound again.
     * @throws JavetException when V8 cannot reset the context; the runtime must then be
     * disposed of
     */
    public void reset() throws JavetException {
        this.lock.lock();
        try {
            this.pending.failAll("the runtime went back to its pool before the promise settled");
            hostCall("resetting the runtime", () -> {
                this.modules.clear();
                this.bridge.clear();
                this.runtime.resetContext();
                prepareContext();
                recordHeap();
                return null;
            });
        }
        finally {
            this.lock.unlock();
        }
    }

    /**
     * Runs a full garbage collection, so that weak references to what is no longer
     * reachable are cleared.
     */
    public void collectGarbage() {
        this.lock.lock();
        try {
            hostCall("collecting garbage", () -> {
                this.runtime.await();
                this.runtime.lowMemoryNotification();
                return null;
            });
        }
        catch (JavetException ex) {
            throw translate(ex, HOST_TIMEOUT);
        }
        finally {
            this.lock.unlock();
        }
    }

    /**
     * What {@code require()} did in this runtime since it was restored or reset, read
     * through the function the host took from the module bundle before any user code ran.
     */
    public ModuleStats moduleStats() {
        this.lock.lock();
        try {
            return parseModuleStats(hostCall("reading the module statistics", this.bridge::moduleStats));
        }
        catch (JavetException ex) {
            throw translate(ex, HOST_TIMEOUT);
        }
        finally {
            this.lock.unlock();
        }
    }

    /**
     * The statistics from the host's text
     * {@code exportHits,definitionHits,misses,exports,definitions};
     * {@link ModuleStats#NONE} for an empty text (no module bundle in the snapshot).
     */
    private static ModuleStats parseModuleStats(String stats) {
        if (stats == null || stats.isEmpty()) {
            return ModuleStats.NONE;
        }
        String[] parts = stats.split(",", -1);
        if (parts.length != 5) {
            throw new IllegalArgumentException("module statistics must have five fields, not '" + stats + "'");
        }
        return new ModuleStats(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]),
                Integer.parseInt(parts[3]), Integer.parseInt(parts[4]));
    }

    /**
     * How many of the snapshot's regular expressions the current context shares with the
     * rest of the isolate (see {@link dev.jsrun.internal.snapshot.SharedRegExps}).
     */
    public int sharedRegExps() {
        return this.sharedRegExps;
    }

    /**
     * Stops whatever JavaScript runs now, or the wait for a timer, for the pool's
     * shutdown: the caller gets a {@link JsTerminatedException} for
     * {@link JsTerminatedException.Reason#SHUTDOWN}. Safe from any thread.
     */
    public void terminate() {
        this.terminated = true;
        this.stopWaiting = true;
        Thread waiter = this.waiter;
        if (waiter != null) {
            LockSupport.unpark(waiter);
        }
        if (!this.runtime.isClosed()) {
            this.runtime.terminateExecution();
        }
    }

    /**
     * Drops the timers and queued messages a borrower left, for a runtime that goes back
     * to its pool without a reset (a scope's).
     */
    public void cancelTasks() throws JavetException {
        this.lock.lock();
        try {
            if (!this.bridge.tasksPending()) {
                return;
            }
            hostCall("cancelling timers", () -> {
                this.bridge.cancelTasks();
                return null;
            });
        }
        finally {
            this.lock.unlock();
        }
    }

    /**
     * The event loop after a call's synchronous part: runs the ready timers and messages
     * one per step (V8 runs each one's microtasks as the step returns), all under what is
     * left of the call's timeout. With {@code until}, it waits for timers, in real time,
     * until that future is done or nothing is left to run; without, it returns once no
     * task is due within {@link #SHORTEST_DELAY_NANOS}.
     */
    private void runTasks(Duration timeout, long started, CompletableFuture<?> until) throws JavetException {
        while (this.bridge.tasksPending() && (until == null || !until.isDone() || this.bridge.uncaughtPending())) {
            Duration left = remaining(timeout, started);
            double answer = guarded(left, () -> {
                double wait;
                try (V8Value value = this.bridge.step()) {
                    wait = (value instanceof V8ValueInteger integer) ? integer.getValue()
                            : (value instanceof V8ValueDouble number) ? number.getValue() : failedStep(value);
                }
                this.bridge.serve(this.modules);
                settleReady();
                return wait;
            });
            if (answer == HostBridge.RAN) {
                continue;
            }
            if (answer == HostBridge.IDLE) {
                this.bridge.tasksIdle();
                return;
            }
            long wait = (long) Math.ceil(answer * 1_000_000);
            if (until == null && wait > SHORTEST_DELAY_NANOS) {
                return;
            }
            sleep(wait, timeout, started);
        }
    }

    /**
     * A step that answered with the host's text rather than a number: the error a task
     * threw.
     */
    private double failedStep(V8Value value) {
        this.bridge.uncaughtThrown();
        read(value, null);
        throw new JsConversionException("jsrun's host answered a step with a value (a bug in jsrun; please report it)");
    }

    /**
     * The time a call has left, at least a millisecond, or {@code null} for a call
     * without a timeout.
     */
    private Duration remaining(Duration timeout, long started) {
        if (timeout == null) {
            return null;
        }
        long left = timeout.toNanos() - (System.nanoTime() - started);
        if (left <= 0) {
            this.fault = Fault.TIMEOUT;
            throw new JsTimeoutException(timeout, null);
        }
        return Duration.ofNanos(left);
    }

    /**
     * Waits {@code nanos} for a timer, no longer than the call's deadline, unless the
     * runtime is told to stop.
     */
    private void sleep(long nanos, Duration timeout, long started) {
        long wake = System.nanoTime() + nanos;
        this.waiter = Thread.currentThread();
        try {
            for (long left = nanos; left > 0; left = wake - System.nanoTime()) {
                if (timeout != null) {
                    remaining(timeout, started);
                    left = Math.min(left, timeout.toNanos() - (System.nanoTime() - started));
                }
                if (this.stopWaiting) {
                    this.fault = Fault.TERMINATED;
                    throw new JsTerminatedException(Reason.SHUTDOWN, null);
                }
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    this.fault = Fault.TERMINATED;
                    throw new JsTerminatedException(Reason.INTERRUPTED, "evaluation was terminated: its thread was "
                            + "interrupted while the runtime waited for a timer (" + tasks() + ")", null);
                }
                LockSupport.parkNanos(this, left);
            }
            remaining(timeout, started);
        }
        finally {
            this.waiter = null;
        }
    }

    /**
     * What the context has set or queued, in words, for messages; empty when V8 cannot
     * say.
     */
    private String tasks() {
        try {
            String[] counts = this.bridge.pendingTasks().split(";");
            return counts[0] + " timer(s) set, " + counts[1] + " message(s) queued";
        }
        catch (JavetException | RuntimeException ex) {
            return "nothing known to be pending";
        }
    }

    /** V8 heap in use, in bytes, as of the last time the runtime was idle. */
    public long heapUsed() {
        return this.heapUsed;
    }

    /**
     * Memory outside the V8 heap (array buffers) as V8 counted it when the runtime was
     * last restored or reset, in bytes; it may still include buffers of the previous
     * borrower that no collection has freed yet.
     */
    public long externalMemory() {
        return this.externalMemory;
    }

    /** The V8 heap limit of this runtime, in bytes. */
    public long heapLimit() {
        return this.heapLimit;
    }

    /**
     * Why V8 stopped the runtime (a timeout, the heap limit), or {@code null}: a runtime
     * with a fault is disposed of rather than reused.
     */
    public Fault fault() {
        return this.fault;
    }

    /**
     * Whether Java functions were bound into the runtime: it must be replaced rather than
     * reset before another user gets it, since V8 cannot safely reset a context that
     * holds them.
     */
    public boolean holdsHostFunctions() {
        return this.holdsHostFunctions;
    }

    public boolean isClosed() {
        return this.runtime.isClosed();
    }

    @Override
    public void close() {
        this.lock.lock();
        try {
            closeLocked();
        }
        finally {
            this.lock.unlock();
        }
    }

    /**
     * Closes the runtime unless another thread keeps using it past {@code wait}; returns
     * whether it was closed. Never closes a runtime under a running script: V8 would
     * crash.
     */
    public boolean close(Duration wait) throws InterruptedException {
        if (!this.lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        try {
            closeLocked();
            return true;
        }
        finally {
            this.lock.unlock();
        }
    }

    private void closeLocked() {
        this.pending.failAll("the runtime was closed before the promise settled");
        if (!this.runtime.isClosed()) {
            try {
                this.modules.clear();
                this.bridge.clear();
            }
            catch (JavetException ignored) {
                // the runtime is closed next, which frees the modules too
            }
            closeQuietly(this.runtime);
        }
    }

    /**
     * Readies a fresh context: the snapshot's regular expressions relinked, then the
     * host's JavaScript half readied (built first in a context without a snapshot).
     */
    private void prepareContext() throws JavetException {
        this.sharedRegExps = this.runtime.getExecutor(SharedRegExps.RELINK)
            .setResourceName("jsrun:regexps")
            .executeInteger();
        // a snapshot carries the record from before its scripts ran; a context without
        // one is pristine now (both under jsrun's own time limit, so a context that
        // cannot be readied fails instead of hanging)
        hostCall("recording the built-ins", () -> {
            Intrinsics.record(this.runtime);
            return null;
        });
        hostCall("installing the host", () -> {
            this.bridge.install();
            return null;
        });
    }

    /**
     * Reads heap figures on the thread that holds the lock, so no V8 call crosses
     * threads.
     */
    private void recordHeap() {
        try {
            var statistics = this.runtime.getV8HeapStatistics().get(1, TimeUnit.SECONDS);
            this.heapUsed = statistics.getUsedHeapSize();
            this.externalMemory = statistics.getExternalMemory();
            this.heapLimit = statistics.getHeapSizeLimit();
        }
        catch (Exception ex) {
            // figures stay as they were; they are informational only
        }
    }

    /**
     * Runs one call into V8 under a deadline, if there is one: when it expires, V8 is
     * told to stop, and the runtime gets a {@link Fault} so that no pool hands it out
     * again.
     */
    private <T> T guarded(Duration timeout, V8Call<T> call) throws JavetException {
        return guarded(timeout, this.config.maxExternalMemory(), call, null);
    }

    /**
     * As {@link #guarded(Duration, V8Call)}, terminating past {@code externalLimit} bytes
     * outside the heap; {@code expired[0]} tells whether this call's deadline passed.
     */
    private <T> T guarded(Duration timeout, long externalLimit, V8Call<T> call, boolean[] expired)
            throws JavetException {
        if (this.runtime.isClosed()) {
            throw new IllegalStateException(this.heapLimitReached
                    ? "the runtime was disposed of after it reached the V8 heap limit; use a new one"
                    : "the V8 runtime is closed");
        }
        this.externalMemoryReached = 0;
        Watchdog.Deadline deadline = Watchdog.start(this.runtime, timeout, externalLimit);
        try {
            return call.run();
        }
        finally {
            deadline.close();
            if (deadline.measurementPending()) {
                answerMeasurement(deadline);
            }
            long external = deadline.externalMemory();
            if (external > 0) {
                this.runtime.cancelTerminateExecution();
                this.externalMemoryReached = external;
                this.fault = Fault.EXTERNAL_MEMORY_LIMIT;
            }
            if (deadline.expired()) {
                // the request may have come as the call returned: never let it hit the
                // next one
                this.runtime.cancelTerminateExecution();
                this.fault = Fault.TIMEOUT;
                if (expired != null) {
                    expired[0] = true;
                }
            }
        }
    }

    /**
     * One of jsrun's own calls into V8, under {@link #HOST_TIMEOUT}: when it overruns,
     * the runtime gets a fault and the call fails, whatever fault an earlier borrower's
     * timeout left.
     */
    private <T> T hostCall(String what, V8Call<T> call) throws JavetException {
        boolean[] expired = new boolean[1];
        // jsrun's own calls are not measured: right after a reset the previous borrower's
        // buffers still count
        T result = guarded(HOST_TIMEOUT, Long.MAX_VALUE, call, expired);
        if (expired[0]) {
            throw new IllegalStateException(what + " took longer than " + HOST_TIMEOUT.toMillis() + " ms");
        }
        return result;
    }

    /**
     * Lets V8 answer a request for figures that the evaluation ended before serving: V8
     * would otherwise serve it during some later call, after Javet may have freed what it
     * answers into. A runtime that still holds one is not used again.
     */
    private void answerMeasurement(Watchdog.Deadline deadline) {
        try {
            this.runtime.cancelTerminateExecution();
            this.runtime.getExecutor("void 0").setResourceName("jsrun:measure").executeVoid();
        }
        catch (JavetException | RuntimeException ex) {
            // judged below
        }
        if (deadline.measurementPending()) {
            this.fault = Fault.UNANSWERED_MEASUREMENT;
        }
    }

    /** One call into V8. */
    /**
     * Starts an asynchronous evaluation or call in V8 under the id its settlement will
     * carry.
     */
    @FunctionalInterface
    private interface AsyncStart {

        V8Value run(int id) throws JavetException;

    }

    @FunctionalInterface
    private interface V8Call<T> {

        T run() throws JavetException;

    }

    /** A value as the host returned it: a primitive, or text that says what it is. */
    private Object read(V8Value value, String source) {
        if (value instanceof V8ValueInteger integer) {
            return integer.getValue();
        }
        if (value instanceof V8ValueDouble number) {
            return JsValues.number(number.getValue());
        }
        if (value instanceof V8ValueBoolean bool) {
            return bool.getValue();
        }
        if (value == null || value instanceof V8ValueUndefined || value instanceof V8ValueNull) {
            return null;
        }
        if (value instanceof V8ValueString text) {
            return read(text.getValue(), source);
        }
        throw new JsConversionException(
                "jsrun's host returned a " + value.getClass().getSimpleName() + " (a bug in jsrun; please report it)");
    }

    private Object read(String text, String source) {
        switch (text.isEmpty() ? '?' : text.charAt(0)) {
            case 's':
                return text.substring(1);
            case 'v':
                return ValueDecoder.decode(text, 1);
            case 'C':
                throw new JsConversionException(
                        "The JavaScript value cannot be converted to Java: " + text.substring(1));
            case 'E':
                throw thrown(text, source);
            case 'M':
                throw new JsExternalMemoryLimitException(this.config.maxExternalMemory(), text.substring(1), null);
            case 'K':
                requireExternalMemoryWithinLimit();
                return read(text.substring(1), source);
            default:
                throw new JsConversionException(
                        "jsrun's host returned '" + text.charAt(0) + "' (a bug in jsrun; please report it)");
        }
    }

    /**
     * Measures what the runtime holds outside the heap after an evaluation that allocated
     * more than the limit there, once more after a full collection when the first figure
     * counts buffers already dropped.
     */
    private void requireExternalMemoryWithinLimit() {
        long limit = this.config.maxExternalMemory();
        long held = measureExternalMemory();
        if (held > limit) {
            this.runtime.lowMemoryNotification();
            held = measureExternalMemory();
        }
        if (held > limit) {
            this.fault = Fault.EXTERNAL_MEMORY_LIMIT;
            throw new JsExternalMemoryLimitException(limit, "its buffers held " + (held >> 20) + " MB", null);
        }
    }

    private long measureExternalMemory() {
        try {
            return this.runtime.getV8HeapStatistics().get(1, TimeUnit.SECONDS).getExternalMemory();
        }
        catch (Exception ex) {
            throw new IllegalStateException("V8 did not report the runtime's memory outside the heap", ex);
        }
    }

    private static JsException thrown(String record, String source) {
        if (source != null && record.endsWith("S")) {
            // the code did not parse: JavaScript cannot see where, a compiler of its own
            // can
            JsException syntax = SyntaxChecker.scriptError(source);
            if (syntax != null) {
                return syntax;
            }
        }
        return JsErrors.fromRecord(record, 1);
    }

    private static void complete(CompletableFuture<Object> future, java.util.function.Supplier<Object> value) {
        try {
            future.complete(value.get());
        }
        catch (RuntimeException ex) {
            future.completeExceptionally(ex);
        }
    }

    /**
     * Completes the futures of {@code evalAsync} calls whose promises settled during the
     * last call.
     */
    private void settleReady() throws JavetException {
        if (this.pending.isEmpty()) {
            return;
        }
        HostBridge.Queue settled = new HostBridge.Queue(this.bridge.takeSettled());
        int count = settled.count();
        for (int i = 0; i < count; i++) {
            int id = settled.count();
            String text = settled.text();
            CompletableFuture<Object> future = this.pending.settled(id);
            if (future != null) {
                complete(future, () -> read(text, null));
            }
        }
    }

    private RuntimeException translate(JavetException ex, Duration timeout) {
        if (ex instanceof JavetTerminatedException) {
            if (this.heapLimitReached) {
                this.fault = Fault.HEAP_LIMIT;
                long limit = this.heapLimit;
                // the limit was raised to let the script unwind: free the memory now
                // rather than keep the runtime
                closeLocked();
                return new JsHeapLimitException(limit, ex);
            }
            if (this.externalMemoryReached > 0) {
                long held = this.externalMemoryReached;
                // free the buffers now rather than when the pool gets round to it
                closeLocked();
                return new JsExternalMemoryLimitException(this.config.maxExternalMemory(),
                        "its buffers held " + (held >> 20) + " MB", ex);
            }
            this.fault = (this.fault != null) ? this.fault : Fault.TERMINATED;
            // only terminate() stops a call that has no deadline
            return (this.terminated || timeout == null) ? new JsTerminatedException(Reason.SHUTDOWN, ex)
                    : new JsTimeoutException(timeout, ex);
        }
        if (ex instanceof BaseJavetScriptingException scripting) {
            // only jsrun's own calls get here: user code runs inside the host, which
            // catches what it throws
            return new JsException("Error", scripting.getMessage(), null, null, 0, 0, ex);
        }
        return new JsException("Error", ex.getMessage(), null, null, 0, 0, ex);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            }
            catch (Exception ignored) {
                // nothing left to release
            }
        }
    }

}
