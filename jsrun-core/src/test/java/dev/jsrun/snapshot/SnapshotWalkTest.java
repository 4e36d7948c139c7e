package dev.jsrun.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import org.junit.jupiter.api.Test;

import dev.jsrun.JsRuntime;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.Snapshot;
import dev.jsrun.SnapshotBuildException;
import dev.jsrun.internal.runtime.Isolate;
import dev.jsrun.internal.snapshot.SharedRegExps;
import dev.jsrun.internal.snapshot.V8Runtimes;
import dev.jsrun.pool.JsRuntimePool;
import dev.jsrun.pool.PoolSettings;

/**
 * What jsrun does to a snapshot's objects before capturing them: it looks, and runs none
 * of their code. Each script arms its counters as its last statement, so that they count
 * only what ran after it; the heap as captured (read from a runtime restored without any
 * of jsrun's per-context steps) and every context handed out later must show no call.
 */
class SnapshotWalkTest {

    /**
     * Counters that count only once armed; {@code calls} stays empty unless something
     * ran.
     */
    private static final String COUNTERS = """
            var armed = false, calls = {};
            function count(name) { if (armed) calls[name] = (calls[name] || 0) + 1; }
            """;

    private static final String GETTERS = COUNTERS
            + """
                    var state = { ready: true, count: 0, registry: new Map([['email', /^[^@\\s]+@[^@\\s]+$/]]) };
                    // a schema library that builds its shapes lazily behind getters, each with side effects
                    class Schema {
                      constructor(build) { this._build = build; this._shape = null; }
                      get shape() { count('shape'); state.count++; return this._shape || (this._shape = this._build()); }
                      static get registry() { count('registry'); delete state.ready; return state.registry; }
                    }
                    globalThis.Schema = Schema;
                    var user = new Schema(() => ({ name: /^\\w+$/ }));
                    var lazy = {};
                    Object.defineProperty(lazy, 'pattern', { configurable: true, enumerable: true, get() {
                      count('lazy'); const value = /lazy/;
                      Object.defineProperty(this, 'pattern', { value, enumerable: true }); return value; } });
                    Object.defineProperty(globalThis, 'fromGlobal', { configurable: true, get() { count('fromGlobal'); return /g/; } });
                    var explosive = { get boom() { count('boom'); throw new Error('reading me breaks the library'); } };
                    var sink = { set value(v) { count('sink'); } };
                    Error.prepareStackTrace = (error, frames) => { count('prepareStackTrace'); return 'formatted'; };
                    var failure = new Error('kept for later');
                    armed = true;
                    """;

    private static final String GETTERS_STATE = "armed = false; JSON.stringify({ calls, ready: state.ready,"
            + " count: state.count, shape: user._shape,"
            + " lazy: typeof Object.getOwnPropertyDescriptor(lazy, 'pattern').get,"
            + " fromGlobal: typeof Object.getOwnPropertyDescriptor(globalThis, 'fromGlobal').get })";

    private static final String GETTERS_UNTOUCHED = "{\"calls\":{},\"ready\":true,\"count\":0,\"shape\":null,"
            + "\"lazy\":\"function\",\"fromGlobal\":\"function\"}";

    @Test
    void gettersAndSettersAreNeverCalledAndTheLibraryStateIsWhatTheScriptLeft() {
        Snapshot snapshot = new SnapshotBuilder().executeScript("schema.js", GETTERS).build();
        assertThat(captured(snapshot, GETTERS_STATE)).isEqualTo(GETTERS_UNTOUCHED);
        RuntimeConfig config = RuntimeConfig.builder().snapshot(snapshot).build();
        try (JsRuntimePool pool = new JsRuntimePool(config, PoolSettings.builder().maxSize(1).minIdle(1).build())) {
            for (int i = 0; i < 3; i++) {
                try (JsRuntime js = pool.acquire()) {
                    assertThat(js.eval(GETTERS_STATE)).isEqualTo(GETTERS_UNTOUCHED);
                    // the library works as its script set it up, and its getters do their
                    // work when asked to
                    assertThat(js.eval("[Schema.registry.get('email').test('a@b.c'), user.shape.name.test('ann'),"
                            + " lazy.pattern.test('lazy'), 'ready' in state, state.count, calls.shape].join()"))
                        .isEqualTo("true,true,true,false,1,");
                }
            }
        }
        try (Isolate isolate = Isolate.restore(config)) {
            // the one in the Map, a data property; those behind getters are the price of
            // not calling them
            assertThat(isolate.sharedRegExps()).isEqualTo(1);
        }
    }

