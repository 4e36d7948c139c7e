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

/** atob and btoa (HTML's forgiving-base64) against Node 20's on the same inputs. */
class Base64Test {

    private static final String PRELUDE = """
            globalThis.attempt = f => {
              try { return { value: f() }; }
              catch (e) { return { threw: e && e.name, dom: e instanceof DOMException, code: e instanceof DOMException ? e.code : 0 }; }
            };
            globalThis.units = s => typeof s !== 'string' ? s : Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));
            globalThis.decode = s => { const r = attempt(() => atob(s)); return 'value' in r ? { value: units(r.value) } : r; };
            globalThis.encode = s => attempt(() => btoa(s));
            globalThis.random = seed => () => {
              seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
              return seed >>> 8;
            };
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
    void btoaMatchesNode() throws Exception {
        compareWithNode(List.of(
                "['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar', '\\u0000', '\\u00ff\\u00fe\\u00fd', 'hello world!', "
                        + "'\\u0080\\u0081'].map(encode)",
                "encode(Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join(''))",
                "['\\u0100', '\\u20ac', 'a\\ud800', '\\ud83d\\ude00', 'abc\\uffff'].map(encode)",
                "[undefined, null, 0, -0, 1e21, true, 12n, [1, 2], { toString() { return 'obj'; } }].map(encode)",
                "encode(Symbol())", "attempt(() => btoa())",
                "[btoa.length, btoa.name, atob.length, atob.name, typeof btoa, Object.getOwnPropertyDescriptor(globalThis, 'btoa').enumerable]"));
    }

    @Test
    void atobMatchesNode() throws Exception {
        compareWithNode(List.of(
                "['', 'Zg==', 'Zm8=', 'Zm9v', 'Zm9vYg==', 'Zm9vYmE=', 'Zm9vYmFy', 'Zg', 'Zm8', 'Zm9vYg', 'AAAA', '////', '++++', "
                        + "'aGVsbG8gd29ybGQh'].map(decode)",
                // padding: removed only when the length is a multiple of 4, and at most
                // two
                "['a', 'a=', 'a==', 'a===', 'ab', 'ab=', 'ab==', 'ab===', 'abc', 'abc=', 'abc==', 'abcd=', 'abcd==', '=', '==', "
                        + "'===', '====', 'ab=c', 'ab==cd', '=abc', 'a=bc', 'abc=d', 'ab= =', ' ab==', 'ab== ', 'ab\\n==', 'abcde', "
                        + "'abcdef', 'abcdefg', 'abcdefgh', 'abcdefghi'].map(decode)",
                // whitespace is ASCII whitespace only: TAB, LF, FF, CR and SPACE
                "[' Zm9v', 'Zm9v ', 'Zm 9v', '\\tZm\\n9v\\f\\r', 'Z m 9 v', '\\u000bZm9v', '\\u00a0Zm9v', '\\u2028Zm9v', "
                        + "'\\u3000Zm9v', 'Zm9v\\u0000', ' ', '\\n\\n', ' = ', 'Zg\\n=\\n='].map(decode)",
                // leftover bits need not be zero
                "['YQ', 'YR', 'YR==', 'YWI', 'YWJ', 'YWJ=', '//', '/w', '/w==', '//8', '//9='].map(decode)",
                "['-_', 'Zm9v-', 'Zm9v_', 'Zm9v.', 'Zm9v!', 'Zm9v\\u00ff', 'Zm9v\\u0100', 'Zm9v\\ud800', '\\u0080AAA', 'Zm9v%3D', "
                        + "'Zm9v\\\\'].map(decode)",
                "[undefined, null, 0, 12, 1234, true, false, NaN, [], ['ab'], { toString() { return 'Zm9v'; } }].map(decode)",
                "decode(Symbol())", "attempt(() => atob())",
                "(() => { const s = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join(''); return units(atob(btoa(s))).join() === units(s).join(); })()",
                "(() => { const next = random(3); const out = []; for (let n = 0; n < 400; n++) { let s = ''; const len = next() % 40; "
                        + "for (let i = 0; i < len; i++) s += String.fromCharCode(next() % 256); const b = btoa(s); "
                        + "out.push(b, units(atob(b)).join() === units(s).join()); } return out; })()",
                "(() => { const next = random(9); const alphabet = 'ABCXYZabcxyz0189+/= \\t\\n-_.'; const out = []; "
                        + "for (let n = 0; n < 3000; n++) { let s = ''; const len = next() % 14; "
                        + "for (let i = 0; i < len; i++) s += alphabet[next() % alphabet.length]; const r = decode(s); "
                        + "out.push(r.threw ? r.threw + r.code : r.value.join('.')); } return out; })()"));
    }

    @Test
    void errorsAreInvalidCharacterErrorDomExceptions() {
        try (JsRuntime js = factory.create()) {
            assertThat(js.eval(
                    "try { atob('a'); } catch (e) { [e instanceof DOMException, e.name, e.code, e.message].join('|') }"))
                .isEqualTo("true|InvalidCharacterError|5|The string to be decoded is not correctly encoded.");
            assertThat(js.eval(
                    "try { btoa('\\u0100'); } catch (e) { [e instanceof DOMException, e.name, e.code, e.message].join('|') }"))
                .isEqualTo("true|InvalidCharacterError|5|Invalid character");
        }
    }

    @Test
    void largeInputsAreQuick() {
        try (JsRuntime js = factory.create()) {
            Object result = js.eval("""
                    let s = '';
                    for (let i = 0; i < 256; i++) s += String.fromCharCode(i);
                    s = s.repeat(4096);
                    const started = Date.now();
                    const b = btoa(s);
                    const back = atob(b);
                    const spaced = atob(b.replace(/(.{76})/g, '$1\\n'));
                    [s.length, b.length, back === s, spaced === s, Date.now() - started].join()
                    """, Duration.ofSeconds(20));
            String[] parts = result.toString().split(",");
            assertThat(parts[0]).isEqualTo("1048576");
            assertThat(parts[1]).isEqualTo("1398104");
            assertThat(parts[2]).isEqualTo("true");
            assertThat(parts[3]).isEqualTo("true");
            assertThat(Long.parseLong(parts[4])).isLessThan(3000);
        }
    }

    @Test
    void keepsWorkingWhenScriptsReplaceBuiltIns() {
        try (JsRuntime js = factory.create()) {
            assertThat(js.eval("""
                    String.prototype.charCodeAt = () => 0;
                    String.fromCharCode = () => 'x';
                    [btoa('foobar'), atob('Zm9vYmFy')].join()
                    """)).isEqualTo("Zm9vYmFy,foobar");
        }
    }

    private static void compareWithNode(List<String> expressions) throws Exception {
        NodeScripts.compare(factory, PRELUDE, expressions);
    }

}
