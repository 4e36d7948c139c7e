package dev.jsrun.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.caoccao.javet.exceptions.BaseJavetScriptingException;
import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.exceptions.JavetTerminatedException;
import com.caoccao.javet.interop.V8Guard;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.reference.V8ValuePromise;

import dev.jsrun.JsException;
import dev.jsrun.JsTimeoutException;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.snapshot.V8Runtimes;

/**
 * One V8 runtime restored from the snapshot, with the host pieces bound after restore. Serialises its calls:
 * V8 allows one thread inside a runtime at a time. Users reach it through a {@link dev.jsrun.JsRuntime}
 * handle.
 */
public final class Isolate implements AutoCloseable {

    private final V8Runtime runtime;
    private final RuntimeConfig config;
    private final StaticModules modules;
    private final List<Pending> pending = new ArrayList<>();
    private volatile boolean tainted;

    private Isolate(V8Runtime runtime, RuntimeConfig config) throws JavetException {
        this.runtime = runtime;
        this.config = config;
        runtime.setLogger(Slf4jJavetLogger.INSTANCE);
        // Rejections are reported to the caller through evalAsync; V8's unhandled-rejection events are noise.
        runtime.setPromiseRejectCallback((event, promise, value) -> { });
        this.modules = new StaticModules(runtime);
        this.modules.install();
    }

    /** Restores a runtime from the configured snapshot, or makes an empty one. */
    public static Isolate restore(RuntimeConfig config) {
        V8Runtime runtime = null;
        try {
            runtime = config.snapshot().isPresent() ? V8Runtimes.restore(config.snapshot().get()) : V8Runtimes.fresh(false);
            return new Isolate(runtime, config);
        }
        catch (JavetException ex) {
            closeQuietly(runtime);
            throw new IllegalStateException("V8 could not create a runtime: " + ex.getMessage(), ex);
        }
    }

    public RuntimeConfig config() {
        return this.config;
    }

    public synchronized Object eval(String code, Duration timeout) {
        try (V8Value value = execute(code, timeout)) {
            return JsValues.toJava(value);
        }
        catch (JavetException ex) {
            throw translate(ex, timeout);
        }
        finally {
            settlePending();
        }
    }

    public synchronized CompletableFuture<Object> evalAsync(String code, Duration timeout) {
        CompletableFuture<Object> future = new CompletableFuture<>();
        V8Value value = null;
        try {
            value = execute(code, timeout);
            if (value instanceof V8ValuePromise promise && promise.isPending()) {
                // V8 mode has no event loop: a later call into this runtime may settle it.
                this.pending.add(new Pending(promise, future));
                value = null;
            }
            else {
                settle(value, future);
            }
        }
        catch (JavetException ex) {
            future.completeExceptionally(translate(ex, timeout));
        }
        catch (RuntimeException ex) {
            future.completeExceptionally(ex);
        }
        finally {
            closeQuietly(value);
            settlePending();
        }
        return future;
    }

    public synchronized void addStaticModule(String name, String source) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("module name must not be blank");
        }
        if (source == null) {
            throw new IllegalArgumentException("module source must not be null");
        }
        this.modules.add(name, source);
    }

    /**
     * Whether the runtime went through something that may leave it unfit for another user (terminated
     * execution); such a runtime is disposed of rather than reused.
     */
    public boolean isTainted() {
        return this.tainted;
    }

    public boolean isClosed() {
        return this.runtime.isClosed();
    }

    @Override
    public synchronized void close() {
        failPending("the runtime was closed before the promise settled");
        if (!this.runtime.isClosed()) {
            try {
                this.modules.clear();
            }
            catch (JavetException ignored) {
                // the runtime is closed next, which frees the modules too
            }
            this.modules.unbind();
        }
        closeQuietly(this.runtime);
    }

    private V8Value execute(String code, Duration timeout) throws JavetException {
        if (this.runtime.isClosed()) {
            throw new IllegalStateException("the V8 runtime is closed");
        }
        String source = DynamicImportRewriter.rewrite(code, StaticModules.IMPORT_FUNCTION);
        if (timeout == null) {
            return this.runtime.getExecutor(source).execute();
        }
        try (V8Guard guard = this.runtime.getGuard(Math.max(1, timeout.toMillis()))) {
            return this.runtime.getExecutor(source).execute();
        }
    }

    private RuntimeException translate(JavetException ex, Duration timeout) {
        if (ex instanceof JavetTerminatedException) {
            this.tainted = true;
            return new JsTimeoutException(timeout == null ? Duration.ZERO : timeout, ex);
        }
        if (ex instanceof BaseJavetScriptingException scripting) {
            return JsErrors.from(scripting);
        }
        return new JsException("Error", ex.getMessage(), null, null, 0, 0, ex);
    }

    /** Completes {@code future} from a value that is not a pending promise. */
    private static void settle(V8Value value, CompletableFuture<Object> future) {
        try {
            if (!(value instanceof V8ValuePromise promise)) {
                future.complete(JsValues.toJava(value));
                return;
            }
            try (V8Value result = promise.getResult()) {
                if (promise.isFulfilled()) {
                    future.complete(JsValues.toJava(result));
                }
                else {
                    promise.markAsHandled();
                    future.completeExceptionally(JsErrors.fromValue(result));
                }
            }
        }
        catch (JavetException | RuntimeException ex) {
            future.completeExceptionally(ex);
        }
    }

    private void settlePending() {
        if (this.pending.isEmpty() || this.runtime.isClosed()) {
            return;
        }
        for (Iterator<Pending> it = this.pending.iterator(); it.hasNext();) {
            Pending next = it.next();
            try {
                if (next.promise().isPending()) {
                    continue;
                }
                settle(next.promise(), next.future());
            }
            catch (JavetException ex) {
                next.future().completeExceptionally(translate(ex, null));
            }
            it.remove();
            closeQuietly(next.promise());
        }
    }

    private void failPending(String reason) {
        for (Pending next : this.pending) {
            next.future().completeExceptionally(new IllegalStateException(reason));
            closeQuietly(next.promise());
        }
        this.pending.clear();
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

    private record Pending(V8ValuePromise promise, CompletableFuture<Object> future) {
    }

}
