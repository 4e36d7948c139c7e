package dev.jsrun.internal.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.caoccao.javet.interop.V8Runtime;
import org.junit.jupiter.api.Test;

/**
 * The host's result encoder flattens what it wrote now and then, which copies all of it:
 * counted here by the characters its {@code charCodeAt} sees, so that copies that grow
 * with the square of the result fail without measuring time.
 */
class ResultFlatteningTest {

    /**
     * Puts a counting {@code charCodeAt} into the record the host takes its built-ins
     * from.
     */
    private static final String COUNTING = """
            (() => {
              const original = __jsrun_intrinsics;
              const { apply, stringCharCodeAt } = original;
              const counting = { __proto__: null };
              for (const key of Reflect.ownKeys(original)) {
                counting[key] = original[key];
              }
              let seen = 0;
              counting.stringCharCodeAt = function (index) {
                seen += this.length;
                return apply(stringCharCodeAt, this, [index]);
              };
              Object.defineProperty(globalThis, '__jsrun_intrinsics', { value: Object.freeze(counting),
                configurable: true });
              globalThis.flattened = () => seen;
            })();
            """;

    private static final String ROWS = "globalThis.row = i => ({ id: i, name: 'customer ' + i, "
            + "email: 'user' + i + '@example.com', city: 'Springfield', active: true, note: 'x'.repeat(40) });";

    /** Results of 1.5 to 6 MB, whose objects, Maps and Sets each write a string apart. */
    private static final List<String> RESULTS = List.of("Array.from({ length: 12000 }, (_, i) => row(i))",
            "Array.from({ length: 40000 }, (_, i) => row(i))",
            "Object.fromEntries(Array.from({ length: 20000 }, (_, i) => ['k' + i, row(i)]))",
            "new Map(Array.from({ length: 20000 }, (_, i) => [i, row(i)]))",
            "new Set(Array.from({ length: 20000 }, (_, i) => row(i)))",
            "Array.from({ length: 200 }, (_, i) => [row(i), Array.from({ length: 100 }, (_, j) => row(j))])",
            "let deep = 'x'.repeat(3e6); for (let i = 0; i < 500; i++) deep = { deep }; deep");

    @Test
    void whatTheEncoderCopiesToFlattenIsAtMostAFewTimesTheResult() throws Exception {
        try (V8Runtime runtime = V8Runtimes.fresh(false)) {
            runtime.getExecutor(GuestScripts.load(Intrinsics.class, "intrinsics.js")).executeVoid();
            runtime.getExecutor(COUNTING).executeVoid();
            runtime.getExecutor(GuestScripts.load(Intrinsics.class, "host.js"))
                .setResourceName(Intrinsics.HOST_RESOURCE)
                .executeVoid();
            // ready's parameters in HostBridge's order, with a limit of 64 Mi characters
            runtime
                .getExecutor("globalThis.host = " + Intrinsics.HOST_GLOBAL
                        + "(100, 10000, 10000, 64 * 1024 * 1024, 1e12, '__import', false, 'k'.repeat(32), 0);")
                .executeVoid();
            runtime.getExecutor(ROWS).executeVoid();
            for (String result : RESULTS) {
                // the host's operation 3 evaluates code and answers the encoded result
                List<?> outcome = runtime
                    .getExecutor("(() => { const before = flattened(); const text = host(3, " + stringLiteral(result)
                            + "); return [text[0], text.length, flattened() - before]; })()")
                    .executeObject();
                assertThat(outcome.get(0)).as(result).isEqualTo("v");
                long length = ((Number) outcome.get(1)).longValue();
                long copied = ((Number) outcome.get(2)).longValue();
                assertThat(length).as(result).isGreaterThan(1_500_000);
                assertThat(copied).as("%s: %d characters copied for %d", result, copied, length)
                    .isLessThanOrEqualTo(6 * length);
            }
        }
    }

    private static String stringLiteral(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

}
