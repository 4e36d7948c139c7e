package dev.jsrun.internal.runtime;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.interop.monitoring.V8HeapStatistics;

/**
 * Terminates evaluations that outlive their timeout or hold more memory outside the V8
 * heap than their limit. One daemon thread serves every deadline; a deadline costs a
 * schedule and a cancel, and fires within a millisecond or two of its time. Evaluations
 * that run longer than {@link #MEMORY_CHECK} have their external memory read every
 * {@link #MEMORY_CHECK} by a second thread, since asking V8 may wait for the runtime's
 * lock, and no timeout may wait for that.
 */
public final class Watchdog {

    /** How often a running evaluation's memory outside the heap is measured. */
    static final Duration MEMORY_CHECK = Duration.ofMillis(10);

    private static final ScheduledThreadPoolExecutor timer = createTimer("jsrun-watchdog");

    private static final ScheduledThreadPoolExecutor memoryTimer = createTimer("jsrun-memory-check");

    private static final Set<Deadline> running = ConcurrentHashMap.newKeySet();

    static {
        long period = MEMORY_CHECK.toNanos();
        memoryTimer.scheduleWithFixedDelay(Watchdog::checkMemory, period, period, TimeUnit.NANOSECONDS);
    }

    private Watchdog() {
    }

    private static ScheduledThreadPoolExecutor createTimer(String name) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    /**
     * Starts the clock for one evaluation on {@code runtime}, with no time limit when
     * {@code timeout} is {@code null}; close the deadline when the evaluation ends. The
     * evaluation is terminated once V8 reports more than {@code externalLimit} bytes
     * outside the heap ({@link Long#MAX_VALUE}: never measured).
     */
    public static Deadline start(V8Runtime runtime, Duration timeout, long externalLimit) {
        Deadline deadline = new Deadline(runtime, externalLimit);
        if (timeout != null) {
            deadline.future = timer.schedule(deadline::expire, Math.max(1, timeout.toNanos()), TimeUnit.NANOSECONDS);
        }
        if (externalLimit != Long.MAX_VALUE) {
            running.add(deadline);
        }
        return deadline;
    }

    private static void checkMemory() {
        long now = System.nanoTime();
        for (Deadline deadline : running) {
            deadline.measureIfDue(now);
        }
    }

    /**
     * One evaluation's deadline. Expiry and the end of the evaluation exclude each other,
     * so termination can only be requested while the evaluation may still run.
     */
    public static final class Deadline implements AutoCloseable {

        private final V8Runtime runtime;

        private final long externalLimit;

        private final long started = System.nanoTime();

        private ScheduledFuture<?> future;

        private boolean finished;

        private boolean expired;

        private long externalMemory;

        /**
         * Set while this class is inside Javet asking for figures; closing waits for it
         * to clear.
         */
        private boolean asking;

        private CompletableFuture<V8HeapStatistics> answer;

        private Deadline(V8Runtime runtime, long externalLimit) {
            this.runtime = runtime;
            this.externalLimit = externalLimit;
        }

        private synchronized void expire() {
            if (!this.finished) {
                this.expired = true;
                this.runtime.terminateExecution();
            }
        }

        private void measureIfDue(long now) {
            synchronized (this) {
                if (this.finished || (this.answer != null && !this.answer.isDone()) || this.externalMemory > 0
                        || now - this.started < MEMORY_CHECK.toNanos()) {
                    return;
                }
                this.asking = true;
            }
            CompletableFuture<V8HeapStatistics> asked = null;
            try {
                // V8 answers at the script's next interrupt check, or at once while no
                // script runs
                asked = this.runtime.getV8HeapStatistics();
            }
            catch (RuntimeException ex) {
                // the runtime is closing: nothing left to measure
            }
            synchronized (this) {
                this.asking = false;
                this.answer = asked;
                notifyAll();
            }
            if (asked != null) {
                asked.whenCompleteAsync(this::measured, memoryTimer);
            }
        }

        private synchronized void measured(V8HeapStatistics statistics, Throwable failure) {
            if (this.finished || statistics == null) {
                return;
            }
            if (statistics.getExternalMemory() > this.externalLimit + margin(this.externalLimit)) {
                this.externalMemory = statistics.getExternalMemory();
                this.runtime.terminateExecution();
            }
        }

        /**
         * V8 counts dropped buffers until its next collection, so a running evaluation is
         * only stopped this much past its limit; the measurement after it ends follows a
         * full collection and is exact.
         */
        private static long margin(long limit) {
            return Math.max(limit / 4, 64L << 20);
        }

        /**
         * Whether a measurement was asked for that V8 has not answered yet: it answers at
         * the next script.
         */
        synchronized boolean measurementPending() {
            return this.answer != null && !this.answer.isDone();
        }

        /** Whether the timeout ended the evaluation. */
        public synchronized boolean expired() {
            return this.expired;
        }

        /**
         * The external memory that ended the evaluation, in bytes, or 0 when it stayed
         * within its limit.
         */
        public synchronized long externalMemory() {
            return this.externalMemory;
        }

        /**
         * Ends the deadline: no termination is requested after this returns, and no call
         * of this class into Javet for this runtime is still under way, so the runtime
         * may be closed.
         */
        @Override
        public void close() {
            synchronized (this) {
                this.finished = true;
                boolean interrupted = false;
                while (this.asking) {
                    try {
                        // bounded: the caller holds no V8 lock now, so Javet's answer
                        // comes at once
                        wait();
                    }
                    catch (InterruptedException ex) {
                        interrupted = true;
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            running.remove(this);
            if (this.future != null) {
                this.future.cancel(false);
            }
        }

    }

}
