package dev.jsrun.runtime;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.reference.V8ValuePromise;

import dev.jsrun.JsException;

/**
 * Futures of {@code evalAsync} calls whose promise was still pending when the call returned. V8 mode has
 * no event loop, so a later call into the runtime may settle them; they are checked after each call.
 */
final class PendingPromises {

    private final List<Pending> pending = new ArrayList<>();

    void add(V8ValuePromise promise, CompletableFuture<Object> future) {
        this.pending.add(new Pending(promise, future));
    }

    /** Completes {@code future} from a value that is not a pending promise. */
    static void settle(V8Value value, CompletableFuture<Object> future) {
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

    /** Completes the futures whose promises have settled since. */
    void settleReady() {
        for (Iterator<Pending> it = this.pending.iterator(); it.hasNext();) {
            Pending next = it.next();
            try {
                if (next.promise().isPending()) {
                    continue;
                }
                settle(next.promise(), next.future());
            }
            catch (JavetException ex) {
                next.future().completeExceptionally(new JsException("Error", ex.getMessage(), null, null, 0, 0, ex));
            }
            it.remove();
            close(next.promise());
        }
    }

    /** Fails every waiting future, for a runtime that is reset or closed. */
    void failAll(String reason) {
        for (Pending next : this.pending) {
            next.future().completeExceptionally(new IllegalStateException(reason));
            close(next.promise());
        }
        this.pending.clear();
    }

    boolean isEmpty() {
        return this.pending.isEmpty();
    }

    private static void close(V8ValuePromise promise) {
        try {
            promise.close();
        }
        catch (JavetException ignored) {
            // the runtime releases it anyway
        }
    }

    private record Pending(V8ValuePromise promise, CompletableFuture<Object> future) {
    }

}
