package dev.jsrun.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.jsrun.JsRuntime;
import dev.jsrun.JsRuntimeFactory;
import dev.jsrun.NodeJson;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.Snapshot;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;
import dev.jsrun.snapshot.SnapshotBuilder;

/**
 * URL and URLSearchParams: what they give compared with Node 20 on the same inputs, where
 * Node 20 lags the URL Standard what the standard says, their shape, their independence
 * from built-ins a script replaces, and their use in a snapshot's scripts.
 */
class UrlTest {

    /**
     * Evaluates to a description of the URL that {@code (input, base)} make, or of the
     * error they throw.
     */
    private static final String DESCRIBE = """
            const describe = (input, base) => {
              try {
                const u = base === undefined ? new URL(input) : new URL(input, base);
                const params = [];
                for (const pair of u.searchParams) params.push(pair);
                return { href: u.href, origin: u.origin, protocol: u.protocol, username: u.username,
                  password: u.password, host: u.host, hostname: u.hostname, port: u.port, pathname: u.pathname,
                  search: u.search, hash: u.hash, params, json: JSON.stringify(u), string: String(u) };
              } catch (e) {
                return [e.name, e.message, e.code, e.input, e.base, Object.keys(e)];
              }
            };
            """;

    /**
     * Inputs, and a base for some, whose results Node 20 gives as the URL Standard does.
     */
    private static final String[][] INPUTS = { { "HTTP://EXAMPLE.com/a/../b/./c?x=1&y=%20#frag" },
            { "https://user:pa ss@host:8080/p?q#h" }, { "  \t http://example.com/\n foo  " }, { "http://[::1]:3000/x" },
            { "http://[2001:db8:0:0:0:ff00:42:8329]/" }, { "http://[::ffff:192.168.0.1]/" }, { "http://0x7f.1/" },
            { "http://192.168.0.257/" }, { "http://999999999/" }, { "http://1.2.3.4.5/" },
            { "file:///C:/Windows/../x" }, { "file://localhost/etc/passwd" },
            { "file:c:\\foo\\bar.html", "file:///tmp/mock/path" }, { "mailto:someone@example.com?subject=hi" },
            { "data:text/plain,hello world" }, { "javascript:alert(1)" }, { "blob:https://example.com:443/uuid" },
            { "../c?d", "http://a/b/e" }, { "//other.host/p", "https://a/b" }, { "?only=query", "http://a/b/c?x#y" },
            { "#frag", "http://a/b?c" }, { "x", "mailto:a@b" }, { "http://münchen.de/" }, { "http://faß.DE/" },
            { "http://EXAMPLE.com:80/" }, { "wss://x:443/" }, { "ftp://x:21/f" }, { "http://a/%7Efoo/%2e%2E/bar" },
            { "http://a/\uD83D\uDE00?\uD83D\uDE00#\uD83D\uDE00" }, { "http://a/lone\uD800surrogate" },
            { "non-special://host/path with space" }, { "http://a:b@/" }, { "http:/\\example.com\\p" },
            { "https://example.com/?a=1&a=2&b=%zz&c=+x+" }, { "http://a/?q=%F0%9F%98%80&r=%FF" },
            { "https://example.com:0/" }, { "https://example.com:65536/" }, { "sc://ñ.example/" },
            { "https://EXAMPLE.com./" }, { "urn:isbn:0451450523" }, { "http://a/b", "not a base" }, { "" },
            { "http://exa mple.com/" }, { "https://example.com/?x='\"<>`" }, { "sc://example.com/?x='\"<>`" }, };

