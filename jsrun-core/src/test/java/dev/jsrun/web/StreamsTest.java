package dev.jsrun.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.jsrun.JsException;
import dev.jsrun.JsRuntime;
import dev.jsrun.JsRuntimeFactory;
import dev.jsrun.NodeJson;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.Snapshot;
import dev.jsrun.pool.JsRuntimePool;
import dev.jsrun.pool.PoolSettings;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;
import dev.jsrun.snapshot.SnapshotBuilder;

/**
 * WHATWG Streams, TextEncoderStream and TextDecoderStream: against Node 20, which has
 * them as globals.
 */
class StreamsTest {

    private static JsRuntimeFactory factory;

    @BeforeAll
    static void start() {
        factory = new UnpooledJsRuntimeFactory(RuntimeConfig.defaults());
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    /** Bodies of async functions whose results jsrun and Node 20 give alike. */
    private static final List<String> AS_NODE = List.of(
            // pipeThrough a TransformStream that splits and upper-cases, read by a
            // default reader
            """
                    const source = new ReadableStream({ start(c) { c.enqueue('ab'); c.enqueue('cd'); c.close(); } });
                    const upper = new TransformStream({
                      transform(chunk, c) { for (const ch of chunk) c.enqueue(ch.toUpperCase()); },
                      flush(c) { c.enqueue('!'); }
                    });
                    const reader = source.pipeThrough(upper).getReader();
                    const out = [];
                    for (let r = await reader.read(); !r.done; r = await reader.read()) out.push(r.value);
                    return [out, source.locked];
                    """,
            // tee: both branches get every chunk; cancelling one branch leaves the other
            """
                    let cancelled = 'no';
                    const source = new ReadableStream({
                      start(c) { c.enqueue(1); c.enqueue(2); c.enqueue(3); c.close(); },
                      cancel(reason) { cancelled = reason; }
                    });
                    const [a, b] = source.tee();
                    const readAll = async s => { const out = []; for await (const x of s) out.push(x); return out; };
                    const first = await readAll(a);
                    await b.cancel('only b');
                    return [first, cancelled, source.locked];
                    """,
            """
                    let cancelled = [];
                    const source = new ReadableStream({ pull(c) { c.enqueue('x'); }, cancel(reason) { cancelled.push(reason); } });
                    const [a, b] = source.tee();
                    const ra = a.getReader();
                    const first = await ra.read();
                    // the source is cancelled once both branches are, with both reasons
                    await Promise.all([ra.cancel('a gone'), b.cancel('b gone')]);
                    return [first, cancelled];
                    """,
            // a byte stream read by a BYOB reader: the source fills the reader's view,
            // whose buffer moves
            """
                    let pulls = 0;
                    const stream = new ReadableStream({
                      type: 'bytes',
                      pull(c) {
                        pulls++;
                        const request = c.byobRequest;
                        const view = request.view;
                        for (let i = 0; i < 3; i++) view[i] = pulls * 10 + i;
                        request.respond(3);
                        if (pulls === 2) c.close();
                      }
                    });
                    const reader = stream.getReader({ mode: 'byob' });
                    const buffer = new ArrayBuffer(8);
                    const r1 = await reader.read(new Uint8Array(buffer));
                    const r2 = await reader.read(new Uint8Array(8));
                    const r3 = await reader.read(new Uint8Array(8));
                    return [buffer.byteLength, [...r1.value], r1.value.byteLength, r1.value.buffer.byteLength, [...r2.value],
                      r3.done, r3.value && r3.value.byteLength, Object.prototype.toString.call(reader)];
                    """,
            // enqueued bytes fill smaller views in turn, and views of other types in
            // whole elements
            """
                    const stream = new ReadableStream({
                      type: 'bytes',
                      start(c) { c.enqueue(new Uint8Array([1, 2, 3, 4, 5])); c.close(); }
                    });
                    const reader = stream.getReader({ mode: 'byob' });
                    const a = await reader.read(new Uint8Array(2));
                    const b = await reader.read(new Uint16Array(1));
                    const c = await reader.read(new Uint8Array(4));
                    const d = await reader.read(new Uint8Array(4));
                    return [[...a.value], [...new Uint8Array(b.value.buffer, b.value.byteOffset, b.value.byteLength)], [...c.value], d.done];
                    """,
            // autoAllocateChunkSize lets a default reader of a byte stream go through
            // byobRequest
            """
                    let sizes = [];
                    const stream = new ReadableStream({
                      type: 'bytes',
                      autoAllocateChunkSize: 4,
                      pull(c) {
                        const view = c.byobRequest.view;
                        sizes.push(view.byteLength);
                        view[0] = 7;
                        c.byobRequest.respond(1);
                        if (sizes.length === 2) c.close();
                      }
                    });
                    const out = [];
                    for await (const chunk of stream) out.push([chunk.constructor.name, ...chunk]);
                    return [sizes, out];
                    """,
            // backpressure of a readable stream: pull runs while desiredSize is above
            // zero
            """
                    const trace = [];
                    let n = 0;
                    const stream = new ReadableStream({
                      start(c) { trace.push(['start', c.desiredSize]); },
                      pull(c) { c.enqueue(n++); trace.push(['pull', c.desiredSize]); }
                    }, new CountQueuingStrategy({ highWaterMark: 3 }));
                    await new Promise(r => setTimeout(r, 5));
                    const reader = stream.getReader();
                    trace.push(['read', (await reader.read()).value]);
                    await new Promise(r => setTimeout(r, 5));
                    trace.push(['read', (await reader.read()).value]);
                    await new Promise(r => setTimeout(r, 5));
                    return trace;
                    """,
            // backpressure of a writable stream: desiredSize and ready follow the sink
            """
                    const trace = [];
                    const done = [];
                    const stream = new WritableStream({
                      write(chunk) { return new Promise(r => setTimeout(() => { done.push(chunk); r(); }, 5)); }
                    }, new ByteLengthQueuingStrategy({ highWaterMark: 4 }));
                    const writer = stream.getWriter();
                    trace.push(writer.desiredSize);
                    const writes = [];
                    for (const size of [2, 3, 1]) {
                      writes.push(writer.write(new Uint8Array(size)));
                      trace.push(writer.desiredSize);
                    }
                    let ready = false;
                    writer.ready.then(() => { ready = true; });
                    await new Promise(r => setTimeout(r, 1));
                    trace.push(['ready', ready]);
                    await Promise.all(writes);
                    trace.push(writer.desiredSize, done.map(c => c.byteLength));
                    await writer.ready;
                    await writer.close();
                    return [trace, stream.locked];
                    """,
            """
                    const count = new CountQueuingStrategy({ highWaterMark: 2 });
                    const bytes = new ByteLengthQueuingStrategy({ highWaterMark: 16 });
                    return [count.highWaterMark, count.size(), count.size('anything'), bytes.highWaterMark,
                      bytes.size(new Uint8Array(5)), bytes.size({ byteLength: 9 }), Object.prototype.toString.call(count),
                      Object.prototype.toString.call(bytes), count.size === new CountQueuingStrategy({ highWaterMark: 1 }).size];
                    """,
            // an errored stream: reads and closed reject with the error
            """
                    const stream = new ReadableStream({ start(c) { c.enqueue('kept'); c.error(new RangeError('boom')); } });
                    const reader = stream.getReader();
                    const results = [];
                    try { await reader.read(); } catch (e) { results.push([e.name, e.message]); }
                    try { await reader.closed; } catch (e) { results.push(['closed', e.message]); }
                    return results;
                    """,
            // cancel reasons reach the source, pull errors error the stream
            """
                    const reasons = [];
                    const a = new ReadableStream({ cancel(reason) { reasons.push(reason); return 'ignored'; } });
                    const value = await a.cancel({ why: 'test' });
                    const b = new ReadableStream({ pull() { throw new TypeError('pull failed'); } });
                    let failed;
                    try { await b.getReader().read(); } catch (e) { failed = [e.name, e.message]; }
                    let started;
                    try { new ReadableStream({ start() { throw new Error('start failed'); } }); } catch (e) { started = e.message; }
                    const d = new ReadableStream({ start() { return Promise.reject(new Error('later')); } });
                    try { await d.getReader().closed; } catch (e) { started += ', ' + e.message; }
                    return [reasons, value === undefined, failed, started];
                    """,
            // abort reasons reach the sink; writes after it fail
            """
                    const seen = [];
                    const stream = new WritableStream({
                      write(chunk) { seen.push(['write', chunk]); },
                      abort(reason) { seen.push(['abort', reason]); }
                    });
                    const writer = stream.getWriter();
                    await writer.write('one');
                    await writer.abort('enough');
                    let after;
                    try { await writer.write('two'); } catch (e) { after = e; }
                    let closed;
                    try { await writer.closed; } catch (e) { closed = e; }
                    return [seen, after, closed];
                    """,
            // an error in transform errors both sides of a TransformStream
            """
                    const t = new TransformStream({ transform(chunk) { throw new Error('bad ' + chunk); } });
                    const writer = t.writable.getWriter();
                    const reader = t.readable.getReader();
                    const results = [];
                    writer.write('x').catch(e => results.push(['write', e.message]));
                    try { await reader.read(); } catch (e) { results.push(['read', e.message]); }
                    try { await writer.closed; } catch (e) { results.push(['closed', e.message]); }
                    return results;
                    """,
            // pipeTo a writable, then the same with a signal aborted midway
            """
                    const sink = [];
                    await ReadableStream.from(['a', 'b', 'c']).pipeTo(new WritableStream({ write(chunk) { sink.push(chunk); } }));
                    const controller = new AbortController();
                    let n = 0;
                    const endless = new ReadableStream({ pull(c) { c.enqueue(n++); } });
                    const got = [];
                    const piped = endless.pipeTo(new WritableStream({
                      write(chunk) { got.push(chunk); if (chunk === 2) controller.abort(); }
                    }), { signal: controller.signal });
                    let error;
                    try { await piped; } catch (e) { error = e.name; }
                    return [sink, got.slice(0, 3), error, endless.locked];
                    """,
            // preventClose keeps the destination open
            """
                    const sink = [];
                    const dest = new WritableStream({ write(chunk) { sink.push(chunk); }, close() { sink.push('closed'); } });
                    await ReadableStream.from([1, 2]).pipeTo(dest, { preventClose: true });
                    const writer = dest.getWriter();
                    await writer.write(3);
                    await writer.close();
                    return sink;
                    """,
            // for await: a break cancels the stream; values({ preventCancel: true }) does
            // not
            """
                    const log = [];
                    let n = 0;
                    const make = () => new ReadableStream({ pull(c) { c.enqueue(n++); }, cancel(r) { log.push(['cancel', r]); } });
                    const s1 = make();
                    for await (const x of s1) { log.push(x); if (x === 2) break; }
                    const s2 = make();
                    for await (const x of s2.values({ preventCancel: true })) { log.push(x); break; }
                    return [log, s1.locked, s2.locked];
                    """,
            // ReadableStream.from takes arrays, iterables and async generators
            """
                    const collect = async s => { const out = []; for await (const x of s) out.push(x); return out; };
                    async function* gen() { yield 'g1'; await null; yield 'g2'; }
                    return [await collect(ReadableStream.from([1, 2, 3])), await collect(ReadableStream.from(new Set(['s']))),
                      await collect(ReadableStream.from(gen())), typeof ReadableStream.from];
                    """,
            // a reader holds the lock; a second one is refused; releasing it frees the
            // stream
            """
                    const stream = new ReadableStream();
                    const reader = stream.getReader();
                    let second;
                    try { stream.getReader(); } catch (e) { second = e.name; }
                    reader.releaseLock();
                    const again = stream.getReader() !== undefined;
                    let byob;
                    try { new ReadableStream().getReader({ mode: 'byob' }); } catch (e) { byob = e.name; }
                    let mode;
                    try { new ReadableStream().getReader({ mode: 'other' }); } catch (e) { mode = e.name; }
                    return [second, again, byob, mode, stream.locked];
                    """,
            // the interfaces' names and prototypes
            """
                    const names = ['ReadableStream', 'ReadableStreamDefaultReader', 'ReadableStreamBYOBReader',
                      'ReadableStreamBYOBRequest', 'ReadableStreamDefaultController', 'ReadableByteStreamController',
                      'WritableStream', 'WritableStreamDefaultWriter', 'WritableStreamDefaultController', 'TransformStream',
                      'TransformStreamDefaultController', 'ByteLengthQueuingStrategy', 'CountQueuingStrategy',
                      'TextEncoderStream', 'TextDecoderStream'];
                    // Node gives TextEncoderStream and TextDecoderStream no Symbol.toStringTag, which Web IDL wants (below)
                    const tagged = n => !n.startsWith('Text');
                    return names.map(n => [n, typeof globalThis[n], globalThis[n].name,
                      tagged(n) && Object.prototype.toString.call(globalThis[n].prototype),
                      Object.getOwnPropertyDescriptor(globalThis, n).enumerable]);
                    """,
            """
                    const rs = new ReadableStream();
                    return [Object.keys(ReadableStream.prototype).sort(), Object.keys(WritableStream.prototype).sort(),
                      Object.keys(TransformStream.prototype).sort(), typeof rs[Symbol.asyncIterator],
                      rs[Symbol.asyncIterator] === ReadableStream.prototype.values];
                    """,
            // controllers and readers are made by streams only
            """
                    const out = [];
                    for (const C of [ReadableStreamDefaultController, ReadableByteStreamController, ReadableStreamBYOBRequest,
                        WritableStreamDefaultController, TransformStreamDefaultController]) {
                      try { new C(); out.push('made'); } catch (e) { out.push(e.name); }
                    }
                    try { new ReadableStreamDefaultReader({}); } catch (e) { out.push(e.name); }
                    try { ReadableStream.prototype.getReader.call({}); } catch (e) { out.push(e.name); }
                    return out;
                    """,
            // TextEncoderStream: strings become UTF-8, a surrogate pair split across
            // chunks stays one character
            """
                    const stream = new TextEncoderStream();
                    const writer = stream.writable.getWriter();
                    const chunks = [];
                    const reading = (async () => { for await (const c of stream.readable) chunks.push([c.constructor.name, ...c]); })();
                    for (const s of ['h\\u00e9', '', '\\ud83d', '\\ude00x', 12, '\\ud800']) writer.write(s);
                    await writer.close();
                    await reading;
                    return [stream.encoding, chunks];
                    """,
            """
                    const stream = new TextEncoderStream();
                    const writer = stream.writable.getWriter();
                    const reader = stream.readable.getReader();
                    writer.write('\\udc00\\ud800');
                    writer.write('a');
                    writer.close();
                    const out = [];
                    for (let r = await reader.read(); !r.done; r = await reader.read()) out.push([...r.value]);
                    return out;
                    """);

    @Test
    void behavesAsNodeDoes() throws Exception {
        assumeTrue(NodeJson.available(), "node is not installed");
        assertLikeNode(AS_NODE);
    }

    /** TextDecoderStream runs over the encoding part's TextDecoder, which it needs. */
    private static final List<String> DECODER_AS_NODE = List.of(
            """
                    const stream = new TextDecoderStream();
                    const writer = stream.writable.getWriter();
                    const out = [];
                    const reading = (async () => { for await (const s of stream.readable) out.push(s); })();
                    // the euro sign and an emoji split across chunks, then a truncated sequence at the end
                    for (const bytes of [[0xE2, 0x82], [0xAC, 0x20, 0xF0, 0x9F], [0x98], [0x80, 0xE2]]) writer.write(new Uint8Array(bytes));
                    await writer.close();
                    await reading;
                    return [stream.encoding, stream.fatal, stream.ignoreBOM, out];
                    """,
            """
                    const stream = new TextDecoderStream('utf-16le', { fatal: true });
                    const writer = stream.writable.getWriter();
                    const reader = stream.readable.getReader();
                    writer.write(new Uint8Array([0x61, 0x00, 0x62]).buffer);
                    writer.write(new Uint8Array([0x00]));
                    writer.write(new Uint8Array([0x00, 0xD8]));
                    writer.close().catch(() => {});
                    const out = [];
                    try { for (let r = await reader.read(); !r.done; r = await reader.read()) out.push(r.value); }
                    catch (e) { out.push(e.name); }
                    let bad;
                    try { new TextDecoderStream('no such encoding'); } catch (e) { bad = e.name; }
                    return [stream.encoding, stream.fatal, out, bad];
                    """, """
                    const stream = new TextDecoderStream();
                    const writer = stream.writable.getWriter();
                    const reader = stream.readable.getReader();
                    const results = [];
                    const written = writer.write('not bytes').catch(e => results.push(['write', e.name]));
                    try { await reader.read(); } catch (e) { results.push(['read', e.name]); }
                    await written;
                    return results.sort();
                    """);

    @Test
    void decodesAsNodeDoesWhereTheRuntimeHasTextDecoder() throws Exception {
        assumeTrue(NodeJson.available(), "node is not installed");
        try (JsRuntime js = factory.create()) {
            assumeTrue(Boolean.TRUE.equals(js.eval("typeof TextDecoder === 'function'")), "no TextDecoder");
        }
        assertLikeNode(DECODER_AS_NODE);
    }

    private static void assertLikeNode(List<String> bodies) throws Exception {
        List<String> expected = NodeScripts.results(bodies);
        List<String> failures = new ArrayList<>();
        try (JsRuntime js = factory.create()) {
            for (int i = 0; i < bodies.size(); i++) {
                Object actual;
                try {
                    actual = js.evalAsync("(async () => {" + bodies.get(i) + "\n})().then(v => JSON.stringify(v))")
                        .get();
                }
                catch (ExecutionException ex) {
                    actual = "failed: " + ex.getCause().getMessage();
                }
                if (!expected.get(i).equals(actual)) {
                    failures.add("case " + i + ":\n" + bodies.get(i) + "\n  node:  " + expected.get(i) + "\n  jsrun: "
                            + actual);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void theGlobalsAreAccessorsUntilFirstUseThenTheClasses() throws Exception {
        try (JsRuntime js = factory.create()) {
            assertThat(
                    js.eval("""
                            const names = ['ReadableStream', 'WritableStream', 'TransformStream', 'CountQueuingStrategy',
                              'TextEncoderStream'];
                            const before = names.map(n => Object.getOwnPropertyDescriptor(globalThis, n))
                              .every(d => typeof d.get === 'function' && typeof d.set === 'function' && !d.enumerable && d.configurable);
                            const hidden = !Object.keys(globalThis).some(k => names.includes(k));
                            const R = ReadableStream;
                            const after = names.map(n => Object.getOwnPropertyDescriptor(globalThis, n))
                              .every(d => typeof d.value === 'function' && d.writable && !d.enumerable && d.configurable);
                            [before, hidden, after, R === ReadableStream, new R() instanceof ReadableStream].join()
                            """))
                .isEqualTo("true,true,true,true,true");
        }
        try (JsRuntime js = factory.create()) {
            // a script may replace or delete a global before any stream is made, the
            // others stay as they are
            assertThat(js.eval("""
                    ReadableStream = 'mine';
                    delete globalThis.WritableStream;
                    const d = Object.getOwnPropertyDescriptor(globalThis, 'ReadableStream');
                    [ReadableStream, d.writable, d.enumerable, typeof WritableStream, typeof TransformStream,
                      typeof new TransformStream().readable.getReader, ReadableStream,
                      typeof Object.getOwnPropertyDescriptor(globalThis, 'WritableStream')].join()
                    """)).isEqualTo("mine,true,false,undefined,function,function,mine,undefined");
        }
    }

    @Test
    void builtInsReplacedBeforeFirstUseReachNoStream() throws Exception {
        try (JsRuntime js = factory.create()) {
            assertThat(js
                .evalAsync(
                        """
                                (async () => {
                                  const saved = { resolve: Promise.resolve, all: Promise.all,
                                    hasOwn: Object.prototype.hasOwnProperty, apply: Function.prototype.apply,
                                    call: Function.prototype.call, bind: Function.prototype.bind, min: Math.min,
                                    create: Object.create, defineProperty: Object.defineProperty, qm: globalThis.queueMicrotask };
                                  const broken = () => { throw new Error('replaced built-in called'); };
                                  // not Promise.prototype.then: resolving a promise with a promise calls it, as the language wants
                                  Promise.resolve = broken;
                                  Promise.all = broken;
                                  Object.prototype.hasOwnProperty = broken;
                                  Function.prototype.apply = broken;
                                  Function.prototype.call = broken;
                                  Function.prototype.bind = broken;
                                  Math.min = broken;
                                  Object.create = broken;
                                  Object.defineProperty = broken;
                                  globalThis.queueMicrotask = broken;
                                  const out = [];
                                  try {
                                    const t = new TransformStream({ transform(chunk, c) { c.enqueue(chunk * 2); } });
                                    const piped = ReadableStream.from([1, 2, 3]).pipeThrough(t);
                                    for await (const x of piped) out.push(x);
                                    const bytes = new ReadableStream({ type: 'bytes', start(c) { c.enqueue(new Uint8Array([9, 8])); c.close(); } });
                                    const r = await bytes.getReader({ mode: 'byob' }).read(new Uint8Array(4));
                                    out.push(r.value.length);
                                  } finally {
                                    Promise.resolve = saved.resolve;
                                    Promise.all = saved.all;
                                    Object.prototype.hasOwnProperty = saved.hasOwn;
                                    Function.prototype.apply = saved.apply;
                                    Function.prototype.call = saved.call;
                                    Function.prototype.bind = saved.bind;
                                    Math.min = saved.min;
                                    Object.create = saved.create;
                                    Object.defineProperty = saved.defineProperty;
                                    globalThis.queueMicrotask = saved.qm;
                                  }
                                  return out.join();
                                })()
                                """)
                .get()).isEqualTo("2,4,6,2");
        }
    }

    @Test
    void aSnapshotScriptMayUseStreamsAtLoad() throws Exception {
        Snapshot snapshot = new SnapshotBuilder()
            .executeScript("streams.js",
                    """
                            globalThis.early = [];
                            (async () => { for await (const x of ReadableStream.from(['a', 'b']).pipeThrough(new TransformStream())) early.push(x); })();
                            globalThis.kept = new ReadableStream({ start(c) { c.enqueue('queued in the snapshot'); } });
                            """)
            .build();
        try (JsRuntimeFactory restored = new UnpooledJsRuntimeFactory(
                RuntimeConfig.builder().snapshot(snapshot).build())) {
            for (int i = 0; i < 2; i++) {
                try (JsRuntime js = restored.create()) {
                    assertThat(js.eval("early.join()")).isEqualTo("a,b");
                    assertThat(js.evalAsync("kept.getReader().read().then(r => r.value)").get())
                        .isEqualTo("queued in the snapshot");
                    assertThat(js.eval("typeof Object.getOwnPropertyDescriptor(globalThis, 'ReadableStream').value"))
                        .isEqualTo("function");
                }
            }
        }
    }

    @Test
    void pooledBorrowersNeverMeetAnotherBorrowersStreams() throws Exception {
        try (JsRuntimePool pool = new JsRuntimePool(RuntimeConfig.defaults(),
                PoolSettings.builder().maxSize(1).minIdle(1).build())) {
            try (JsRuntime js = pool.acquire()) {
                js.eval("globalThis.left = new ReadableStream({ pull(c) { c.enqueue('stale'); } }); "
                        + "ReadableStream.prototype.mark = 'first'; WritableStream = null; left.getReader(); 0");
            }
            try (JsRuntime js = pool.acquire()) {
                assertThat(js
                    .eval("[typeof left, typeof Object.getOwnPropertyDescriptor(globalThis, 'ReadableStream').get, "
                            + "typeof WritableStream, ReadableStream.prototype.mark].join()"))
                    .isEqualTo("undefined,function,function,");
                assertThat(js
                    .evalAsync("new ReadableStream({ start(c) { c.enqueue('fresh'); } }).getReader().read()"
                            + ".then(r => r.value)")
                    .get()).isEqualTo("fresh");
            }
        }
    }

    @Test
    void aReadNothingCanSettleFailsAtOnce() {
        try (JsRuntime js = factory.create()) {
            long started = System.nanoTime();
            assertThatThrownBy(
                    () -> js.evalAsync("new ReadableStream({ pull() {} }).getReader().read()", Duration.ofMinutes(5))
                        .get())
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(JsException.class)
                .hasMessageContaining("can never settle");
            assertThatThrownBy(
                    () -> js
                        .evalAsync("new WritableStream({ write() { return new Promise(() => {}); } })"
                                + ".getWriter().write('x')", Duration.ofMinutes(5))
                        .get())
                .cause()
                .hasMessageContaining("can never settle");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMinutes(1));
            assertThat(js.eval("1 + 1")).isEqualTo(2);
        }
    }

    @Test
    void structuredCloneRefusesStreams() throws Exception {
        try (JsRuntime js = factory.create()) {
            assumeTrue(Boolean.TRUE.equals(js.eval("typeof structuredClone === 'function'")), "no structuredClone");
            assertThat(
                    js.eval("""
                            [new ReadableStream(), new WritableStream(), new TransformStream(), new CountQueuingStrategy({ highWaterMark: 1 })]
                              .map(s => { try { structuredClone(s); return 'cloned'; } catch (e) { return e.name; } }).join()
                            """))
                .isEqualTo("DataCloneError,DataCloneError,DataCloneError,DataCloneError");
        }
    }

}
