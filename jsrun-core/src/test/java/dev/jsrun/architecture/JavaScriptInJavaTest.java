package dev.jsrun.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * JavaScript that jsrun runs in V8 lives in {@code .js} resources beside the classes that
 * load it, where it can be read, linted and tested as what it is. This test reads
 * jsrun-core's main Java sources and fails on a text block or on a string literal
 * (adjacent literals and constants joined with {@code +} counted as one) that looks like
 * more than a one-liner of JavaScript.
 */
class JavaScriptInJavaTest {

    static final Path SOURCES = Path.of("src/main/java");

    /** Longer than this, a literal is more than a one-liner. */
    static final int ONE_LINER = 80;

    /**
     * Literals that may stay, each with its reason: the file, a colon and the literal's
     * start, mapped to why. None today; an entry needs a reason a reviewer accepts.
     */
    static final Map<String, String> EXCEPTIONS = Map.of();

    @Test
    void noMainSourceHoldsJavaScriptBeyondAOneLiner() throws IOException {
        assertThat(SOURCES.resolve("dev/jsrun/JsRuntime.java"))
            .as("jsrun-core's main sources, from the module's directory")
            .isRegularFile();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                String name = SOURCES.relativize(file).toString().replace('\\', '/');
                for (Literal literal : Literal.scan(Files.readString(file, StandardCharsets.UTF_8))) {
                    String key = name + ":" + literal.start();
                    if (literal.looksLikeJavaScript() && !EXCEPTIONS.containsKey(key)) {
                        found.add(name + " line " + literal.line() + ": " + literal.start());
                    }
                }
            }
        }
        assertThat(found)
            .as("JavaScript in Java string literals; move it into a .js resource beside its class "
                    + "(GuestScripts.load) or add it to EXCEPTIONS with a reason")
            .isEmpty();
    }

    @Test
    void theScanSeesScriptsAndLetsMessagesAndOneLinersBe() {
        String source = """
                class A {
                    // "(function () { var a = 1; return a; })() in a comment, which is no literal at all, is long"
                    static final String TEXT_BLOCK = \"""
                            1 + 1\""";
                    static final String JOINED = "(function (source, json) { try {"
                            + " if (json) JSON.parse(source); else new Function(source);"
                            + " return null; } catch (e) { return e.name; } })";
                    static final String ARROW = "(() => { const o = new Intl.DateTimeFormat().resolvedOptions();"
                            + NAME + " return o.locale + ' ' + o.timeZone; })()";
                    static final String SPLICED = "(function () { var guard = " + Other.GUARD + "(); return guard"
                            + " !== null && Object.defineProperty(globalThis, 'g', { value: guard }) !== null; })()";
                    static final String MESSAGE = "a value is a function, and functions cannot cross; bind it with "
                            + "JsRuntime.bind(name, function) and pass its name instead";
                    static final String ONE_LINER = "typeof " + GLOBAL + " !== 'undefined'";
                    static final char QUOTE = '"';
                    static final String CALLED = "(function () { return " + quote(x) + "; })() is cut at a call, "
                            + "so neither half is long enough to count as a script";
                }
                """;
        List<Literal> scripts = Literal.scan(source).stream().filter(Literal::looksLikeJavaScript).toList();
        assertThat(scripts).extracting(Literal::line).containsExactly(3, 5, 8, 10);
        assertThat(scripts.get(1).start()).startsWith("(function (source, json)");
        assertThat(scripts.get(2).text()).contains("resolvedOptions();\u0000 return o.locale");
    }

    /**
     * A string literal, or several joined with {@code +}, with its first line; a text
     * block is one on its own.
     */
    record Literal(int line, String text, boolean textBlock) {

        /** Marks where a named constant was joined in. */
        static final char CONSTANT = '\u0000';

        boolean looksLikeJavaScript() {
            if (this.textBlock) {
                return true;
            }
            if (this.text.length() <= ONE_LINER) {
                return false;
            }
            boolean function = this.text.contains("function") && this.text.contains("{");
            return function || this.text.contains("=>") || this.text.chars().filter(c -> c == ';').count() >= 3;
        }

        String start() {
            String start = this.text.replace(CONSTANT, '…').replace("\n", "\\n");
            return start.length() > 60 ? start.substring(0, 60) : start;
        }

        /** The literals of a Java source, skipping comments and character literals. */
        static List<Literal> scan(String source) {
            List<Literal> literals = new ArrayList<>();
            Scanner scanner = new Scanner(source);
            while (scanner.more()) {
                if (scanner.skipSpaceAndComments()) {
                    continue;
                }
                char c = scanner.peek();
                if (c == '\'') {
                    scanner.quoted('\'');
                }
                else if (scanner.at("\"\"\"")) {
                    int line = scanner.line();
                    literals.add(new Literal(line, scanner.textBlock(), true));
                }
                else if (c == '"') {
                    int line = scanner.line();
                    literals.add(new Literal(line, scanner.joined(), false));
                }
                else {
                    scanner.next();
                }
            }
            return literals;
        }

    }

    /** Just enough of Java's lexical grammar to find string literals. */
    static final class Scanner {

        private final String source;

        private int at;

        Scanner(String source) {
            this.source = source;
        }

        boolean more() {
            return this.at < this.source.length();
        }

        char peek() {
            return this.source.charAt(this.at);
        }

        void next() {
            this.at++;
        }

        boolean at(String text) {
            return this.source.startsWith(text, this.at);
        }

        int line() {
            int line = 1;
            for (int i = 0; i < this.at; i++) {
                if (this.source.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }

        /** Skips white space and comments; whether there were any. */
        boolean skipSpaceAndComments() {
            int from = this.at;
            while (more()) {
                if (Character.isWhitespace(peek())) {
                    next();
                }
                else if (at("//")) {
                    int end = this.source.indexOf('\n', this.at);
                    this.at = end < 0 ? this.source.length() : end;
                }
                else if (at("/*")) {
                    int end = this.source.indexOf("*/", this.at + 2);
                    this.at = end < 0 ? this.source.length() : end + 2;
                }
                else {
                    break;
                }
            }
            return this.at > from;
        }

        /** A literal in {@code quote}s, its escapes as written. */
        String quoted(char quote) {
            StringBuilder text = new StringBuilder();
            next();
            while (more() && peek() != quote) {
                if (peek() == '\\') {
                    text.append(peek());
                    next();
                }
                text.append(peek());
                next();
            }
            next();
            return text.toString();
        }

        String textBlock() {
            this.at += 3;
            int start = this.at;
            while (more() && !at("\"\"\"")) {
                this.at += peek() == '\\' ? 2 : 1;
            }
            String text = this.source.substring(start, Math.min(this.at, this.source.length()));
            this.at += 3;
            return text;
        }

        /**
         * A string literal and whatever literals and constants follow it joined with
         * {@code +}.
         */
        String joined() {
            StringBuilder text = new StringBuilder(quoted('"'));
            while (true) {
                int mark = this.at;
                skipSpaceAndComments();
                if (!more() || peek() != '+' || at("++") || at("+=")) {
                    this.at = mark;
                    return text.toString();
                }
                next();
                skipSpaceAndComments();
                if (more() && peek() == '"' && !at("\"\"\"")) {
                    text.append(quoted('"'));
                }
                else if (more() && Character.isJavaIdentifierStart(peek())) {
                    int name = this.at;
                    while (more() && (Character.isJavaIdentifierPart(peek()) || peek() == '.')) {
                        next();
                    }
                    int after = this.at;
                    skipSpaceAndComments();
                    boolean call = more() && peek() == '(';
                    this.at = call ? name : after;
                    if (call) {
                        return text.toString();
                    }
                    text.append(Literal.CONSTANT);
                }
                else {
                    this.at = mark;
                    return text.toString();
                }
            }
        }

    }

}