    /**
     * URLSearchParams and the URL's live link to them, and the API's errors, as function
     * bodies.
     */
    private static final List<String> BODIES = List.of("return new URLSearchParams('?a=1&b=2&a=3').toString();",
            "return new URLSearchParams([['a', '1'], ['b', ' x+y ']]).toString();",
            "return new URLSearchParams({ z: '1', a: '\u00e4\u20ac\uD83D\uDE00', ' ': \"!'()~*\" }).toString();",
            "const p = new URLSearchParams('c=3&a=1&b=2&a=0&\u00e9=1&e=2'); p.sort(); return p.toString();",
            "const p = new URLSearchParams('a=1&b=2'); return [[...p.entries()], [...p.keys()], [...p.values()], [...p]];",
            "const p = new URLSearchParams('a=1&a=2&b=3'); return [p.size, p.has('a'), p.has('a', '2'), p.has('a', '9'),"
                    + " p.get('a'), p.get('x'), p.getAll('a')];",
            "const p = new URLSearchParams('a=1&a=2&b=3'); p.delete('a', '2'); const one = p.toString(); p.delete('a');"
                    + " p.set('b', '4'); p.set('c', '5'); return [one, p.toString()];",
            "return [...new URLSearchParams('a=b=c&&=x&y&%zz=%41+%42')];",
            "const u = new URL('https://e.com/?x=1'); u.searchParams.append('y', 'a b~'); u.searchParams.delete('x');"
                    + " return [u.href, u.search];",
            "const u = new URL('https://e.com/p?x=1#h'); u.search = '?q=%20&r=a+b'; return [...u.searchParams];",
            "const u = new URL('https://e.com/?a=1'); const p = u.searchParams; u.href = 'https://f.com/?b=2';"
                    + " return [p.toString(), u.searchParams === p];",
            "const u = new URL('https://e.com/?a=1'); u.searchParams.delete('a'); return [u.href, u.search];",
            "const p = new URLSearchParams('a=1&b=2&c=3'); const out = []; for (const [k] of p) { out.push(k);"
                    + " if (k === 'a') p.delete('b'); } return out;",
            "const out = []; new URLSearchParams('a=1&b=2').forEach(function (v, k, o) { out.push([v, k, this.t,"
                    + " o instanceof URLSearchParams]); }, { t: 'T' }); return out;",
            "const u = new URL('http://a/b'); u.protocol = 'https'; u.username = 'us er'; u.password = 'p@ss';"
                    + " u.host = 'h:81'; u.pathname = '/x y'; u.hash = 'z'; u.port = '443'; return u.href;",
            "const u = new URL('http://a/b'); u.protocol = 'mailto'; u.port = 'x'; u.hostname = 'b:1'; return u.href;",
            "return [URL.canParse('/x'), URL.canParse('/x', 'http://a'), URL.parse('nope'),"
                    + " URL.parse('/p', 'http://a/b').href, URL.parse('http://a') instanceof URL];",
            "try { new URL(); } catch (e) { return [e.name, e.message, e.code]; }",
            "try { new URLSearchParams().append('a'); } catch (e) { return [e.name, e.message, e.code]; }",
            "try { new URLSearchParams([['a']]); } catch (e) { return [e.name, e.message, e.code]; }",
            "try { URL('x'); } catch (e) { return [e.name, e.message]; }",
            "try { Object.getOwnPropertyDescriptor(URL.prototype, 'href').get.call({}); } catch (e) {"
                    + " return [e.name, e.message]; }",
            "return [new URL('http://a/?b').toJSON(), Object.prototype.toString.call(new URL('http://a')),"
                    + " Object.prototype.toString.call(new URLSearchParams().keys()), Object.keys(new URL('http://a')),"
                    + " Object.getOwnPropertySymbols(new URL('http://a')).length];",
            "class My extends URL { get x() { return this.host; } } const m = new My('http://q/'); return [m.x,"
                    + " m instanceof URL, m.href];",
            "return new URLSearchParams(new Map([['m', '1'], ['n', '2']])).toString();",
            "return [new URLSearchParams(undefined).toString(), new URLSearchParams(12).toString(),"
                    + " new URLSearchParams(true).toString()];",
            // the shape Web IDL gives both interfaces and the iterator, leaving out
            // Node's util.inspect hooks
            "const show = (o) => Reflect.ownKeys(o).filter((k) => typeof k !== 'symbol'"
                    + " || k.description.indexOf('nodejs') < 0).filter((k) => k !== 'createObjectURL'"
                    + " && k !== 'revokeObjectURL').map((k) => { const d = Object.getOwnPropertyDescriptor(o, k);"
                    + " return String(k) + ':' + (d.get ? 'g' : '') + (d.set ? 's' : '') + ('value' in d ? (typeof"
                    + " d.value === 'function' ? d.value.name + '/' + d.value.length : typeof d.value) : '')"
                    + " + (d.enumerable ? 'E' : '') + (d.writable ? 'W' : '') + (d.configurable ? 'C' : ''); });"
                    + " const it = Object.getPrototypeOf(new URLSearchParams().entries()); return [show(URL),"
                    + " show(URL.prototype), show(URLSearchParams), show(URLSearchParams.prototype), show(it),"
                    + " Object.getPrototypeOf(it) === Object.getPrototypeOf(Object.getPrototypeOf([].keys())),"
                    + " URLSearchParams.prototype[Symbol.iterator] === URLSearchParams.prototype.entries];");

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
    void urlsAreWhatNodeMakes() throws Exception {
        assumeTrue(NodeJson.available());
        List<String> bodies = new ArrayList<>();
        for (String[] input : INPUTS) {
            bodies.add(DESCRIBE + "return describe(" + js(input[0]) + (input.length > 1 ? ", " + js(input[1]) : "")
                    + ");");
        }
        assertSameAsNode(bodies);
    }

