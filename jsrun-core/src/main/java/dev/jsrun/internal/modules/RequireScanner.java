package dev.jsrun.internal.modules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Finds {@code require('literal')} calls in JavaScript source with a small lexer that skips strings,
 * template literals, comments and regular expression literals. Calls with a computed argument, and
 * {@code x = require} aliases, are reported as dynamic: they cannot be followed before run time. Member
 * calls such as {@code module.require('x')} are not followed, as in other CommonJS bundlers.
 */
final class RequireScanner {

    /** A {@code require} found at a one-based line: {@code request} is null for a dynamic one. */
    record Require(String request, int line) {
    }

    /** After these words a '/' starts a regular expression rather than a division. */
    private static final Set<String> KEYWORDS_BEFORE_EXPRESSION = Set.of("return", "typeof", "instanceof", "in",
            "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await");

    private final String src;
    private final List<Require> found = new ArrayList<>();
    private final Deque<Integer> templateDepths = new ArrayDeque<>();
    private int at;
    private int line = 1;
    private int braces;
    /** The last significant token: an identifier or keyword, one punctuator character, or "value". */
    private String previous = "";

    private RequireScanner(String source) {
        this.src = source;
    }

    static List<Require> scan(String source) {
        RequireScanner scanner = new RequireScanner(source);
        scanner.run();
        return scanner.found;
    }

    private void run() {
        if (this.src.startsWith("#!")) {
            skipLineComment();
        }
        while (true) {
            skipSpaceAndComments();
            if (this.at >= this.src.length()) {
                return;
            }
            char c = this.src.charAt(this.at);
            if (c == '\'' || c == '"') {
                readString(c);
                this.previous = "value";
            }
            else if (c == '`') {
                this.at++;
                readTemplate();
            }
            else if (c == '/') {
                if (regexAllowed()) {
                    skipRegex();
                    this.previous = "value";
                }
                else {
                    this.at++;
                    this.previous = "/";
                }
            }
            else if (isIdentifierStart(c)) {
                identifier();
            }
            else if (Character.isDigit(c)) {
                while (this.at < this.src.length() && (Character.isLetterOrDigit(peek(0)) || peek(0) == '.' || peek(0) == '_')) {
                    this.at++;
                }
                this.previous = "value";
            }
            else {
                punctuator(c);
            }
        }
    }

    private void punctuator(char c) {
        this.at++;
        if (c == '{') {
            this.braces++;
        }
        else if (c == '}') {
            if (!this.templateDepths.isEmpty() && this.templateDepths.peek() == this.braces) {
                this.templateDepths.pop();
                readTemplate();
                return;
            }
            this.braces--;
        }
        this.previous = String.valueOf(c);
    }

    private void identifier() {
        int start = this.at;
        while (this.at < this.src.length() && isIdentifierPart(peek(0))) {
            this.at++;
        }
        String word = this.src.substring(start, this.at);
        boolean member = this.previous.equals(".");
        String before = this.previous;
        this.previous = word;
        if (!word.equals("require") || member) {
            return;
        }
        int callLine = this.line;
        int resume = this.at;
        skipSpaceAndComments();
        if (peek(0) == '(') {
            this.at++;
            skipSpaceAndComments();
            char quote = peek(0);
            if (quote == '\'' || quote == '"' || quote == '`') {
                int literalLine = this.line;
                String request = quote == '`' ? readPlainTemplate() : readString(quote);
                skipSpaceAndComments();
                if (request != null && peek(0) == ')') {
                    this.found.add(new Require(request, literalLine));
                    this.at++;
                    this.previous = ")";
                    return;
                }
            }
            this.found.add(new Require(null, callLine));
        }
        else if (before.equals("=")) {
            this.found.add(new Require(null, callLine));
        }
        // Lines skipped while looking ahead are counted again when the main loop reaches them.
        this.line = callLine;
        this.at = resume;
    }

    private boolean regexAllowed() {
        if (this.previous.isEmpty()) {
            return true;
        }
        if (this.previous.equals("value") || this.previous.equals(")") || this.previous.equals("]")) {
            return false;
        }
        if (isIdentifierStart(this.previous.charAt(0))) {
            return KEYWORDS_BEFORE_EXPRESSION.contains(this.previous);
        }
        return true;
    }

    /** Reads a quoted string and returns its value (simple escapes only). */
    private String readString(char quote) {
        StringBuilder value = new StringBuilder();
        this.at++;
        while (this.at < this.src.length()) {
            char c = this.src.charAt(this.at++);
            if (c == quote) {
                return value.toString();
            }
            if (c == '\\' && this.at < this.src.length()) {
                char escaped = this.src.charAt(this.at++);
                if (escaped == '\n') {
                    this.line++;
                }
                else {
                    value.append(escaped);
                }
            }
            else if (c == '\n') {
                this.line++;
                return null;
            }
            else {
                value.append(c);
            }
        }
        return null;
    }

    /** Reads a template literal after its opening backtick, up to its end or its first substitution. */
    private void readTemplate() {
        while (this.at < this.src.length()) {
            char c = this.src.charAt(this.at++);
            if (c == '\\') {
                if (peek(0) == '\n') {
                    this.line++;
                }
                this.at++;
            }
            else if (c == '\n') {
                this.line++;
            }
            else if (c == '`') {
                this.previous = "value";
                return;
            }
            else if (c == '$' && peek(0) == '{') {
                this.at++;
                this.braces++;
                this.templateDepths.push(this.braces);
                this.previous = "{";
                return;
            }
        }
    }

    /** The value of a template literal without substitutions, or null (then it is a dynamic request). */
    private String readPlainTemplate() {
        int end = this.src.indexOf('`', this.at + 1);
        if (end < 0) {
            return null;
        }
        String body = this.src.substring(this.at + 1, end);
        if (body.contains("${") || body.contains("\\")) {
            return null;
        }
        this.at = end + 1;
        return body;
    }

    private void skipRegex() {
        boolean inClass = false;
        this.at++;
        while (this.at < this.src.length()) {
            char c = this.src.charAt(this.at++);
            if (c == '\\') {
                this.at++;
            }
            else if (c == '\n') {
                this.line++;
                return;
            }
            else if (c == '[') {
                inClass = true;
            }
            else if (c == ']') {
                inClass = false;
            }
            else if (c == '/' && !inClass) {
                while (this.at < this.src.length() && isIdentifierPart(peek(0))) {
                    this.at++;
                }
                return;
            }
        }
    }

    private void skipSpaceAndComments() {
        while (this.at < this.src.length()) {
            char c = peek(0);
            if (c == '\n') {
                this.line++;
                this.at++;
            }
            else if (Character.isWhitespace(c)) {
                this.at++;
            }
            else if (c == '/' && peek(1) == '/') {
                skipLineComment();
            }
            else if (c == '/' && peek(1) == '*') {
                skipBlockComment();
            }
            else {
                return;
            }
        }
    }

    private void skipLineComment() {
        int end = this.src.indexOf('\n', this.at);
        this.at = end < 0 ? this.src.length() : end;
    }

    private void skipBlockComment() {
        int end = this.src.indexOf("*/", this.at + 2);
        int stop = end < 0 ? this.src.length() : end + 2;
        for (int i = this.at; i < stop; i++) {
            if (this.src.charAt(i) == '\n') {
                this.line++;
            }
        }
        this.at = stop;
    }

    private char peek(int offset) {
        int index = this.at + offset;
        return index < this.src.length() ? this.src.charAt(index) : '\0';
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$' || c > 0x7f;
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || Character.isDigit(c);
    }

}
