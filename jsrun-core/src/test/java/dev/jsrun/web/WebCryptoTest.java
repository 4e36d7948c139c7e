package dev.jsrun.web;

import static dev.jsrun.web.EventTargetTest.inJsrun;
import static dev.jsrun.web.EventTargetTest.inNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
 * crypto.getRandomValues and crypto.randomUUID: Web IDL and the Web Cryptography API's
 * checks against Node 20, the ChaCha20 generator against RFC 8439 and OpenSSL (through
 * Node), and fresh values in every context.
 */
class WebCryptoTest {

    private static final String UUID_V4 = "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$";

    private static JsRuntimeFactory factory;

    @BeforeAll
    static void start() {
        factory = new UnpooledJsRuntimeFactory(RuntimeConfig.defaults());
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    /**
     * Installs crypto.js as the platform installs it, but with a namespace of the test's
     * own as {@code part}, so the test can key it with a seed it chooses and reach the
     * block function the part puts on the namespace.
     */
    private static void installPart(JsRuntime js) throws IOException {
        String source;
        try (InputStream in = WebCryptoTest.class.getResourceAsStream("/dev/jsrun/internal/snapshot/web/crypto.js")) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        js.eval("""
                globalThis.part = { global: globalThis, defined: {}, hooks: [],
                  define(name, value) { part.defined[name] = value; }, defineEnumerable(name, value) { part.defined[name] = value; },
                  onContext(hook) { part.hooks.push(hook); } };
                globalThis.hex = bytes => Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
                globalThis.unhex = text => Uint8Array.from(text.match(/../g), h => parseInt(h, 16));
                """);
        js.eval("(" + source.strip() + ")(part);");
    }

    @Test
    void theBlockFunctionGivesRfc8439sVectors() throws Exception {
        try (JsRuntime js = factory.create()) {
            installPart(js);
            // RFC 8439, section 2.3.2
            assertThat(js.eval("hex(part.chacha20Block(Uint8Array.from({ length: 32 }, (_, i) => i), 1,"
                    + " unhex('000000090000004a00000000')))"))
                .isEqualTo("10f1e7e4d13b5915500fdd1fa32071c4"
                        + "c7d1f4c733c068030422aa9ac3d46c4ed2826446079faa0914c2d705d98b02a2b5129cd1de164eb9cbd083e8a2503c4e");
            // RFC 8439, appendix A.1, test vectors 1 and 2
            assertThat(js.eval("hex(part.chacha20Block(new Uint8Array(32), 0, new Uint8Array(12)))"))
                .isEqualTo("76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7"
                        + "da41597c5157488d7724e03fb8d84a376a43b8f41518a11cc387b669b2ee6586");
            assertThat(js.eval("hex(part.chacha20Block(new Uint8Array(32), 1, new Uint8Array(12)))"))
                .isEqualTo("9f07e7be5551387a98ba977c732d080dcb0f29a048e3656912c6533e32ee7aed"
                        + "29b721769ce64e43d57133b074d839d531ed1f28510afb45ace10a1f4b794d6f");
        }
    }

    @Test
    void theGeneratorIsChaCha20ReKeyedFromItsOwnOutputAfterEachRequest() throws Exception {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        String seedHex = HexFormat.of().formatHex(seed);
        List<Integer> sizes = List.of(1, 16, 32, 33, 64, 65, 1000, 4096, 0, 7);
        String mine;
        try (JsRuntime js = factory.create()) {
            installPart(js);
            assertThatThrownBy(() -> js.eval("part.defined.crypto.getRandomValues(new Uint8Array(4))"))
                .hasMessageContaining("not available while a snapshot is being built");
            // with a key of zeros, the first output is the second half of RFC 8439's
            // first keystream block
            js.eval("part.hooks[0](new Uint8Array(32))");
            assertThat(js.eval("hex(part.defined.crypto.getRandomValues(new Uint8Array(32)))"))
                .isEqualTo("da41597c5157488d7724e03fb8d84a376a43b8f41518a11cc387b669b2ee6586");
            js.eval("part.hooks[0](unhex('" + seedHex + "'))");
            mine = (String) js.eval("JSON.stringify(["
                    + String.join(",",
                            sizes.stream()
                                .map(n -> "hex(part.defined.crypto.getRandomValues(new Uint8Array(" + n + ")))")
                                .toList())
                    + ", part.defined.crypto.randomUUID(), hex(new Uint8Array(part.defined.crypto.getRandomValues(new Int32Array(3)).buffer))])");
        }
        assumeTrue(NodeJson.available(), "Node is not installed");
        // the same requests from OpenSSL's ChaCha20: each request's keystream from
        // counter 0 under the current key, whose first 32 bytes are the next key and the
        // rest the output (an empty request draws nothing)
        String reference = inNode("""
                const crypto = require('node:crypto');
                let key = Buffer.from('%s', 'hex');
                const draw = n => {
                  if (n === 0) return Buffer.alloc(0);
                  const stream = crypto.createCipheriv('chacha20', key, Buffer.alloc(16)).update(Buffer.alloc(32 + n));
                  key = Buffer.from(stream.subarray(0, 32));
                  return Buffer.from(stream.subarray(32));
                };
                const out = %s.map(n => draw(n).toString('hex'));
                const u = draw(16);
                u[6] = (u[6] & 0x0f) | 0x40;
                u[8] = (u[8] & 0x3f) | 0x80;
                const h = u.toString('hex');
                out.push(h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-'
                  + h.slice(20));
                out.push(draw(12).toString('hex'));
                return out;
                """.formatted(seedHex, sizes));
        assertThat(mine).isEqualTo(reference);
    }

    @Test
    void getRandomValuesChecksAsNodeDoes() throws Exception {
        EventTargetTest.sameAsNode(factory,
                """
                        const results = [];
                        const attempt = make => {
                          try {
                            const array = make();
                            const returned = crypto.getRandomValues(array);
                            results.push(['returned the same', returned === array, array.constructor.name, array.length]);
                          } catch (error) {
                            results.push([error.name, error instanceof Error]);
                          }
                        };
                        for (const make of [() => new Float32Array(2), () => new Float64Array(1),
                            () => new DataView(new ArrayBuffer(4)), () => new Uint8Array(65537), () => new Uint32Array(16385),
                            () => new Uint8Array(65536), () => new BigInt64Array(8192), () => new BigUint64Array(2),
                            () => new Int8Array(3), () => new Uint8ClampedArray(3), () => new Int16Array(3), () => new Uint16Array(3),
                            () => new Int32Array(3), () => new Uint32Array(3), () => new Uint8Array(0),
                            () => new Uint8Array(new ArrayBuffer(16), 4, 8)]) {
                          attempt(make);
                        }
                        for (const f of [() => crypto.getRandomValues(), () => crypto.getRandomValues.call(undefined, new Uint8Array(1)),
                            () => crypto.getRandomValues.call({}, new Uint8Array(1)), () => crypto.randomUUID.call({}),
                            () => new Crypto()]) {
                          try { f(); results.push('no error'); } catch (error) { results.push(error.name); }
                        }
                        const offset = new Uint8Array(16);
                        crypto.getRandomValues(new Uint8Array(offset.buffer, 4, 8));
                        results.push(['outside the view untouched', offset.slice(0, 4).every(b => b === 0),
                          offset.slice(12).every(b => b === 0)]);
                        results.push([String(crypto), crypto instanceof Crypto, typeof crypto.randomUUID(),
                          /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(crypto.randomUUID())]);
                        return results;
                        """);
    }

    @Test
    void theErrorsAreDomExceptionsWithTheirCodes() throws Exception {
        try (JsRuntime js = factory.create()) {
            assumeTrue(Boolean.TRUE.equals(js.eval("typeof DOMException === 'function'")),
                    "the platform has no DOMException");
        }
        EventTargetTest.sameAsNode(factory, """
                const codes = [];
                for (const array of [new Float32Array(1), new Uint8Array(65537)]) {
                  try { crypto.getRandomValues(array); } catch (error) {
                    codes.push([error.name, error.code, error instanceof DOMException]);
                  }
                }
                return codes;
                """);
    }

    @Test
    void whatWebIdlRefusesIsATypeError() throws Exception {
        // an ArrayBufferView argument without [AllowShared] or [AllowResizable] refuses
        // shared and resizable buffers, and anything that is not a view is a TypeError;
        // Node 20 fills the first two and gives a TypeMismatchError for the rest
        try (JsRuntime js = factory.create()) {
            assertThat(inJsrun(js,
                    """
                            const results = [];
                            for (const value of [new Int32Array(new SharedArrayBuffer(8)),
                                new Uint8Array(new ArrayBuffer(8, { maxByteLength: 16 })), [1, 2], new ArrayBuffer(8), null, 5]) {
                              try { crypto.getRandomValues(value); results.push('filled'); } catch (error) { results.push(error.name); }
                            }
                            return [results, 'subtle' in crypto, typeof crypto.subtle, Object.keys(Crypto.prototype)];
                            """))
                .isEqualTo("[[\"TypeError\",\"TypeError\",\"TypeError\",\"TypeError\",\"TypeError\","
                        + "\"TypeError\"],false,\"undefined\",[\"getRandomValues\",\"randomUUID\"]]");
        }
    }

    @Test
    void randomUuidsAreVersion4AndNeverRepeat() throws Exception {
        try (JsRuntime js = factory.create()) {
            String result = inJsrun(js, """
                    const seen = new Set();
                    let wrong = 0;
                    const variants = { 8: 0, 9: 0, a: 0, b: 0 };
                    for (let i = 0; i < 20000; i++) {
                      const uuid = crypto.randomUUID();
                      if (!/%s/.test(uuid)) wrong++;
                      seen.add(uuid);
                      variants[uuid[19]]++;
                    }
                    return [seen.size, wrong, Object.values(variants).every(n => n > 4500 && n < 5500)];
                    """.formatted(UUID_V4));
            assertThat(result).isEqualTo("[20000,0,true]");
        }
    }

    @Test
    void valuesNeverRepeatAcrossPooledContexts() throws Exception {
        Snapshot snapshot = new SnapshotBuilder()
            .executeScript("draw.js", "globalThis.draw = () => [crypto.randomUUID(),"
                    + " Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join('')];")
            .build();
        RuntimeConfig config = RuntimeConfig.builder().snapshot(snapshot).build();
        Set<Object> seen = new HashSet<>();
        int borrows = 1000;
        try (JsRuntimePool pool = new JsRuntimePool(config, PoolSettings.builder().minIdle(2).maxSize(2).build())) {
            for (int i = 0; i < borrows; i++) {
                try (JsRuntime js = pool.acquire()) {
                    List<?> drawn = (List<?>) js.eval("draw()");
                    assertThat((String) drawn.get(0)).matches(UUID_V4);
                    seen.addAll(drawn);
                }
            }
        }
        assertThat(seen).hasSize(2 * borrows);
    }

    @Test
    void runtimesRestoredFromOneSnapshotDrawDifferentValues() throws Exception {
        Snapshot snapshot = new SnapshotBuilder().executeScript("draw.js",
                "globalThis.draw = () => crypto.randomUUID() + ' ' + crypto.getRandomValues(new Uint32Array(4)).join();")
            .build();
        try (JsRuntimeFactory runtimes = new UnpooledJsRuntimeFactory(
                RuntimeConfig.builder().snapshot(snapshot).build());
                JsRuntime first = runtimes.create();
                JsRuntime second = runtimes.create()) {
            Object a = first.eval("draw()");
            Object b = second.eval("draw()");
            assertThat(a).isNotEqualTo(b);
            assertThat(first.eval("draw()")).isNotEqualTo(a).isNotEqualTo(second.eval("draw()"));
        }
    }

    @Test
    void aSnapshotBuildCannotDrawRandomValues() {
        for (String script : List.of("crypto.getRandomValues(new Uint8Array(16));", "crypto.randomUUID();",
                "crypto.getRandomValues(new Uint8Array(0));")) {
            assertThatThrownBy(() -> new SnapshotBuilder().executeScript("draw.js", script).build()).as(script)
                .hasMessageContaining("not available while a snapshot is being built")
                .hasMessageContaining("every runtime restored from the snapshot would repeat the same values");
        }
    }

    @Test
    void bytesAreRoughlyUniform() throws Exception {
        try (JsRuntime js = factory.create()) {
            // chi-square of 2^20 bytes over the 256 values: 255 degrees of freedom, mean
            // 255, deviation about 22.6
            double chiSquare = ((Number) js.eval("""
                    const counts = new Float64Array(256);
                    const bytes = new Uint8Array(65536);
                    for (let round = 0; round < 16; round++) {
                      crypto.getRandomValues(bytes);
                      for (let i = 0; i < bytes.length; i++) counts[bytes[i]]++;
                    }
                    const expected = 16 * 65536 / 256;
                    let sum = 0;
                    for (let v = 0; v < 256; v++) sum += (counts[v] - expected) ** 2 / expected;
                    sum
                    """)).doubleValue();
            assertThat(chiSquare).isBetween(150.0, 380.0);
            // and across calls: the first byte of 100,000 separate requests
            double firstBytes = ((Number) js.eval("""
                    const firsts = new Float64Array(256);
                    const one = new Uint8Array(1);
                    for (let i = 0; i < 100000; i++) firsts[crypto.getRandomValues(one)[0]]++;
                    const each = 100000 / 256;
                    let total = 0;
                    for (let v = 0; v < 256; v++) total += (firsts[v] - each) ** 2 / each;
                    total
                    """)).doubleValue();
            assertThat(firstBytes).isBetween(150.0, 380.0);
        }
    }

}
