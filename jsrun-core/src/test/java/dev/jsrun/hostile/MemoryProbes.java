package dev.jsrun.hostile;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.jsrun.JsException;
import dev.jsrun.JsRuntime;
import dev.jsrun.JsTerminatedException;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.V8Setup;
import dev.jsrun.engine.V8Process;
import dev.jsrun.pool.JsRuntimePool;
import dev.jsrun.pool.PoolSettings;
import dev.jsrun.snapshot.SnapshotBuilder;

/**
 * Memory outside the V8 heap and single allocations too big for the heap, each through a
 * pool of one runtime with a 10 s timeout (2 s for the copies of huge array-likes, which
 * only a limit ends), the 256 MB heap limit and the 256 MB external memory limit, in a
 * JVM of its own. Prints per case what the caller got, how long it took, the peak
 * resident memory so far, and whether the next borrower found the snapshot's state; see
 * {@link MemoryLimitsTest}.
 */
public final class MemoryProbes {

    /**
     * A WebAssembly module with one memory of one page, exported as m, and g(pages),
     * which runs memory.grow.
     */
    static final String GROWING_MODULE = "new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array([0, 97, 115, 109,"
            + " 1, 0, 0, 0, 1, 6, 1, 96, 1, 127, 1, 127, 3, 2, 1, 0, 5, 3, 1, 0, 1, 7, 9, 2, 1, 109, 2, 0, 1, 103, 0, 0,"
            + " 10, 8, 1, 6, 0, 32, 0, 64, 0, 11]))).exports";

    /**
     * Long enough that a machine busy with other builds still reaches the limit under
     * test first.
     */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /**
     * For the cases whose suffix is {@code OfHugeArrayLike}, which run until a timeout or
     * the heap limit.
     */
    static final Duration COPY_TIMEOUT = Duration.ofSeconds(2);

    /** Every case: its name and the code of one evaluation. */
    static final Map<String, String> CASES = new LinkedHashMap<>();

    static {
        // memory outside the heap, held or asked for at once
        CASES.put("buffersHeld",
                "globalThis.k = []; for (let i = 0; i < 30; i++) k.push(new ArrayBuffer(1e8)); k.length");
        CASES.put("buffersFilled",
                "const k = []; for (let i = 0; i < 30; i++) k.push(new Uint8Array(1e8).fill(1)); k.length");
        CASES.put("buffersHeldSlowly",
                "const k = []; for (let i = 0; i < 4000; i++) k.push(new Uint8Array(1e6).fill(1)); k.length");
        CASES.put("typedArraysCopied",
                "const a = new Uint8Array(2e8).fill(2); const b = new Uint8Array(a); globalThis.kept = [a, b]; a.length + b.length");
        CASES.put("oneHugeBuffer", "new ArrayBuffer(3e9).byteLength");
        CASES.put("oneHugeTypedArray", "new Float64Array(4e8).fill(1).length");
        CASES.put("refusalCaught",
                "let caught; try { new Uint8Array(1e10); } catch (e) { caught = e instanceof RangeError; } caught");
        CASES.put("lengthAsString", "new ArrayBuffer('3000000000').byteLength");
        CASES.put("lengthAsObject", "new ArrayBuffer({ valueOf() { return 3e9; } }).byteLength");
        CASES.put("arrayLikeSource", "new Float64Array({ length: 1e9 }).length");
        CASES.put("manyShortEvaluations",
                "repeat:40:(globalThis.k ||= []).push(new Uint8Array(1e7).fill(1)); k.length");
        CASES.put("subclassedBuffer", "class Big extends Uint8Array { } new Big(1e9).length");
        CASES.put("resizableBufferGrown",
                "const b = new ArrayBuffer(1, { maxByteLength: 2e9 }); b.resize(2e9); b.byteLength");
        CASES.put("bufferTransferred", "new ArrayBuffer(8).transfer(2e9).byteLength");
        CASES.put("wasmMemoryGrown",
                "const m = new WebAssembly.Memory({ initial: 1 }); for (let i = 0; i < 64; i++) m.grow(1024); m.buffer.byteLength");
        CASES.put("wasmMemoryInitial", "new WebAssembly.Memory({ initial: 65536 }).buffer.byteLength");
        CASES.put("wasmGrownFromCode",
                "const x = " + GROWING_MODULE + "; [x.g(8192), x.g(4000), x.m.buffer.byteLength]");
        // what stays within the limit works as before
        CASES.put("temporaryBuffers",
                "let n = 0; for (let i = 0; i < 1000; i++) n += new Uint8Array(1e6).fill(1).length; n");
        CASES.put("bufferWithinLimit", "const b = new Uint8Array(1e8).fill(3); b[b.length - 1] + b.length");
        CASES.put("lengthConvertedOnce",
                "let n = 0; const len = { valueOf() { n++; return 8; } }; new ArrayBuffer(len).byteLength + new Uint8Array(len).length + n");
        CASES.put("constructorsAsBefore",
                "class Sub extends Uint8Array { } const s = new Sub(2); [s instanceof Uint8Array,"
                        + " s.constructor === Sub, new Uint8Array(1).constructor === Uint8Array, new ArrayBuffer(1) instanceof ArrayBuffer,"
                        + " Uint8Array.name, Uint8Array.length, s.subarray(1) instanceof Sub, new Float64Array([1, 2]).map(x => x * 2).join(),"
                        + " ArrayBuffer.isView(s), Object.getPrototypeOf(Int8Array) === Object.getPrototypeOf(Uint8Array),"
                        + " 'a,b,,c'.split(',', 2).join('|'), JSON.parse('[1,{\"a\":2}]', (k, v) => typeof v === 'number' ? v + 1 : v)[1].a,"
                        + " 'xAxBx'.match(/x/g).length, typeof Uint8Array.from, Uint8Array.from([1, 2]).length].join()");
        // one allocation bigger than the heap limit, or an array longer than V8 can hold,
        // built in one step
        CASES.put("doubleArray2pow26", "new Array(2 ** 26).fill(1.5).length");
        CASES.put("upperCaseOfLongString", "'ab'.repeat(2 ** 28 - 12).toUpperCase().length");
        CASES.put("lowerCaseOfTwoByteString", "'\\u1234'.repeat(2 ** 29 - 24).toLowerCase().length");
        CASES.put("stringifyLongString", "JSON.stringify('x'.repeat(2 ** 28)).length");
        CASES.put("splitIntoCharacters", "'x'.repeat(2 ** 28).split('').length");
        CASES.put("splitOnSeparator", "'a,'.repeat(2 ** 27 + 10).split(',').length");
        CASES.put("globalMatch", "'x'.repeat(2 ** 28).match(/x/g).length");
        CASES.put("jsonParseOfLongArray", "JSON.parse('[' + '0,'.repeat(2 ** 27) + '0]').length");
        CASES.put("toSortedOfHugeArrayLike", "Array.prototype.toSorted.call({ length: 2 ** 31 }).length");
        CASES.put("toReversedOfHugeArrayLike", "Array.prototype.toReversed.call({ length: 2 ** 31 }).length");
        CASES.put("withOfHugeArrayLike", "Array.prototype.with.call({ length: 2 ** 31 }, 0, 1).length");
        CASES.put("sortOfHugeArrayLike", "Array.prototype.sort.call({ length: 2 ** 31 }).length");
        CASES.put("toSplicedOfHugeArrayLike",
                "Array.prototype.toSpliced.call(new Proxy({ length: 2 ** 31 }, {}), 0, 0).length");
    }

