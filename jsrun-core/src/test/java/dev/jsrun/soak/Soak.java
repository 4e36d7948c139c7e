package dev.jsrun.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

import dev.jsrun.HeapBombs;
import dev.jsrun.JsException;
import dev.jsrun.JsHeapLimitException;
import dev.jsrun.JsRuntime;
import dev.jsrun.JsTerminatedException;
import dev.jsrun.JsTimeoutException;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.V8Setup;
import dev.jsrun.engine.V8Process;
import dev.jsrun.pool.JsRuntimePool;
import dev.jsrun.pool.PoolSettings;
import dev.jsrun.pool.PoolStats;
import dev.jsrun.snapshot.SnapshotBuilder;

/**
 * Soak run in a JVM of its own: {@code threads} threads share a pool of two runtimes and
 * each performs {@code evals} evaluations, 10 to 50 per acquire. Most evaluations have a
 * result checked exactly; every 50th throws a JavaScript error, every 2,000th loops until
 * a 20 ms timeout, every 10,000th is a heap bomb against a 32 MB V8 heap; every 1,000th
 * returns or throws a value that V8 or Javet would abort on if read from Java, holds
 * array buffers past the external memory limit (the heap bombs cover the heap limit),
 * among the loops are Array built-ins that V8 does not interrupt by itself, and every
 * 3,000th tampers with jsrun's own globals and the built-ins it uses, then ends its
 * lease. The first ordinary evaluation of each lease checks that the previous borrower's
 * global is gone. RSS is read with the pool quiet after the first 10% and again at the
 * end. Prints one line starting with {@code soak } and exits 0 when every check held.
 */
public final class Soak {

    static final int BOMB_EVERY = 10_000;
    static final int BOMB_AT = 4_999;
    static final int TIMEOUT_EVERY = 2_000;
    static final int TIMEOUT_AT = 1_000;
    static final int ERROR_EVERY = 50;
    static final int ERROR_AT = 25;
    static final int HOSTILE_EVERY = 1_000;
    static final int HOSTILE_AT = 510;
    static final int TAMPER_EVERY = 3_000;
    static final int TAMPER_AT = 2_020;

    /**
     * Results and errors V8 or Javet would abort on, buffers past the limit: each with
     * the exception it must give.
     */
    static final String[][] HOSTILE = {
            { "(() => { const r = Proxy.revocable({}, {}); r.revoke(); return { list: [r.proxy] }; })()",
                    "JsConversionException" },
            { "new Proxy({}, { ownKeys() { throw new Error('k'); } })", "JsConversionException" },
            { "Error.prepareStackTrace = () => { throw new Error('x'); }; null.x", "JsException" },
            { "const r = Proxy.revocable({}, {}); r.revoke(); throw r.proxy;", "JsException" },
            { "new Array(2 ** 32 - 1)", "JsConversionException" },
            { "globalThis.kept = []; for (let i = 0; i < 40; i++) kept.push(new ArrayBuffer(1e8)); kept.length",
                    "JsExternalMemoryLimitException" }, };

    /**
     * Scripts that go after jsrun's own state and the built-ins it uses; the next
     * borrower must not notice.
     */
    static final String[] TAMPERS = {
            "Object.defineProperty(globalThis, '__jsrun_modules', { value: { stats() { while (true) {} } } }); 1",
            "Error.prepareStackTrace = () => { while (true) {} }; Array.isArray = () => { throw 1; }; 1",
            "Object.defineProperty(Array.prototype, '0', { set() { throw 2; }, configurable: true }); console.log('x'); 1",
            "Set.prototype.add = () => { throw 3; }; JSON.stringify = () => { throw 4; }; console = null; 1",
            "Reflect.apply = () => { throw 5; }; WeakSet.prototype.has = () => { throw 6; }; Proxy = null; [3, 1, 2].indexOf(1)", };

    static final String[] BOMBS = HeapBombs.BOMBS;

    static final String[] LOOPS = { "while (true) {}", "for (;;) {}", "let i = 0; while (true) { i++; }",
            "const o = {}; for (let i = 0; ; i++) { o.k = i; }",
            "Array.prototype.lastIndexOf.call({ length: 2 ** 30 }, 1)", "new Array(2 ** 32 - 1).indexOf(1)",
            "'x'.repeat(2 ** 21).replace(/x/g, 'y')", "'x,'.repeat(2 ** 19).split(/,/)", };

