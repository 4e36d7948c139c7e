package dev.jsrun.internal.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.jsrun.internal.js.JsTokenizer.Kind;

class JsTokenizerTest {

    /** Each token as its kind and text. */
    private static List<String> tokens(String source) {
        JsTokenizer tokens = new JsTokenizer(source);
        List<String> out = new ArrayList<>();
        while (tokens.next() != Kind.END) {
            out.add(tokens.kind() + " " + tokens.text());
        }
        return out;
    }

    /** How each {@code /} that is not in a comment, string or template text was read. */
    private static List<String> slashes(String source) {
        JsTokenizer tokens = new JsTokenizer(source);
        List<String> out = new ArrayList<>();
        while (tokens.next() != Kind.END) {
            if (tokens.kind() == Kind.REGEX) {
                out.add("regex " + tokens.text());
            }
            else if (tokens.kind() == Kind.PUNCTUATOR && tokens.text().startsWith("/")) {
                out.add("divide");
            }
        }
        return out;
    }

    @Test
    void readsIdentifiersKeywordsAndPrivateNames() {
        assertThat(tokens("foo $bar _baz9 return #secret this.#x")).containsExactly("IDENTIFIER foo", "IDENTIFIER $bar",
                "IDENTIFIER _baz9", "IDENTIFIER return", "PRIVATE_NAME #secret", "IDENTIFIER this", "PUNCTUATOR .",
                "PRIVATE_NAME #x");
    }

    @Test
    void readsNonAsciiAndEscapedIdentifiers() {
        assertThat(tokens("ñame 变量 importé \\u0061bc a\\u{62}c \ud835\udcb6b a\u200db x\u0301")).containsExactly(
                "IDENTIFIER ñame", "IDENTIFIER 变量", "IDENTIFIER importé", "IDENTIFIER \\u0061bc",
                "IDENTIFIER a\\u{62}c", "IDENTIFIER \ud835\udcb6b", "IDENTIFIER a\u200db", "IDENTIFIER x\u0301");
        // Not identifier characters: a currency sign, an emoji, a stray backslash.
        assertThat(tokens("a€b \ud83d\ude00 \\x")).containsExactly("IDENTIFIER a", "PUNCTUATOR €", "IDENTIFIER b",
                "PUNCTUATOR \ud83d\ude00", "PUNCTUATOR \\", "IDENTIFIER x");
    }

    @Test
    void readsNumbers() {
        assertThat(tokens("1 1.5 .5e-3 1e+5 0xFF 0b1_0 0o17 10n 1_000")).allMatch(token -> token.startsWith("NUMBER "))
            .hasSize(9);
        assertThat(tokens("1..toString 1.5.toFixed")).containsExactly("NUMBER 1.", "PUNCTUATOR .",
                "IDENTIFIER toString", "NUMBER 1.5", "PUNCTUATOR .", "IDENTIFIER toFixed");
        assertThat(tokens("a?.5:1")).containsExactly("IDENTIFIER a", "PUNCTUATOR ?", "NUMBER .5", "PUNCTUATOR :",
                "NUMBER 1");
    }

    @Test
    void readsStrings() {
        assertThat(tokens("'a\"b' \"c'd\" 'e\\'f' \"g\\\\\" 'h\\\ni' 'j\\\r\nk' 'l\u2028m'")).containsExactly(
                "STRING 'a\"b'", "STRING \"c'd\"", "STRING 'e\\'f'", "STRING \"g\\\\\"", "STRING 'h\\\ni'",
                "STRING 'j\\\r\nk'", "STRING 'l\u2028m'");
    }

    @Test
    void readsTemplatesWithNestedSubstitutions() {
        assertThat(tokens("`plain \\` \\${no}` `a${b}c${ {d: `e${f}`} }g`")).containsExactly(
                "TEMPLATE `plain \\` \\${no}`", "TEMPLATE_HEAD `a${", "IDENTIFIER b", "TEMPLATE_MIDDLE }c${",
                "PUNCTUATOR {", "IDENTIFIER d", "PUNCTUATOR :", "TEMPLATE_HEAD `e${", "IDENTIFIER f",
                "TEMPLATE_TAIL }`", "PUNCTUATOR }", "TEMPLATE_TAIL }g`");
    }

