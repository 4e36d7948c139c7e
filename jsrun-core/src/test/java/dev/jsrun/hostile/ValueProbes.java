package dev.jsrun.hostile;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import dev.jsrun.JsRuntime;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.pool.JsRuntimePool;
import dev.jsrun.pool.PoolSettings;
import dev.jsrun.snapshot.SnapshotBuilder;

/**
 * Hostile values and errors crossing into Java, and scripts that tamper with jsrun's own
 * state, each through a pool of one runtime with a 1 s timeout, in a JVM of its own.
 * Prints per case what the caller got, how long it took, and whether the next borrower
 * found the snapshot's state; see {@link HostileValuesTest}.
 */
public final class ValueProbes {

    /**
     * Every case: its name and the code of one evaluation; {@code async:} runs it with
     * evalAsync.
     */
    static final Map<String, String> CASES = new LinkedHashMap<>();

    static {
        // results that V8 or Javet abort on when read from Java
        CASES.put("revokedProxy",
                "(() => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return proxy; })()");
        CASES.put("revokedProxyInside",
                "(() => { const { proxy, revoke } = Proxy.revocable([], {}); revoke(); return { a: [1, proxy] }; })()");
        CASES.put("ownKeysThrows", "new Proxy({}, { ownKeys() { throw new Error('k'); } })");
        CASES.put("getTrapThrows", "new Proxy({ a: 1 }, { get() { throw new RangeError('g'); } })");
        CASES.put("getOwnPropertyDescriptorThrows", "new Proxy({ a: 1 }, { getOwnPropertyDescriptor() { throw 1; } })");
        CASES.put("toStringTagTrapThrows", "new Proxy({}, { get(t, k) { if (k === Symbol.toStringTag) throw 2; } })");
        // errors whose reading runs user code
        CASES.put("prepareStackTraceThrows", "Error.prepareStackTrace = () => { throw new Error('x'); }; null.x");
        CASES.put("prepareStackTraceLoops", "Error.prepareStackTrace = () => { while (true) {} }; null.x");
        CASES.put("prepareStackTraceReturnsProxy",
                "Error.prepareStackTrace = () => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; }; null.x");
        CASES.put("prepareStackTraceDefinedNonConfigurable",
                "Object.defineProperty(Error, 'prepareStackTrace', { value: () => { throw 1; } }); null.x");
        CASES.put("throwRevokedProxy", "const r = Proxy.revocable({}, {}); r.revoke(); throw r.proxy;");
        CASES.put("throwProxyWithTraps",
                "throw new Proxy(new Error('p'), { get() { throw 3; }, ownKeys() { throw 4; } });");
        CASES.put("throwLoopingToString", "throw { toString() { while (true) {} } };");
        CASES.put("throwErrorWithLoopingStack",
                "const e = new Error('s'); Object.defineProperty(e, 'stack', { get() { while (true) {} } }); throw e;");
        CASES.put("throwErrorWithThrowingName",
                "const e = new TypeError('n'); Object.defineProperty(e, 'name', { get() { throw e; } }); throw e;");
        CASES.put("throwHugeArray", "throw new Array(1e7).fill(1);");
        CASES.put("throwHugeArrayLike", "throw { __proto__: Array.prototype, length: 2 ** 30 };");
        CASES.put("throwSparseArray", "const a = []; a[2 ** 32 - 2] = 1; a[0] = 'first'; throw a;");
        CASES.put("throwHugeMessage", "throw new Error('m'.repeat(5e7));");
        CASES.put("syntaxErrorWithHostileErrorPrototype", "SyntaxError.prototype.toString = () => { throw 5; };"
                + " Object.defineProperty(SyntaxError.prototype, 'name', { get() { throw 6; } }); eval('let = ;');");
        CASES.put("nestedSyntaxErrorDoesNotParse", "let = ;");
        // getters and sizes
        CASES.put("loopingGetter", "({ get x() { while (true) {} } })");
        CASES.put("loopingGetterDeep", "({ a: [{ b: { get c() { for (;;) {} } } }] })");
        CASES.put("tenMillionItems", "new Array(1e7).fill(1)");
        CASES.put("holeyMaxLength", "new Array(2 ** 32 - 1)");
        CASES.put("lengthSetToMax", "const a = []; a.length = 2 ** 31 - 1; a");
        CASES.put("tenGigabytesOfStrings", "const s = 'x'.repeat(1e7); Array(1000).fill(s)");
        CASES.put("hugeString", "'y'.repeat(2 ** 28)");
        CASES.put("deepNesting", "let o = {}; for (let i = 0; i < 100000; i++) o = { o }; o");
        CASES.put("manyKeys", "const o = {}; for (let i = 0; i < 3e6; i++) o['k' + i] = i; o");
        CASES.put("hugeMap", "const m = new Map(); for (let i = 0; i < 1.5e6; i++) m.set(i, i); m");
        CASES.put("hugeSet", "const s = new Set(); for (let i = 0; i < 3e6; i++) s.add(i); s");
        CASES.put("mapsOverTheLimitTogether", "Array.from({ length: 20 }, () => new Map(Array.from({ length: 6e4 },"
                + " (x, i) => [i, 'abcdefghij'])))");
        CASES.put("mapGrowingWhileRead",
                "const m = new Map([[0, 0]]); let n = 1; const o = { get x() { m.set(n, n++); return 1; } }; m.set('o', o); m");
        CASES.put("hugeTypedArray", "new Float64Array(5e6)");
        CASES.put("hugeBytes", "new Uint8Array(64 << 20)");
        // tampering with built-ins before returning a value
        CASES.put("replacedBuiltins",
                "const value = { list: [1, 2], map: new Map([['k', new Set([1])]]), when: new Date(0),"
                        + " bytes: new Float64Array([1.5, -0]) };"
                        + " Array.isArray = () => { throw 7; }; Object.keys = () => { while (true) {} };"
                        + " Reflect.ownKeys = () => []; JSON.stringify = () => { throw 8; }; Set.prototype.add = () => { throw 9; };"
                        + " Map.prototype.forEach = () => { throw 10; }; String.prototype.slice = () => { throw 11; };"
                        + " Object.defineProperty(Array.prototype, '0', { set() { throw 12; }, configurable: true });"
                        + " Object.defineProperty(Object.prototype, 'marker', { set() { throw 13; }, configurable: true });"
                        + " Uint8Array = function () { throw 15; }; String.fromCharCode = () => { throw 16; };"
                        + " console.log('logged', { a: 1 }); value");
        CASES.put("replacedPromise",
                "async:Promise = function () { throw 14; }; Promise.prototype.then = () => { while (true) {} };"
                        + " (async () => 42)()");
        // jsrun's own globals
        CASES.put("fakeModuleStats",
                "Object.defineProperty(globalThis, '__jsrun_modules', { value: { stats() { while (true) {} } } }); 1");
        CASES.put("replacedImportAndConsole", "try { __jsrun_import = () => { while (true) {} }; } catch (e) { }"
                + " console = { log() { while (true) {} } }; globalThis.console.log('x'); 2");
        CASES.put("importWithLoopingSpecifier", "async:import({ toString() { while (true) {} } })");
        // async
        CASES.put("rejectWithRevokedProxy",
                "async:(async () => { const r = Proxy.revocable({}, {}); r.revoke(); throw r.proxy; })()");
        CASES.put("resolveWithLoopingGetter", "async:Promise.resolve({ get x() { while (true) {} } })");
        CASES.put("thenableThatLoops", "async:({ then() { while (true) {} } })");
        CASES.put("resolveWithRevokedProxy",
                "async:(async () => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })()");
        CASES.put("rejectLater",
                "async:new Promise((resolve, reject) => { globalThis.later = () => reject(new Proxy({}, { ownKeys() { throw 1; } })); })");
        // host functions receive hostile arguments
        CASES.put("hostFunctionWithRevokedProxy", "bound:const r = Proxy.revocable({}, {}); r.revoke(); echo(r.proxy)");
        CASES.put("hostFunctionWithLoopingGetter", "bound:echo({ get x() { while (true) {} } })");
        CASES.put("hostFunctionWithCycle", "bound:const o = {}; o.o = o; echo(o)");
        CASES.put("hostFunctionWithValues", "bound:echo([1, 'a', { b: true }])");
    }