    @Test
    void searchParamsAndErrorsAreWhatNodeGives() throws Exception {
        assumeTrue(NodeJson.available());
        assertSameAsNode(BODIES);
    }

    /**
     * Where Node 20 is behind the URL Standard, the standard: "^" joined the path
     * percent-encode set and a space that ends an opaque path before "?" or "#" is
     * encoded (2025); an ASCII domain is only lowercased, so a label that is not valid
     * Punycode passes (2026). And where Node differs from Web IDL and HTML: null as
     * URLSearchParams's init is not a sequence or a record, so it is the string "null"
     * (Node makes it empty); URL objects are platform objects that are not serializable,
     * which structured clone refuses (Node makes them empty objects).
     */
    @Test
    void followsTheStandardWhereNode20Lags() {
        try (JsRuntime js = factory.create()) {
            assertThat(js.eval("new URL('http://a/^').pathname")).isEqualTo("/%5E");
            assertThat(js.eval("new URL('sc:a b ?q').href")).isEqualTo("sc:a b%20?q");
            assertThat(js.eval("new URL('sc:a b  #f').pathname")).isEqualTo("a b %20");
            assertThat(js.eval("new URL('http://XN--A.com/').host")).isEqualTo("xn--a.com");
            assertThat(js.eval("new URL('https://xn--ls8h=.com').host")).isEqualTo("xn--ls8h=.com");
            assertThat(js.eval("new URLSearchParams(null).toString()")).isEqualTo("null=");
            assertThat(
                    js.eval("""
                            const refused = [];
                            for (const value of [new URL('http://a'), new URLSearchParams('a=1'), new URLSearchParams().keys()]) {
                              try {
                                structuredClone(value);
                              } catch (e) {
                                refused.push(e.name);
                              }
                            }
                            refused.join() + ' ' + structuredClone({ href: 'http://a' }).href
                            """))
                .isEqualTo("DataCloneError,DataCloneError,DataCloneError http://a");
        }
    }