    @Test
    void readsRegularExpressionsWithClassesEscapesAndFlags() {
        assertThat(tokens("x = /[/\\]]+\\/(?<n>a)/giu.test(s)")).containsExactly("IDENTIFIER x", "PUNCTUATOR =",
                "REGEX /[/\\]]+\\/(?<n>a)/giu", "PUNCTUATOR .", "IDENTIFIER test", "PUNCTUATOR (", "IDENTIFIER s",
                "PUNCTUATOR )");
        assertThat(tokens("x = /=/; y /= 2")).containsExactly("IDENTIFIER x", "PUNCTUATOR =", "REGEX /=/",
                "PUNCTUATOR ;", "IDENTIFIER y", "PUNCTUATOR /=", "NUMBER 2");
    }

    @Test
    void readsTheLongestPunctuator() {
        assertThat(tokens("a>>>=b?.c??=d...e=>f**=g!==h&&=i<<j>=k--")).containsExactly("IDENTIFIER a",
                "PUNCTUATOR >>>=", "IDENTIFIER b", "PUNCTUATOR ?.", "IDENTIFIER c", "PUNCTUATOR ??=", "IDENTIFIER d",
                "PUNCTUATOR ...", "IDENTIFIER e", "PUNCTUATOR =>", "IDENTIFIER f", "PUNCTUATOR **=", "IDENTIFIER g",
                "PUNCTUATOR !==", "IDENTIFIER h", "PUNCTUATOR &&=", "IDENTIFIER i", "PUNCTUATOR <<", "IDENTIFIER j",
                "PUNCTUATOR >=", "IDENTIFIER k", "PUNCTUATOR --");
    }

    @Test
    void skipsCommentsAndTheHashbangAndReportsLineBreaks() {
        JsTokenizer tokens = new JsTokenizer("#!/usr/bin/env node a\nb /* c */ c /* \n */ d // e\u2028f\u00a0\ufeffg");
        List<String> out = new ArrayList<>();
        while (tokens.next() != Kind.END) {
            out.add(tokens.text() + (tokens.lineBreakBefore() ? " after a line break" : ""));
        }
        assertThat(out).containsExactly("b after a line break", "c", "d after a line break", "f after a line break",
                "g");
    }

    @Test
    void givesOffsetsAndTheNameAfterADotAsAMember() {
        JsTokenizer tokens = new JsTokenizer("a . b?.import\nimport");
        assertThat(tokens.next()).isEqualTo(Kind.IDENTIFIER);
        assertThat(tokens.start()).isZero();
        assertThat(tokens.end()).isEqualTo(1);
        assertThat(tokens.isMemberName()).isFalse();
        tokens.next();
        assertThat(tokens.isPunctuator('.')).isTrue();
        tokens.next();
        assertThat(tokens.isMemberName()).isTrue();
        tokens.next();
        assertThat(tokens.isPunctuator('.')).isFalse();
        tokens.next();
        assertThat(tokens.isIdentifier("import")).isTrue();
        assertThat(tokens.isMemberName()).isTrue();
        assertThat(tokens.start()).isEqualTo(7);
        tokens.next();
        assertThat(tokens.isIdentifier("import")).isTrue();
        assertThat(tokens.isMemberName()).isFalse();
        assertThat(tokens.next()).isEqualTo(Kind.END);
        assertThat(tokens.next()).isEqualTo(Kind.END);
        assertThat(tokens.start()).isEqualTo(20);
    }

    @Test
    void countsOpenBrackets() {
        JsTokenizer tokens = new JsTokenizer("f(a, {b: [`${c}`]})");
        List<Integer> depths = new ArrayList<>();
        while (tokens.next() != Kind.END) {
            depths.add(tokens.depth());
        }
        assertThat(depths).containsExactly(0, 1, 1, 1, 2, 2, 2, 2, 3, 3, 2, 2, 1, 0);
        // A brace closes the parentheses left open inside it; a stray closing bracket
        // closes nothing.
        tokens = new JsTokenizer("{ ( ( } ) ]");
        depths.clear();
        while (tokens.next() != Kind.END) {
            depths.add(tokens.depth());
        }
        assertThat(depths).containsExactly(1, 2, 3, 0, 0, 0);
    }

