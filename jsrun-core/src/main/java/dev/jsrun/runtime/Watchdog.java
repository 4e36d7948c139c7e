package dev.jsrun.runtime;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.interop.monitoring.V8HeapStatistics;

/**
 * Terminates evaluations that outlive their timeout or hold more memory outside the V8 heap than their limit.
 * One daemon thread serves every runtime; a deadline costs a schedule and a cancel, and fires within a
 * millisecond or two of its time. Evaluations that run longer than {@link #MEMORY_CHECK} have their external
 * memory read every {@link #MEMORY_CHECK}, by a request V8 answers at its next interrupt check.
 */
final class Watchdog {

    /** How often a running evaluation's memory outside the heap is measured. */
    static final Duration MEMORY_CHECK = Duration.ofMillis(10);

    private static final ScheduledThreadPoolExecutor timer = createTimer();

    private static final Set<Deadline> running = ConcurrentHashMap.newKeySet();

    static {
        long period = MEMORY_CHECK.toNanos();
        timer.scheduleWithFixedDelay(Watchdog::checkMemory, period, period, TimeUnit.NANOSECONDS);
    }

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

    /**
     * Starts the clock for one evaluation on {@code runtime}, with no time limit when {@code timeout} is
     * {@code null}; close the deadline when the evaluation ends.
     */
    static Deadline start(V8Runtime runtime, Duration timeout, long externalLimit) {
        Deadline deadline = new Deadline(runtime, externalLimit);
        if (timeout != null) {
            deadline.future = timer.schedule(deadline::expire, Math.max(1, timeout.toNanos()), TimeUnit.NANOSECONDS);
        }
        running.add(deadline);
        return deadline;
    }

    private static void checkMemory() {
        long now = System.nanoTime();
        for (Deadline deadline : running) {
            deadline.measureIfDue(now);
        }
    }

    /**
     * One evaluation's deadline. Expiry and the end of the evaluation exclude each other, so termination can
     * only be requested while the evaluation may still run.
     */
    static final class Deadline implements AutoCloseable {

        private final V8Runtime runtime;
        private final long externalLimit;
        private final long started = System.nanoTime();
        private ScheduledFuture<?> future;
        private boolean finished;
        private boolean expired;
        private long externalMemory;
        private boolean measuring;

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
                if (this.finished || this.measuring || this.externalMemory > 0
                        || now - this.started < MEMORY_CHECK.toNanos()) {
                    return;
                }
                this.measuring = true;
            }
            try {
                // answered on the runtime's own thread; the verdict is taken back to this one
                this.runtime.getV8HeapStatistics().whenCompleteAsync(this::measured, timer);
            }
            catch (RuntimeException ex) {
                // the runtime closed meanwhile: nothing left to measure
            }
        }

        private synchronized void measured(V8HeapStatistics statistics, Throwable failure) {
            this.measuring = false;
            if (this.finished || statistics == null) {
                return;
            }
            if (statistics.getExternalMemory() > this.externalLimit) {
                this.externalMemory = statistics.getExternalMemory();
                this.runtime.terminateExecution();
            }
        }

        /** Whether the timeout ended the evaluation. */
        synchronized boolean expired() {
            return this.expired;
        }

        /** The external memory that ended the evaluation, in bytes, or 0 when it stayed within its limit. */
        synchronized long externalMemory() {
            return this.externalMemory;
        }

        @Override
        public void close() {
            synchronized (this) {
                this.finished = true;
            }
            running.remove(this);
            if (this.future != null) {
                this.future.cancel(false);
            }
        }

    }

}
