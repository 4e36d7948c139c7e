package dev.jsrun.internal.runtime;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import dev.jsrun.JsFunction;
import dev.jsrun.JsObjectMapper;
import dev.jsrun.JsRuntime;
import dev.jsrun.JsType;
import dev.jsrun.ModuleStats;

/**
 * The user's handle on an {@link Isolate}: valid until closed, then every call fails.
 * Closing hands the isolate to {@code release}, which disposes it or returns it to a
 * pool.
 */
public final class IsolateRuntime implements JsRuntime {

    private final Isolate isolate;

    private final Consumer<Isolate> release;

    private final Consumer<RuntimeException> failures;

    private final AtomicBoolean closed = new AtomicBoolean();

    public IsolateRuntime(Isolate isolate, Consumer<Isolate> release) {
        this(isolate, release, failure -> {
        });
    }

    /**
     * A handle that also reports every failed evaluation to {@code failures}, for
     * metrics.
     */
    public IsolateRuntime(Isolate isolate, Consumer<Isolate> release, Consumer<RuntimeException> failures) {
        this.isolate = isolate;
        this.release = release;
        this.failures = failures;
    }

    /**
     * Runs a full garbage collection in the runtime; for jsrun's module doctor, which
     * asks what stays reachable.
     */
    public void collectGarbage() {
        open().collectGarbage();
    }

    @Override
    public Object eval(String code) {
        return eval(code, defaultTimeout());
    }

    @Override
    public Object eval(String code, Duration timeout) {
        Isolate target = open();
        try {
            return target.eval(code, timeout);
        }
        catch (RuntimeException ex) {
            this.failures.accept(ex);
            throw ex;
        }
    }

    @Override
    public <T> T eval(String code, Class<T> type) {
        Object value = eval(code);
        try {
            return JsValues.as(value, type, mapper());
        }
        catch (RuntimeException ex) {
            this.failures.accept(ex);
            throw ex;
        }
    }

    @Override
    public CompletableFuture<Object> evalAsync(String code) {
        return evalAsync(code, defaultTimeout());
    }

    @Override
    public CompletableFuture<Object> evalAsync(String code, Duration timeout) {
        CompletableFuture<Object> result = open().evalAsync(code, timeout);
        result.whenComplete((value, failure) -> {
            if (failure instanceof RuntimeException ex) {
                this.failures.accept(ex);
            }
        });
        return result;
    }

    @Override
    public Object call(String function, Object... args) {
        Isolate target = open();
        try {
            return target.call(function, args, mapper(), defaultTimeout());
        }
        catch (RuntimeException ex) {
            this.failures.accept(ex);
            throw ex;
        }
    }

    @Override
    public <T> T call(String function, Class<T> type, Object... args) {
        return call(function, JsType.of(type), args);
    }

    @Override
    public <T> T call(String function, JsType<T> type, Object... args) {
        Object value = call(function, args);
        try {
            return JsValues.as(value, type, mapper());
        }
        catch (RuntimeException ex) {
            this.failures.accept(ex);
            throw ex;
        }
    }

    @Override
    public CompletableFuture<Object> callAsync(String function, Object... args) {
        return callAsync(function, JsType.of(Object.class), args);
    }

    @Override
    public <T> CompletableFuture<T> callAsync(String function, Class<T> type, Object... args) {
        return callAsync(function, JsType.of(type), args);
    }

    @Override
    public <T> CompletableFuture<T> callAsync(String function, JsType<T> type, Object... args) {
        Isolate target = open();
        CompletableFuture<Object> settled;
        try {
            settled = target.callAsync(function, args, mapper(), defaultTimeout());
        }
        catch (RuntimeException ex) {
            this.failures.accept(ex);
            throw ex;
        }
        JsObjectMapper mapper = mapper();
        CompletableFuture<T> result = settled.thenApply(value -> JsValues.as(value, type, mapper));
        result.whenComplete((value, failure) -> {
            Throwable cause = failure instanceof CompletionException wrapped ? wrapped.getCause() : failure;
            if (cause instanceof RuntimeException ex) {
                this.failures.accept(ex);
            }
        });
        return result;
    }

    @Override
    public void addStaticModule(String name, String source) {
        open().addStaticModule(name, source);
    }

    @Override
    public void bind(String name, JsFunction function) {
        open().bind(name, function);
    }

    @Override
    public ModuleStats moduleStats() {
        return open().moduleStats();
    }

    @Override
    public boolean isClosed() {
        return this.closed.get();
    }

    @Override
    public void close() {
        if (this.closed.compareAndSet(false, true)) {
            this.release.accept(this.isolate);
        }
    }

    private Isolate open() {
        if (this.closed.get()) {
            throw new IllegalStateException("this JsRuntime was closed; acquire a new one from the JsRuntimeFactory");
        }
        return this.isolate;
    }

    private JsObjectMapper mapper() {
        return this.isolate.config().objectMapper().orElse(null);
    }

    private Duration defaultTimeout() {
        return this.isolate.config().timeout().orElse(null);
    }

}
