package dev.jsrun.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.jsrun.InvalidSettingException;
import dev.jsrun.JsRuntime;
import dev.jsrun.JsTimeoutException;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.modules.ModuleRoot;
import dev.jsrun.modules.ModuleSet;
import dev.jsrun.snapshot.SnapshotBuilder;

/**
 * {@link JsRuntimePool#acquire(String)}: a scope gets back the runtime it left, unreset;
 * no other scope and no plain borrower ever sees what it left; and the pool resets a
 * scope's runtime when others need it, after the scope's use limit and after a fault.
 */
class ScopedPoolTest {

    /**
     * Reports the marks of other scopes the runtime shows, then leaves the marks the mask
     * asks for.
     */
    private static final String VISIT = """
            globalThis.visit = (scope, mask) => {
              const _ = require('lodash');
              const found = [globalThis.__scope, Object.prototype.__scope, Array.prototype.__scope, lib.__scope,
                _.__scope, ...(globalThis.__list || [])];
              const foreign = found.filter((mark) => mark !== undefined && mark !== scope);
              if (mask & 1) globalThis.__scope = scope;
              if (mask & 2) Object.defineProperty(Object.prototype, '__scope', { value: scope, configurable: true });
              if (mask & 4) Array.prototype.__scope = scope;
              if (mask & 8) lib.__scope = scope;
              if (mask & 16) _.__scope = scope;
              if (mask & 32) (globalThis.__list = globalThis.__list || []).push(scope);
              return foreign.join(',');
            };
            globalThis.lib = { version: 1 };
            """;

    private static RuntimeConfig config;

    private final List<JsRuntimePool> pools = new ArrayList<>();

    @BeforeAll
    static void snapshot() {
        ModuleSet modules = ModuleSet.builder()
            .root(ModuleRoot.classpath(ScopedPoolTest.class.getClassLoader()))
            .module("lodash")
            .build();
        config = RuntimeConfig.builder()
            .snapshot(new SnapshotBuilder().executeScript(ModuleSet.SCRIPT_NAME, modules.bundle())
                .executeScript("visit.js", VISIT)
                .build())
            .build();
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

    @Test
    void aScopeGetsBackWhatItLeftAndNoOtherBorrowerSeesIt() {
        JsRuntimePool pool = pool(PoolSettings.builder().minIdle(1).maxSize(2));
        try (JsRuntime a = pool.acquire("a")) {
            assertThat(a.call("visit", String.class, "a", 63)).isEmpty();
        }
        try (JsRuntime a = pool.acquire("a")) {
            assertThat(a.eval("[globalThis.__scope, lib.__scope, require('lodash').__scope].join()"))
                .isEqualTo("a,a,a");
        }
        try (JsRuntime b = pool.acquire("b")) {
            assertThat(b.call("visit", String.class, "b", 0)).isEmpty();
        }
        try (JsRuntime plain = pool.acquire()) {
            assertThat(plain.call("visit", String.class, "plain", 0)).isEmpty();
        }
        assertThat(pool.scopeStats().hits()).isEqualTo(1);
    }

    @Test
    void afterItsUseLimitAScopeGetsACleanRuntime() {
        JsRuntimePool pool = pool(PoolSettings.builder().minIdle(1).maxSize(1).scopeMaxUses(3));
        List<Object> counts = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            try (JsRuntime js = pool.acquire("counting")) {
                counts.add(js.eval("globalThis.n = (globalThis.n || 0) + 1"));
            }
        }
        assertThat(counts).containsExactly(1, 2, 3, 1, 2, 3, 1);
    }

    @Test
    void aTimeoutGivesTheScopeACleanRuntime() {
        JsRuntimePool pool = pool(PoolSettings.builder().minIdle(1).maxSize(1));
        try (JsRuntime js = pool.acquire("a")) {
            js.eval("globalThis.__scope = 'a'");
        }
        try (JsRuntime js = pool.acquire("a")) {
            assertThat(js.eval("globalThis.__scope")).isEqualTo("a");
            assertThatThrownBy(() -> js.eval("while (true) {}", Duration.ofMillis(50)))
                .isInstanceOf(JsTimeoutException.class);
        }
        try (JsRuntime js = pool.acquire("a")) {
            assertThat(js.eval("typeof globalThis.__scope")).isEqualTo("undefined");
        }
    }

    @Test
    void aRuntimeWithHostFunctionsBoundIsReplacedEvenInAScope() {
        JsRuntimePool pool = pool(PoolSettings.builder().minIdle(1).maxSize(1));
        try (JsRuntime js = pool.acquire("a")) {
            js.bind("hostAnswer", args -> 42);
            js.eval("globalThis.__scope = 'a'");
        }
        try (JsRuntime js = pool.acquire("a")) {
            assertThat(js.eval("typeof hostAnswer + ' ' + typeof globalThis.__scope")).isEqualTo("undefined undefined");
        }
        assertThat(pool.scopeStats().hits()).isZero();
    }

