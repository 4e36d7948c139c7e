package dev.jsrun.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.jsrun.JsException;
import dev.jsrun.JsRuntime;
import dev.jsrun.JsRuntimeFactory;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.Snapshot;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;
import dev.jsrun.snapshot.SnapshotBuilder;

/**
 * structuredClone against Node 20's (V8's serializer) on the same inputs, compared as
 * JSON descriptions of the clones: every object's type, prototype, own properties with
 * their attributes, contents, and which objects are the same; and against HTML where Node
 * 20 departs from it.
 */
class StructuredCloneTest {

    /** Helpers both sides define before the cases run. */
    private static final String PRELUDE = """
            globalThis.attempt = f => {
              try { return { value: f() }; }
              catch (e) { return { threw: e && e.name, dom: e instanceof DOMException, code: e instanceof DOMException ? e.code : 0 }; }
            };
            globalThis.protoName = v => {
              const p = Object.getPrototypeOf(v);
              if (p === null) return 'null';
              const c = Object.getOwnPropertyDescriptor(p, 'constructor');
              return c && typeof c.value === 'function' ? c.value.name : '?';
            };
            globalThis.detached = b => { try { new Uint8Array(b); return false; } catch (e) { return true; } };
            globalThis.describe = root => {
              const ids = new Map();
              const d = v => {
                if (v === null) return 'null';
                switch (typeof v) {
                  case 'undefined': return 'undefined';
                  case 'number': return Object.is(v, -0) ? 'number:-0' : 'number:' + v;
                  case 'bigint': return 'bigint:' + v;
                  case 'string': return 'string:' + v;
                  case 'boolean': return 'boolean:' + v;
                  case 'symbol': return 'symbol';
                  case 'function': return 'function';
                }
                if (ids.has(v)) return { ref: ids.get(v) };
                const o = { id: ids.size, tag: Object.prototype.toString.call(v), proto: protoName(v) };
                ids.set(v, o.id);
                const view = ArrayBuffer.isView(v);
                switch (o.tag) {
                  case '[object ArrayBuffer]':
                    o.detached = detached(v);
                    Object.assign(o, { byteLength: v.byteLength, resizable: v.resizable, maxByteLength: v.maxByteLength });
                    if (!o.detached) o.bytes = Array.from(new Uint8Array(v));
                    break;
                  case '[object SharedArrayBuffer]':
                    Object.assign(o, { byteLength: v.byteLength, growable: v.growable, bytes: Array.from(new Uint8Array(v)) });
                    break;
                  case '[object Map]': o.entries = [...v].map(([k, x]) => [d(k), d(x)]); break;
                  case '[object Set]': o.values = [...v].map(d); break;
                  case '[object Date]': o.time = String(v.getTime()); break;
                  case '[object RegExp]': Object.assign(o, { source: v.source, flags: v.flags, lastIndex: v.lastIndex }); break;
                  case '[object Boolean]': case '[object Number]': case '[object String]': case '[object BigInt]':
                    o.primitive = d(v.valueOf()); break;
                  case '[object Error]': o.name = v.name; break;
                }
                if (view) {
                  Object.assign(o, { buffer: d(v.buffer), byteOffset: v.byteOffset, byteLength: v.byteLength, length: v.length });
                  if (o.tag !== '[object DataView]') o.values = Array.from(v, String);
                }
                o.props = Object.getOwnPropertyNames(v).filter(k => !(view && /^[0-9]+$/.test(k))).map(k => {
                  const p = Object.getOwnPropertyDescriptor(v, k);
                  const flags = (p.enumerable ? 'e' : '') + (p.writable ? 'w' : '') + (p.configurable ? 'c' : '');
                  if (!('value' in p)) return [k, 'accessor', flags];
                  return [k, flags, k === 'stack' ? typeof p.value : d(p.value)];
                });
                o.symbols = Object.getOwnPropertySymbols(v).length;
                o.extensible = Object.isExtensible(v);
                return o;
              };
              return d(root);
            };
            globalThis.cloned = (make, options) => attempt(() => {
              const source = make();
              const copy = structuredClone(source, typeof options === 'function' ? options(source) : options);
              return { same: copy === source, clone: describe(copy) };
            });
            globalThis.refused = make => attempt(() => { structuredClone(make()); return 'cloned'; });
            """;

    private static JsRuntimeFactory factory;

