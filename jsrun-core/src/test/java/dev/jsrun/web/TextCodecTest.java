package dev.jsrun.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.jsrun.JsRuntime;
import dev.jsrun.JsRuntimeFactory;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/**
 * TextEncoder and TextDecoder against Node 20's on the same expressions (Node decodes
 * with ICU, which follows the Encoding standard's replacement rule), and against the
 * standard itself where Node 20 departs from it.
 */
class TextCodecTest {

    /**
     * Helpers both sides define before the cases run: every result is a value or the name
     * of what was thrown.
     */
    private static final String PRELUDE = """
            globalThis.attempt = f => {
              try { return { value: f() }; }
              catch (e) { return { threw: e && e.name }; }
            };
            globalThis.dec = (label, bytes, options) =>
              attempt(() => new TextDecoder(label, options).decode(new Uint8Array(bytes)));
            globalThis.both = (label, bytes) => [dec(label, bytes), dec(label, bytes, { fatal: true })];
            globalThis.chunks = (label, parts, options) => attempt(() => {
              const decoder = new TextDecoder(label, options);
              const out = parts.map(part => decoder.decode(new Uint8Array(part), { stream: true }));
              out.push(decoder.decode());
              return out;
            });
            globalThis.splits = (label, bytes) => {
              const out = [];
              for (let i = 0; i <= bytes.length; i++) {
                out.push(chunks(label, [bytes.slice(0, i), bytes.slice(i)]));
              }
              out.push(chunks(label, bytes.map(b => [b])));
              return out;
            };
            globalThis.enc = s => attempt(() => Array.from(new TextEncoder().encode(s)));
            globalThis.into = (s, n) => attempt(() => {
              const u = new Uint8Array(n).fill(0xAA);
              const r = new TextEncoder().encodeInto(s, u);
              return [r, Object.keys(r), Array.from(u)];
            });
            globalThis.random = seed => () => {
              seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
              return seed >>> 8;
            };
            globalThis.hexUnits = s => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i).toString(16)).join(' ');
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
    void interfacesMatchNode() throws Exception {
        compareWithNode(List.of("[new TextDecoder().encoding, new TextDecoder().fatal, new TextDecoder().ignoreBOM]",
                "(() => { const d = new TextDecoder('utf-16', { fatal: 1, ignoreBOM: 'yes' }); return [d.encoding, d.fatal, d.ignoreBOM]; })()",
                "(() => { const d = new TextDecoder(undefined, null); return [d.encoding, d.fatal, d.ignoreBOM]; })()",
                "(() => { const d = new TextDecoder('utf-8', undefined); return [d.encoding, d.fatal, d.ignoreBOM]; })()",
                "attempt(() => new TextDecoder('utf-8', 5))", "attempt(() => new TextDecoder('utf-8', 'fatal'))",
                "attempt(() => new TextDecoder(Symbol()))", "new TextEncoder().encoding",
                "Object.getOwnPropertyNames(TextDecoder.prototype).sort()",
                "Object.getOwnPropertyNames(TextEncoder.prototype).sort()",
                "[TextDecoder.length, TextEncoder.length, TextDecoder.prototype.decode.length, "
                        + "TextEncoder.prototype.encode.length, TextEncoder.prototype.encodeInto.length]",
                "[Object.prototype.toString.call(new TextDecoder()), Object.prototype.toString.call(new TextEncoder())]",
                "attempt(() => TextDecoder())", "attempt(() => TextEncoder())",
                "(() => { try { new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xff])); } catch (e) { "
                        + "return [e.name, e.message, e.code, Object.getOwnPropertyDescriptor(e, 'code')]; } })()",
                "attempt(() => TextDecoder.prototype.decode.call({}, new Uint8Array(1)))",
                "attempt(() => Object.getOwnPropertyDescriptor(TextDecoder.prototype, 'encoding').get.call({}))",
                "attempt(() => TextEncoder.prototype.encode.call({}, 'a'))",
                "attempt(() => Object.getOwnPropertyDescriptor(TextEncoder.prototype, 'encoding').get.call(new TextDecoder()))",
                "typeof Object.getOwnPropertyDescriptor(TextDecoder.prototype, 'fatal').get",
                "Object.getOwnPropertyDescriptor(TextDecoder.prototype, 'fatal').set"));
    }

    @Test
    void labelsMatchNode() throws Exception {
        compareWithNode(List.of(
                "['unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8', 'utf8', 'x-unicode20utf8', "
                        + "'unicodefffe', 'utf-16be', 'csunicode', 'iso-10646-ucs-2', 'ucs-2', 'unicode', 'unicodefeff', "
                        + "'utf-16', 'utf-16le', 'ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819', "
                        + "'iso-8859-1', 'iso-ir-100', 'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1', "
                        + "'latin1', 'us-ascii', 'windows-1252', 'x-cp1252']"
                        + ".map(l => [l, attempt(() => new TextDecoder(l).encoding)])",
                "['UTF-8', ' utf-8 ', '\\tutf8\\n', '\\f\\rUTF-16\\r\\n', 'Unicode-1-1-UTF-8', 'UTF-16BE', 'Latin1 ', "
                        + "'\\n\\n\\nus-ascii\\t']" + ".map(l => [l, attempt(() => new TextDecoder(l).encoding)])",
                "['foo', 'utf-32', 'utf-7', '', ' ', 'utf-8\\u0000', 'utf 8', 'utf_8', 'ucs2', 'utf16', '\\u000butf-8', "
                        + "'\\u00a0utf-8', 'replacement', 'csiso2022kr', 'hz-gb-2312', 'iso-2022-cn', 'iso-2022-cn-ext', "
                        + "'iso-2022-kr', null, 1, 'utf-8 x']"
                        + ".map(l => [String(l), attempt(() => new TextDecoder(l).encoding)])",
                "attempt(() => new TextDecoder('nope').encoding)"));
    }

    @Test
    void utf8DecodingMatchesNode() throws Exception {
        compareWithNode(List.of("both('utf-8', [])", "both('utf-8', [0x41, 0x42, 0x7F, 0x00])",
                "both('utf-8', [0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80, 0xF4, 0x8F, 0xBF, 0xBF])",
                "both('utf-8', [0xEF, 0xBF, 0xBF, 0xEF, 0xBF, 0xBE, 0xC2, 0x80, 0xDF, 0xBF])",
                "[[0x80], [0xBF], [0xC0], [0xC1], [0xF5], [0xF8], [0xFC], [0xFE], [0xFF], [0xC0, 0x80], [0xC1, 0xBF], "
                        + "[0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], "
                        + "[0xED, 0xA0, 0x80, 0xED, 0xB0, 0x80], [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF], "
                        + "[0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], "
                        + "[0xFC, 0x84, 0x80, 0x80, 0x80, 0x80], [0xC2], [0xE2], [0xE2, 0x82], [0xF0], [0xF0, 0x9F], "
                        + "[0xF0, 0x9F, 0x98], [0xE2, 0x82, 0x41], [0xF0, 0x9F, 0x41, 0x41], [0x41, 0xF0, 0x9F], "
                        + "[0xC2, 0xC2, 0xA9], [0xE2, 0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x98, 0x80, 0x80], [0x80, 0x80, 0x80], "
                        + "[0xF0, 0x9F, 0x41, 0xE2, 0x82, 0xED, 0xA0, 0x80, 0xC0, 0xAF], [0xE0, 0xA0], [0xF4, 0x8F], "
                        + "[0xF1, 0x80, 0x80], [0xF3, 0xBF, 0xBF, 0xBF], [0xEE, 0x80], [0xED, 0x9F, 0xBF]]"
                        + ".map(b => both('utf-8', b))",
                // every pair of a lead byte and a second byte from each boundary class
                "(() => { const seconds = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xE0, 0xF0, 0xFF]; "
                        + "const out = []; for (let a = 0; a < 256; a++) for (const b of seconds) "
                        + "out.push(hexUnits(new TextDecoder().decode(new Uint8Array([a, b])))); return out; })()",
                // every three- and four-byte lead with continuation bytes on both sides
                // of each boundary
                "(() => { const conts = [0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0]; const out = []; "
                        + "for (let a = 0xE0; a <= 0xF7; a++) for (const b of conts) for (const c of conts) { "
                        + "out.push(hexUnits(new TextDecoder().decode(new Uint8Array([a, b, c])))); "
                        + "out.push(hexUnits(new TextDecoder().decode(new Uint8Array([a, b, c, 0x80])))); } return out; })()",
                // random sequences biased towards bytes that start and continue sequences
                "(() => { const next = random(7); const pick = [0x41, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, "
                        + "0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xFF]; const out = []; "
                        + "for (let n = 0; n < 3000; n++) { const bytes = []; const len = 1 + next() % 9; "
                        + "for (let i = 0; i < len; i++) bytes.push(next() % 3 === 0 ? next() % 256 : pick[next() % pick.length]); "
                        + "const r = dec('utf-8', bytes); const f = dec('utf-8', bytes, { fatal: true }); "
                        + "out.push(hexUnits(r.value) + '|' + (f.threw || 'ok')); } return out; })()"));
    }

    @Test
    void byteOrderMarksMatchNode() throws Exception {
        compareWithNode(List.of("both('utf-8', [0xEF, 0xBB, 0xBF])", "both('utf-8', [0xEF, 0xBB, 0xBF, 0x41])",
                "both('utf-8', [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF])", "both('utf-8', [0x41, 0xEF, 0xBB, 0xBF])",
                "both('utf-8', [0xEF, 0xBB])", "dec('utf-8', [0xEF, 0xBB, 0xBF, 0x41], { ignoreBOM: true })",
                "both('utf-16le', [0xFF, 0xFE, 0x41, 0x00])", "both('utf-16le', [0xFE, 0xFF, 0x00, 0x41])",
                "both('utf-16be', [0xFE, 0xFF, 0x00, 0x41])", "both('utf-16be', [0xFF, 0xFE, 0x41, 0x00])",
                "dec('utf-16le', [0xFF, 0xFE, 0x41, 0x00], { ignoreBOM: true })",
                "dec('utf-16be', [0xFE, 0xFF, 0x00, 0x41], { ignoreBOM: true })",
                "both('utf-16le', [0xFF, 0xFE, 0xFF, 0xFE])", "splits('utf-8', [0xEF, 0xBB, 0xBF, 0x41])",
                "splits('utf-16le', [0xFF, 0xFE, 0x41, 0x00])",
                // a BOM is skipped once per stream: after a flush the next stream may
                // skip one again
                "(() => { const d = new TextDecoder(); const bom = new Uint8Array([0xEF, 0xBB, 0xBF, 0x41]); "
                        + "return [d.decode(bom, { stream: true }), d.decode(bom, { stream: true }), d.decode(), d.decode(bom), d.decode(bom)]; })()",
                "(() => { const d = new TextDecoder(); return [d.decode(new Uint8Array([0xEF]), { stream: true }), "
                        + "d.decode(new Uint8Array([0xBB]), { stream: true }), d.decode(new Uint8Array([0xBF]), { stream: true }), "
                        + "d.decode(new Uint8Array([0xEF, 0xBB, 0xBF]))]; })()"));
    }

    @Test
    void streamingMatchesNode() throws Exception {
        compareWithNode(List.of("splits('utf-8', [0x61, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80, 0x62])",
                "splits('utf-8', [0xF0, 0x9F, 0x41, 0xE2, 0x82, 0xED, 0xA0, 0x80, 0xC0, 0xAF])",
                "splits('utf-8', [0xE2, 0x82])", "splits('utf-8', [0xF0, 0x9F, 0x98])",
                "chunks('utf-8', [[0xF0], [0x9F], [0x98], [0x80]])",
                "chunks('utf-8', [[0xF0], [], [0x9F], [], [0x98, 0x80, 0xF0]])",
                "chunks('utf-8', [[0xE2, 0x82]], { fatal: true })",
                "(() => { const d = new TextDecoder(); return [d.decode(new Uint8Array([0xE2]), { stream: true }), d.decode(), d.decode(new Uint8Array([0x82, 0xAC]))]; })()",
                "(() => { const d = new TextDecoder(); return [d.decode(new Uint8Array([0xE2]), { stream: true }), "
                        + "d.decode(new Uint8Array([0x82]), { stream: true }), d.decode(new Uint8Array([0xAC, 0xE2]), { stream: false }), d.decode()]; })()",
                "(() => { const d = new TextDecoder(); return [d.decode(new Uint8Array([0xE2]), { stream: true }), d.decode(undefined, { stream: true }), d.decode(new Uint8Array([0x82, 0xAC]))]; })()",
                // the standard's fatal streaming cases (as in the WPT
                // textdecoder-fatal-streaming test)
                "(() => { const d = new TextDecoder('utf-16le', { fatal: true }); const odd = new Uint8Array([0x00]); "
                        + "const even = new Uint8Array([0x00, 0x00]); const out = [d.decode(odd, { stream: true }), d.decode(odd)]; "
                        + "out.push(attempt(() => { d.decode(even, { stream: true }); return d.decode(odd); })); "
                        + "out.push(attempt(() => { d.decode(odd, { stream: true }); return d.decode(even); })); "
                        + "out.push(d.decode(even, { stream: true }), d.decode(even)); return out; })()",
                "(() => { const d = new TextDecoder('utf-8', { fatal: true }); "
                        + "const out = [d.decode(new Uint8Array([0xF0, 0x9F]), { stream: true })]; "
                        + "out.push(attempt(() => d.decode(new Uint8Array([0x41]), { stream: true }))); "
                        + "out.push(d.decode(new Uint8Array([0x42]))); return out; })()",
                "splits('utf-16le', [0x3D, 0xD8, 0x00, 0xDE, 0x41, 0x00])",
                "splits('utf-16be', [0xD8, 0x3D, 0xDE, 0x00, 0x00, 0x41])",
                "splits('utf-16le', [0x3D, 0xD8, 0x41, 0x00, 0x00, 0xDE])", "splits('utf-16le', [0x41, 0x00, 0x42])",
                "chunks('utf-16le', [[0x3D], [0xD8], [0x00], [0xDE]])",
                "chunks('utf-16le', [[0x3D, 0xD8]], { fatal: true })",
                "(() => { const d = new TextDecoder(); const s = 'h\\u00e9llo \\u4e16\\u754c \\ud83d\\ude00!'; const b = new TextEncoder().encode(s); "
                        + "let out = ''; for (let i = 0; i < b.length; i += 3) out += d.decode(b.subarray(i, i + 3), { stream: true }); "
                        + "return [out + d.decode(), out.length]; })()"));
    }

    @Test
    void utf16DecodingMatchesNode() throws Exception {
        compareWithNode(List.of("both('utf-16le', [0x41, 0x00, 0xE9, 0x00, 0x16, 0x4E, 0x3D, 0xD8, 0x00, 0xDE])",
                "both('utf-16be', [0x00, 0x41, 0x00, 0xE9, 0x4E, 0x16, 0xD8, 0x3D, 0xDE, 0x00])",
                "[[0x41], [0x41, 0x00, 0x42], [0x3D, 0xD8], [0x00, 0xDE], [0x3D, 0xD8, 0x41, 0x00], [0x3D, 0xD8, 0x41], "
                        + "[0x00, 0xDC, 0x3D, 0xD8], [0x3D, 0xD8, 0x3D, 0xD8, 0x00, 0xDE], [0x00, 0xDE, 0x3D, 0xD8], "
                        + "[0x3D, 0xD8, 0x00], [0xFF, 0xDB, 0xFF, 0xDF], [0x00, 0xD8, 0x00, 0xDC, 0x00], [0xFF, 0xFF], [0xFE, 0xFF]]"
                        + ".map(b => [both('utf-16le', b), both('utf-16be', b.map((x, i) => b[i ^ 1] === undefined ? x : b[i ^ 1]))])",
                // every code unit class against every following class, both byte orders
                "(() => { const units = [0x0041, 0x00E9, 0xD7FF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xE000, 0xFEFF, 0xFFFD, 0xFFFF]; "
                        + "const out = []; for (const a of units) for (const b of units) for (const le of [true, false]) { "
                        + "const bytes = []; for (const u of [a, b]) { const hi = u >> 8, lo = u & 0xFF; bytes.push(...(le ? [lo, hi] : [hi, lo])); } "
                        + "out.push(hexUnits(new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(new Uint8Array(bytes)))); "
                        + "out.push(hexUnits(new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(new Uint8Array(bytes.slice(0, 3))))); } return out; })()"));
    }

    @Test
    void inputsMatchNode() throws Exception {
        compareWithNode(List.of("new TextDecoder().decode(new Uint8Array([0x68, 0x69]).buffer)",
                "new TextDecoder().decode(new DataView(new Uint8Array([0x61, 0x68, 0x69, 0x62]).buffer, 1, 2))",
                "new TextDecoder().decode(new Uint8Array([0x61, 0x68, 0x69, 0x62]).subarray(1, 3))",
                "new TextDecoder('utf-16le').decode(new Uint16Array([0x68, 0x69, 0x20AC]))",
                "new TextDecoder().decode(new Int8Array([0x68, -0x3D, -0x57]))",
                "new TextDecoder().decode(new Uint8ClampedArray([0x68, 0x69]))",
                "new TextDecoder().decode(new Float64Array([1.5]))",
                "new TextDecoder().decode(new BigUint64Array([0x6968n]))",
                "(() => { const s = new SharedArrayBuffer(3); new Uint8Array(s).set([0x61, 0x62, 0x63]); "
                        + "return [new TextDecoder().decode(s), new TextDecoder().decode(new Uint8Array(s, 1)), new TextDecoder().decode(new DataView(s, 2))]; })()",
                "(() => { const b = new ArrayBuffer(4); const v = new DataView(b); structuredClone(b, { transfer: [b] }); "
                        + "return [new TextDecoder().decode(b), new TextDecoder().decode(v)]; })()",
                "(() => { const b = new ArrayBuffer(4); const u = new Uint8Array(b, 1, 2); structuredClone(b, { transfer: [b] }); return new TextDecoder().decode(u); })()",
                "new TextDecoder().decode()", "new TextDecoder().decode(undefined)",
                "new TextDecoder().decode(new Uint8Array(0))", "new TextDecoder().decode(new ArrayBuffer(0))",
                "[null, 5, 'abc', [0x61], { length: 1, 0: 0x61 }, true, Symbol.iterator].map(x => attempt(() => new TextDecoder().decode(x)))",
                "attempt(() => new TextDecoder().decode(new Uint8Array([0x61]), null))",
                "attempt(() => new TextDecoder().decode(new Uint8Array([0xE2]), { get stream() { return 1; } }))"));
    }

    @Test
    void encodingMatchesNode() throws Exception {
        compareWithNode(List.of(
                "['', 'a', 'h\\u00e9llo', '\\u20ac', '\\u4e16\\u754c', '\\ud83d\\ude00', '\\u0000', '\\u007f\\u0080\\u07ff\\u0800\\uffff', "
                        + "'\\ud800', '\\udc00', '\\ud800\\ud800', '\\udc00\\ud800', 'a\\ud800b', '\\ud83d\\ude00\\ude00', '\\ud83d', "
                        + "'\\udbff\\udfff', '\\ufeff', '\\ufffd'].map(enc)",
                "[undefined, null, 0, -0, 1.5, true, 12n, [1, 2], { toString() { return 'obj'; } }].map(enc)",
                "attempt(() => new TextEncoder().encode())", "attempt(() => Array.from(new TextEncoder().encode()))",
                "enc(Symbol('s'))",
                "(() => { const u = new TextEncoder().encode('abc'); return [u.constructor.name, u.byteOffset, u.buffer.byteLength, u.length]; })()",
                "(() => { const s = 'a\\u00e9\\u20ac\\ud83d\\ude00'; const out = []; for (let n = 0; n <= 11; n++) out.push(into(s, n)); return out; })()",
                "(() => { const s = '\\ud800a\\udc00\\ud83d'; const out = []; for (let n = 0; n <= 11; n++) out.push(into(s, n)); return out; })()",
                "into('', 0)", "into('abc', 2)",
                "(() => { const u = new Uint8Array(8); const r = new TextEncoder().encodeInto('\\u20ac\\u20ac', u.subarray(2, 6)); return [r, Array.from(u)]; })()",
                "(() => { const s = new SharedArrayBuffer(4); const r = new TextEncoder().encodeInto('hi', new Uint8Array(s)); return [r, Array.from(new Uint8Array(s))]; })()",
                "(() => { const b = new ArrayBuffer(4); const u = new Uint8Array(b); structuredClone(b, { transfer: [b] }); return new TextEncoder().encodeInto('hi', u); })()",
                "[[], new Uint16Array(4), new Int8Array(4), new Uint8ClampedArray(4), new DataView(new ArrayBuffer(4)), new ArrayBuffer(4), null, undefined]"
                        + ".map(d => attempt(() => new TextEncoder().encodeInto('a', d)))",
                "attempt(() => new TextEncoder().encodeInto('a'))",
                "attempt(() => new TextEncoder().encodeInto(Symbol(), new Uint8Array(2)))"));
    }

    @Test
    void largeTextRoundTripsLikeNode() throws Exception {
        String build = "(() => { const next = random(11); const parts = []; "
                + "const alphabet = ['a', 'Z', ' ', '\\u00e9', '\\u00df', '\\u4e16', '\\u20ac', '\\ud83d\\ude00', '\\n', '\\ud800', '\\udfff']; "
                + "for (let i = 0; i < 400000; i++) parts.push(alphabet[next() % alphabet.length]); return parts.join(''); })()";
        compareWithNode(List.of("(() => { const s = " + build + "; const b = new TextEncoder().encode(s); let sum = 0; "
                + "for (let i = 0; i < b.length; i++) sum = (sum * 31 + b[i]) >>> 0; const t = new TextDecoder().decode(b); "
                + "let back = 0; for (let i = 0; i < t.length; i++) back = (back * 31 + t.charCodeAt(i)) >>> 0; "
                + "return [s.length, b.length, sum, t.length, back]; })()",
                "(() => { const s = " + build
                        + "; const u = new Uint8Array(s.length * 3); const r = new TextEncoder().encodeInto(s, u.subarray(0, 500000)); return r; })()",
                "(() => { const next = random(5); const b = new Uint8Array(300000); for (let i = 0; i < b.length; i++) b[i] = next() % 256; "
                        + "const t = new TextDecoder().decode(b); let h = 0; for (let i = 0; i < t.length; i++) h = (h * 31 + t.charCodeAt(i)) >>> 0; "
                        + "const u = new TextDecoder('utf-16le').decode(b); let g = 0; for (let i = 0; i < u.length; i++) g = (g * 31 + u.charCodeAt(i)) >>> 0; "
                        + "return [t.length, h, u.length, g]; })()"));
    }

    @Test
    void megabyteDecodesAndEncodesQuickly() {
        try (JsRuntime js = factory.create()) {
            Object result = js.eval(
                    """
                            const text = 'The quick brown fox \\u00e9\\u4e16\\ud83d\\ude00 '.repeat(40000);
                            const started = Date.now();
                            const bytes = new TextEncoder().encode(text);
                            const back = new TextDecoder().decode(bytes);
                            const streamed = new TextDecoder();
                            let pieces = '';
                            for (let i = 0; i < bytes.length; i += 65537) pieces += streamed.decode(bytes.subarray(i, i + 65537), { stream: true });
                            pieces += streamed.decode();
                            [bytes.length > 1000000, back === text, pieces === text, Date.now() - started].join()
                            """,
                    Duration.ofSeconds(20));
            String[] parts = result.toString().split(",");
            assertThat(parts[0]).isEqualTo("true");
            assertThat(parts[1]).isEqualTo("true");
            assertThat(parts[2]).isEqualTo("true");
            assertThat(Long.parseLong(parts[3])).isLessThan(3000);
        }
    }

    @Test
    void followsTheStandardWhereNodeDeparts() {
        try (JsRuntime js = factory.create()) {
            // Node 20 decodes windows-1252 as ISO-8859-1; the standard's index maps 0x80
            // to 0x9F to these
            assertThat(
                    js.eval("""
                            hexUnits(new TextDecoder('windows-1252').decode(new Uint8Array(Array.from({ length: 32 }, (_, i) => 0x80 + i))))
                            """
                        .replace("hexUnits", "((s) => Array.from(s, c => c.charCodeAt(0).toString(16)).join(' '))")))
                .isEqualTo(
                        "20ac 81 201a 192 201e 2026 2020 2021 2c6 2030 160 2039 152 8d 17d 8f 90 2018 2019 201c 201d "
                                + "2022 2013 2014 2dc 2122 161 203a 153 9d 17e 178");
            assertThat(js.eval("new TextDecoder('latin1').decode(new Uint8Array([0x41, 0xE9, 0xFF, 0x80]))"))
                .isEqualTo("Aé\u00ff\u20ac");
            assertThat(js.eval("new TextDecoder('ascii').encoding")).isEqualTo("windows-1252");
            // x-user-defined is in the standard; Node 20 does not support it
            assertThat(js.eval(
                    "const u = new TextDecoder('x-user-defined'); [u.encoding, u.decode(new Uint8Array([0x41, 0x80, 0xFF]))].join()"))
                .isEqualTo("x-user-defined,A\uF780\uF7FF");
            // encodeInto's source is a required USVString, so undefined and null become
            // text; Node 20 refuses them
            assertThat(js.eval("const u = new Uint8Array(12); const r = new TextEncoder().encodeInto(undefined, u); "
                    + "[r.read, r.written, new TextDecoder().decode(u.subarray(0, r.written))].join()"))
                .isEqualTo("9,9,undefined");
            assertThat(js.eval("new TextEncoder().encodeInto(null, new Uint8Array(12)).written")).isEqualTo(4);
            assertThat(
                    js.eval("new TextEncoder().encodeInto({ toString() { return 'ab'; } }, new Uint8Array(2)).written"))
                .isEqualTo(2);
            // decode's options are a Web IDL dictionary, which a number is not; Node 20
            // ignores them
            assertThat(js
                .eval("try { new TextDecoder().decode(new Uint8Array([0x61]), 5); 'accepted' } catch (e) { e.name }"))
                .isEqualTo("TypeError");
            // Node lowercases labels beyond ASCII (KELVIN SIGN to k); the standard
            // lowercases ASCII only
            assertThat(js.eval("try { new TextDecoder('\\u212Aoi8-r'); 'accepted' } catch (e) { e.name }"))
                .isEqualTo("RangeError");
            // Web IDL refuses resizable buffers for types without [AllowResizable]; Node
            // 20 accepts them
            assertThat(js.eval(
                    "try { new TextDecoder().decode(new ArrayBuffer(2, { maxByteLength: 4 })); 'accepted' } catch (e) { e.name }"))
                .isEqualTo("TypeError");
            assertThat(js.eval(
                    "try { new TextDecoder().decode(new Uint8Array(new ArrayBuffer(2, { maxByteLength: 4 }))); 'accepted' } catch (e) { e.name }"))
                .isEqualTo("TypeError");
            assertThat(js.eval(
                    "try { new TextEncoder().encodeInto('a', new Uint8Array(new ArrayBuffer(2, { maxByteLength: 4 }))); 'accepted' } catch (e) { e.name }"))
                .isEqualTo("TypeError");
            assertThat(js.eval(
                    "try { new TextDecoder().decode(new SharedArrayBuffer(2, { maxByteLength: 4 })); 'accepted' } catch (e) { e.name }"))
                .isEqualTo("TypeError");
        }
    }

    @Test
    void unsupportedEncodingsOfTheStandardAreRangeErrors() {
        // Node decodes these through ICU; this platform decodes the Unicode encodings and
        // windows-1252 only
        try (JsRuntime js = factory.create()) {
            assertThat(js.eval(
                    "['iso-8859-2', 'shift_jis', 'gbk', 'koi8-r', 'euc-kr'].map(l => { try { new TextDecoder(l); return 'ok'; } "
                            + "catch (e) { return e.name + ': ' + e.message; } }).join('|')"))
                .isEqualTo(
                        "RangeError: The \"iso-8859-2\" encoding is not supported|RangeError: The \"shift_jis\" encoding is not supported|"
                                + "RangeError: The \"gbk\" encoding is not supported|RangeError: The \"koi8-r\" encoding is not supported|"
                                + "RangeError: The \"euc-kr\" encoding is not supported");
        }
    }

    @Test
    void keepsWorkingWhenScriptsReplaceBuiltIns() {
        try (JsRuntime js = factory.create()) {
            assertThat(
                    js.eval("""
                            String.prototype.charCodeAt = () => 0;
                            String.fromCharCode = () => 'x';
                            Uint8Array.prototype.subarray = () => { throw new Error('replaced'); };
                            Object.defineProperty(Object.getPrototypeOf(Uint8Array.prototype), 'buffer', { get() { throw new Error('replaced'); } });
                            Reflect.apply = () => { throw new Error('replaced'); };
                            const bytes = new TextEncoder().encode('h\\u00e9\\ud83d\\ude00');
                            [Array.prototype.join.call(bytes, ' '), new TextDecoder().decode(bytes) === 'h\\u00e9\\ud83d\\ude00'].join()
                            """))
                .isEqualTo("104 195 169 240 159 152 128,true");
        }
    }

    private static void compareWithNode(List<String> expressions) throws Exception {
        NodeScripts.compare(factory, PRELUDE, expressions);
    }

}