    private static final Duration LOOP_TIMEOUT = Duration.ofMillis(20);

    private final JsRuntimePool pool;

    private final int evals;

    private final LongAdder done = new LongAdder();

    private final LongAdder wrong = new LongAdder();

    private final LongAdder errors = new LongAdder();

    private final LongAdder timeouts = new LongAdder();

    private final LongAdder bombs = new LongAdder();

    private final LongAdder hostile = new LongAdder();

    private final AtomicLongArray current = new AtomicLongArray(64);

    private final AtomicLongArray since = new AtomicLongArray(64);

    private final LongAdder tampered = new LongAdder();

    private final LongAdder leases = new LongAdder();

    private final AtomicLong rssWarm = new AtomicLong();

    private final List<String> failures = new ArrayList<>();

    private Soak(JsRuntimePool pool, int evals) {
        this.pool = pool;
        this.evals = evals;
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int evals = Integer.parseInt(args[1]);
        V8Process.configure(V8Setup.builder().maxHeapSize(32L << 20).build());
        RuntimeConfig config = RuntimeConfig.builder()
            .snapshot(new SnapshotBuilder().executeScript("setup.js", "globalThis.add = (a, b) => a + b;").build())
            .timeout(Duration.ofSeconds(30))
            .build();
        PoolSettings settings = PoolSettings.builder().maxSize(2).minIdle(2).maxWait(Duration.ofSeconds(60)).build();
        long started = System.nanoTime();
        int code;
        try (JsRuntimePool pool = new JsRuntimePool(config, settings)) {
            code = new Soak(pool, evals).run(threads, started);
        }
        System.exit(code);
    }