    private static final String PROXIES = COUNTERS + """
            const TRAPS = ['getPrototypeOf', 'setPrototypeOf', 'isExtensible', 'preventExtensions',
              'getOwnPropertyDescriptor', 'defineProperty', 'has', 'get', 'set', 'deleteProperty', 'ownKeys',
              'apply', 'construct'];
            function hostile(label) {
              const handler = {};
              for (const trap of TRAPS) {
                handler[trap] = function () { count(label + '.' + trap); throw new Error(label + ': ' + trap); };
              }
              return handler;
            }
            var guarded = new Proxy({ inside: /inside/ }, hostile('object'));
            var callable = new Proxy(function () {}, hostile('function'));
            var revocable = Proxy.revocable({ inside: /revoked/ }, hostile('revoked'));
            revocable.revoke();
            var heir = Object.create(new Proxy({ inherited: /inherited/ }, hostile('prototype')));
            var keyed = new Map([[new Proxy({}, hostile('mapKey')), new Proxy({}, hostile('mapValue'))]]);
            var bag = new Set([new Proxy({}, hostile('setValue'))]);
            // the handler's traps are looked up through the handler, a proxy too
            var meta = new Proxy({}, new Proxy({}, { get(target, trap) { count('meta.' + String(trap)); } }));
            var plain = /plain/;
            armed = true;
            """;

    private static final String PROXIES_STATE = "armed = false; JSON.stringify({ calls,"
            + " proxy: Function.prototype.toString.call(Proxy),"
            + " revocable: Function.prototype.toString.call(Proxy.revocable),"
            + " guarded: (() => { try { return guarded.inside; } catch (e) { return e.message; } })(),"
            + " revoked: (() => { try { return revocable.proxy.inside; } catch (e) { return e.name; } })() })";

    private static final String PROXIES_UNTOUCHED = "{\"calls\":{},\"proxy\":\"function Proxy() { [native code] }\","
            + "\"revocable\":\"function revocable() { [native code] }\",\"guarded\":\"object: get\",\"revoked\":\"TypeError\"}";

    @Test
    void proxiesAreSkippedWithoutTouchingATrapAndTheOriginalProxyIsWhatTheSnapshotHolds() {
        Snapshot snapshot = new SnapshotBuilder().executeScript("proxies.js", PROXIES).build();
        assertThat(captured(snapshot, PROXIES_STATE)).isEqualTo(PROXIES_UNTOUCHED);
        try (Isolate isolate = Isolate.restore(RuntimeConfig.builder().snapshot(snapshot).build())) {
            assertThat(isolate.eval(PROXIES_STATE, null)).isEqualTo(PROXIES_UNTOUCHED);
            // a regular expression behind a proxy is not reached; one beside it is
            assertThat(isolate.sharedRegExps()).isEqualTo(1);
        }
    }

    @Test
    void aProxyInTheGlobalObjectsPrototypeChainIsRefusedWithoutTouchingATrap() {
        // with a proxy as a Map key beside it, V8 aborted the process restoring such a
        // snapshot
        String script = COUNTERS + """
                var keyed = new Map([[new Proxy({}, {}), 1]]);
                Object.setPrototypeOf(globalThis, new Proxy(Object.getPrototypeOf(globalThis), {
                  getPrototypeOf(target) { throw new Error('a trap ran'); },
                  has(target, key) { throw new Error('a trap ran'); } }));
                """;
        assertThatThrownBy(
                () -> new SnapshotBuilder().executeScript("ok.js", "1").executeScript("sandbox.js", script).build())
            .isInstanceOfSatisfying(SnapshotBuildException.class, ex -> {
                assertThat(ex.getProblem()).isEqualTo(SnapshotBuildException.Problem.PROXIED_GLOBAL);
                assertThat(ex.getAdvice()).contains("PoolSettings.Builder.warmUp").doesNotContain("jsrun.");
            })
            .hasMessageContaining("sandbox.js")
            .hasMessageContaining("Proxy into the global object's prototype chain")
            .hasMessageNotContaining("a trap ran");
    }