    @Test
    void dividesAfterValues() {
        assertThat(slashes("a / b / c")).containsExactly("divide", "divide");
        assertThat(slashes("x = (a) / 2 / 3")).containsExactly("divide", "divide");
        assertThat(slashes("a[0] / 2; 1 / 2; 'a' / 2; `a` / 2; `${a}` / 2; /r/ / 2; this / 2"))
            .containsExactly("divide", "divide", "divide", "divide", "divide", "regex /r/", "divide", "divide");
        assertThat(slashes("a++ / 2; b-- / 2")).containsExactly("divide", "divide");
    }

    @Test
    void startsRegularExpressionsAfterOperatorsAndAtTheStart() {
        assertThat(slashes("/a/.test(s)")).containsExactly("regex /a/");
        assertThat(slashes("x = /re/g")).containsExactly("regex /re/g");
        assertThat(slashes("f(/a/, [/b/], {k: /c/}, !/d/, x ? /e/ : /f/, y => /g/, ...h || /i/)")).containsExactly(
                "regex /a/", "regex /b/", "regex /c/", "regex /d/", "regex /e/", "regex /f/", "regex /g/", "regex /i/");
        assertThat(slashes("`${/a/}`; a; /b/")).containsExactly("regex /a/", "regex /b/");
    }

    @Test
    void startsRegularExpressionsAfterKeywordsThatPrecedeAnExpression() {
        assertThat(slashes("function f() { return /x/ }")).containsExactly("regex /x/");
        assertThat(slashes("typeof /x/; void /x/; delete /x/.y; new /x/.constructor; throw /x/")).hasSize(5)
            .allMatch(slash -> slash.startsWith("regex"));
        assertThat(slashes("a instanceof /x/; b in /x/; for (c of /x/); export default /x/")).hasSize(4)
            .allMatch(slash -> slash.startsWith("regex"));
        assertThat(slashes("switch (a) { case /x/: }; do /x/.test(s); while (0); if (a) b; else /x/")).hasSize(3)
            .allMatch(slash -> slash.startsWith("regex"));
        assertThat(slashes("function* g() { yield /x/ } async function h() { await /x/ }")).hasSize(2)
            .allMatch(slash -> slash.startsWith("regex"));
    }

    @Test
    void dividesAfterKeywordsUsedAsPropertyNames() {
        // The require scanner read a regex after these, which hid the rest of the line.
        assertThat(slashes("a.return / 2 / 3")).containsExactly("divide", "divide");
        assertThat(slashes("a?.typeof / 2; b.in / 3; c.yield / 4")).containsExactly("divide", "divide", "divide");
    }

    @Test
    void startsARegularExpressionAfterTheParenthesisOfAControlStatement() {
        // Both earlier lexers read a division after any ')'.
        assertThat(slashes("if (a) /re/.test(s)")).containsExactly("regex /re/");
        assertThat(slashes("while (x) /re/.exec(s); for (;;) /re/; for await (const a of b) /re/; with (o) /re/"))
            .hasSize(4)
            .allMatch(slash -> slash.startsWith("regex"));
        assertThat(slashes("if ((a) / 2) /re/; f(a) / 2")).containsExactly("divide", "regex /re/", "divide");
    }

    @Test
    void tellsTheBraceOfABlockFromTheBraceOfAnObjectLiteral() {
        // The import rewriter read a division after every '}', the require scanner a
        // regex.
        assertThat(slashes("{}\n/re/.test(s)")).containsExactly("regex /re/");
        assertThat(slashes("if (a) { b() } /re/.test(s)")).containsExactly("regex /re/");
        assertThat(slashes("x = {} / 2")).containsExactly("divide");
        assertThat(slashes("x = {a: {}} / 2; f({} / 2)")).containsExactly("divide", "divide");
        assertThat(slashes("try {} catch {} /a/; try {} finally {} /b/; label: {} /c/")).hasSize(3)
            .allMatch(slash -> slash.startsWith("regex"));
        assertThat(slashes("switch (a) { case 1: {} /x/ }")).containsExactly("regex /x/");
        assertThat(slashes("return {} / 2")).containsExactly("divide");
        // A line break after return, or after a value, ends the statement: the brace
        // opens a block.
        assertThat(slashes("return\n{} /x/")).containsExactly("regex /x/");
        assertThat(slashes("a = b\n{} /x/")).containsExactly("regex /x/");
        // Template substitutions are neither.
        assertThat(slashes("`${a}/b/`")).isEmpty();
    }