    @Test
    void replacedBuiltInsChangeNothing() {
        try (JsRuntime js = factory.create()) {
            js.eval("String.prototype.toLowerCase = () => 'x'; Array.prototype.push = null;");
            assertThat(js.eval("new URL('HTTP://EXAMPLE.com').href + ' ' + 'ABC'.toLowerCase()"))
                .isEqualTo("http://example.com/ x");
            // every method of the built-ins a parser could call made to throw, the
            // iterators' too; IDNA included
            js.eval("""
                    const describe = Object.getOwnPropertyDescriptor;
                    const define = Object.defineProperty;
                    const keysOf = Reflect.ownKeys;
                    const poison = function () { throw new Error('a replaced built-in was called'); };
                    const holders = [String.prototype, Array.prototype, Object, Array, String, Number.prototype,
                      RegExp.prototype, Map.prototype, Set.prototype, Uint8Array.prototype,
                      Object.getPrototypeOf(Uint8Array.prototype), Object.getPrototypeOf([].keys()),
                      Object.getPrototypeOf(''[Symbol.iterator]()),
                      Object.getPrototypeOf(Object.getPrototypeOf([].keys())), Math, JSON, Reflect];
                    for (let i = 0; i < holders.length; i++) {
                      const keys = keysOf(holders[i]);
                      for (let j = 0; j < keys.length; j++) {
                        const d = describe(holders[i], keys[j]);
                        if (typeof d.value === 'function' && keys[j] !== 'constructor' && d.configurable) {
                          define(holders[i], keys[j], { value: poison });
                        }
                      }
                    }
                    """);
            assertThat(js.eval("""
                    const u = new URL('HTTPS://B\u00fccher.example:443/a/../b c?d=e f&g=h#i');
                    u.searchParams.append('j', 'k l');
                    u.searchParams.sort();
                    const params = new URLSearchParams({ x: '1', y: '2' });
                    let keys = '';
                    const it = params.keys();
                    for (let r = it.next(); !r.done; r = it.next()) keys += r.value;
                    u.href + ' ' + u.origin + ' ' + params + ' ' + keys + ' ' + params.getAll('x')[0] + ' '
                        + new URL('../x', 'http://[::1]:8/a/b').href + ' ' + URL.canParse('http://0x7f.1')
                    """))
                .isEqualTo("https://xn--bcher-kva.example/b%20c?d=e+f&g=h&j=k+l#i https://xn--bcher-kva.example"
                        + " x=1&y=2 xy 1 http://[::1]:8/x true");
        }
    }

    @Test
    void createObjectUrlIsNotThere() {
        try (JsRuntime js = factory.create()) {
            // there is no Blob to make a URL for
            assertThat(js.eval("typeof URL.createObjectURL + ' ' + typeof URL.revokeObjectURL"))
                .isEqualTo("undefined undefined");
        }
    }

    @Test
    void snapshotScriptsUseUrlAsTheyLoad() {
        Snapshot snapshot = new SnapshotBuilder().executeScript("app.js", """
                globalThis.api = new URL('https://example.com/api/');
                globalThis.endpoint = new URL('v1/items?x=1', api).href;
                globalThis.international = new URL('https://m\u00fcnchen.example/').host;
                globalThis.query = new URLSearchParams({ a: '1' });
                """).build();
        RuntimeConfig config = RuntimeConfig.builder().snapshot(snapshot).build();
        try (JsRuntimeFactory restoring = new UnpooledJsRuntimeFactory(config); JsRuntime js = restoring.create()) {
            assertThat(js.eval("endpoint")).isEqualTo("https://example.com/api/v1/items?x=1");
            assertThat(js.eval("international")).isEqualTo("xn--mnchen-3ya.example");
            assertThat(js.eval("api instanceof URL && api.searchParams.size === 0 && query.get('a') === '1'"))
                .isEqualTo(true);
            assertThat(js
                .eval("api.search = '?q=1'; api.searchParams.get('q') + ' ' + new URL('http://fa\u00df.de').host"))
                .isEqualTo("1 xn--fa-hia.de");
        }
    }

    private static void assertSameAsNode(List<String> bodies) throws Exception {
        List<String> expected = NodeScripts.results(bodies);
        try (JsRuntime js = factory.create()) {
            for (int i = 0; i < bodies.size(); i++) {
                Object actual = js.eval("JSON.stringify((() => {" + bodies.get(i) + "\n})())");
                assertThat(actual).as(bodies.get(i)).isEqualTo(expected.get(i));
            }
        }
    }

    /** A JavaScript string literal of {@code text}, in ASCII. */
    private static String js(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            }
            else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            }
            else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

}