    /**
     * Big values that must be read in full, with room for a machine busy with other
     * builds.
     */
    static final Set<String> READ_IN_FULL = Set.of("throwHugeArray", "mapsOverTheLimitTogether");

    static final Duration READ_IN_FULL_TIMEOUT = Duration.ofSeconds(10);

    private ValueProbes() {
    }

    public static void main(String[] args) throws Exception {
        RuntimeConfig config = RuntimeConfig.builder()
            .snapshot(new SnapshotBuilder().executeScript("setup.js", "globalThis.add = (a, b) => a + b;").build())
            .timeout(Duration.ofSeconds(1))
            .build();
        try (JsRuntimePool pool = new JsRuntimePool(config, PoolSettings.builder().maxSize(1).minIdle(1).build())) {
            for (Map.Entry<String, String> entry : CASES.entrySet()) {
                probe(pool, entry.getKey(), entry.getValue());
            }
        }
        System.out.println("ALIVE");
    }

    private static void probe(JsRuntimePool pool, String name, String code) {
        String outcome;
        long started = System.nanoTime();
        try (JsRuntime js = pool.acquire()) {
            Object result;
            if (code.startsWith("async:")) {
                var future = js.evalAsync(code.substring("async:".length()));
                if (!future.isDone()) {
                    js.eval("typeof later === 'function' && later()");
                }
                result = future.get(10, TimeUnit.SECONDS);
            }
            else if (code.startsWith("bound:")) {
                js.bind("echo", arguments -> arguments);
                result = js.eval(code.substring("bound:".length()));
            }
            else if (READ_IN_FULL.contains(name)) {
                result = js.eval(code, READ_IN_FULL_TIMEOUT);
            }
            else {
                result = js.eval(code);
            }
            outcome = "value=" + describe(result);
        }
        catch (ExecutionException ex) {
            outcome = outcome(ex.getCause());
        }
        catch (Throwable ex) {
            outcome = outcome(ex);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        String next;
        long nextStarted = System.nanoTime();
        try (JsRuntime js = pool.acquire(Duration.ofSeconds(10))) {
            next = String.valueOf(js.eval("typeof leaked === 'undefined' && Error.prepareStackTrace === undefined"
                    + " && typeof Array.isArray === 'function' && Array.isArray([]) && add(1, 2) === 3"));
        }
        catch (Throwable ex) {
            next = ex.getClass().getSimpleName();
        }
        long nextMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nextStarted);
        System.out.println("PROBE " + name + " " + outcome + " ms=" + millis + " next=" + next + " nextMs=" + nextMillis
                + " rssMb=" + rssMegabytes());
    }

    private static String outcome(Throwable ex) {
        String message = String.valueOf(ex.getMessage()).replaceAll("\\s+", "_");
        return "exception=" + ex.getClass().getSimpleName() + " message="
                + (message.length() > 480 ? message.substring(0, 480) : message);
    }

    private static String describe(Object result) {
        if (result instanceof List<?> list) {
            return "list" + list.size() + ":" + String.valueOf(list).replaceAll("\\s+", "");
        }
        String text = String.valueOf(result).replaceAll("\\s+", "");
        return text.length() > 80 ? text.substring(0, 80) : text;
    }

    static long rssMegabytes() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        }
        catch (java.io.IOException ex) {
            // not Linux: no figure
        }
        return -1;
    }

}
