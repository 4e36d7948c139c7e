package dev.jsrun.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.jsrun.JsRuntime;
import dev.jsrun.JsRuntimeFactory;
import dev.jsrun.NodeJson;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/** The File API's Blob, against Node 20 except where Node departs from the standard. */
class BlobTest {

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
            // strings are UTF-8
            """
                    const b = new Blob(['h\\u00e9llo', ' ', '\\u20ac\\ud834\\udd1e']);
                    return [b.size, b.type, await b.text(), [...new Uint8Array(await b.arrayBuffer())]];
                    """,
            // lone surrogates become U+FFFD, even halves of a pair in separate parts
            """
                    const b = new Blob(['\\ud800', 'a\\udc00', '\\ud83d', '\\ude00']);
                    return [b.size, [...new Uint8Array(await b.arrayBuffer())], await b.text()];
                    """,
            // buffers, typed arrays, DataViews and blobs, each view's own bytes only
            """
                    const buffer = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]).buffer;
                    const parts = [buffer, new Uint8Array(buffer, 2, 3), new Uint16Array([0x0201]), new DataView(buffer, 6),
                      new Blob(['AB']), new Float64Array([1.5])];
                    const b = new Blob(parts);
                    return [b.size, [...new Uint8Array(await b.arrayBuffer())]];
                    """,
            // the parts' bytes are copied: changing them later changes no blob
            """
                    const bytes = new Uint8Array([65, 66, 67]);
                    const b = new Blob([bytes]);
                    bytes[0] = 90;
                    const out = new Uint8Array(await b.arrayBuffer());
                    out[1] = 90;
                    return [await b.text(), await b.text()];
                    """,
            // other values become strings
            """
                    const b = new Blob([1, null, undefined, true, { toString() { return 'x'; } }, [2, 3], 4.5]);
                    return [await b.text(), b.size];
                    """,
            // any iterable will do
            """
                    function* parts() { yield 'a'; yield new Uint8Array([98]); }
                    return [await new Blob(new Set(['s', 't'])).text(), await new Blob(parts()).text(),
                      await new Blob().text(), new Blob().size, await new Blob(undefined, undefined).text()];
                    """,
            // the type is kept in lowercase
            """
                    return [new Blob([], { type: 'Text/HTML; Charset=UTF-8' }).type, new Blob([], { type: 'IMAGE/PNG' }).type,
                      new Blob([], {}).type, new Blob([], { type: undefined }).type, new Blob([], { type: 12 }).type,
                      new Blob(['x'], null).type];
                    """,
            // a type with a character outside U+0020 to U+007E is dropped
            """
                    return [new Blob([], { type: 'text/caf\\u00e9' }).type, new Blob([], { type: 'a\\tb' }).type,
                      new Blob([], { type: 'a\\u007fb' }).type, new Blob([], { type: ' padded ' }).type];
                    """,
            // slice with indices counted from either end
            """
                    const b = new Blob(['0123456789']);
                    const cuts = [[], [2], [2, 5], [-3], [-3, -1], [5, 2], [-100, 3], [8, 100], [3, -100], [0, 0], [10], [11]];
                    const out = [];
                    for (const args of cuts) out.push(await b.slice(...args).text());
                    return out;
                    """,
            // slice's indices as numbers, and its type
            """
                    const b = new Blob(['0123456789'], { type: 'text/plain' });
                    const out = [];
                    for (const args of [['2', '4'], [null, 4], [true, 3], [1e3], [{ valueOf() { return 7; } }]]) {
                      out.push(await b.slice(...args).text());
                    }
                    return [out, b.slice().type, b.slice(0, 1, 'TEXT/CSV').type, b.slice(0, 1, undefined).type,
                      b.slice(1, 3).size];
                    """,
            // slices of slices
            """
                    const b = new Blob(['abcdefghij']);
                    const s = b.slice(2, 8).slice(1, -1).slice(-2);
                    return [await s.text(), s.size, await new Blob([b.slice(0, 2), b.slice(-2)]).text()];
                    """,
            // text() decodes UTF-8: a leading byte order mark dropped, invalid bytes as
            // U+FFFD per maximal subpart
            """
                    const cases = [[0xEF, 0xBB, 0xBF, 0x61], [0x61, 0xEF, 0xBB, 0xBF], [0xFF, 0x61, 0xC3, 0x28],
                      [0xE2, 0x82, 0x61], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0xC0, 0x80], [0xF4, 0x90, 0x80, 0x80],
                      [0xE0, 0x80, 0x80], [0xF0, 0x9F, 0x98, 0x80, 0xC3]];
                    const out = [];
                    for (const bytes of cases) out.push(await new Blob([new Uint8Array(bytes)]).text());
                    return out;
                    """,
            // arrayBuffer() gives a new buffer every time
            """
                    const b = new Blob(['xyz']);
                    const one = await b.arrayBuffer();
                    const two = await b.arrayBuffer();
                    return [one === two, one.byteLength, Object.prototype.toString.call(one), b.arrayBuffer() instanceof Promise];
                    """,
            // stream() gives all the bytes, in Uint8Array chunks
            """
                    const big = new Uint8Array(200000);
                    for (let i = 0; i < big.length; i++) big[i] = i % 251;
                    const b = new Blob([big, 'tail']);
                    let total = 0;
                    let sum = 0;
                    let kinds = new Set();
                    for await (const chunk of b.stream()) {
                      kinds.add(chunk.constructor.name);
                      total += chunk.length;
                      for (let i = 0; i < chunk.length; i++) sum = (sum + chunk[i]) % 1000003;
                    }
                    const empty = [];
                    for await (const chunk of new Blob().stream()) empty.push(chunk);
                    return [total, sum, [...kinds], empty.length, Object.prototype.toString.call(b.stream())];
                    """,
            // the constructor's arguments are checked
            """
                    const out = [];
                    for (const args of [['abc'], [null], [{}], [5], [[], 5], [[], { endings: 'other' }], [[Symbol('s')]]]) {
                      try { new Blob(...args); out.push('made'); } catch (e) { out.push(e.name); }
                    }
                    return out;
                    """,
            // bytes() gives a new Uint8Array every time
            """
                    const b = new Blob(['ab']);
                    const one = await b.bytes();
                    one[0] = 0;
                    const two = await b.bytes();
                    return [Object.prototype.toString.call(one), [...one], [...two], one.buffer === two.buffer];
                    """,
            // the interface
            """
                    const b = new Blob(['x']);
                    const d = Object.getOwnPropertyDescriptor(globalThis, 'Blob');
                    return [Object.prototype.toString.call(b), b instanceof Blob, Blob.length, Blob.name, d.enumerable,
                      d.writable, typeof Object.getOwnPropertyDescriptor(Blob.prototype, 'size').get,
                      Object.getOwnPropertyDescriptor(Blob.prototype, 'size').enumerable,
                      Object.getOwnPropertyDescriptor(Blob.prototype, 'slice').enumerable, Blob.prototype.slice.length];
                    """,
            // subclasses are blobs too
            """
                    class Named extends Blob { constructor(parts, name) { super(parts); this.name = name; } }
                    const n = new Named(['abc'], 'n');
                    return [n.size, n.name, await n.slice(1).text(), n instanceof Blob, n.slice(1) instanceof Named];
                    """,
            // a blob of a megabyte
            """
                    const b = new Blob([new Uint8Array(1 << 20).fill(97), 'end']);
                    return [b.size, (await b.slice(-5).text()), (await b.text()).length];
                    """,
            // brand checks of the accessors
            """
                    const out = [];
                    for (const key of ['size', 'type']) {
                      try { Object.getOwnPropertyDescriptor(Blob.prototype, key).get.call({}); out.push('read'); } catch (e) { out.push(e.name); }
                    }
                    try { Blob.prototype.slice.call({}); out.push('sliced'); } catch (e) { out.push(e.name); }
                    try { Blob.prototype.stream.call({}); out.push('streamed'); } catch (e) { out.push(e.name); }
                    return out;
                    """);

    @Test
    void behavesAsNodeDoes() throws Exception {
        assumeTrue(NodeJson.available(), "node is not installed");
        List<String> expected = NodeScripts.results(AS_NODE);
        List<String> failures = new ArrayList<>();
        try (JsRuntime js = factory.create()) {
            for (int i = 0; i < AS_NODE.size(); i++) {
                Object actual = run(js, AS_NODE.get(i));
                if (!expected.get(i).equals(actual)) {
                    failures.add("case " + i + ":\n" + AS_NODE.get(i) + "\n  node:  " + expected.get(i) + "\n  jsrun: "
                            + actual);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /**
     * Where Node 20 departs from the standard: it reads the options before the parts,
     * turns only CRLF into LF for native endings, aborts the process on slice indices
     * that are NaN, not integers or negative strings, and lacks ArrayBuffer.transfer. The
     * expected values follow Web IDL and the File API.
     */
    @Test
    void followsTheStandardWhereNodeDoesNot() throws Exception {
        try (JsRuntime js = factory.create()) {
            // Web IDL converts the sequence first, then the dictionary's members in
            // lexicographic order
            assertThat(run(js, """
                    const log = [];
                    const part = { toString() { log.push('part'); return 'p'; } };
                    const b = new Blob([part], {
                      get type() { log.push('type'); return 'A/B'; },
                      get endings() { log.push('endings'); return 'native'; }
                    });
                    return [log, b.type, await b.text()];
                    """)).isEqualTo("[[\"part\",\"endings\",\"type\"],\"a/b\",\"p\"]");
            // native endings turn CRLF and lone CR into LF, each part on its own
            assertThat(
                    run(js, """
                            const text = 'a\\r\\nb\\rc\\nd\\r\\r\\n';
                            return [await new Blob([text], { endings: 'native' }).text(), await new Blob([text]).text(),
                              await new Blob(['x\\r', '\\ny'], { endings: 'native' }).text(), await new Blob(['\\r'], { endings: 'transparent' }).size];
                            """))
                .isEqualTo("[\"a\\nb\\nc\\nd\\n\\n\",\"a\\r\\nb\\rc\\nd\\r\\r\\n\",\"x\\n\\ny\",1]");
            // [Clamp] long long: rounded to the nearest integer, ties to even; infinities
            // clamped
            assertThat(
                    run(js, """
                            const b = new Blob(['0123456789']);
                            const out = [];
                            for (const args of [[1.5, 3], [2.5, 4], [-1.5], [0, -0.5], [3.5], [-Infinity, Infinity], [Infinity], [0, -Infinity], [NaN, 3], [undefined, '-2']]) {
                              out.push(await b.slice(...args).text());
                            }
                            return out;
                            """))
                .isEqualTo("[\"2\",\"23\",\"89\",\"\",\"456789\",\"0123456789\",\"\",\"\",\"012\",\"01234567\"]");
            // a detached buffer, and a view of one, hold no bytes
            assertThat(run(js, """
                    const buffer = new Uint8Array([1, 2, 3]).buffer;
                    const view = new Uint8Array(buffer, 1);
                    buffer.transfer();
                    const b = new Blob([buffer, view, 'x']);
                    return [b.size, await b.text()];
                    """)).isEqualTo("[1,\"x\"]");
            // a slice's type follows the constructor's rules
            assertThat(
                    run(js, """
                            const b = new Blob(['abc'], { type: 'text/plain' });
                            return [b.slice(0, 1, 'Text/CSV').type, b.slice(0, 1, 'caf\\u00e9').type, b.slice(0, 1, '').type, b.slice().type];
                            """))
                .isEqualTo("[\"text/csv\",\"\",\"\",\"\"]");
        }
    }

    @Test
    void structuredCloneAndMessagePortsCopyBlobsAsNodeDoes() throws Exception {
        String body = """
                const blob = new Blob(['h\u00e9llo ', new Uint8Array([1, 2])], { type: 'Text/Plain' });
                const copy = structuredClone({ blob, again: blob });
                const { port1, port2 } = new MessageChannel();
                const posted = new Promise(resolve => { port2.onmessage = e => resolve(e.data); });
                port1.postMessage(blob);
                const received = await posted;
                port1.close();
                return [copy.blob instanceof Blob, copy.blob !== blob, copy.blob === copy.again, copy.blob.type,
                  copy.blob.size, Array.from(new Uint8Array(await copy.blob.arrayBuffer())), received instanceof Blob,
                  await received.slice(0, 6).text(), structuredClone(new Blob([])).size];
                """;
        try (JsRuntime js = factory.create()) {
            Object jsrun = run(js, body);
            if (NodeJson.available()) {
                assertThat(jsrun).isEqualTo(NodeScripts.results(java.util.List.of(body)).get(0));
            }
            assertThat(jsrun).isEqualTo(
                    "[true,true,true,\"text/plain\",9,[104,195,169,108,108,111,32,1,2],true," + "\"h\u00e9llo\",0]");
        }
    }

    private static Object run(JsRuntime js, String body) throws InterruptedException {
        try {
            return js.evalAsync("(async () => {" + body + "\n})().then(v => JSON.stringify(v))").get();
        }
        catch (ExecutionException ex) {
            return "failed: " + ex.getCause().getMessage();
        }
    }

}