    private static final String BRANDS = COUNTERS
            + """
                    Object.defineProperty(Map, Symbol.hasInstance, { value(v) { count('Map[Symbol.hasInstance]'); return false; } });
                    Object.defineProperty(Set, Symbol.hasInstance, { value(v) { count('Set[Symbol.hasInstance]'); return false; } });
                    class Registry { static [Symbol.hasInstance](v) { count('Registry[Symbol.hasInstance]'); return true; } }
                    globalThis.Registry = Registry;
                    class CountingMap extends Map {
                      forEach(callback, self) { count('CountingMap.forEach'); return super.forEach(callback, self); }
                      get size() { count('CountingMap.size'); return super.size; }
                    }
                    class CountingSet extends Set {
                      forEach(callback, self) { count('CountingSet.forEach'); return super.forEach(callback, self); }
                    }
                    var byName = new Map([['id', /^\\d+$/]]);
                    var tags = new Set([/^#\\w+$/]);
                    var slugs = new CountingMap([['slug', /^[a-z-]+$/]]);
                    var words = new CountingSet([/^\\w+$/]);
                    // looks like a Map to instanceof, holds no entries: its own regular expression is still found
                    var lookalike = Object.create(Map.prototype);
                    lookalike.own = /lookalike/;
                    armed = true;
                    """;

    @Test
    void mapsAndSetsAreRecognisedByTheirBrandNotByInstanceofOrTheirOwnMethods() {
        Snapshot snapshot = new SnapshotBuilder().executeScript("brands.js", BRANDS).build();
        assertThat(captured(snapshot, "armed = false; JSON.stringify(calls)")).isEqualTo("{}");
        try (Isolate isolate = Isolate.restore(RuntimeConfig.builder().snapshot(snapshot).build())) {
            assertThat(isolate.eval("armed = false; JSON.stringify(calls)", null)).isEqualTo("{}");
            assertThat(isolate.sharedRegExps()).isEqualTo(5);
            assertThat(isolate
                .eval("[byName.get('id').test('42'), slugs.get('slug').test('a-b'), calls.CountingMap].join()", null))
                .isEqualTo("true,true,");
        }
    }