    @Test
    void runtimesAScopeHoldsAreResetForOthersWhenThePoolIsFull() {
        JsRuntimePool pool = pool(PoolSettings.builder().minIdle(0).maxSize(2).maxWait(Duration.ofSeconds(10)));
        JsRuntime first = pool.acquire("a");
        JsRuntime second = pool.acquire("a");
        first.call("visit", String.class, "a", 63);
        second.call("visit", String.class, "a", 63);
        first.close();
        second.close();
        assertThat(pool.scopeStats()).isEqualTo(new ScopeStats(1, 2, 0, 0));
        assertThat(pool.stats().active()).as("held by a scope, not borrowed").isZero();
        assertThat(pool.stats().idle()).as("nor clean").isZero();

        try (JsRuntime b = pool.acquire("b"); JsRuntime plain = pool.acquire()) {
            assertThat(b.call("visit", String.class, "b", 0)).isEmpty();
            assertThat(plain.call("visit", String.class, "plain", 0)).isEmpty();
        }
        assertThat(pool.scopeStats().switches()).isEqualTo(2);
    }

    @Test
    void plainAcquireBorrowsInTheConfiguredScope() {
        JsRuntimePool pool = pool(PoolSettings.builder().minIdle(1).maxSize(2).scope("app"));
        try (JsRuntime js = pool.acquire()) {
            js.eval("globalThis.__scope = 'app'");
        }
        try (JsRuntime js = pool.acquire()) {
            assertThat(js.eval("globalThis.__scope")).isEqualTo("app");
        }
        try (JsRuntime other = pool.acquire("other")) {
            assertThat(other.eval("typeof globalThis.__scope")).isEqualTo("undefined");
        }
        assertThat(pool.settings().scope()).isEqualTo("app");
    }

    @Test
    void blankScopesAreRefused() {
        JsRuntimePool pool = pool(PoolSettings.builder().minIdle(0).maxSize(1));
        assertThatThrownBy(() -> pool.acquire(" ")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("a scope must be a non-blank name");
        assertThatThrownBy(() -> pool.acquire((String) null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PoolSettings.builder().scopeMaxUses(0)).isInstanceOf(InvalidSettingException.class)
            .hasMessageContaining("scopeMaxUses must be at least 1");
    }

    @Test
    void closingThePoolDisposesOfTheRuntimesScopesHold() {
        JsRuntimePool pool = pool(PoolSettings.builder().minIdle(0).maxSize(2));
        JsRuntime a = pool.acquire("a");
        JsRuntime b = pool.acquire("b");
        a.close();
        b.close();
        assertThat(pool.scopeStats().parked()).isEqualTo(2);
        pool.close();
        assertThat(pool.scopeStats().parked()).isZero();
        assertThat(pool.stats().heapUsed()).as("no runtime left alive").isZero();
    }

    @Test
    void tenThousandBorrowsOverFiftyScopesFromFourThreadsNeverSeeAnotherScope() throws Exception {
        JsRuntimePool pool = pool(PoolSettings.builder().minIdle(2).maxSize(8).maxWait(Duration.ofSeconds(30)));
        AtomicInteger crossings = new AtomicInteger();
        List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(threads.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < 2500; i++) {
                        String scope = "s" + random.nextInt(50);
                        try (JsRuntime js = pool.acquire(scope)) {
                            String foreign = js.call("visit", String.class, scope, random.nextInt(64));
                            if (!foreign.isEmpty()) {
                                crossings.incrementAndGet();
                                seen.add(scope + " saw " + foreign);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> thread : done) {
                thread.get();
            }
        }
        finally {
            threads.shutdownNow();
        }
        assertThat(seen).isEmpty();
        assertThat(crossings).hasValue(0);
        ScopeStats stats = pool.scopeStats();
        assertThat(stats.hits()).as("scopes got their runtimes back: %s", stats).isPositive();
        assertThat(stats.switches()).as("and gave them up for others: %s", stats).isPositive();
        assertThat(stats.parked()).isLessThanOrEqualTo(8);
    }

    @Test
    void aRuntimeBorrowedTenThousandTimesByOneScopeStaysBounded() {
        JsRuntimePool pool = pool(PoolSettings.builder().minIdle(1).maxSize(1).scopeMaxUses(1000));
        long peak = 0;
        int longest = 0;
        List<Integer> afterReset = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            try (JsRuntime js = pool.acquire("growing")) {
                // each borrow keeps a little more state, and makes garbage
                int kept = (Integer) js.eval("JSON.stringify(Array.from({ length: 100 }, (_, i) => ({ i }))).length; "
                        + "(globalThis.kept = globalThis.kept || []).push('x'.repeat(1000) + Math.random())");
                longest = Math.max(longest, kept);
                if (i % 1000 == 0) {
                    afterReset.add(kept);
                }
            }
            if (i % 1000 == 999) {
                peak = Math.max(peak, pool.stats().heapUsed());
            }
        }
        assertThat(longest).as("state kept by 1,000 borrows of the scope at most").isEqualTo(1000);
        assertThat(afterReset).as("a clean runtime after every 1,000").hasSize(10).containsOnly(1);
        assertThat(peak).as("the runtime's heap at its largest over 10,000 borrows: %d bytes", peak)
            .isLessThan(64L << 20);
    }

}
