package dev.jsrun.internal.runtime;

import java.util.Arrays;
import java.util.Set;

/**
 * Replaces dynamic {@code import(...)} calls with calls to a host function, because V8 as embedded
 * through Javet rejects native dynamic import. Only the keyword is replaced; every other character
 * stays where it was, so line and column numbers in errors remain valid.
 *
 * <p>A single-pass, linear-time lexer skips strings, templates (with nested {@code ${}} code),
 * comments, the hashbang line and regex literals. Lexing JavaScript without a parser needs two
 * heuristics:
 *
 * <ul>
 *   <li>A {@code /} starts a regex unless the previous significant token ends a value
 *       (identifier, number, string, regex, template, {@code )}, {@code ]}, {@code }}, postfix
 *       {@code ++}/{@code --}); after one of the keywords that precede an expression
 *       ({@code return}, {@code typeof}, ...) it is a regex again. A {@code /} after {@code )} or
 *       a block-closing {@code }} is therefore read as division, which misreads the rare
 *       {@code if (x) /re/.test(s)}.
 *   <li>{@code import(...)} is a method definition, not a call, when the previous significant
 *       token can start a class or object member ({@code { , ; } *} or {@code static},
 *       {@code async}, {@code get}, {@code set}) and the closing {@code )} is followed by
 *       {@code {}.
 * </ul>
 */
final class DynamicImportRewriter {

    private static final String IMPORT = "import";

    private static final Set<String> EXPRESSION_KEYWORDS = Set.of("return", "typeof", "instanceof", "in",
            "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await");

    private static final Set<String> MEMBER_MODIFIERS = Set.of("static", "async", "get", "set");

    // Kinds of the previous significant token.
    private static final int NONE = 0;
    private static final int IDENT = 1;
    private static final int PROPERTY = 2;
    private static final int VALUE = 3;
    private static final int CLOSE = 4;
    private static final int DOT = 5;
    private static final int PUNCT = 6;

    // Bracket stack entries; a value >= 0 is a paren opened right after a possible method named
    // import, holding the offset of that import keyword.
    private static final int BRACE = -1;
    private static final int SUBSTITUTION = -2;
    private static final int PAREN = -3;

    private final String src;
    private final int len;
    private int pos;
    private int prevKind = NONE;
    private char prevChar;
    private int prevStart;
    private int prevEnd;
    private int nextParen = PAREN;
    private int[] stack = new int[16];
    private int depth;
    private int[] found = new int[4];
    private int foundCount;

    private DynamicImportRewriter(String src) {
        this.src = src;
        this.len = src.length();
    }

    /**
     * Returns {@code source} with every dynamic {@code import(} call replaced by
     * {@code functionName(}; returns the same instance when there is none.
     */
    static String rewrite(String source, String functionName) {
        if (!source.contains(IMPORT)) {
            return source;
        }
        DynamicImportRewriter lexer = new DynamicImportRewriter(source);
        lexer.lex();
        if (lexer.foundCount == 0) {
            return source;
        }
        // Calls nested in a pending method candidate are confirmed before it, hence the sort.
        int[] offsets = Arrays.copyOf(lexer.found, lexer.foundCount);
        Arrays.sort(offsets);
        StringBuilder out = new StringBuilder(source.length() + offsets.length * functionName.length());
        int last = 0;
        for (int offset : offsets) {
            out.append(source, last, offset).append(functionName);
            last = offset + IMPORT.length();
        }
        return out.append(source, last, source.length()).toString();
    }

