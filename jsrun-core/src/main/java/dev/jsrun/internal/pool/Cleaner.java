package dev.jsrun.internal.pool;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that reset returned runtimes. Handing a runtime over must cost the
 * returning thread next to nothing, and waking a sleeping thread does not: a futex wake
 * plus an inter-processor interrupt costs more than the whole rest of a round trip. So
 * while work keeps coming the first thread looks for it itself every {@link #POLL_NANOS},
 * and only after {@link #LINGER_NANOS} without work does it sleep until a task wakes it.
 * The other threads are helpers, for when borrowers wait for runtimes: they sleep as soon
 * as they find nothing to do, so that their polling does not interrupt the cores
 * borrowers run on. A helper is woken for a task marked urgent, or by the first thread
 * when it takes a task, finds more queued and {@code callersWaiting} says that borrowers
 * wait, or by a borrower that is about to wait while tasks are queued and no thread looks
 * for them ({@link #borrowerWaiting()}); otherwise the first thread works through the
 * queue alone and leaves the other cores to the borrowers. An ordinary task never wakes a
 * helper from the thread that hands it over: the scheduler may put the helper on that
 * thread's core, and a reset is a millisecond of work that the returning thread then
 * waits out before it gets its core back.
 */
public final class Cleaner {

    /** How often a cleaner with recent work looks for more. */
    static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(250);

    /**
     * How long a cleaner keeps looking after its last task before it sleeps until woken.
     */
    static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private static final Logger logger = LoggerFactory.getLogger(Cleaner.class);

    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();

    private final ConcurrentLinkedQueue<Thread> sleepers = new ConcurrentLinkedQueue<>();

    private final Thread[] threads;

    private final long pollNanos;

    private final long lingerNanos;

    /**
     * Threads awake and not running a task: they will find a queued task without being
     * woken.
     */
    private final AtomicInteger looking = new AtomicInteger();

    private final BooleanSupplier callersWaiting;

    /**
     * Whether the first thread sleeps until woken; set before its last look at the queue.
     */
    private volatile boolean firstAsleep;

    private volatile boolean shutdown;

    /**
     * {@code callersWaiting} tells whether borrowers wait for cleaned runtimes, so that
     * helpers are worth it.
     */
    public Cleaner(String name, int count, BooleanSupplier callersWaiting) {
        this(name, count, POLL_NANOS, LINGER_NANOS, callersWaiting);
    }

    public Cleaner(String name, int count, long pollNanos, long lingerNanos, BooleanSupplier callersWaiting) {
        this.callersWaiting = callersWaiting;
        this.pollNanos = pollNanos;
        this.lingerNanos = lingerNanos;
        this.threads = new Thread[count];
        for (int i = 0; i < count; i++) {
            boolean first = (i == 0);
            Thread thread = new Thread(() -> work(first), name + "-" + (i + 1));
            thread.setDaemon(true);
            this.threads[i] = thread;
        }
        for (Thread thread : this.threads) {
            thread.start();
        }
    }

    /**
     * Queues a task; returns {@code false} once the cleaner is shut down. An urgent task
     * wakes a thread at once instead of waiting for the next poll; any other wakes the
     * first thread only if it sleeps.
     */
    public boolean submit(Runnable task, boolean urgent) {
        if (this.shutdown) {
            return false;
        }
        this.tasks.offer(task);
        if (this.shutdown && this.tasks.remove(task)) {
            // shut down meanwhile, and no thread took it: the caller must dispose of what
            // it hands over
            return false;
        }
        if (urgent || this.looking.get() == 0) {
            if (this.firstAsleep) {
                LockSupport.unpark(this.threads[0]);
            }
            else if (urgent) {
                if (!wakeSleeper()) {
                    // no helper asleep: cut the first thread's poll short, or have it
                    // look again after its task
                    LockSupport.unpark(this.threads[0]);
                }
            }
        }
        return true;
    }

    /**
     * Called by a borrower about to wait for a runtime: if returned runtimes are queued
     * and no thread looks for them (the first thread is busy with a reset, the helpers
     * asleep), a helper takes them now. A task queued while the first thread was busy
     * would otherwise wait for that thread, since the thread that queued it leaves the
     * helpers asleep. The waiting borrower gives up its core anyway, so waking one here
     * costs nobody.
     */
    public void borrowerWaiting() {
        if (!this.tasks.isEmpty() && this.looking.get() == 0 && !wakeSleeper() && this.firstAsleep) {
            LockSupport.unpark(this.threads[0]);
        }
    }

    private boolean wakeSleeper() {
        Thread sleeper = this.sleepers.poll();
        if (sleeper != null) {
            LockSupport.unpark(sleeper);
            return true;
        }
        return false;
    }

    /** Refuses new tasks; the threads finish the queued ones and stop. */
    public void shutdown() {
        this.shutdown = true;
        for (Thread thread : this.threads) {
            LockSupport.unpark(thread);
        }
    }

    /**
     * Waits up to {@code timeoutNanos} for the threads to stop; returns whether they did.
     */
    public boolean awaitTermination(long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        for (Thread thread : this.threads) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.timedJoin(thread, left);
            }
        }
        for (Thread thread : this.threads) {
            if (thread.isAlive()) {
                return false;
            }
        }
        return true;
    }

    private void work(boolean first) {
        Thread self = Thread.currentThread();
        long lastWork = System.nanoTime();
        this.looking.incrementAndGet();
        while (true) {
            Runnable task = this.tasks.poll();
            if (task != null) {
                this.looking.decrementAndGet();
                if (!this.tasks.isEmpty() && this.looking.get() == 0 && this.callersWaiting.getAsBoolean()) {
                    // more work than hands while borrowers wait: bring in a helper
                    wakeSleeper();
                }
                run(task);
                this.looking.incrementAndGet();
                lastWork = System.nanoTime();
                if (!first && !this.shutdown && !this.callersWaiting.getAsBoolean()) {
                    // nobody waits: leave the rest to the first thread and the core to
                    // the borrowers
                    sleepAsHelper(self, true);
                }
                continue;
            }
            if (this.shutdown) {
                if (this.tasks.isEmpty()) {
                    this.looking.decrementAndGet();
                    return;
                }
                continue;
            }
            if (first && System.nanoTime() - lastWork < this.lingerNanos) {
                LockSupport.parkNanos(this, this.pollNanos);
                continue;
            }
            if (first) {
                // Announce the sleep before the last look: a task offered after that look
                // finds this thread
                // asleep and not looking, and wakes it.
                this.firstAsleep = true;
                this.looking.decrementAndGet();
                if (this.tasks.isEmpty() && !this.shutdown) {
                    LockSupport.park(this);
                }
                this.looking.incrementAndGet();
                this.firstAsleep = false;
            }
            else {
                sleepAsHelper(self, false);
            }
            lastWork = System.nanoTime();
        }
    }

    /**
     * Parks a helper until a task wakes it. With {@code leavingWork} it parks even with
     * tasks queued, after making sure that the first thread looks at them.
     */
    private void sleepAsHelper(Thread self, boolean leavingWork) {
        this.sleepers.offer(self);
        this.looking.decrementAndGet();
        if (leavingWork && !this.tasks.isEmpty()) {
            LockSupport.unpark(this.threads[0]);
        }
        if ((leavingWork || this.tasks.isEmpty()) && !this.shutdown) {
            LockSupport.park(this);
        }
        this.looking.incrementAndGet();
        this.sleepers.remove(self);
    }

    private static void run(Runnable task) {
        try {
            task.run();
        }
        catch (Throwable ex) {
            logger.warn("A pool cleaning task failed", ex);
        }
    }

}
