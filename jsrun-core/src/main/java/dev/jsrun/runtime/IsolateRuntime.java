package dev.jsrun.runtime;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import dev.jsrun.JsRuntime;

/**
 * The user's handle on an {@link Isolate}: valid until closed, then every call fails. Closing hands the
 * isolate to {@code release}, which disposes it or returns it to a pool.
 */
public final class IsolateRuntime implements JsRuntime {

    private final Isolate isolate;
    private final Consumer<Isolate> release;
    private final AtomicBoolean closed = new AtomicBoolean();

    public IsolateRuntime(Isolate isolate, Consumer<Isolate> release) {
        this.isolate = isolate;
        this.release = release;
    }

    @Override
    public Object eval(String code) {
        return open().eval(code, defaultTimeout());
    }

    @Override
    public Object eval(String code, Duration timeout) {
        return open().eval(code, timeout);
    }

    @Override
    public <T> T eval(String code, Class<T> type) {
        return JsValues.as(eval(code), type);
    }

    @Override
    public CompletableFuture<Object> evalAsync(String code) {
        return open().evalAsync(code, defaultTimeout());
    }

    @Override
    public void addStaticModule(String name, String source) {
        open().addStaticModule(name, source);
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

    private Duration defaultTimeout() {
        return this.isolate.config().timeout().orElse(null);
    }

}