    private void lex() {
        if (src.startsWith("#!")) {
            pos = lineEnd(2);
        }
        while (pos < len) {
            char c = src.charAt(pos);
            if (isSpace(c)) {
                pos++;
                continue;
            }
            switch (c) {
                case '/' -> slash();
                case '\'', '"' -> {
                    pos = stringEnd(pos + 1, c);
                    prevKind = VALUE;
                }
                case '`' -> pos = template(pos + 1);
                case '(' -> {
                    push(nextParen);
                    nextParen = PAREN;
                    punct(c, 1);
                }
                case ')' -> closeParen();
                case '{' -> {
                    push(BRACE);
                    punct(c, 1);
                }
                case '}' -> closeBrace();
                case ']' -> close(c, 1);
                case '.' -> {
                    if (isDigit(charAt(pos + 1))) {
                        number();
                    } else if (charAt(pos + 1) == '.' && charAt(pos + 2) == '.') {
                        punct(c, 3);
                    } else {
                        prevKind = DOT;
                        pos++;
                    }
                }
                case '?' -> {
                    if (charAt(pos + 1) == '.' && !isDigit(charAt(pos + 2))) {
                        prevKind = DOT;
                        pos += 2;
                    } else {
                        punct(c, 1);
                    }
                }
                case '+', '-' -> {
                    if (charAt(pos + 1) == c) {
                        close(c, 2);
                    } else {
                        punct(c, 1);
                    }
                }
                case '#' -> {
                    if (isIdentStart(pos + 1)) {
                        pos = identEnd(pos + 1);
                        prevKind = PROPERTY;
                    } else {
                        punct(c, 1);
                    }
                }
                default -> {
                    if (isDigit(c)) {
                        number();
                    } else if (isIdentStart(pos)) {
                        identifier();
                    } else {
                        punct(c, 1);
                    }
                }
            }
        }
        // Unbalanced input: a pending candidate never reached its ')', treat it as a call.
        for (int i = 0; i < depth; i++) {
            if (stack[i] >= 0) {
                confirm(stack[i]);
            }
        }
    }

    private void slash() {
        char next = charAt(pos + 1);
        if (next == '/') {
            pos = lineEnd(pos + 2);
        } else if (next == '*') {
            pos = blockCommentEnd(pos + 2);
        } else if (regexAllowed()) {
            pos = regexEnd(pos + 1);
            prevKind = VALUE;
        } else {
            punct('/', 1);
        }
    }

    private void identifier() {
        int start = pos;
        pos = identEnd(start);
        if (prevKind == DOT) {
            prevKind = PROPERTY;
            return;
        }
        if (pos - start == IMPORT.length() && src.startsWith(IMPORT, start)
                && charAt(skipTrivia(pos)) == '(') {
            if (isMemberStart()) {
                nextParen = start;
            } else {
                confirm(start);
            }
        }
        prevKind = IDENT;
        prevStart = start;
        prevEnd = pos;
    }

    private void closeParen() {
        if (depth > 0 && (stack[depth - 1] >= 0 || stack[depth - 1] == PAREN)) {
            int entry = stack[--depth];
            if (entry >= 0 && charAt(skipTrivia(pos + 1)) != '{') {
                confirm(entry);
            }
        }
        close(')', 1);
    }

    private void closeBrace() {
        while (depth > 0 && (stack[depth - 1] >= 0 || stack[depth - 1] == PAREN)) {
            int entry = stack[--depth];
            if (entry >= 0) {
                confirm(entry);
            }
        }
        if (depth > 0 && stack[depth - 1] == SUBSTITUTION) {
            depth--;
            pos = template(pos + 1);
            return;
        }
        if (depth > 0) {
            depth--;
        }
        close('}', 1);
    }