    private static final String BUILT_INS = COUNTERS
            + """
                    const apply = Reflect.apply;
                    function wrap(owner, key, label) {
                      const original = owner[key];
                      Object.defineProperty(owner, key, { configurable: true, writable: true,
                        value: function () { count(label); return apply(original, this, arguments); } });
                    }
                    function wrapGetter(owner, key, label, lie) {
                      const { get: getter, set } = Object.getOwnPropertyDescriptor(owner, key);
                      Object.defineProperty(owner, key, { configurable: true, set,
                        get() { count(label); const value = apply(getter, this, []); return lie ? !value : value; } });
                    }
                    const arrayIterator = Object.getPrototypeOf([][Symbol.iterator]());
                    for (const [owner, keys, name] of [
                        [Reflect, ['ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf', 'apply', 'construct', 'has', 'get',
                          'defineProperty'], 'Reflect'],
                        [Object, ['getOwnPropertyDescriptor', 'getOwnPropertyDescriptors', 'getPrototypeOf', 'keys',
                          'getOwnPropertyNames', 'getOwnPropertySymbols', 'hasOwn', 'freeze', 'create', 'setPrototypeOf'], 'Object'],
                        [Object.prototype, ['hasOwnProperty', 'toString', 'valueOf', 'propertyIsEnumerable'], 'Object.prototype'],
                        [Function.prototype, ['call', 'apply', 'bind', 'toString'], 'Function.prototype'],
                        [Array, ['isArray', 'from', 'of'], 'Array'],
                        [Array.prototype, ['push', 'pop', 'shift', 'unshift', 'indexOf', 'includes', 'forEach', 'map', 'join',
                          'slice', 'concat', Symbol.iterator], 'Array.prototype'],
                        [arrayIterator, ['next'], 'ArrayIterator'],
                        [Map.prototype, ['get', 'set', 'has', 'forEach', 'entries', 'keys', 'values', Symbol.iterator], 'Map.prototype'],
                        [Set.prototype, ['add', 'has', 'delete', 'forEach', 'values', Symbol.iterator], 'Set.prototype'],
                        [WeakSet.prototype, ['add', 'has'], 'WeakSet.prototype'],
                        [WeakMap.prototype, ['get', 'set', 'has'], 'WeakMap.prototype'],
                        [RegExp.prototype, ['exec', 'test', 'toString'], 'RegExp.prototype'],
                        [String.prototype, ['slice', 'indexOf', 'concat', 'toString'], 'String.prototype'],
                        [JSON, ['stringify', 'parse'], 'JSON']]) {
                      for (const key of keys) wrap(owner, key, name + '.' + String(key));
                    }
                    wrapGetter(Map.prototype, 'size', 'Map.prototype.size');
                    wrapGetter(Set.prototype, 'size', 'Set.prototype.size');
                    wrapGetter(RegExp.prototype, 'source', 'RegExp.prototype.source');
                    wrapGetter(RegExp.prototype, 'flags', 'RegExp.prototype.flags');
                    // a getter that lies: whatever reads flags through it relinks the wrong regular expression
                    wrapGetter(RegExp.prototype, 'global', 'RegExp.prototype.global', true);
                    wrapGetter(Object.prototype, '__proto__', 'Object.prototype.__proto__');
                    // setters on array indices catch every write to an array slot the writer does not own yet
                    for (let i = 0; i < 4; i++) {
                      Object.defineProperty(Array.prototype, i, { configurable: true,
                        get() { count('Array.prototype[' + i + '] get'); }, set(v) { count('Array.prototype[' + i + '] set'); } });
                    }
                    var patterns = { global: /a/g, sticky: /b/y, indices: /(c)/d, ignoreCase: /D/i };
                    var byName = new Map([['m', /m/]]);
                    var bag = new Set([/s/]);
                    var keyed = { [Symbol('key')]: /symbol/ };
                    armed = true;
                    """;

    @Test
    void replacedBuiltInsAreNeverCalledAndDoNotFoolTheWalk() throws JavetException {
        Snapshot snapshot = new SnapshotBuilder().executeScript("built-ins.js", BUILT_INS).build();
        assertThat(captured(snapshot, "armed = false; JSON.stringify(calls)")).isEqualTo("{}");
        try (Isolate isolate = Isolate.restore(RuntimeConfig.builder().snapshot(snapshot).build())) {
            for (int context = 0; context < 2; context++) {
                assertThat(isolate.sharedRegExps()).isEqualTo(7);
                // relinked with the flags V8 holds, not those the lying getter reports:
                // still global, still sticky
                assertThat(
                        isolate.eval(
                                "armed = false; const g = patterns.global; g.exec('xa'); const y = patterns.sticky;"
                                        + " y.lastIndex = 1; [g.lastIndex, y.exec('ab') !== null, y.lastIndex].join()",
                                null))
                    .isEqualTo("2,true,2");
                isolate.reset();
            }
        }
    }

    @Test
    void preparingAFreshContextCallsNoReplacedBuiltIn() throws JavetException {
        Snapshot snapshot = new SnapshotBuilder().executeScript("built-ins.js", BUILT_INS).build();
        try (Isolate isolate = Isolate.restore(RuntimeConfig.builder().snapshot(snapshot).build())) {
            for (int context = 0; context < 2; context++) {
                // the relink and the rest of the context's preparation ran armed
                assertThat(isolate.eval("armed = false; JSON.stringify(calls)", null)).isEqualTo("{}");
                isolate.reset();
            }
        }
    }

