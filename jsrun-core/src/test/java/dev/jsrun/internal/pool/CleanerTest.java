package dev.jsrun.internal.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

class CleanerTest {

    private static final long POLL = TimeUnit.MICROSECONDS.toNanos(250);

    /** Borrowers always waiting: helpers join in whenever the first thread is busy. */
    private static final BooleanSupplier ALWAYS_WAITING = () -> true;

    @Test
    void runsEveryTaskExactlyOnceUnderConcurrentSubmitters() throws Exception {
        Cleaner cleaner = new Cleaner("test-cleaner", 2, POLL, TimeUnit.MILLISECONDS.toNanos(5), ALWAYS_WAITING);
        int perThread = 5_000;
        Set<Integer> ran = ConcurrentHashMap.newKeySet();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(4 * perThread);
        Thread[] submitters = new Thread[4];
        for (int t = 0; t < submitters.length; t++) {
            int base = t * perThread;
            submitters[t] = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    int id = base + i;
                    // pauses now and then let the cleaners fall asleep between bursts
                    if (i % 1_000 == 0) {
                        sleep(20);
                    }
                    assertThat(cleaner.submit(() -> {
                        ran.add(id);
                        runs.incrementAndGet();
                        done.countDown();
                    }, false)).isTrue();
                }
            });
            submitters[t].start();
        }
        for (Thread submitter : submitters) {
            submitter.join();
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).as("every task ran").isTrue();
        assertThat(runs).hasValue(4 * perThread);
        assertThat(ran).hasSize(4 * perThread);
        cleaner.shutdown();
        assertThat(cleaner.awaitTermination(TimeUnit.SECONDS.toNanos(5))).isTrue();
    }

    @Test
    void aSleepingCleanerWakesForTheNextTask() throws Exception {
        Cleaner cleaner = new Cleaner("test-cleaner", 1, POLL, TimeUnit.MILLISECONDS.toNanos(10), ALWAYS_WAITING);
        for (int round = 0; round < 20; round++) {
            // well past the linger time: the thread has gone to sleep and only the submit
            // can wake it
            Thread.sleep(30);
            CountDownLatch ran = new CountDownLatch(1);
            cleaner.submit(ran::countDown, false);
            assertThat(ran.await(5, TimeUnit.SECONDS)).as("round %d", round).isTrue();
        }
        cleaner.shutdown();
        assertThat(cleaner.awaitTermination(TimeUnit.SECONDS.toNanos(5))).isTrue();
    }

    @Test
    void aHelperTakesTheNextTaskWhileTheFirstThreadIsBusy() throws Exception {
        Cleaner cleaner = new Cleaner("busy-cleaner", 2, POLL, TimeUnit.MILLISECONDS.toNanos(50), ALWAYS_WAITING);
        awaitState("busy-cleaner-2", Thread.State.WAITING);
        for (int round = 0; round < 20; round++) {
            // both tasks are queued before the first thread is free to take one: it then
            // finds the second queued behind the first, and must bring in the helper, or
            // the first task never finishes
            CountDownLatch release = occupyFirstThread(cleaner);
            CountDownLatch secondRan = new CountDownLatch(1);
            CountDownLatch firstDone = new CountDownLatch(1);
            AtomicBoolean firstSawSecond = new AtomicBoolean();
            cleaner.submit(() -> {
                firstSawSecond.set(await(secondRan));
                firstDone.countDown();
            }, false);
            cleaner.submit(secondRan::countDown, false);
            release.countDown();
            assertThat(firstDone.await(10, TimeUnit.SECONDS)).as("round %d", round).isTrue();
            assertThat(firstSawSecond).as("round %d: the second task ran while the first waited", round).isTrue();
        }
        cleaner.shutdown();
        assertThat(cleaner.awaitTermination(TimeUnit.SECONDS.toNanos(5))).isTrue();
    }

    @Test
    void aBorrowerAboutToWaitWakesAHelperForATaskQueuedBehindTheBusyFirstThread() throws Exception {
        AtomicBoolean borrowersWait = new AtomicBoolean();
        Cleaner cleaner = new Cleaner("late-cleaner", 2, POLL, TimeUnit.MILLISECONDS.toNanos(50), borrowersWait::get);
        awaitState("late-cleaner-2", Thread.State.WAITING);
        for (int round = 0; round < 5; round++) {
            // the first thread took its task before the next one came: nothing queued
            // behind it when it looked
            CountDownLatch release = occupyFirstThread(cleaner);
            Set<String> ranOn = ConcurrentHashMap.newKeySet();
            CountDownLatch queuedRan = new CountDownLatch(1);
            cleaner.submit(() -> {
                ranOn.add(Thread.currentThread().getName());
                queuedRan.countDown();
            }, false);
            // then a borrower finds no idle runtime and is about to wait for one
            borrowersWait.set(true);
            cleaner.borrowerWaiting();
            assertThat(queuedRan.await(10, TimeUnit.SECONDS)).as("round %d: ran while the first thread is busy", round)
                .isTrue();
            assertThat(ranOn).containsExactly("late-cleaner-2");
            borrowersWait.set(false);
            release.countDown();
            awaitState("late-cleaner-2", Thread.State.WAITING);
        }
        cleaner.shutdown();
        assertThat(cleaner.awaitTermination(TimeUnit.SECONDS.toNanos(5))).isTrue();
    }

    @Test
    void helpersJoinWhileBorrowersWaitCalledByTheFirstThreadOrAnUrgentTask() throws Exception {
        AtomicBoolean borrowersWait = new AtomicBoolean();
        Cleaner cleaner = new Cleaner("calm-cleaner", 2, POLL, TimeUnit.MILLISECONDS.toNanos(50), borrowersWait::get);
        // a helper that has just started takes what it finds before it first goes to
        // sleep
        awaitState("calm-cleaner-2", Thread.State.WAITING);
        for (int round = 0; round < 5; round++) {
            CountDownLatch release = occupyFirstThread(cleaner);
            Set<String> ranOn = ConcurrentHashMap.newKeySet();
            CountDownLatch secondRan = new CountDownLatch(1);
            cleaner.submit(() -> {
                ranOn.add(Thread.currentThread().getName());
                secondRan.countDown();
            }, false);
            // with the first thread busy and nobody waiting, the second task waits for it
            // rather than for a helper
            assertThat(secondRan.await(100, TimeUnit.MILLISECONDS)).as("round %d: ran early", round).isFalse();
            release.countDown();
            assertThat(secondRan.await(5, TimeUnit.SECONDS)).as("round %d", round).isTrue();
            assertThat(ranOn).containsExactly("calm-cleaner-1");
        }
        // borrowers wait: an ordinary task still never wakes a helper from the thread
        // that submits it ...
        borrowersWait.set(true);
        CountDownLatch releaseFirst = occupyFirstThread(cleaner);
        CountDownLatch releaseSecond = new CountDownLatch(1);
        CountDownLatch secondRunning = new CountDownLatch(1);
        Set<String> thirdRanOn = ConcurrentHashMap.newKeySet();
        CountDownLatch thirdRan = new CountDownLatch(1);
        cleaner.submit(() -> {
            secondRunning.countDown();
            await(releaseSecond);
        }, false);
        cleaner.submit(() -> {
            thirdRanOn.add(Thread.currentThread().getName());
            thirdRan.countDown();
        }, false);
        assertThat(thirdRan.await(100, TimeUnit.MILLISECONDS)).as("woken by the submitter").isFalse();
        // ... the first thread, taking its next task, brings in a helper for the rest
        releaseFirst.countDown();
        assertThat(secondRunning.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(thirdRan.await(5, TimeUnit.SECONDS)).as("a helper ran it").isTrue();
        assertThat(thirdRanOn).containsExactly("calm-cleaner-2");
        // and an urgent task, a runtime returned while a borrower is blocked, wakes a
        // helper at once
        CountDownLatch urgentRan = new CountDownLatch(1);
        cleaner.submit(urgentRan::countDown, true);
        assertThat(urgentRan.await(5, TimeUnit.SECONDS)).as("a helper ran the urgent task").isTrue();
        releaseSecond.countDown();
        cleaner.shutdown();
        assertThat(cleaner.awaitTermination(TimeUnit.SECONDS.toNanos(5))).isTrue();
    }

    /**
     * Gives the cleaner a task that runs until the returned latch is counted down;
     * returns once it runs.
     */
    private static CountDownLatch occupyFirstThread(Cleaner cleaner) throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        cleaner.submit(() -> {
            running.countDown();
            await(release);
        }, false);
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        return release;
    }

    @Test
    void helpersSleepUntilWokenInsteadOfPolling() throws Exception {
        Cleaner cleaner = new Cleaner("idle-cleaner", 3, POLL, TimeUnit.SECONDS.toNanos(30), ALWAYS_WAITING);
        CountDownLatch ran = new CountDownLatch(3);
        for (int i = 0; i < 3; i++) {
            cleaner.submit(ran::countDown, true);
        }
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        // the first thread keeps polling for 30 s, in timed parks of 250 µs with a moment
        // awake between them; the helpers must be parked without a timeout. The states
        // are judged together, in one look: a second look could catch the first thread
        // between two parks.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        boolean seen = false;
        while (!seen && System.nanoTime() < deadline) {
            seen = helpersParked("idle-cleaner") && threadState("idle-cleaner-1") == Thread.State.TIMED_WAITING;
            if (!seen) {
                Thread.sleep(5);
            }
        }
        assertThat(seen).as("helpers parked until woken while the first thread polls in timed parks").isTrue();
        cleaner.shutdown();
        assertThat(cleaner.awaitTermination(TimeUnit.SECONDS.toNanos(5))).isTrue();
    }

    private static boolean helpersParked(String name) {
        return threadState(name + "-2") == Thread.State.WAITING && threadState(name + "-3") == Thread.State.WAITING;
    }

    private static Thread.State threadState(String name) {
        return Thread.getAllStackTraces()
            .keySet()
            .stream()
            .filter(thread -> thread.getName().equals(name))
            .map(Thread::getState)
            .findFirst()
            .orElseThrow();
    }

    /**
     * Waits until the thread is parked as {@code state}: a helper that is parked must be
     * woken to work.
     */
    private static void awaitState(String name, Thread.State state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Thread.State seen = threadState(name);
        while (seen != state && System.nanoTime() < deadline) {
            Thread.sleep(1);
            seen = threadState(name);
        }
        // the state seen, not a second look, which a spurious wake-up could catch
        assertThat(seen).as(name).isEqualTo(state);
    }

    @Test
    void shutdownFinishesQueuedTasksAndRefusesNewOnes() throws Exception {
        Cleaner cleaner = new Cleaner("test-cleaner", 1, ALWAYS_WAITING);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        cleaner.submit(() -> {
            await(release);
            finished.incrementAndGet();
        }, true);
        for (int i = 0; i < 10; i++) {
            cleaner.submit(finished::incrementAndGet, false);
        }
        cleaner.shutdown();
        assertThat(cleaner.submit(finished::incrementAndGet, true)).isFalse();
        release.countDown();
        assertThat(cleaner.awaitTermination(TimeUnit.SECONDS.toNanos(5))).isTrue();
        assertThat(finished).hasValue(11);
    }

    @Test
    void aFailingTaskDoesNotStopTheCleaner() throws Exception {
        Cleaner cleaner = new Cleaner("test-cleaner", 1, ALWAYS_WAITING);
        cleaner.submit(() -> {
            throw new IllegalStateException("boom");
        }, true);
        CountDownLatch ran = new CountDownLatch(1);
        cleaner.submit(ran::countDown, true);
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        cleaner.shutdown();
        assertThat(cleaner.awaitTermination(TimeUnit.SECONDS.toNanos(5))).isTrue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

}
