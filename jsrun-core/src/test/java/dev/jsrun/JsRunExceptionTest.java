package dev.jsrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.jsrun.JsRuntimeUnavailableException.Reason;
import dev.jsrun.pool.JsRuntimePool;
import dev.jsrun.pool.JsRuntimePoolExhaustedException;
import dev.jsrun.pool.PoolSettings;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;
import dev.jsrun.snapshot.SnapshotBuilder;

/**
 * Every failure jsrun reports is a {@link JsRunException} whose fields say why: a
 * termination its reason and limit, an unavailable runtime its reason. Messages name the
 * core API to change, never a Spring property.
 */
class JsRunExceptionTest {

    private static Snapshot snapshot;

    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeAll
    static void snapshot() {
        snapshot = new SnapshotBuilder().executeScript("setup.js", "globalThis.add = (a, b) => a + b;").build();
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : this.closeables) {
            closeable.close();
        }
    }

    @Test
    void aTimeoutIsATerminationThatCarriesItsTimeout() {
        try (JsRuntimeFactory factory = new UnpooledJsRuntimeFactory(config().build());
                JsRuntime js = factory.create()) {
            Throwable thrown = catchThrowable(() -> js.eval("while (true) {}", Duration.ofMillis(50)));

            assertThat(thrown).isInstanceOfSatisfying(JsTimeoutException.class, ex -> {
                assertThat(ex.reason()).isEqualTo(JsTerminatedException.Reason.TIMEOUT);
                assertThat(ex.getTimeout()).isEqualTo(Duration.ofMillis(50));
            });
            assertThat(thrown).isInstanceOf(JsRunException.class).isNotInstanceOf(JsException.class);
            assertThat(thrown).hasMessageContaining("timeout of 50 ms")
                .hasMessageContaining("RuntimeConfig.Builder.timeout");
            assertNamesNoProperty(thrown);
            assertThat(JsFailureKind.of(thrown)).isEqualTo(JsFailureKind.TIMEOUT);
        }
    }

    @Test
    void anAllocationPastTheExternalMemoryLimitIsATerminationThatCarriesTheLimit() {
        RuntimeConfig config = config().maxExternalMemory(16L << 20).build();
        try (JsRuntimeFactory factory = new UnpooledJsRuntimeFactory(config); JsRuntime js = factory.create()) {
            Throwable thrown = catchThrowable(() -> js.eval("new Uint8Array(32 << 20).length"));

            assertThat(thrown).isInstanceOfSatisfying(JsExternalMemoryLimitException.class, ex -> {
                assertThat(ex.reason()).isEqualTo(JsTerminatedException.Reason.EXTERNAL_MEMORY_LIMIT);
                assertThat(ex.getLimit()).isEqualTo(16L << 20);
            });
            assertThat(thrown).isNotInstanceOf(JsException.class)
                .hasMessageContaining("16 MB")
                .hasMessageContaining("RuntimeConfig.Builder.maxExternalMemory");
            assertNamesNoProperty(thrown);
            assertThat(JsFailureKind.of(thrown)).isEqualTo(JsFailureKind.EXTERNAL_MEMORY_LIMIT);
        }
    }

    @Test
    void theHeapLimitIsATerminationThatCarriesTheLimit() {
        // reaching the limit needs a JVM of its own (MemoryLimitsTest, HeapLimitTest);
        // here the exception itself
        JsHeapLimitException limit = new JsHeapLimitException(32L << 20, null);

        assertThat(limit.reason()).isEqualTo(JsTerminatedException.Reason.HEAP_LIMIT);
        assertThat(limit.getHeapLimit()).isEqualTo(32L << 20);
        assertThat(limit).isNotInstanceOf(JsException.class).hasMessageContaining("heap limit of 32 MB");
        assertNamesNoProperty(limit);
        assertThat(JsFailureKind.of(limit)).isEqualTo(JsFailureKind.HEAP_LIMIT);
    }

    @Test
    void aScriptStillRunningWhenItsPoolShutsDownIsTerminatedForTheShutdownNotATimeout() throws Exception {
        // a long timeout: the termination must not be mistaken for it
        JsRuntimePool pool = pool(config().timeout(Duration.ofSeconds(30)),
                PoolSettings.builder().minIdle(2).maxSize(2));
        JsRuntime spinning = pool.acquire();
        JsRuntime waiting = pool.acquire();
        ExecutorService callers = Executors.newFixedThreadPool(2);
        this.closeables.add(callers::shutdownNow);
        CompletableFuture<Object> loop = CompletableFuture.supplyAsync(() -> spinning.eval("while (true) {}"), callers);
        CompletableFuture<Object> timer = CompletableFuture
            .supplyAsync(() -> waiting.evalAsync("new Promise(resolve => setTimeout(resolve, 20000))"), callers)
            .thenCompose(call -> call);
        Thread.sleep(100);

        pool.terminateBorrowedAfter(Duration.ofMillis(100));

        for (CompletableFuture<Object> call : List.of(loop, timer)) {
            Throwable thrown = causeOf(call);
            assertThat(thrown).isInstanceOfSatisfying(JsTerminatedException.class,
                    ex -> assertThat(ex.reason()).isEqualTo(JsTerminatedException.Reason.SHUTDOWN));
            assertThat(thrown).isNotInstanceOf(JsTimeoutException.class).hasMessageContaining("pool shut down");
            assertNamesNoProperty(thrown);
            assertThat(JsFailureKind.of(thrown)).isEqualTo(JsFailureKind.INTERNAL);
        }
        spinning.close();
        waiting.close();
    }

    @Test
    void anInterruptWhileTheEvaluationWaitsForATimerTerminatesIt() throws Exception {
        try (JsRuntimeFactory factory = new UnpooledJsRuntimeFactory(config().build());
                JsRuntime js = factory.create()) {
            AtomicReference<CompletableFuture<Object>> result = new AtomicReference<>();
            Thread caller = new Thread(
                    () -> result.set(js.evalAsync("new Promise(resolve => setTimeout(resolve, 20000))")));
            caller.start();
            Thread.sleep(200);

            caller.interrupt();
            caller.join(5_000);

            Throwable thrown = causeOf(result.get());
            assertThat(thrown).isInstanceOfSatisfying(JsTerminatedException.class,
                    ex -> assertThat(ex.reason()).isEqualTo(JsTerminatedException.Reason.INTERRUPTED));
            assertThat(thrown).hasMessageContaining("interrupted").hasMessageContaining("timer(s) set");
            assertThat(JsFailureKind.of(thrown)).isEqualTo(JsFailureKind.INTERNAL);
        }
    }

    @Test
    void aPoolWithEveryRuntimeBorrowedIsExhausted() {
        JsRuntimePool pool = pool(config(), PoolSettings.builder().name("busy").minIdle(1).maxSize(1));
        try (JsRuntime held = pool.acquire()) {
            Throwable thrown = catchThrowable(() -> pool.acquire(Duration.ofMillis(50)));

            assertThat(thrown).isInstanceOfSatisfying(JsRuntimePoolExhaustedException.class, ex -> {
                assertThat(ex.reason()).isEqualTo(Reason.EXHAUSTED);
                assertThat(ex.getWaited()).isEqualTo(Duration.ofMillis(50));
                assertThat(ex.getStats().name()).isEqualTo("busy");
            });
            assertThat(thrown).hasMessageContaining("PoolSettings.Builder.maxSize")
                .hasMessageContaining("PoolSettings.Builder.maxWait");
            assertNamesNoProperty(thrown);
            assertThat(JsFailureKind.of(thrown)).isEqualTo(JsFailureKind.POOL_EXHAUSTED);
        }
    }

    @Test
    void aClosedPoolOrFactoryHandsOutNoRuntime() {
        JsRuntimePool pool = pool(config(), PoolSettings.builder().minIdle(1).maxSize(1));
        pool.close();
        UnpooledJsRuntimeFactory unpooled = new UnpooledJsRuntimeFactory(config().build());
        unpooled.close();

        for (Throwable thrown : List.of(catchThrowable(pool::acquire), catchThrowable(pool::create),
                catchThrowable(() -> pool.acquire("scope")), catchThrowable(unpooled::acquire))) {
            assertThat(thrown).isInstanceOfSatisfying(JsRuntimeUnavailableException.class,
                    ex -> assertThat(ex.reason()).isEqualTo(Reason.CLOSED));
            assertThat(thrown).hasMessageContaining("closed");
            assertThat(JsFailureKind.of(thrown)).as("only exhaustion is pool-exhausted")
                .isEqualTo(JsFailureKind.INTERNAL);
        }
    }

    @Test
    void aPoolThatTerminatedItsBorrowedRuntimesLendsNoMore() throws Exception {
        JsRuntimePool pool = pool(config(), PoolSettings.builder().minIdle(1).maxSize(2));
        JsRuntime busy = pool.acquire();
        CompletableFuture<Object> loop = CompletableFuture.supplyAsync(() -> busy.eval("while (true) {}"));
        Thread.sleep(50);
        pool.terminateBorrowedAfter(Duration.ofMillis(50));
        causeOf(loop);
        busy.close();

        Throwable thrown = catchThrowable(pool::acquire);

        assertThat(thrown).isInstanceOfSatisfying(JsRuntimeUnavailableException.class,
                ex -> assertThat(ex.reason()).isEqualTo(Reason.SHUTTING_DOWN));
        assertThat(thrown).hasMessageContaining("shutting down")
            .hasMessageContaining("PoolSettings.Builder.shutdownTimeout");
        assertNamesNoProperty(thrown);
        assertThat(JsFailureKind.of(thrown)).isEqualTo(JsFailureKind.INTERNAL);
    }

    @Test
    void aBorrowerInterruptedWhileItWaitsGetsNoRuntime() {
        JsRuntimePool pool = pool(config(), PoolSettings.builder().minIdle(1).maxSize(1));
        try (JsRuntime held = pool.acquire()) {
            Throwable thrown;
            boolean kept;
            Thread.currentThread().interrupt();
            try {
                thrown = catchThrowable(() -> pool.acquire(Duration.ofSeconds(5)));
            }
            finally {
                kept = Thread.interrupted();
            }

            assertThat(kept).as("the interrupt is kept for the caller").isTrue();
            assertThat(thrown).isInstanceOfSatisfying(JsRuntimeUnavailableException.class,
                    ex -> assertThat(ex.reason()).isEqualTo(Reason.INTERRUPTED));
        }
    }

    @Test
    void aFailingWarmUpSaysSoInItsReason() {
        JsRuntimePool pool = pool(config(), PoolSettings.builder().minIdle(0).maxSize(1).warmUp("missing()"));

        Throwable thrown = catchThrowable(pool::acquire);

        assertThat(thrown).isInstanceOfSatisfying(JsRuntimeUnavailableException.class,
                ex -> assertThat(ex.reason()).isEqualTo(Reason.WARM_UP_FAILED));
        assertThat(thrown).hasMessageContaining("PoolSettings.Builder.warmUp").hasCauseInstanceOf(JsException.class);
        assertNamesNoProperty(thrown);
    }

    @Test
    void argumentsPastTheSizeLimitNameTheCoreSetting() {
        RuntimeConfig config = config().maxResultSize(1024).build();
        try (JsRuntimeFactory factory = new UnpooledJsRuntimeFactory(config); JsRuntime js = factory.create()) {
            js.eval("globalThis.id = x => x;");

            Throwable thrown = catchThrowable(() -> js.call("id", Arrays.asList(new Integer[10_000])));

            assertThat(thrown).isInstanceOf(JsConversionException.class)
                .hasMessageContaining("RuntimeConfig.Builder.maxResultSize");
            assertNamesNoProperty(thrown);
        }
    }

    @Test
    void aJavaScriptErrorIsAJsRunException() {
        try (JsRuntimeFactory factory = new UnpooledJsRuntimeFactory(config().build());
                JsRuntime js = factory.create()) {
            assertThatThrownBy(() -> js.eval("null.x")).isInstanceOf(JsException.class)
                .isInstanceOf(JsRunException.class);
            assertThatThrownBy(() -> js.eval("let x = ;")).isInstanceOf(JsSyntaxException.class);
        }
    }

    @Test
    void theFailureKindsKeepTheirTags() {
        assertThat(Arrays.stream(JsFailureKind.values()).map(JsFailureKind::tag)).containsExactly("timeout",
                "heap-limit", "external-memory-limit", "syntax", "javascript", "conversion", "pool-exhausted",
                "internal");
    }

    private static RuntimeConfig.Builder config() {
        return RuntimeConfig.builder().snapshot(snapshot);
    }

    private JsRuntimePool pool(RuntimeConfig.Builder config, PoolSettings.Builder settings) {
        JsRuntimePool pool = new JsRuntimePool(config.build(), settings.build());
        this.closeables.add(pool);
        return pool;
    }

    private static Throwable causeOf(CompletableFuture<Object> call) throws InterruptedException {
        try {
            call.get(10, TimeUnit.SECONDS);
            throw new AssertionError("the call finished");
        }
        catch (ExecutionException ex) {
            return ex.getCause();
        }
        catch (java.util.concurrent.TimeoutException ex) {
            throw new AssertionError("the call was not terminated", ex);
        }
    }

    /**
     * Core messages tell what to change in the core API; Spring property names belong to
     * the auto-configuration.
     */
    private static void assertNamesNoProperty(Throwable thrown) {
        for (Throwable link = thrown; link != null; link = link.getCause()) {
            assertThat(link.getMessage()).as("message of %s", link.getClass().getSimpleName()).doesNotContain("jsrun.");
        }
    }

}
