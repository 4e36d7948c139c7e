package dev.jsrun.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.jsrun.JsRuntime;
import dev.jsrun.JsRuntimeFactory;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/**
 * How far past a 500 ms timeout each Array method ends over receivers that make V8's own
 * method loop for seconds: array-likes of length 2 ** 30 and 2 ** 53 - 1 (through
 * {@code .call}), {@code new Array(2 ** 32 - 1)} and a sparse array with one item at
 * index 2 ** 32 - 2; then typed arrays, {@code Object.entries} and regular expressions
 * over long strings. Prints one Markdown row per call as it ends; a call still running 3
 * s past its deadline is reported and ends the JVM, as V8 cannot be stopped there.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar dev.jsrun.benchmarks.BuiltinOvershoot}
 */
public final class BuiltinOvershoot {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private static final long GIVE_UP_MS = 3_000;

    private BuiltinOvershoot() {
    }

    public static void main(String[] args) {
        Map<String, String> methods = new java.util.LinkedHashMap<>();
        for (String entry : List.of("indexOf:1", "lastIndexOf:1", "includes:1", "join:", "toString:", "toLocaleString:",
                "reverse:", "fill:1", "copyWithin:0, 1", "slice:", "splice:0", "concat:", "flat:", "flatMap:x => x",
                "sort:", "toSorted:", "toReversed:", "toSpliced:0, 0", "with:0, 1", "at:-1", "find:x => false",
                "findIndex:x => false", "findLast:x => false", "findLastIndex:x => false", "every:x => true",
                "some:x => false", "forEach:x => 0", "map:x => x", "filter:x => true", "reduce:(a, b) => a, 0",
                "reduceRight:(a, b) => a, 0", "keys:", "values:", "entries:", "push:1", "pop:", "shift:",
                "unshift:1")) {
            int colon = entry.indexOf(':');
            methods.put(entry.substring(0, colon), entry.substring(colon + 1));
        }
        List<String> calls = new ArrayList<>();
        methods.forEach((method, given) -> {
            calls.add("Array.prototype." + method + ".call({ length: 2 ** 30 }, " + given + ")");
            calls.add("Array.prototype." + method + ".call({ length: 2 ** 53 - 1 }, " + given + ")");
            calls.add("new Array(2 ** 32 - 1)." + method + "(" + given + ")");
            calls.add("const a = []; a[2 ** 32 - 2] = 1; a." + method + "(" + given + ")");
        });
        calls.addAll(List.of("Array.from({ length: 2 ** 32 - 1 })", "new Float64Array(2 ** 26).sort()",
                "Array.prototype.sort.call({ length: 2 ** 26 }, () => 0)",
                "new Float64Array(2 ** 24).fill(Math.PI).join()", "new Float64Array(2 ** 24).toLocaleString()",
                "Object.entries(new Array(2 ** 21).fill(0))", "'x'.repeat(2 ** 24).replace(/x/g, 'y')",
                "'x'.repeat(2 ** 24).replace(/x/g, () => 'y')", "'x'.repeat(2 ** 24).replace(/(?:)/g, '')",
                "'x'.repeat(2 ** 24).match(/x/g)", "'x'.repeat(2 ** 24).split(/(?:)/)",
                "'x,'.repeat(2 ** 23).split(',')", "'ab'.repeat(2 ** 22).replaceAll('a', 'c')"));
        System.out.println("| call (" + TIMEOUT.toMillis() + " ms timeout) | ms past the deadline | outcome |");
        System.out.println("|---|---|---|");
        try (JsRuntimeFactory factory = new UnpooledJsRuntimeFactory(
                RuntimeConfig.builder().timeout(TIMEOUT).build())) {
            for (String call : calls) {
                measure(factory, call);
            }
        }
    }

    private static void measure(JsRuntimeFactory factory, String call) {
        Thread guard = new Thread(() -> {
            try {
                Thread.sleep(TIMEOUT.toMillis() + GIVE_UP_MS);
                System.out.println("| `" + call + "` | > " + GIVE_UP_MS + " | still running; V8 cannot be stopped |");
                Runtime.getRuntime().halt(3);
            }
            catch (InterruptedException ended) {
                // the call ended in time
            }
        });
        guard.setDaemon(true);
        try (JsRuntime js = factory.create()) {
            guard.start();
            long started = System.nanoTime();
            String outcome;
            try {
                js.eval("typeof (() => { " + call.replaceFirst("(?s)^(.*;\\s*)?([^;]+)$", "$1return $2") + "; })()");
                outcome = "returned";
            }
            catch (RuntimeException ex) {
                outcome = ex.getClass().getSimpleName();
            }
            long ms = (System.nanoTime() - started) / 1_000_000 - TIMEOUT.toMillis();
            guard.interrupt();
            System.out.println("| `" + call + "` | " + (outcome.equals("JsTimeoutException") ? String.valueOf(ms) : "-")
                    + " | " + outcome
                    + (outcome.equals("JsTimeoutException") ? "" : " after " + (ms + TIMEOUT.toMillis()) + " ms")
                    + " |");
        }
    }

}
