package dev.jsrun.internal.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.values.reference.V8ValueFunction;
import org.junit.jupiter.api.Test;

/**
 * shared-regexps.js on its own, in a plain runtime: the stand-in Proxy it installs while
 * the scripts run, the record its walk leaves, and the budget; shared-regexps-relink.js
 * reading that record.
 */
class SharedRegExpsScriptTest {

    @Test
    void whileScriptsRunProxyBehavesAsTheOriginalAndTheWalkPutsTheOriginalBack() throws JavetException {
        try (V8Runtime runtime = V8Runtimes.fresh(false)) {
            run(runtime, "globalThis.original = [Proxy, Proxy.revocable]; 'ok'");
            try (V8ValueFunction walk = prepare(runtime, 100)) {
                assertThat(run(runtime,
                        """
                                const failure = f => { try { f(); return 'none'; } catch (e) { return e.constructor.name + ': ' + e.message; } };
                                const made = new Proxy({ a: 1 }, { get: (target, key) => 'trapped ' + String(key) });
                                const { proxy, revoke } = Proxy.revocable({}, {});
                                revoke();
                                JSON.stringify([Proxy === original[0], typeof Proxy, Proxy.name, Proxy.length, typeof Proxy.prototype,
                                  made.a, failure(() => proxy.x), failure(() => Proxy({}, {})), failure(() => { class X extends Proxy {} }),
                                  failure(() => new Proxy(1, {})), typeof Reflect.construct(Proxy, [{}, {}], Object)])
                                """))
                    .isEqualTo("[false,\"function\",\"Proxy\",2,\"undefined\",\"trapped a\","
                            + "\"TypeError: Cannot perform 'get' on a proxy that has been revoked\","
                            + "\"TypeError: Constructor Proxy requires 'new'\","
                            + "\"TypeError: Class extends value does not have valid prototype property undefined\","
                            + "\"TypeError: Cannot create proxy with a non-object as target or handler\",\"object\"]");
                assertThat(walk.callInteger(null)).isZero();
            }
            assertThat(run(runtime, "[Proxy === original[0], Proxy.revocable === original[1]].join()"))
                .isEqualTo("true,true");
        }
    }

    @Test
    void theRecordHoldsEachRegExpWithItsSourceAndTheFlagsV8Keeps() throws JavetException {
        try (V8Runtime runtime = V8Runtimes.fresh(false)) {
            try (V8ValueFunction walk = prepare(runtime, 100)) {
                run(runtime, "globalThis.rules = [/a\\/b/dgimsy, new RegExp('[[a-z]--[aeiou]]', 'v'), /x/];"
                        + " Object.defineProperty(rules[2], 'global', { get() { return true; } }); 'ok'");
                assertThat(walk.callInteger(null)).isEqualTo(3);
            }
            assertThat(run(runtime,
                    """
                            const record = __walk_test;
                            const entries = [];
                            for (let i = 0; i < record.length; i += 3) entries.push([record.list[i + 1], record.list[i + 2]]);
                            entries.sort();
                            JSON.stringify([Object.getPrototypeOf(record), record.compile === RegExp.prototype.compile,
                              record.apply === Reflect.apply, Object.getOwnPropertyDescriptor(globalThis, '__walk_test').enumerable,
                              entries])
                            """))
                .isEqualTo(
                        "[null,true,true,false,[[\"[[a-z]--[aeiou]]\",\"v\"],[\"a\\\\/b\",\"dgimsy\"],[\"x\",\"\"]]]");
            // the relink takes the record away and re-initialises each one in place
            assertThat(run(runtime,
                    "const kept = rules[0]; kept.lastIndex = 2; String(" + relink("__walk_test")
                            + ") + ' ' + [typeof __walk_test, kept === rules[0], kept.lastIndex, kept.flags].join()"))
                .isEqualTo("3 undefined,true,2,dgimsy");
        }
    }

    @Test
    void theWalkStopsAtItsBudget() throws JavetException {
        try (V8Runtime runtime = V8Runtimes.fresh(false)) {
            try (V8ValueFunction walk = prepare(runtime, 50)) {
                run(runtime, "let chain = { re: /end/ }; for (let i = 0; i < 100; i++) chain = { next: chain };"
                        + " globalThis.deep = chain; globalThis.near = /near/; 'ok'");
                assertThat(walk.callInteger(null)).isEqualTo(1);
            }
        }
    }

    @Test
    void aGlobalOfTheReservedNameThatCannotBeReplacedStopsTheRecord() throws JavetException {
        try (V8Runtime runtime = V8Runtimes.fresh(false)) {
            try (V8ValueFunction walk = prepare(runtime, 100)) {
                run(runtime, "Object.defineProperty(globalThis, '__walk_test', { value: 'mine' }); 'ok'");
                try {
                    walk.callInteger(null);
                    throw new AssertionError("the walk should have failed");
                }
                catch (JavetException ex) {
                    assertThat(ex.getMessage()).contains("the global __walk_test is reserved for jsrun");
                }
            }
        }
    }

    private static V8ValueFunction prepare(V8Runtime runtime, int budget) throws JavetException {
        try (V8ValueFunction prepare = runtime.getExecutor(SharedRegExps.PREPARE).execute()) {
            return prepare.call(null, "__walk_test", budget);
        }
    }

    private static String relink(String name) {
        return SharedRegExps.RELINK.replace("'" + SharedRegExps.GLOBAL + "'", "'" + name + "'");
    }

    private static String run(V8Runtime runtime, String code) throws JavetException {
        return runtime.getExecutor(code).executeString();
    }

}
