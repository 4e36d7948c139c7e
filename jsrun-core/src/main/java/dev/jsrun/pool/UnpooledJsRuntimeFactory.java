package dev.jsrun.pool;

import java.time.Duration;
import java.util.Objects;

import dev.jsrun.JsRuntime;
import dev.jsrun.JsRuntimeFactory;
import dev.jsrun.JsRuntimeUnavailableException;
import dev.jsrun.JsRuntimeUnavailableException.Reason;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.internal.runtime.Isolate;
import dev.jsrun.internal.runtime.IsolateRuntime;

/** Restores a new runtime for every request and disposes it on close. */
public final class UnpooledJsRuntimeFactory implements JsRuntimeFactory {

    private final RuntimeConfig config;

    private volatile boolean closed;

    public UnpooledJsRuntimeFactory(RuntimeConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public JsRuntime create() {
        if (this.closed) {
            throw new JsRuntimeUnavailableException(Reason.CLOSED, "the JsRuntimeFactory is closed");
        }
        return new IsolateRuntime(Isolate.restore(this.config), Isolate::close);
    }

    @Override
    public JsRuntime acquire() {
        return create();
    }

    @Override
    public JsRuntime acquire(Duration maxWait) {
        return create();
    }

    @Override
    public RuntimeConfig config() {
        return this.config;
    }

    @Override
    public void close() {
        this.closed = true;
    }

}