    private MemoryProbes() {
    }

    public static void main(String[] args) throws Exception {
        V8Process.configure(V8Setup.builder().maxHeapSize(256L << 20).build());
        RuntimeConfig config = RuntimeConfig.builder()
            .snapshot(new SnapshotBuilder().executeScript("setup.js", "globalThis.add = (a, b) => a + b;").build())
            .timeout(TIMEOUT)
            .build();
        List<String> only = List.of(args);
        try (JsRuntimePool pool = new JsRuntimePool(config, PoolSettings.builder().maxSize(1).minIdle(1).build())) {
            for (Map.Entry<String, String> entry : CASES.entrySet()) {
                if (only.isEmpty() || only.contains(entry.getKey())) {
                    probe(pool, entry.getKey(), entry.getValue());
                }
            }
        }
        System.out.println("ALIVE");
        // a V8 thread that once called into Java may stay attached as a non-daemon thread
        // and keep the JVM up
        System.exit(0);
    }

    private static void probe(JsRuntimePool pool, String name, String code) {
        String outcome;
        long started = System.nanoTime();
        try (JsRuntime js = pool.acquire()) {
            Object result;
            if (code.startsWith("repeat:")) {
                String[] parts = code.split(":", 3);
                result = null;
                for (int i = 0; i < Integer.parseInt(parts[1]); i++) {
                    result = js.eval(parts[2]);
                }
            }
            else if (name.endsWith("OfHugeArrayLike")) {
                result = js.eval(code, COPY_TIMEOUT);
            }
            else {
                result = js.eval(code);
            }
            outcome = "value=" + String.valueOf(result).replaceAll("\\s+", "");
        }
        catch (JsException ex) {
            outcome = "exception=" + ex.getClass().getSimpleName() + " name=" + ex.getErrorName() + " message="
                    + String.valueOf(ex.getMessage()).replaceAll("\\s+", "_");
        }
        catch (JsTerminatedException ex) {
            outcome = "exception=" + ex.getClass().getSimpleName() + " reason=" + ex.reason() + " message="
                    + String.valueOf(ex.getMessage()).replaceAll("\\s+", "_");
        }
        catch (Throwable ex) {
            outcome = "exception=" + ex.getClass().getSimpleName() + " message="
                    + String.valueOf(ex.getMessage()).replaceAll("\\s+", "_");
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        String next;
        try (JsRuntime js = pool.acquire(Duration.ofSeconds(10))) {
            next = String
                .valueOf(js.eval("typeof k === 'undefined' && add(1, 2) === 3 && new Uint8Array(4).length === 4"));
        }
        catch (Throwable ex) {
            next = ex.getClass().getSimpleName();
        }
        System.out.println("PROBE " + name + " " + outcome + " ms=" + millis + " next=" + next + " peakRssMb="
                + status("VmHWM:") + " rssMb=" + status("VmRSS:"));
    }

    static long status(String field) {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
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