    @Test
    void aValueOnObjectPrototypeIsNotMistakenForAnAccessorsValue() {
        // an accessor's descriptor has no own 'value': whoever reads it with a plain
        // lookup finds this getter
        Snapshot snapshot = new SnapshotBuilder().executeScript("value.js", COUNTERS + """
                var holder = { get computed() { count('computed'); return /computed/; }, plain: /plain/ };
                Object.defineProperty(Object.prototype, 'value', { configurable: true,
                  get() { count('Object.prototype.value'); return /inherited/; } });
                armed = true;
                """).build();
        assertThat(
                captured(snapshot, "armed = false; JSON.stringify([calls, " + SharedRegExps.GLOBAL + ".length / 3])"))
            .isEqualTo("[{},1]");
    }

    private static final String USER_PROXY = COUNTERS + """
            function hostile(label) {
              return { ownKeys() { count(label + '.ownKeys'); throw new Error(label); },
                getPrototypeOf() { count(label + '.getPrototypeOf'); throw new Error(label); },
                getOwnPropertyDescriptor() { count(label + '.getOwnPropertyDescriptor'); throw new Error(label); } };
            }
            // a library that wraps Proxy, and one that takes Proxy.revocable away: the snapshot keeps their choice
            const Base = Proxy;
            globalThis.Proxy = function Proxy(target, handler) { return new Base(target, handler); };
            var wrapped = new Proxy({}, hostile('wrapped'));
            var early = Base.revocable({}, hostile('early')).proxy;
            delete Base.revocable;
            armed = true;
            """;

    @Test
    void aProxyReplacedByTheScriptStaysReplacedAndItsProxiesAreStillSkipped() {
        Snapshot snapshot = new SnapshotBuilder().executeScript("user-proxy.js", USER_PROXY).build();
        assertThat(captured(snapshot, "armed = false; JSON.stringify([calls, String(Proxy).includes('new Base'),"
                + " typeof Base.revocable])"))
            .isEqualTo("[{},true,\"undefined\"]");
    }

    @Test
    void aDeletedProxyStaysDeleted() {
        Snapshot snapshot = new SnapshotBuilder().executeScript("no-proxy.js", COUNTERS
                + "var kept = new Proxy({}, { ownKeys() { count('ownKeys'); return []; } }); delete globalThis.Proxy; armed = true;")
            .build();
        assertThat(captured(snapshot, "armed = false; JSON.stringify([calls, typeof Proxy])"))
            .isEqualTo("[{},\"undefined\"]");
    }

    @Test
    void regExpsReachableOnlyThroughGettersKeepWorkingWithoutBeingShared() {
        Snapshot snapshot = new SnapshotBuilder().executeScript("grammar.js", """
                const rule = /^rule$/;
                globalThis.Grammar = class { static get rule() { return rule; } };
                """).build();
        try (Isolate isolate = Isolate.restore(RuntimeConfig.builder().snapshot(snapshot).build())) {
            assertThat(isolate.sharedRegExps()).isZero();
            assertThat(isolate.eval("Grammar.rule.test('rule')", null)).isEqualTo(true);
        }
    }

    @Test
    void accessorFunctionsAreVisitedAsObjectsWithoutBeingCalled() {
        Snapshot snapshot = new SnapshotBuilder().executeScript("accessors.js", COUNTERS + """
                const getter = function () { count('getter'); return 1; };
                getter.pattern = /on-the-getter/;
                Object.defineProperty(globalThis, 'computed', { configurable: true, get: getter });
                armed = true;
                """).build();
        assertThat(captured(snapshot, "armed = false; JSON.stringify(calls)")).isEqualTo("{}");
        try (Isolate isolate = Isolate.restore(RuntimeConfig.builder().snapshot(snapshot).build())) {
            assertThat(isolate.sharedRegExps()).isEqualTo(1);
        }
    }

    /**
     * Evaluates {@code code} in a runtime restored from {@code snapshot} with nothing of
     * jsrun's run before it.
     */
    private static String captured(Snapshot snapshot, String code) {
        try (V8Runtime runtime = V8Runtimes.restore(snapshot)) {
            return runtime.getExecutor(code).executeString();
        }
        catch (JavetException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