    /** Scans template characters from {@code i}; stops after the closing backtick or after {@code ${}. */
    private int template(int i) {
        while (i < len) {
            char c = src.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '`') {
                prevKind = VALUE;
                return i + 1;
            } else if (c == '$' && charAt(i + 1) == '{') {
                push(SUBSTITUTION);
                prevKind = PUNCT;
                prevChar = '$';
                return i + 2;
            } else {
                i++;
            }
        }
        prevKind = VALUE;
        return len;
    }

    private int stringEnd(int i, char quote) {
        while (i < len) {
            char c = src.charAt(i);
            if (c == quote) {
                return i + 1;
            }
            if (c == '\\') {
                i += charAt(i + 1) == '\r' && charAt(i + 2) == '\n' ? 3 : 2;
            } else if (c == '\n' || c == '\r') {
                return i;
            } else {
                i++;
            }
        }
        return len;
    }

    private int regexEnd(int i) {
        boolean inClass = false;
        while (i < len) {
            char c = src.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (isLineTerminator(c)) {
                return i;
            }
            i++;
            if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '/' && !inClass) {
                break;
            }
        }
        while (i < len && isIdentPart(src.codePointAt(i))) {
            i += Character.charCount(src.codePointAt(i));
        }
        return Math.min(i, len);
    }

    private void number() {
        int i = pos + 1;
        while (i < len) {
            char c = src.charAt(i);
            if (isDigit(c) || c == '.' || c == '_' || (c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                i++;
            } else {
                break;
            }
        }
        pos = i;
        prevKind = VALUE;
    }

    private int identEnd(int i) {
        while (i < len) {
            if (src.charAt(i) == '\\' && charAt(i + 1) == 'u') {
                i += 2;
                if (charAt(i) == '{') {
                    int close = src.indexOf('}', i);
                    i = close < 0 ? len : close + 1;
                }
                continue;
            }
            int cp = src.codePointAt(i);
            if (!isIdentPart(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return Math.min(i, len);
    }

    private int skipTrivia(int i) {
        while (i < len) {
            char c = src.charAt(i);
            if (isSpace(c)) {
                i++;
            } else if (c == '/' && charAt(i + 1) == '/') {
                i = lineEnd(i + 2);
            } else if (c == '/' && charAt(i + 1) == '*') {
                i = blockCommentEnd(i + 2);
            } else {
                return i;
            }
        }
        return len;
    }

    private int lineEnd(int i) {
        while (i < len && !isLineTerminator(src.charAt(i))) {
            i++;
        }
        return i;
    }

    private int blockCommentEnd(int i) {
        int end = src.indexOf("*/", i);
        return end < 0 ? len : end + 2;
    }

    private boolean regexAllowed() {
        return switch (prevKind) {
            case NONE, PUNCT -> true;
            case IDENT -> EXPRESSION_KEYWORDS.contains(src.substring(prevStart, prevEnd));
            default -> false;
        };
    }

    private boolean isMemberStart() {
        return switch (prevKind) {
            case PUNCT -> "{,;*".indexOf(prevChar) >= 0;
            case CLOSE -> prevChar == '}';
            case IDENT -> MEMBER_MODIFIERS.contains(src.substring(prevStart, prevEnd));
            default -> false;
        };
    }

    private void punct(char c, int length) {
        prevKind = PUNCT;
        prevChar = c;
        pos += length;
    }

    private void close(char c, int length) {
        prevKind = CLOSE;
        prevChar = c;
        pos += length;
    }

    private void push(int entry) {
        if (depth == stack.length) {
            stack = Arrays.copyOf(stack, depth * 2);
        }
        stack[depth++] = entry;
    }

    private void confirm(int offset) {
        if (foundCount == found.length) {
            found = Arrays.copyOf(found, foundCount * 2);
        }
        found[foundCount++] = offset;
    }

    private char charAt(int i) {
        return i < len ? src.charAt(i) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000b' || c == '\f'
                || c == '\u00a0' || c == '\ufeff' || c > 127 && Character.isSpaceChar(c);
    }

    private static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
    }

    private boolean isIdentStart(int i) {
        if (i >= len) {
            return false;
        }
        char c = src.charAt(i);
        return c == '\\' ? charAt(i + 1) == 'u' : Character.isJavaIdentifierStart(src.codePointAt(i));
    }

    private static boolean isIdentPart(int cp) {
        return cp == '$' || cp == '_' || cp == '\u200c' || cp == '\u200d'
                || Character.isJavaIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp);
    }
}
