package dev.jsrun.internal.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.jsrun.JsRuntime;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.Snapshot;
import dev.jsrun.internal.runtime.Isolate;
import dev.jsrun.pool.JsRuntimePool;
import dev.jsrun.pool.PoolSettings;
import dev.jsrun.snapshot.SnapshotBuilder;

class SharedRegExpsTest {

    private static final String SETUP = """
            globalThis.rules = { word: /\\w+/g, path: new RegExp('a/b', 'i'), sticky: /x/y,
                unicode: /[\\u{e0}-\\u{ff}]+/u, named: /(?<year>\\d{4})-(?<month>\\d\\d)/d };
            rules.word.exec('abc def');
            globalThis.registry = new Map([['key', /m\\d+/]]);
            globalThis.frozen = Object.freeze(/f+/);
            class Grammar { static get rules() { return { hidden: hiddenRule }; } }
            var hiddenRule = /hid(den)?/;
            globalThis.Grammar = Grammar;
            globalThis.inClosure = (() => { const re = /closure/; return s => re.test(s); })();
            """;

    private static final String PROBE = "JSON.stringify({"
            + " word: [rules.word.lastIndex, rules.word.source, rules.word.flags, 'one two'.match(rules.word)],"
            + " path: [rules.path.source, rules.path.test('A/B')],"
            + " sticky: [rules.sticky.flags, rules.sticky.test('x')]," + " unicode: rules.unicode.exec('xçày')[0],"
            + " named: [rules.named.exec('2024-05').groups.month, rules.named.hasIndices],"
            + " map: registry.get('key').test('m42')," + " frozen: [Object.isFrozen(frozen), frozen.test('ff')],"
            + " hidden: Grammar.rules.hidden.test('hid')," + " closure: inClosure('closure'),"
            + " leaked: Object.getOwnPropertyNames(globalThis).filter(n => n.includes('regexps'))" + "})";

    private static final String EXPECTED = "{\"word\":[3,\"\\\\w+\",\"g\",[\"one\",\"two\"]],"
            + "\"path\":[\"a\\\\/b\",true],\"sticky\":[\"y\",true],\"unicode\":\"çà\","
            + "\"named\":[\"05\",true],\"map\":true,\"frozen\":[true,true],\"hidden\":true,\"closure\":true,\"leaked\":[]}";

    @Test
    void snapshotRegExpsAreRelinkedInEveryContextAndBehaveAsBefore() {
        Snapshot snapshot = new SnapshotBuilder().executeScript("setup.js", SETUP).build();
        RuntimeConfig config = RuntimeConfig.builder().snapshot(snapshot).build();
        try (Isolate isolate = Isolate.restore(config)) {
            // word, path, sticky, unicode, named, the one in the map and the one behind a
            // static getter; a frozen one cannot be re-initialised (its lastIndex is
            // read-only) and keeps its own code
            assertThat(isolate.sharedRegExps()).isEqualTo(7);
            assertThat(isolate.eval(PROBE, null)).isEqualTo(EXPECTED);
        }
        try (JsRuntimePool pool = new JsRuntimePool(config, PoolSettings.builder().maxSize(1).minIdle(1).build())) {
            for (int i = 0; i < 3; i++) {
                try (JsRuntime js = pool.acquire()) {
                    // the previous borrower's lastIndex and matches are gone with its
                    // context
                    assertThat(js.eval(PROBE)).isEqualTo(EXPECTED);
                    js.eval("rules.word.lastIndex = 1; rules.word.exec('zzz'); rules.path.compile('other');");
                }
            }
        }
    }

    @Test
    void aSnapshotWithoutRegExpsRecordsNothing() {
        Snapshot snapshot = new SnapshotBuilder().executeScript("setup.js", "globalThis.n = 1;").build();
        try (Isolate isolate = Isolate.restore(RuntimeConfig.builder().snapshot(snapshot).build())) {
            assertThat(isolate.sharedRegExps()).isZero();
            assertThat(isolate.eval("Object.getOwnPropertyNames(globalThis).includes('" + SharedRegExps.GLOBAL + "')",
                    null))
                .isEqualTo(false);
        }
    }

    @Test
    void aReplacedCompileIsNeverCalled() {
        Snapshot snapshot = new SnapshotBuilder()
            .executeScript("setup.js",
                    "globalThis.calls = 0; RegExp.prototype.compile = function () { calls++; return this; };"
                            + " globalThis.re = /a+/g;")
            .build();
        try (Isolate isolate = Isolate.restore(RuntimeConfig.builder().snapshot(snapshot).build())) {
            assertThat(isolate.sharedRegExps()).isZero();
            assertThat(isolate.eval("[calls, re.test('aa'), re.lastIndex].join()", null)).isEqualTo("0,true,2");
        }
    }

    @Test
    void realLibrariesKeepTheirResults() {
        // marked keeps its rules in closures, reachable only through the static getter
        // Lexer.rules, which jsrun does not call: a setup script that reads them into a
        // data property has them shared
        Snapshot snapshot = new SnapshotBuilder()
            .executeScript("marked.min.js", dev.jsrun.WebJars.read("marked", "marked.min.js"))
            .executeScript("share-rules.js", "globalThis.markedRules = marked.Lexer.rules;")
            .build();
        try (Isolate isolate = Isolate.restore(RuntimeConfig.builder().snapshot(snapshot).build())) {
            assertThat(isolate.sharedRegExps()).isGreaterThan(50);
            assertThat(isolate.eval("marked.parse('# Title\\n\\n* a\\n* **b** [link](http://x.y)')", null))
                .isEqualTo("<h1 id=\"title\">Title</h1>\n<ul>\n<li>a</li>\n<li><strong>b</strong> "
                        + "<a href=\"http://x.y\">link</a></li>\n</ul>\n");
        }
    }

    @Test
    void theWalkReadsPrototypesOnlyWhereTheyAlreadyExist() {
        // the prototypes of a class, of a built-in constructor and one reached from an
        // instance are walked; a plain function's prototype that nothing else reaches is
        // not, since reading it would create one for every function
        Snapshot snapshot = new SnapshotBuilder()
            .executeScript("setup.js",
                    "class Rules {} Rules.prototype.re = /r+/; globalThis.Rules = Rules;"
                            + " function Lexer() {} Lexer.prototype.re = /l+/; globalThis.lexer = new Lexer();"
                            + " function Bare() {} Bare.prototype.re = /b+/; globalThis.Bare = Bare;"
                            + " String.prototype.jsrunRule = /s+/;")
            .build();
        try (Isolate isolate = Isolate.restore(RuntimeConfig.builder().snapshot(snapshot).build())) {
            assertThat(isolate.sharedRegExps()).isEqualTo(3);
            assertThat(isolate.eval("[Rules.prototype.re.test('rr'), lexer.re.test('ll'), Bare.prototype.re.test('b'),"
                    + " 'x'.jsrunRule.test('ss')].join()", null))
                .isEqualTo("true,true,true,true");
        }
    }

    @Test
    void theWalkCreatesNoPrototypeThatTheScriptsDidNot() {
        String functions = "globalThis.fns = []; for (let i = 0; i < 3000; i++) fns.push(function () { return i; });";
        Snapshot walked = new SnapshotBuilder().executeScript("setup.js", functions).build();
        Snapshot read = new SnapshotBuilder().executeScript("setup.js", functions + " fns.forEach(f => f.prototype);")
            .build();
        // each prototype read costs an object and a map in the snapshot, and in every
        // context restored from it
        assertThat(walked.size()).isLessThan(read.size() - 3000 * 50);
    }

}
