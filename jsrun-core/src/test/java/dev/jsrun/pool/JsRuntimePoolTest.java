package dev.jsrun.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.jsrun.InvalidSettingException;
import dev.jsrun.JsRuntime;
import dev.jsrun.JsRuntimeUnavailableException;
import dev.jsrun.JsTerminatedException;
import dev.jsrun.JsTimeoutException;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.Setting;
import dev.jsrun.Snapshot;
import dev.jsrun.snapshot.SnapshotBuilder;

class JsRuntimePoolTest {

    private static RuntimeConfig config;

    private final List<JsRuntimePool> pools = new ArrayList<>();

    @BeforeAll
    static void snapshot() {
        Snapshot snapshot = new SnapshotBuilder()
            .executeScript("setup.js", "globalThis.VERSION = '1.0.0'; globalThis.add = (a, b) => a + b;")
            .build();
        config = RuntimeConfig.builder().snapshot(snapshot).build();
    }

    @AfterEach
    void closePools() {
        this.pools.forEach(JsRuntimePool::close);
    }

    private JsRuntimePool pool(PoolSettings.Builder settings) {
        JsRuntimePool pool = new JsRuntimePool(config, settings.build());
        this.pools.add(pool);
        return pool;
    }

    static void awaitQuiet(JsRuntimePool pool) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((pool.stats().active() > 0 || pool.stats().cleaning() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @Test
    void prefillsMinIdleAndServesSnapshotState() throws Exception {
        JsRuntimePool pool = pool(PoolSettings.builder().minIdle(2).maxSize(4));
        assertThat(pool.stats().idle()).isEqualTo(2);
        try (JsRuntime js = pool.acquire()) {
            assertThat(js.eval("add(VERSION.length, 1)")).isEqualTo(6);
            assertThat(pool.stats().active()).isEqualTo(1);
            assertThat(pool.stats().idle()).isEqualTo(1);
        }
        awaitQuiet(pool);
        PoolStats stats = pool.stats();
        assertThat(stats.active()).isZero();
        assertThat(stats.idle()).isEqualTo(2);
        assertThat(stats.max()).isEqualTo(4);
        assertThat(stats.heapUsed()).isPositive();
        assertThat(stats.heapLimit()).isGreaterThan(stats.heapUsed());
    }

    @Test
    void returnedRuntimeIsCleanBeforeItIsHandedOutAgain() throws Exception {
        JsRuntimePool pool = pool(PoolSettings.builder().minIdle(1).maxSize(1));
        try (JsRuntime js = pool.acquire()) {
            js.eval("VERSION = 'dirty'; globalThis.leak = 1; Object.prototype.polluted = true; delete globalThis.add;");
            js.addStaticModule("m", "export const x = 1;");
            js.evalAsync("import('m')");
            js.evalAsync("new Promise(() => {})");
        }
        try (JsRuntime js = pool.acquire()) {
            assertThat(js.eval("[VERSION, typeof leak, ({}).polluted, typeof add]"))
                .isEqualTo(java.util.Arrays.asList("1.0.0", "undefined", null, "function"));
            assertThat(js.evalAsync("import('m').then(() => 'found', e => e.message)").get(5, TimeUnit.SECONDS))
                .asString()
                .contains("Cannot find module 'm'");
            js.addStaticModule("m", "export const x = 2;");
            assertThat(js.evalAsync("import('m').then(m => m.x)").get(5, TimeUnit.SECONDS)).isEqualTo(2);
        }
    }

    @Test
    void closedHandleCannotBeUsedAndClosingTwiceReturnsOnce() throws Exception {
        JsRuntimePool pool = pool(PoolSettings.builder().minIdle(1).maxSize(2));
        JsRuntime js = pool.acquire();
        js.close();
        js.close();
        assertThatThrownBy(() -> js.eval("1")).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        awaitQuiet(pool);
        assertThat(pool.stats().active()).isZero();
        assertThat(pool.stats().idle()).isEqualTo(1);
    }

    @Test
    void terminatedRuntimeIsReplacedNotReused() throws Exception {
        JsRuntimePool pool = pool(PoolSettings.builder().minIdle(1).maxSize(1));
        List<DiscardReason> discarded = new CopyOnWriteArrayList<>();
        pool.addListener(new PoolListener() {
            @Override
            public void discarded(DiscardReason reason) {
                discarded.add(reason);
            }
        });
        try (JsRuntime js = pool.acquire()) {
            js.eval("globalThis.marker = 1");
            assertThatThrownBy(() -> js.eval("while (true) {}", Duration.ofMillis(50)))
                .isInstanceOf(JsTimeoutException.class);
        }
        assertThat(discarded).containsExactly(DiscardReason.TIMEOUT);
        try (JsRuntime js = pool.acquire()) {
            assertThat(js.eval("typeof marker")).isEqualTo("undefined");
            assertThat(js.eval("add(2, 2)")).isEqualTo(4);
        }
    }

    @Test
    void runtimeIsReplacedAfterMaxUses() throws Exception {
        JsRuntimePool pool = pool(PoolSettings.builder().minIdle(1).maxSize(1).maxUses(3));
        AtomicInteger created = new AtomicInteger();
        pool.addListener(new PoolListener() {
            @Override
            public void created(long nanos) {
                created.incrementAndGet();
            }
        });
        for (int i = 0; i < 7; i++) {
            try (JsRuntime js = pool.acquire()) {
                js.eval("1");
            }
        }
        awaitQuiet(pool);
        assertThat(created.get()).isEqualTo(2);
    }

    @Test
    void cleanerThreadsDefaultToOnePerProcessorAndNoMoreThanTheRuntimes() {
        int processors = Runtime.getRuntime().availableProcessors();
        assertThat(PoolSettings.builder().maxSize(64).build().cleanerThreads()).isEqualTo(Math.min(64, processors));
        assertThat(PoolSettings.builder().maxSize(1).minIdle(1).build().cleanerThreads()).isEqualTo(1);
        assertThat(PoolSettings.builder().maxSize(64).cleanerThreads(3).build().cleanerThreads()).isEqualTo(3);
        assertThatThrownBy(() -> PoolSettings.builder().cleanerThreads(0)).isInstanceOf(InvalidSettingException.class)
            .hasMessageContaining("cleanerThreads");
    }

    @Test
    void moreCallersThanRuntimesAreServedOrToldThePoolIsExhausted() throws Exception {
        JsRuntimePool pool = pool(PoolSettings.builder().minIdle(2).maxSize(2).maxWait(Duration.ofMillis(100)));
        int callers = 8;
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger served = new AtomicInteger();
        List<JsRuntimePoolExhaustedException> exhausted = new CopyOnWriteArrayList<>();
        List<Future<?>> results = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            int n = i;
            results.add(threads.submit(() -> {
                start.await();
                for (int round = 0; round < 5; round++) {
                    try (JsRuntime js = pool.acquire()) {
                        assertThat(js.eval("add(" + n + ", " + round + ")")).isEqualTo(n + round);
                        // held longer than max-wait, so that some callers must give up
                        Thread.sleep(n % 2 == 0 ? 150 : 5);
                        served.incrementAndGet();
                    }
                    catch (JsRuntimePoolExhaustedException ex) {
                        exhausted.add(ex);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> result : results) {
            result.get(60, TimeUnit.SECONDS);
        }
        threads.shutdown();
        assertThat(served.get() + exhausted.size()).isEqualTo(callers * 5);
        assertThat(served.get()).isPositive();
        assertThat(exhausted).isNotEmpty();
        assertThat(exhausted.get(0)).hasMessageContaining("within 100 ms")
            .hasMessageContaining("active=")
            .hasMessageContaining("idle=")
            .hasMessageContaining("pending=")
            .hasMessageContaining("max=2")
            .hasMessageContaining("PoolSettings.Builder.maxSize");
        assertThat(exhausted.get(0).getStats().max()).isEqualTo(2);
        assertThat(exhausted.get(0).reason()).isEqualTo(JsRuntimeUnavailableException.Reason.EXHAUSTED);
        assertThat(exhausted.get(0).getWaited()).isEqualTo(Duration.ofMillis(100));
        awaitQuiet(pool);
        assertThat(pool.stats().active()).isZero();
        assertThat(pool.stats().pending()).isZero();
    }

    @Test
    void closeWaitsForBorrowedRuntimesThenTerminatesThem() throws Exception {
        JsRuntimePool pool = new JsRuntimePool(config,
                PoolSettings.builder().minIdle(1).maxSize(2).shutdownTimeout(Duration.ofMillis(300)).build());
        JsRuntime busy = pool.acquire();
        CompletableFuture<Object> running = CompletableFuture.supplyAsync(() -> busy.eval("while (true) {}"));
        Thread.sleep(50);
        long started = System.nanoTime();
        pool.close();
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(tookMillis).isBetween(250L, 5_000L);
        assertThatThrownBy(() -> running.get(5, TimeUnit.SECONDS)).cause()
            .isInstanceOfSatisfying(JsTerminatedException.class,
                    ex -> assertThat(ex.reason()).isEqualTo(JsTerminatedException.Reason.SHUTDOWN))
            .isNotInstanceOf(JsTimeoutException.class)
            .hasMessageContaining("terminated");
        busy.close();
        assertThatThrownBy(pool::acquire)
            .isInstanceOfSatisfying(JsRuntimeUnavailableException.class,
                    ex -> assertThat(ex.reason()).isEqualTo(JsRuntimeUnavailableException.Reason.CLOSED))
            .hasMessageContaining("closed");
    }

    @Test
    void afterTheShutdownTimeoutWaitingAndLaterBorrowersAreRefusedRatherThanServed() throws Exception {
        JsRuntimePool pool = pool(PoolSettings.builder().minIdle(1).maxSize(1).maxWait(Duration.ofSeconds(60)));
        JsRuntime busy = pool.acquire();
        CompletableFuture<Object> spinning = CompletableFuture.supplyAsync(() -> busy.eval("while (true) {}"));
        CompletableFuture<Object> waiting = CompletableFuture.supplyAsync(() -> {
            try (JsRuntime js = pool.acquire()) {
                // were it served, this borrower would spin on through the shutdown
                return js.eval("while (true) {}");
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pool.stats().pending() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(pool.stats().pending()).isEqualTo(1);
        long started = System.nanoTime();
        pool.terminateBorrowedAfter(Duration.ofMillis(200));
        assertThatThrownBy(() -> spinning.get(5, TimeUnit.SECONDS)).cause()
            .isInstanceOfSatisfying(JsTerminatedException.class,
                    ex -> assertThat(ex.reason()).isEqualTo(JsTerminatedException.Reason.SHUTDOWN));
        assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).cause()
            .isInstanceOfSatisfying(JsRuntimeUnavailableException.class,
                    ex -> assertThat(ex.reason()).isEqualTo(JsRuntimeUnavailableException.Reason.SHUTTING_DOWN))
            .hasMessageContaining("shutting down")
            .hasMessageContaining("PoolSettings.Builder.shutdownTimeout");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(10_000);
        busy.close();
        assertThatThrownBy(pool::acquire)
            .isInstanceOfSatisfying(JsRuntimeUnavailableException.class,
                    ex -> assertThat(ex.reason()).isEqualTo(JsRuntimeUnavailableException.Reason.SHUTTING_DOWN))
            .hasMessageContaining("shutting down");
        assertThat(pool.isOpen()).isFalse();
        assertThat(pool.stats().active()).isZero();
    }

    @Test
    void shutdownThatFindsEverythingReturnedLeavesThePoolLending() throws Exception {
        JsRuntimePool pool = pool(PoolSettings.builder().minIdle(1).maxSize(2));
        try (JsRuntime js = pool.acquire()) {
            js.eval("1");
        }
        pool.terminateBorrowedAfter(Duration.ofMillis(200));
        try (JsRuntime js = pool.acquire()) {
            assertThat(js.eval("add(1, 2)")).isEqualTo(3);
        }
        assertThat(pool.isOpen()).isTrue();
    }

    @Test
    void closeReturnsAtOnceWhenNothingIsBorrowed() {
        JsRuntimePool pool = new JsRuntimePool(config, PoolSettings.builder().minIdle(2).build());
        try (JsRuntime js = pool.acquire()) {
            js.eval("1");
        }
        long started = System.nanoTime();
        pool.close();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(2_000);
        assertThat(pool.isOpen()).isFalse();
    }

    @Test
    void warmUpRunsOnEveryFreshAndResetRuntimeBeforeItIsHandedOut() throws Exception {
        JsRuntimePool pool = pool(PoolSettings.builder()
            .minIdle(1)
            .maxSize(1)
            .warmUp("globalThis.warmed = (globalThis.warmed || 0) + 1; add(1, 2);"));
        for (int i = 0; i < 3; i++) {
            try (JsRuntime js = pool.acquire()) {
                assertThat(js.eval("warmed")).isEqualTo(1);
            }
        }
    }

    @Test
    void brokenWarmUpFailsThePoolAtOnce() {
        assertThatThrownBy(() -> pool(PoolSettings.builder().minIdle(1).warmUp("notDefined()")))
            .isInstanceOfSatisfying(JsRuntimeUnavailableException.class,
                    ex -> assertThat(ex.reason()).isEqualTo(JsRuntimeUnavailableException.Reason.RESTORE_FAILED))
            .hasMessageContaining("PoolSettings.Builder.warmUp")
            .hasMessageContaining("notDefined is not defined")
            .cause()
            .isInstanceOfSatisfying(JsRuntimeUnavailableException.class,
                    ex -> assertThat(ex.reason()).isEqualTo(JsRuntimeUnavailableException.Reason.WARM_UP_FAILED));
    }

    @Test
    void settingsRefuseNonsense() {
        assertThatThrownBy(() -> PoolSettings.builder().maxSize(0))
            .hasMessageContaining("maxSize must be at least 1, was 0");
        assertThatThrownBy(() -> PoolSettings.builder().minIdle(-1)).hasMessageContaining("minIdle");
        InvalidSettingException minIdle = catchThrowableOfType(InvalidSettingException.class,
                () -> PoolSettings.builder().maxSize(2).minIdle(3).build());
        assertThat(minIdle).hasMessage("PoolSettings.Builder.minIdle must be from 0 to maxSize (2), was 3");
        assertThat(minIdle.getSetting()).isEqualTo(Setting.MIN_IDLE);
        assertThat(minIdle.getValue()).isEqualTo(3);
        assertThat(minIdle.getMinimum()).isEqualTo(0);
        assertThat(minIdle.getMaximum()).isEqualTo(2);
        InvalidSettingException maxWait = catchThrowableOfType(InvalidSettingException.class,
                () -> PoolSettings.builder().maxWait(Duration.ofSeconds(-1)));
        assertThat(maxWait.getSetting()).isEqualTo(Setting.MAX_WAIT);
        assertThat(maxWait.getMinimum()).isEqualTo(Duration.ZERO);
        assertThat(maxWait.isMinimumExcluded()).isFalse();
        assertThat(catchThrowableOfType(InvalidSettingException.class,
                () -> PoolSettings.builder().idleTimeout(Duration.ZERO))
            .isMinimumExcluded()).isTrue();
    }

    @Test
    void durationsLongerThanTheMaximumAreRefusedNamingTheSetting() {
        Duration tooLong = Duration.ofSeconds(Long.MAX_VALUE);
        Map<Setting, Runnable> settings = Map.of(Setting.MAX_WAIT, () -> PoolSettings.builder().maxWait(tooLong),
                Setting.IDLE_TIMEOUT, () -> PoolSettings.builder().idleTimeout(tooLong), Setting.EVICTION_INTERVAL,
                () -> PoolSettings.builder().evictionInterval(tooLong), Setting.SHUTDOWN_TIMEOUT,
                () -> PoolSettings.builder().shutdownTimeout(tooLong), Setting.TIMEOUT,
                () -> RuntimeConfig.builder().timeout(tooLong));
        settings.forEach((setting, build) -> {
            InvalidSettingException refused = catchThrowableOfType(InvalidSettingException.class, build::run);
            assertThat(refused).as("%s", setting).isNotNull();
            assertThat(refused.getSetting()).isEqualTo(setting);
            assertThat(refused.getValue()).isEqualTo(tooLong);
            assertThat(refused.getMaximum()).isEqualTo(RuntimeConfig.MAX_DURATION);
            assertThat(refused).hasMessageStartingWith(setting.apiName() + " must be at most PT576H (24 days)");
        });
        assertThatThrownBy(() -> PoolSettings.builder().maxWait(RuntimeConfig.MAX_DURATION.plusNanos(1)))
            .isInstanceOf(InvalidSettingException.class);
    }

    /** The longest durations allowed leave every deadline computed from them in range. */
    @Test
    void theMaximumDurationsWork() throws Exception {
        Duration longest = RuntimeConfig.MAX_DURATION;
        JsRuntimePool pool = new JsRuntimePool(RuntimeConfig.builder().timeout(longest).build(),
                PoolSettings.builder()
                    .maxSize(1)
                    .minIdle(1)
                    .maxWait(longest)
                    .idleTimeout(longest)
                    .evictionInterval(longest)
                    .shutdownTimeout(longest)
                    .build());
        try (JsRuntime js = pool.acquire()) {
            assertThat(js.eval("1 + 1")).isEqualTo(2);
        }
        awaitQuiet(pool);
        pool.close();
        assertThatThrownBy(pool::acquire).isInstanceOf(JsRuntimeUnavailableException.class);
    }

}