    @Test
    void tellsTheBodyOfAFunctionOrClassDeclarationFromAnExpression() {
        assertThat(slashes("function f() {}\n/re/.test(s)")).containsExactly("regex /re/");
        assertThat(slashes("async function f() {} /a/; function* g() {} /b/; export default function () {} /c/"))
            .hasSize(3)
            .allMatch(slash -> slash.startsWith("regex"));
        assertThat(slashes("x = function () {} / 2; y = function f(a = {}) { return {} } / 2"))
            .containsExactly("divide", "divide");
        assertThat(slashes("x = async function () {} / 2; (function* () {}) / 2")).containsExactly("divide", "divide");
        assertThat(slashes("x = function of() {} / 2; function async() {} /re/")).containsExactly("divide",
                "regex /re/");
        assertThat(slashes("class A extends mixin(B, {}).C { m() {} }\n/re/")).containsExactly("regex /re/");
        assertThat(slashes("x = class extends B { static {} m() {} } / 2")).containsExactly("divide");
        assertThat(slashes("o = { function: 1, class: {} } / 2; () => {}\n/re/")).containsExactly("divide",
                "regex /re/");
    }

    @Test
    void readsIncrementsAsPrefixOrPostfix() {
        // The require scanner read a regex after a postfix ++.
        assertThat(slashes("a++ / 2")).containsExactly("divide");
        assertThat(slashes("x = ++/re/.lastIndex")).containsExactly("regex /re/");
        // No line break may come before a postfix operator: this ++ is a prefix one.
        assertThat(slashes("a\n++/re/.lastIndex")).containsExactly("regex /re/");
    }

    @Test
    void readsUnterminatedTokensToTheEndOfTheLineOrSource() {
        JsTokenizer tokens = new JsTokenizer("'abc\nx");
        assertThat(tokens.next()).isEqualTo(Kind.STRING);
        assertThat(tokens.text()).isEqualTo("'abc");
        assertThat(tokens.isTerminated()).isFalse();
        assertThat(tokens.next()).isEqualTo(Kind.IDENTIFIER);
        assertThat(tokens.isTerminated()).isTrue();

        assertThat(tokens("x = /ab[c\ny")).containsExactly("IDENTIFIER x", "PUNCTUATOR =", "REGEX /ab[c",
                "IDENTIFIER y");
        assertThat(tokens("a /* b c")).containsExactly("IDENTIFIER a");
        assertThat(tokens("`a ${ b")).containsExactly("TEMPLATE_HEAD `a ${", "IDENTIFIER b");
        assertThat(tokens("`a ${ b } c")).containsExactly("TEMPLATE_HEAD `a ${", "IDENTIFIER b", "TEMPLATE_TAIL } c");
        assertThat(tokens("'\\")).containsExactly("STRING '\\");
        assertThat(tokens("`\\")).containsExactly("TEMPLATE `\\");
        assertThat(tokens("/\\")).containsExactly("REGEX /\\");
        for (String source : new String[] { "'a", "\"a\r", "`a", "/a", "/a\\\n/" }) {
            tokens = new JsTokenizer(source);
            tokens.next();
            assertThat(tokens.isTerminated()).as(source).isFalse();
        }
        assertThat(tokens("\\u{61")).containsExactly("IDENTIFIER \\u{61");
    }

    @Test
    void nestsWithoutRecursion() {
        int depth = 1_000_000;
        JsTokenizer tokens = new JsTokenizer("`${".repeat(depth) + "x" + "}`".repeat(depth));
        int heads = 0;
        int tails = 0;
        int deepest = 0;
        while (tokens.next() != Kind.END) {
            heads += tokens.kind() == Kind.TEMPLATE_HEAD ? 1 : 0;
            tails += tokens.kind() == Kind.TEMPLATE_TAIL ? 1 : 0;
            deepest = Math.max(deepest, tokens.depth());
        }
        assertThat(heads).isEqualTo(depth);
        assertThat(tails).isEqualTo(depth);
        assertThat(deepest).isEqualTo(depth);
        assertThat(tokens.depth()).isZero();

        for (String open : new String[] { "(", "{", "[", "({", "function (", "class extends (", "f(function () {" }) {
            tokens = new JsTokenizer(open.repeat(100_000) + "/x/" + "}".repeat(100_000));
            int count = 0;
            while (tokens.next() != Kind.END) {
                count++;
            }
            assertThat(count).as(open).isGreaterThan(200_000);
        }
    }

}