    private int run(int threads, long started) throws Exception {
        int warmUp = this.evals / 10;
        CyclicBarrier warm = new CyclicBarrier(threads, () -> this.rssWarm.set(quietRss()));
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int index = t;
            Thread worker = new Thread(() -> work(index, warmUp, warm), "soak-" + t);
            workers.add(worker);
            worker.start();
        }
        Thread monitor = new Thread(() -> watch(threads), "soak-monitor");
        monitor.setDaemon(true);
        monitor.start();
        for (Thread worker : workers) {
            worker.join();
        }
        long rssEnd = quietRss();
        PoolStats stats = this.pool.stats();
        double seconds = (System.nanoTime() - started) / 1e9;
        long expectedErrors = (long) threads * count(this.evals, ERROR_EVERY, ERROR_AT);
        long expectedTimeouts = (long) threads * count(this.evals, TIMEOUT_EVERY, TIMEOUT_AT);
        long expectedBombs = (long) threads * count(this.evals, BOMB_EVERY, BOMB_AT);
        long expectedHostile = (long) threads * count(this.evals, HOSTILE_EVERY, HOSTILE_AT);
        long expectedTampers = (long) threads * count(this.evals, TAMPER_EVERY, TAMPER_AT);
        synchronized (this.failures) {
            this.failures.forEach(failure -> System.out.println("failure: " + failure));
        }
        System.out.printf("soak evals=%d wrong=%d errors=%d/%d timeouts=%d/%d bombs=%d/%d leases=%d restored=%d"
                + " active=%d cleaning=%d idle=%d rssWarmKb=%d rssEndKb=%d seconds=%.1f hostile=%d/%d tampered=%d/%d%n",
                this.done.sum(), this.wrong.sum(), this.errors.sum(), expectedErrors, this.timeouts.sum(),
                expectedTimeouts, this.bombs.sum(), expectedBombs, this.leases.sum(), this.pool.restoredCount(),
                stats.active(), stats.cleaning(), stats.idle(), this.rssWarm.get(), rssEnd, seconds, this.hostile.sum(),
                expectedHostile, this.tampered.sum(), expectedTampers);
        boolean ok = this.done.sum() == (long) threads * this.evals && this.wrong.sum() == 0
                && this.errors.sum() == expectedErrors && this.timeouts.sum() == expectedTimeouts
                && this.bombs.sum() == expectedBombs && this.hostile.sum() == expectedHostile
                && this.tampered.sum() == expectedTampers && stats.active() == 0 && stats.cleaning() == 0
                && rssEnd < this.rssWarm.get() * 1.10;
        return ok ? 0 : 1;
    }

    /**
     * How many evaluation indexes {@code k < evals} satisfy {@code k % every == at}; the
     * slots never overlap.
     */
    private static long count(int evals, int every, int at) {
        return evals / every + ((evals % every > at) ? 1 : 0);
    }

    /**
     * Names the evaluation a thread has been in for a minute, past every limit the soak
     * sets, and ends the run.
     */
    private void watch(int threads) {
        while (true) {
            try {
                Thread.sleep(1_000);
            }
            catch (InterruptedException ex) {
                return;
            }
            for (int t = 0; t < threads; t++) {
                long since = this.since.get(t);
                if (since != 0 && System.nanoTime() - since > TimeUnit.SECONDS.toNanos(60)) {
                    System.out.println("stuck: thread " + t + " in eval " + this.current.get(t) + " for a minute");
                    System.out.flush();
                    System.exit(3);
                }
            }
        }
    }

    private void work(int thread, int warmUp, CyclicBarrier warm) {
        Random random = new Random(thread);
        int k = 0;
        boolean warmed = false;
        try {
            while (k < this.evals) {
                int end = Math.min(k + 10 + random.nextInt(41), warmed ? this.evals : warmUp);
                boolean fresh = true;
                try (JsRuntime js = this.pool.acquire()) {
                    this.leases.increment();
                    while (k < end) {
                        this.current.set(thread, k);
                        this.since.set(thread, System.nanoTime());
                        boolean keep = step(js, thread, k, random, fresh);
                        this.since.set(thread, 0);
                        fresh = false;
                        k = next(k);
                        if (!keep) {
                            break;
                        }
                    }
                }
                catch (RuntimeException ex) {
                    fail(thread, k, "lease failed: " + ex);
                    k = next(k);
                }
                if (!warmed && k >= warmUp) {
                    warmed = true;
                    warm.await(5, TimeUnit.MINUTES);
                }
            }
        }
        catch (Exception ex) {
            fail(thread, k, "worker stopped: " + ex);
        }
    }

    private int next(int k) {
        this.done.increment();
        return k + 1;
    }

    /**
     * One evaluation; {@code false} when the runtime was terminated and the lease should
     * end. The first ordinary evaluation of a lease checks that the previous borrower's
     * global is gone, and leaves one behind.
     */
    private boolean step(JsRuntime js, int thread, int k, Random random, boolean fresh) {
        if (k % BOMB_EVERY == BOMB_AT) {
            String bomb = BOMBS[(k / BOMB_EVERY + thread) % BOMBS.length];
            try {
                Object value = bomb.startsWith("(async") ? js.evalAsync(bomb).get(60, TimeUnit.SECONDS) : js.eval(bomb);
                fail(thread, k, "bomb returned " + value);
            }
            catch (ExecutionException ex) {
                expect(thread, k, ex.getCause(), JsHeapLimitException.class, this.bombs);
            }
            catch (Exception ex) {
                expect(thread, k, ex, JsHeapLimitException.class, this.bombs);
            }
            return false;
        }
        if (k % TIMEOUT_EVERY == TIMEOUT_AT) {
            try {
                fail(thread, k,
                        "endless loop returned " + js.eval(LOOPS[(k / TIMEOUT_EVERY) % LOOPS.length], LOOP_TIMEOUT));
            }
            catch (RuntimeException ex) {
                expect(thread, k, ex, JsTimeoutException.class, this.timeouts);
            }
            return false;
        }
        if (k % ERROR_EVERY == ERROR_AT) {
            boolean typeError = (k / ERROR_EVERY) % 2 == 0;
            try {
                fail(thread, k,
                        "error returned " + js.eval(typeError ? "null.x" : "throw new RangeError('r' + " + k + ")"));
            }
            catch (RuntimeException ex) {
                if (ex.getClass() == JsException.class && (typeError
                        ? "TypeError".equals(((JsException) ex).getErrorName())
                                && "Cannot read properties of null (reading 'x')"
                                    .equals(((JsException) ex).getErrorMessage())
                        : "RangeError".equals(((JsException) ex).getErrorName())
                                && ("r" + k).equals(((JsException) ex).getErrorMessage()))) {
                    this.errors.increment();
                }
                else {
                    fail(thread, k, "expected a " + (typeError ? "TypeError" : "RangeError") + ", got " + ex);
                }
            }
            return true;
        }
        if (k % HOSTILE_EVERY == HOSTILE_AT) {
            String[] hostileCase = HOSTILE[(k / HOSTILE_EVERY + thread) % HOSTILE.length];
            try {
                fail(thread, k, "hostile value returned " + js.eval(hostileCase[0]));
            }
            catch (RuntimeException ex) {
                if (ex.getClass().getSimpleName().equals(hostileCase[1])) {
                    this.hostile.increment();
                }
                else {
                    fail(thread, k, "expected " + hostileCase[1] + " for " + hostileCase[0] + ", got " + ex);
                }
            }
            // a runtime that reached its heap or external memory limit is disposed of, so
            // that lease ends
            return !hostileCase[1].endsWith("LimitException");
        }
        if (k % TAMPER_EVERY == TAMPER_AT) {
            // the lease ends here: the next borrower of this runtime must find the
            // snapshot's state
            check(thread, k, js.eval(TAMPERS[(k / TAMPER_EVERY + thread) % TAMPERS.length]), 1);
            this.tampered.increment();
            return false;
        }
        if (fresh) {
            check(thread, k,
                    js.eval("typeof mark === 'undefined' ? (globalThis.mark = " + k + ", 'clean') : 'dirty ' + mark"),
                    "clean");
        }
        else {
            normal(js, thread, k, random);
        }
        return true;
    }

    private void normal(JsRuntime js, int thread, int k, Random random) {
        int a = random.nextInt();
        int b = random.nextInt();
        int small = a % 1_000_000;
        switch (random.nextInt(5)) {
            case 0 -> {
                long sum = (long) a + b;
                check(thread, k, js.eval("add(" + a + ", " + b + ")"),
                        (sum == (int) sum) ? (Object) (int) sum : (Object) sum);
            }
            case 1 -> {
                String text = Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
                check(thread, k, js.eval("'" + text + "'.toUpperCase().split('').reverse().join('') + '-' + " + b),
                        new StringBuilder(text.toUpperCase()).reverse() + "-" + b);
            }
            case 2 -> {
                Map<String, Object> expected = new LinkedHashMap<>();
                expected.put("k", a);
                expected.put("s", "v" + b);
                expected.put("n", null);
                check(thread, k, js.eval("({k: " + a + ", s: 'v' + " + b + ", n: null})"), expected);
            }
            case 3 -> {
                int other = b % 1_000_000;
                check(thread, k,
                        js.eval("[" + small + ", " + other + ", " + small + " - " + other + "].map(x => x * 2)"),
                        List.of(small * 2, other * 2, (small - other) * 2));
            }
            default -> check(thread, k, js.eval(a + " / 8"), (a % 8 == 0) ? (Object) (a / 8) : (Object) (a / 8.0));
        }
    }

    private void check(int thread, int k, Object actual, Object expected) {
        if (!Objects.equals(actual, expected)
                || (expected instanceof Number && actual.getClass() != expected.getClass())) {
            fail(thread, k, "expected " + describe(expected) + ", got " + describe(actual));
        }
    }

    private void expect(int thread, int k, Throwable ex, Class<? extends JsTerminatedException> type,
            LongAdder counter) {
        if (ex != null && ex.getClass() == type) {
            counter.increment();
        }
        else {
            fail(thread, k, "expected " + type.getSimpleName() + ", got " + ex);
        }
    }

    private void fail(int thread, int k, String message) {
        this.wrong.increment();
        synchronized (this.failures) {
            if (this.failures.size() < 20) {
                this.failures.add("thread " + thread + " eval " + k + ": " + message);
            }
        }
    }

    private static String describe(Object value) {
        return (value == null) ? "null" : value + " (" + value.getClass().getSimpleName() + ")";
    }

    /**
     * RSS once every runtime is back, clean and idle, so that the two readings compare
     * like with like.
     */
    private long quietRss() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            PoolStats stats = this.pool.stats();
            if (stats.active() == 0 && stats.cleaning() == 0 && stats.idle() == stats.max()) {
                break;
            }
            sleep(10);
        }
        System.gc();
        sleep(200);
        return rssKb();
    }

    static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        return -1;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}