    @BeforeAll
    static void start() {
        factory = new UnpooledJsRuntimeFactory(RuntimeConfig.defaults());
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    @Test
    void primitivesWrappersDatesAndRegExpsMatchNode() throws Exception {
        compareWithNode(List.of(
                "[undefined, null, true, false, 0, -0, NaN, Infinity, -1.5, 2 ** 53, 'str', '', '\\ud800', 12n, -(2n ** 70n)]"
                        + ".map(v => describe(structuredClone(v)))",
                "cloned(() => [new Boolean(false), new Number(-0), new Number(NaN), new String(''), Object(12n)])",
                "cloned(() => { const s = new String('ab'); s.x = 1; s[5] = 'q'; return s; })",
                "cloned(() => { const n = new Number(3); n.extra = true; return [n, n]; })",
                "cloned(() => [new Date(0), new Date(8.64e15), new Date(NaN), new Date(-1)])",
                "cloned(() => { const d = new Date(5); d.note = 'x'; return d; })",
                "cloned(() => { const r = /a+b/gimsuy; r.lastIndex = 3; r.extra = 1; return r; })",
                "cloned(() => [/x/d, /[\\p{L}--[a-z]]/v, new RegExp(''), /\\//, /a/u, new RegExp('\\n')])"));
    }

    @Test
    void buffersAndViewsMatchNode() throws Exception {
        compareWithNode(List.of("cloned(() => [new ArrayBuffer(0), new Uint8Array([1, 2, 255]).buffer])",
                "cloned(() => { const b = new ArrayBuffer(4, { maxByteLength: 16 }); new Uint8Array(b).set([9, 8, 7, 6]); return b; })",
                "(() => { const b = new Uint8Array([1, 2]).buffer; const c = structuredClone(b); new Uint8Array(c)[0] = 9; return [Array.from(new Uint8Array(b)), Array.from(new Uint8Array(c))]; })()",
                "cloned(() => [new Int8Array([-1, 127]), new Uint8Array([255]), new Uint8ClampedArray([300, -5]), new Int16Array([-2]), "
                        + "new Uint16Array([65535]), new Int32Array([-7]), new Uint32Array([4294967295]), new Float32Array([1.5, NaN]), "
                        + "new Float64Array([-0, Infinity]), new BigInt64Array([-5n]), new BigUint64Array([2n ** 64n - 1n])])",
                "cloned(() => { const b = new ArrayBuffer(16); const u = new Uint8Array(b, 4, 8); u.fill(3); return u; })",
                "cloned(() => { const b = new ArrayBuffer(16); return { a: new Uint8Array(b, 2, 4), b: new Int32Array(b, 8, 2), c: new DataView(b, 1, 3), buffer: b }; })",
                "cloned(() => { const b = new ArrayBuffer(8); return [new Uint16Array(b), new Uint16Array(b)]; })",
                "cloned(() => { const v = new DataView(new ArrayBuffer(10), 2, 5); v.setInt8(0, 42); return v; })",
                "cloned(() => new Uint8Array(0))", "cloned(() => new Uint8Array(new ArrayBuffer(8), 8))",
                "cloned(() => { const u = new Uint8Array(4); u.extra = 1; return u; })",
                // a view keeps tracking the length of a resizable buffer when it did, and
                // keeps its length otherwise
                "(() => { const b = new ArrayBuffer(4, { maxByteLength: 16 }); "
                        + "const c = structuredClone([new Uint8Array(b), new Uint8Array(b, 0, 4), new Uint8Array(b, 2), new DataView(b), new DataView(b, 1, 3), new Uint16Array(b)]); "
                        + "c[0].buffer.resize(12); return c.map(v => [v.byteLength, v.length, v.buffer === c[0].buffer]); })()",
                "(() => { const b = new ArrayBuffer(16, { maxByteLength: 16 }); new Uint8Array(b).fill(7); "
                        + "const c = structuredClone([new Uint8Array(b), new Uint8Array(b, 0, 16), new Uint32Array(b, 4), new DataView(b, 15)]); "
                        + "c[0].buffer.resize(8); return [c.map(v => { try { return [v.byteLength, v.byteOffset]; } catch (e) { return e.name; } }), Array.from(new Uint8Array(b))]; })()",
                "(() => { const b = new ArrayBuffer(8, { maxByteLength: 16 }); const v = new Uint8Array(b, 4, 4); b.resize(2); return refused(() => v); })()",
                "(() => { const b = new ArrayBuffer(8, { maxByteLength: 16 }); const v = new DataView(b, 4); b.resize(2); return refused(() => v); })()",
                "(() => { const b = new ArrayBuffer(4); structuredClone(b, { transfer: [b] }); return [refused(() => b), refused(() => ({ b }))]; })()",
                "(() => { const b = new ArrayBuffer(4); const v = new Uint8Array(b); structuredClone(b, { transfer: [b] }); return refused(() => v); })()"));
    }

    @Test
    void mapsSetsArraysAndObjectsMatchNode() throws Exception {
        compareWithNode(List.of(
                "cloned(() => { const k = { k: 1 }; return new Map([[k, 'v'], ['s', k], [1, new Map([[2, 3]])], [NaN, -0]]); })",
                "cloned(() => { const m = new Map(); m.set(m, m); m.set('x', [m]); return m; })",
                "cloned(() => { const o = {}; return new Set([NaN, -0, 0, o, [o], 'a', 1n]); })",
                "cloned(() => { const m = new Map([[1, 2]]); m.extra = 1; return m; })",
                "cloned(() => { const a = [1, , 3]; a.foo = 'bar'; a[-1] = 'neg'; a['4294967295'] = 'big'; return a; })",
                "cloned(() => { const a = []; a.length = 10; a[7] = 'x'; return a; })",
                "cloned(() => { const a = []; a[999999] = 1; a[5] = 0; return a; })",
                "cloned(() => { const a = [1, [2, [3, [4]]]]; a.push(a); return a; })",
                "cloned(() => ({ b: 1, a: 2, 2: 'two', 1: 'one', [Symbol('s')]: 3, nested: { deeper: { deepest: [null] } } }))",
                "cloned(() => Object.defineProperties({}, { hidden: { value: 1, enumerable: false }, shown: { value: 2, enumerable: true }, "
                        + "frozen: { value: 3, enumerable: true, writable: false, configurable: false } }))",
                "cloned(() => Object.freeze({ a: { b: 1 } }))",
                "cloned(() => JSON.parse('{\"__proto__\": {\"x\": 1}, \"y\": 2}'))",
                "cloned(() => Object.assign(Object.create(null), { a: 1 }))",
                "cloned(() => { class Point { #secret = 1; constructor() { this.x = 1; this.y = 2; } get len() { return 3; } } return new Point(); })",
                "cloned(() => [Object.create(Map.prototype), Object.create(Array.prototype), Object.create(Date.prototype), Object.create({ inherited: 1 })])",
                "cloned(() => ({ [Symbol.toStringTag]: 'Map', a: 1 }))",
                "cloned(() => ({ get onlyGetter() { return 'got'; }, set onlySetter(v) {} }))",
                // getters run once each, in property order, depth first; a property
                // deleted before its turn is skipped
                "(() => { const log = []; const o = { get a() { log.push('a'); delete o.c; o.z = 1; return { get inner() { log.push('inner'); return 1; } }; }, "
                        + "get b() { log.push('b'); return 2; }, get c() { log.push('c'); return 3; } }; const c = structuredClone(o); "
                        + "return [log, describe(c)]; })()",
                "cloned(() => { const shared = { s: 1 }; return { a: shared, b: shared, c: [shared, shared], d: new Map([[shared, shared]]) }; })",
                "cloned(() => { const o = { name: 'self' }; o.self = o; o.list = [o, { back: o }]; return o; })",
                "cloned(() => { let o = { leaf: true }; for (let i = 0; i < 1000; i++) o = { next: o }; return o; })"));
    }

    @Test
    void errorsMatchNode() throws Exception {
        compareWithNode(List.of(
                "cloned(() => [new Error('m'), new EvalError('e'), new RangeError('r'), new ReferenceError('f'), new SyntaxError('s'), "
                        + "new TypeError('t'), new URIError('u'), new Error()])",
                "cloned(() => { const e = new Error('m'); e.name = 'Foo'; return e; })",
                "cloned(() => { const e = new Error('m'); e.name = 'TypeError'; return e; })",
                "cloned(() => { class Mine extends RangeError {} return new Mine('sub'); })",
                "cloned(() => { class Named extends Error { constructor() { super('n'); this.name = 'Named'; } } return new Named(); })",
                "cloned(() => { const e = new Error('x'); e.message = 42; return e; })",
                "cloned(() => { const e = new Error('x'); Object.defineProperty(e, 'message', { get() { return 'g'; } }); return e; })",
                "cloned(() => new Error('with cause', { cause: { detail: [1, 2] } }))",
                "cloned(() => { const e = new Error('shared'); return { e, again: e, list: [e] }; })",
                "cloned(() => new AggregateError([new Error('inner')], 'agg'))",
                "cloned(() => { const e = new Error('extra'); e.code = 'E_CODE'; e.data = { x: 1 }; return e; })",
                "cloned(() => { const e = new Error('s'); e.stack = 5; return e; })",
                "cloned(() => { const e = new Error('s'); e.stack = 'custom stack'; return [e.stack, e]; })",
                "(() => { const e = new RangeError('stacked'); const c = structuredClone(e); return [typeof c.stack, c.stack === e.stack]; })()",
                "cloned(() => Object.create(Error.prototype))",
                "cloned(() => { const e = new Error('m'); Object.defineProperty(e, 'name', { get() { return 'URIError'; } }); return e; })",
                "(() => { const e = new Error('m'); Object.defineProperty(e, 'name', { get() { throw new SyntaxError('from getter'); } }); return refused(() => e); })()"));
    }

    @Test
    void transfersMatchNode() throws Exception {
        compareWithNode(List.of(
                "(() => { const b = new Uint8Array([1, 2, 3]).buffer; const c = structuredClone(b, { transfer: [b] }); return [describe(b), describe(c)]; })()",
                "(() => { const b = new Uint8Array([1, 2, 3, 4]).buffer; const v = new Uint8Array(b, 1, 2); "
                        + "const c = structuredClone({ v, b, again: b }, { transfer: [b] }); return [describe(b), describe(c), v.length]; })()",
                "(() => { const b = new ArrayBuffer(4); const c = structuredClone(1, { transfer: [b] }); return [c, detached(b)]; })()",
                "(() => { const b = new ArrayBuffer(4); const c = structuredClone({ b }, { transfer: new Set([b]) }); return [detached(b), c.b.byteLength]; })()",
                "(() => { const b = new ArrayBuffer(4, { maxByteLength: 8 }); const c = structuredClone(b, { transfer: [b] }); return [c.resizable, c.maxByteLength, detached(b)]; })()",
                "(() => { const a = new ArrayBuffer(1); const b = new ArrayBuffer(2); const c = structuredClone([b, a], { transfer: [a, b] }); return [c[0].byteLength, c[1].byteLength, detached(a), detached(b)]; })()",
                "(() => { const b = new ArrayBuffer(4); return [attempt(() => structuredClone(b, { transfer: [b, b] })), detached(b)]; })()",
                // nothing is detached when serializing fails
                "(() => { const b = new ArrayBuffer(4); return [attempt(() => structuredClone({ b, f() {} }, { transfer: [b] })), detached(b)]; })()",
                "[undefined, null, {}, { transfer: undefined }, { transfer: [] }].map(o => attempt(() => structuredClone({ a: 1 }, o).a))",
                "[5, 'x', true, { transfer: 1 }, { transfer: 'ab' }, { transfer: [1] }, { transfer: [null] }]"
                        + ".map(o => attempt(() => structuredClone({ a: 1 }, o)).threw)",
                "attempt(() => structuredClone())",
                "[structuredClone.name, Object.getOwnPropertyDescriptor(globalThis, 'structuredClone').enumerable]"));
    }

    @Test
    void dataCloneErrorsMatchNode() throws Exception {
        compareWithNode(List
            .of("[() => function () {}, () => () => 1, () => class {}, () => Math.max.bind(null), () => async function () {}, "
                    + "() => Symbol('s'), () => ({ s: Symbol() }), () => [1, () => 1], () => new Map([[1, () => 1]]), "
                    + "() => new Set([Symbol.iterator]), () => new WeakMap(), () => new WeakSet(), () => new WeakRef({}), "
                    + "() => new FinalizationRegistry(() => {}), () => Promise.resolve(1), () => new Proxy(function () {}, {}), "
                    + "() => (function* () {})(), () => (async function* () {})(), () => new Map().entries(), () => [].values(), "
                    + "() => 'ab'[Symbol.iterator](), () => (function () { return arguments; })(1, 2), "
                    + "() => (function () { 'use strict'; return arguments; })(1), () => Object(Symbol('boxed')), "
                    + "() => new Intl.Collator(), () => new Intl.NumberFormat(), () => ({ deep: { deeper: [{ f: Math.sin }] } }), "
                    + "() => { const e = new Error('e'); e.cause = () => 1; return e; }, () => globalThis]"
                    + ".map(make => refused(make))",
                    "(() => { const o = { get a() { throw new RangeError('from getter'); } }; return refused(() => o); })()",
                    "(() => { const o = { ok: 1, get later() { throw new URIError('later'); }, f() {} }; return refused(() => o); })()",
                    "(() => { const e = new Error('m'); e.message = Symbol(); return refused(() => e); })()",
                    "(() => { try { structuredClone(() => 1); } catch (e) { return [e instanceof DOMException, e instanceof Error, e.name, e.code, "
                            + "Object.prototype.toString.call(e), e.DATA_CLONE_ERR]; } })()"));
    }

    @Test
    void proxiesAreRefusedWithoutRunningATrap() {
        try (JsRuntime js = factory.create()) {
            // as in Node, where V8's serializer refuses every proxy
            assertThat(js.eval("""
                    const traps = [];
                    const handler = new Proxy({}, { get(target, trap) { traps.push(trap); return undefined; } });
                    const revocable = Proxy.revocable({}, {});
                    revocable.revoke();
                    const values = [new Proxy({ a: 1 }, handler), new Proxy(new Map([[1, 2]]), handler),
                      { inner: new Proxy([1], handler) }, [new Proxy(new Date(0), handler)], revocable.proxy,
                      new Map([[1, new Proxy(new Set(), handler)]])];
                    values.map(value => {
                      try {
                        structuredClone(value);
                        return 'cloned';
                      }
                      catch (e) {
                        return e instanceof DOMException && e.name === 'DataCloneError' && e.code === 25;
                      }
                    }).join() + ' traps: ' + traps.length
                    """)).isEqualTo("true,true,true,true,true,true traps: 0");
        }
    }

    @Test
    void followsHtmlWhereNodeDeparts() {
        try (JsRuntime js = factory.create()) {
            // DOMException is serializable in HTML; Node 20 clones it as a plain object
            assertThat(js.eval("""
                    const c = structuredClone(new DOMException('lost', 'NotFoundError'));
                    [c instanceof DOMException, c.name, c.message, c.code].join()
                    """)).isEqualTo("true,NotFoundError,lost,8");
            // a transfer list holds only transferable objects: anything else is a
            // DataCloneError (Node 20 throws a
            // TypeError), and a buffer detached before the call cannot be transferred
            // (Node 20 ignores it)
            assertThat(js.eval(
                    "[{}, new SharedArrayBuffer(1), new Uint8Array(1)].map(t => { try { structuredClone(1, { transfer: [t] }); "
                            + "return 'ok'; } catch (e) { return e.name; } }).join()"))
                .isEqualTo("DataCloneError,DataCloneError,DataCloneError");
            assertThat(js
                .eval("const b = new ArrayBuffer(1); b.transfer(); try { structuredClone(1, { transfer: [b] }); 'ok' } "
                        + "catch (e) { e.name }"))
                .isEqualTo("DataCloneError");
            // the transfer option is a Web IDL sequence, which an object without
            // Symbol.iterator is not (Node 20
            // takes it for an empty list), and the value is required, so the length is 1
            // (Node 20's is 0)
            assertThat(js.eval("try { structuredClone(1, { transfer: {} }); 'ok' } catch (e) { e.name }"))
                .isEqualTo("TypeError");
            assertThat(js.eval("structuredClone.length")).isEqualTo(1);
            // an error that is its own cause keeps the cycle (Node 20's deserializer
            // throws an Error on it)
            assertThat(js.eval("const e = new TypeError('cyclic'); e.cause = e; const k = structuredClone(e); "
                    + "[k.cause === k, k instanceof TypeError, k.message].join()"))
                .isEqualTo("true,true,cyclic");
            // platform objects that are not serializable are refused
            assertThat(js
                .eval("[new TextEncoder(), new TextDecoder(), new Event('e'), new EventTarget(), new AbortController(), "
                        + "AbortSignal.abort(), new MessageChannel().port1].map(t => { try { structuredClone(t); return 'ok'; } "
                        + "catch (e) { return e.name; } }).join()"))
                .isEqualTo(
                        "DataCloneError,DataCloneError,DataCloneError,DataCloneError,DataCloneError,DataCloneError,DataCloneError");
            // an object that merely inherits from a platform interface's prototype is
            // ordinary
            assertThat(js
                .eval("JSON.stringify(structuredClone(Object.assign(Object.create(EventTarget.prototype), { a: 1 })))"))
                .isEqualTo("{\"a\":1}");
            // Float16Array, which Node 20 lacks
            assertThat(js.eval(
                    "const h = structuredClone(new Float16Array([1.5, -2])); [h.constructor.name, h[0], h[1]].join()"))
                .isEqualTo("Float16Array,1.5,-2");
        }
    }

    @Test
    void snapshotScriptsUseThePlatformAndRestoredRuntimesHaveIt() {
        Snapshot snapshot = new SnapshotBuilder().executeScript("platform-user.js", """
                const bytes = new TextEncoder().encode('h\\u00e9 \\u20ac');
                globalThis.atLoad = {
                  bytes: Array.from(bytes).join(' '),
                  text: new TextDecoder().decode(bytes),
                  base64: btoa('snapshot'),
                  clone: structuredClone(new Map([['k', [1, new Date(0)]]])),
                  error: new DOMException('made at load', 'AbortError')
                };
                globalThis.halfway = new TextDecoder();
                halfway.decode(new Uint8Array([0xE2, 0x82]), { stream: true });
                """).build();
        try (JsRuntimeFactory restored = new UnpooledJsRuntimeFactory(
                RuntimeConfig.builder().snapshot(snapshot).build())) {
            for (int i = 0; i < 2; i++) {
                try (JsRuntime js = restored.create()) {
                    assertThat(js.eval("atLoad.bytes")).isEqualTo("104 195 169 32 226 130 172");
                    assertThat(js.eval("atLoad.text")).isEqualTo("hé €");
                    assertThat(js.eval("[atLoad.base64, atob(atLoad.base64)].join()"))
                        .isEqualTo("c25hcHNob3Q=,snapshot");
                    assertThat(js.eval("[atLoad.clone.get('k')[0], atLoad.clone.get('k')[1].getTime()].join()"))
                        .isEqualTo("1,0");
                    assertThat(js
                        .eval("const e = atLoad.error; [e instanceof DOMException, e.name, e.code, e.message].join()"))
                        .isEqualTo("true,AbortError,20,made at load");
                    // each restored runtime continues the stream the snapshot left half
                    // done
                    assertThat(js.eval("halfway.decode(new Uint8Array([0xAC]))")).isEqualTo("€");
                    assertThat(js.eval("""
                            const c = structuredClone({ m: new Map([[1, new Set(['s'])]]), e: new RangeError('r'),
                              d: new DOMException('x', 'DataCloneError') });
                            [c.m.get(1).has('s'), c.e instanceof RangeError, c.d.code].join()
                            """)).isEqualTo("true,true,25");
                    assertThat(js.eval(
                            "try { structuredClone(new WeakMap()); } catch (e) { [e.name, e instanceof DOMException].join() }"))
                        .isEqualTo("DataCloneError,true");
                    assertThat(js.eval("try { structuredClone(new TextDecoder()); } catch (e) { e.name }"))
                        .isEqualTo("DataCloneError");
                    assertThat(js.eval("try { atob('*'); } catch (e) { e.name }")).isEqualTo("InvalidCharacterError");
                    assertThat(js.eval("new TextDecoder('utf-16be').decode(new Uint8Array([0xD8, 0x3D, 0xDE, 0x00]))"))
                        .isEqualTo("\uD83D\uDE00");
                    // built-ins V8 adds only to restored contexts are taken up there too
                    assertThat(js.eval("const s = new SharedArrayBuffer(2); new Uint8Array(s).set([0x68, 0x69]); "
                            + "[new TextDecoder().decode(s), new TextDecoder().decode(new DataView(s)), structuredClone({ s }).s === s].join()"))
                        .isEqualTo("hi,hi,true");
                    assertThat(js
                        .eval("const h = structuredClone(new Float16Array([0.5])); [h.constructor.name, h[0]].join()"))
                        .isEqualTo("Float16Array,0.5");
                    assertThat(js
                        .eval("const t = structuredClone({ [Symbol.toStringTag]: 'Error', name: 'TypeError', message: 'm' }); "
                                + "[Error.isError(t), Object.getPrototypeOf(t) === Object.prototype, t.name].join()"))
                        .isEqualTo("false,true,TypeError");
                    assertThat(js.eval(
                            "[Temporal.Now.instant(), globalThis].map(v => { try { structuredClone(v); return 'ok'; } "
                                    + "catch (e) { return e.name; } }).join()"))
                        .isEqualTo("DataCloneError,DataCloneError");
                }
            }
        }
    }

    @Test
    void sharedArrayBuffersShareTheirMemory() {
        // HTML makes a new SharedArrayBuffer object over the same memory; V8 offers no
        // way to make one from script, so the clone is the same object (Node 20's is
        // another object over the same memory)
        try (JsRuntime js = factory.create()) {
            assertThat(js.eval("""
                    const s = new SharedArrayBuffer(4);
                    const u = new Uint8Array(s, 1, 2);
                    const c = structuredClone({ s, u });
                    c.u[0] = 7;
                    [c.s === s, new Uint8Array(s)[1], c.u.buffer === c.s, c.u.byteOffset, c.u.length].join()
                    """)).isEqualTo("true,7,true,1,2");
        }
    }

    @Test
    void deepAndLargeValuesAreClonedWithoutRecursion() {
        try (JsRuntime js = factory.create()) {
            // Node 20 overflows its stack on this value; the walk here keeps its own
            // stack
            assertThat(js.eval("""
                    let root = [];
                    let at = root;
                    for (let i = 0; i < 100000; i++) { const next = []; at.push(next, { i }); at = next; }
                    const c = structuredClone(root);
                    let depth = 0;
                    for (let x = c; x.length; x = x[0]) depth++;
                    [depth, c[1].i, c[0][0][1].i].join()
                    """, Duration.ofSeconds(30))).isEqualTo("100000,0,2");
            assertThat(js.eval("""
                    const big = [];
                    for (let i = 0; i < 200000; i++) big.push({ i, s: 'x' + i, d: new Date(i) });
                    const started = Date.now();
                    const copy = structuredClone(big);
                    [copy.length, copy[199999].s, copy[5].d.getTime(), Date.now() - started < 10000].join()
                    """, Duration.ofSeconds(30))).isEqualTo("200000,x199999,5,true");
        }
    }

    @Test
    void aRunawayCloneIsInterruptedByTheTimeout() {
        try (JsRuntime js = factory.create()) {
            assertThatThrownBy(() -> js.eval("""
                    let o = {};
                    const root = o;
                    for (let i = 0; i < 100000; i++) { o.n = { a: i, b: [i] }; o = o.n; }
                    for (;;) structuredClone(root);
                    """, Duration.ofSeconds(2))).isInstanceOf(dev.jsrun.JsTimeoutException.class);
            assertThat(js.eval("structuredClone({ fine: [1] }).fine[0]")).isEqualTo(1);
        }
    }

    @Test
    void keepsWorkingWhenScriptsReplaceBuiltIns() {
        try (JsRuntime js = factory.create()) {
            assertThat(
                    js.eval("""
                            const value = { planted: 1, list: ['a', 'b'], m: new Map([[1, 2]]), s: new Set([3]) };
                            Map.prototype.set = () => { throw new Error('replaced'); };
                            Map.prototype.get = () => { throw new Error('replaced'); };
                            Set.prototype.add = () => { throw new Error('replaced'); };
                            Object.keys = () => [];
                            Reflect.defineProperty = () => { throw new Error('replaced'); };
                            Object.defineProperty(Object.prototype, 'planted', { set(v) { throw new Error('setter ran'); }, configurable: true });
                            Object.defineProperty(Array.prototype, '0', { set(v) { throw new Error('index setter ran'); }, configurable: true });
                            const c = structuredClone(value);
                            delete Object.prototype.planted;
                            delete Array.prototype[0];
                            [Object.getOwnPropertyDescriptor(c, 'planted').value, c.list.join('+'), c.m.size, c.s.size,
                              c.m !== value.m, c.list !== value.list].join()
                            """))
                .isEqualTo("1,a+b,1,1,true,true");
        }
    }

    @Test
    void errorsFromGettersPropagateUnchanged() {
        try (JsRuntime js = factory.create()) {
            assertThatThrownBy(() -> js.eval("structuredClone({ get a() { throw new RangeError('mine'); } })"))
                .isInstanceOf(JsException.class)
                .hasMessageContaining("RangeError")
                .hasMessageContaining("mine");
        }
    }

    private static void compareWithNode(List<String> expressions) throws Exception {
        NodeScripts.compare(factory, PRELUDE, expressions);
    }

}
