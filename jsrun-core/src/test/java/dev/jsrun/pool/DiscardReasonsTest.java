package dev.jsrun.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.jsrun.JsExternalMemoryLimitException;
import dev.jsrun.JsRuntime;
import dev.jsrun.JsTimeoutException;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.snapshot.SnapshotBuilder;

/** Each way a pool disposes of a runtime, and the reason its listeners hear. */
class DiscardReasonsTest {

    private static final RuntimeConfig CONFIG = RuntimeConfig.builder()
        .snapshot(new SnapshotBuilder().executeScript("setup.js", "globalThis.add = (a, b) => a + b;").build())
        .build();

    private final List<JsRuntimePool> pools = new ArrayList<>();

    private final List<DiscardReason> discarded = new CopyOnWriteArrayList<>();

    @AfterEach
    void closePools() {
        this.pools.forEach(JsRuntimePool::close);
    }

    private JsRuntimePool pool(PoolSettings.Builder settings) {
        JsRuntimePool pool = new JsRuntimePool(CONFIG, settings.build());
        this.pools.add(pool);
        pool.addListener(new PoolListener() {
            @Override
            public void discarded(DiscardReason reason) {
                DiscardReasonsTest.this.discarded.add(reason);
            }
        });
        return pool;
    }

    @Test
    void aRuntimeV8StoppedIsDiscardedForWhatStoppedIt() throws Exception {
        JsRuntimePool pool = pool(PoolSettings.builder().minIdle(1).maxSize(1));
        try (JsRuntime js = pool.acquire()) {
            assertThatThrownBy(() -> js.eval("while (true) {}", Duration.ofMillis(50)))
                .isInstanceOf(JsTimeoutException.class);
        }
        try (JsRuntime js = pool.acquire()) {
            // 300 MB of buffers held, over the default limit of 256 MiB
            String held = "globalThis.k = []; for (let i = 0; i < 3; i++) k.push(new ArrayBuffer(1e8));";
            assertThatThrownBy(() -> js.eval(held, Duration.ofSeconds(10)))
                .isInstanceOf(JsExternalMemoryLimitException.class);
        }
        try (JsRuntime js = pool.acquire()) {
            AtomicReference<CompletableFuture<Object>> waiting = new AtomicReference<>();
            Thread caller = new Thread(() -> waiting
                .set(js.evalAsync("new Promise(resolve => setTimeout(resolve, 60000))", Duration.ofMinutes(2))));
            caller.start();
            await(() -> caller.getState() == Thread.State.TIMED_WAITING);
            caller.interrupt();
            caller.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(waiting.get()).isCompletedExceptionally();
        }
        assertThat(this.discarded).containsExactly(DiscardReason.TIMEOUT, DiscardReason.EXTERNAL_MEMORY_LIMIT,
                DiscardReason.TERMINATED);
    }

    @Test
    void aHealthyRuntimeIsReplacedAfterMaxUsesAndWithHostFunctionsBound() {
        JsRuntimePool pool = pool(PoolSettings.builder().minIdle(1).maxSize(1).maxUses(2));
        for (int i = 0; i < 2; i++) {
            try (JsRuntime js = pool.acquire()) {
                js.eval("add(1, 2)");
            }
        }
        try (JsRuntime js = pool.acquire()) {
            js.bind("answer", args -> 42);
        }
        assertThat(this.discarded).containsExactly(DiscardReason.MAX_USES, DiscardReason.HOST_FUNCTIONS);
    }

    @Test
    void aRuntimeWhoseWarmUpScriptFailsAfterTheResetIsDiscarded() throws Exception {
        // passes on the first restore, fails on every runtime made ready after the
        // deadline
        long deadline = System.currentTimeMillis() + 500;
        JsRuntimePool pool = pool(PoolSettings.builder()
            .minIdle(1)
            .maxSize(1)
            .warmUp("if (Date.now() > " + deadline + ") throw new Error('too late')"));
        try (JsRuntime js = pool.acquire()) {
            js.eval("add(1, 2)");
            Thread.sleep(Math.max(0, deadline - System.currentTimeMillis() + 50));
        }
        await(() -> !this.discarded.isEmpty());
        assertThat(this.discarded).containsExactly(DiscardReason.RESET_FAILED);
    }

    @Test
    void idleRuntimesBeyondMinIdleAreEvictedAfterTheIdleTimeout() throws Exception {
        JsRuntimePool pool = pool(PoolSettings.builder()
            .minIdle(0)
            .maxSize(2)
            .idleTimeout(Duration.ofMillis(50))
            .evictionInterval(Duration.ofMillis(50)));
        try (JsRuntime a = pool.acquire(); JsRuntime b = pool.acquire()) {
            a.eval("add(1, 2)");
            b.eval("add(1, 2)");
        }
        await(() -> this.discarded.size() == 2);
        assertThat(this.discarded).containsExactly(DiscardReason.IDLE_EVICTED, DiscardReason.IDLE_EVICTED);
        assertThat(pool.stats().idle()).isZero();
        assertThat(pool.stats().heapUsed()).isZero();
    }

    @Test
    void closingThePoolDiscardsEveryRuntimeOnceWhereverItIs() throws Exception {
        JsRuntimePool pool = pool(PoolSettings.builder().minIdle(1).maxSize(3).shutdownTimeout(Duration.ofMillis(100)));
        JsRuntime held = pool.acquire();
        try (JsRuntime scoped = pool.acquire("a")) {
            scoped.eval("globalThis.kept = true");
        }
        assertThat(pool.scopeStats().parked()).isEqualTo(1);
        // the scoped borrow took the clean runtime: the cleaner restores another for
        // min-idle
        await(() -> pool.restoredCount() >= 3 && pool.stats().idle() >= 1);
        pool.close();
        // still borrowed when the shutdown timeout passed: closed under its borrower,
        // discarded once given back
        assertThat(this.discarded).hasSize((int) pool.restoredCount() - 1);
        held.close();
        assertThat(this.discarded).hasSize((int) pool.restoredCount()).containsOnly(DiscardReason.POOL_CLOSED);
        assertThat(pool.restoredCount()).isGreaterThanOrEqualTo(3);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(condition.getAsBoolean()).as("within 10 s").isTrue();
    }

}
