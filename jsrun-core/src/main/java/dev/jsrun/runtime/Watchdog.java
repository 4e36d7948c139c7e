package dev.jsrun.runtime;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.caoccao.javet.interop.V8Runtime;

/**
 * Terminates evaluations that outlive their timeout. One daemon thread serves every runtime; a deadline
 * costs a schedule and a cancel, and fires within a millisecond or two of its time.
 */
final class Watchdog {

    private static final ScheduledThreadPoolExecutor timer = createTimer();

    private Watchdog() {
    }

    private static ScheduledThreadPoolExecutor createTimer() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "jsrun-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    /** Starts the clock for one evaluation on {@code runtime}; close the deadline when the evaluation ends. */
    static Deadline start(V8Runtime runtime, Duration timeout) {
        Deadline deadline = new Deadline(runtime);
        deadline.future = timer.schedule(deadline::expire, Math.max(1, timeout.toNanos()), TimeUnit.NANOSECONDS);
        return deadline;
    }

    /**
     * One evaluation's deadline. Expiry and the end of the evaluation exclude each other, so termination can
     * only be requested while the evaluation may still run.
     */
    static final class Deadline implements AutoCloseable {

        private final V8Runtime runtime;
        private ScheduledFuture<?> future;
        private boolean finished;
        private boolean expired;

        private Deadline(V8Runtime runtime) {
            this.runtime = runtime;
        }

        private synchronized void expire() {
            if (!this.finished) {
                this.expired = true;
                this.runtime.terminateExecution();
            }
        }

        synchronized boolean expired() {
            return this.expired;
        }

        @Override
        public void close() {
            synchronized (this) {
                this.finished = true;
            }
            this.future.cancel(false);
        }

    }

}
