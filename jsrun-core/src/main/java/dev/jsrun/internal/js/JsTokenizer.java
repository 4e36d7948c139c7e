package dev.jsrun.internal.js;

import java.util.Arrays;

/**
 * Splits JavaScript source into tokens for code that looks for calls such as
 * {@code import(...)} or {@code require('x')} without parsing: strings, comments,
 * template literals and regular expressions are read whole, so nothing inside them is
 * taken for code. Whitespace and comments (the hashbang line included) are skipped;
 * {@link #lineBreakBefore()} tells whether they held a line break.
 *
 * <p>
 * Without a parser, two questions are answered from the tokens before:
 *
 * <ul>
 * <li>Whether a {@code /} starts a regular expression or divides. It divides after a
 * value: a name, a literal, {@code ]}, {@code )}, a postfix {@code ++}/{@code --}, the
 * <code>}</code> of an object literal or of a function or class expression. It starts a
 * regular expression anywhere else: after an operator, a keyword that precedes an
 * expression ({@code return}, {@code typeof}, ...), the {@code )} of {@code if},
 * {@code for}, {@code while} and {@code with}, and the <code>}</code> of a block.
 * <li>Whether a <code>{</code> opens a block or an object literal. It opens a block where
 * a statement may start: after {@code ;}, {@code )}, <code>}</code>, {@code =>},
 * {@code else}, a label's {@code :}, or a line break that ends the statement before. A
 * {@code :} directly in a block is taken for a label or a {@code case}, so in {@code x =
 * c ? a : {}} the object literal is read as a block.
 * </ul>
 *
 * <p>
 * Brackets are matched on an array rather than by recursion, and each character is read a
 * bounded number of times: hostile nesting costs memory in proportion to the input, never
 * stack, and time stays linear. Unbalanced or unterminated input is read to its end
 * without failing.
 */
public final class JsTokenizer {

    /** What a token is. */
    public enum Kind {

        /**
         * A name, keywords and escaped names included: {@code foo}, {@code return},
         * <code>&#92;u0061bc</code>.
         */
        IDENTIFIER,

        /** A private class member name, {@code #name}. */
        PRIVATE_NAME,

        /**
         * A numeric literal, BigInt included: {@code 1}, {@code .5e-3}, {@code 0xff},
         * {@code 10n}.
         */
        NUMBER,

        /** A string literal with its quotes. */
        STRING,

        /** A template literal without substitutions, with its backticks. */
        TEMPLATE,

        /**
         * The start of a template literal, from its backtick to its first
         * <code>${</code>.
         */
        TEMPLATE_HEAD,

        /**
         * The text between two substitutions of a template literal, from <code>}</code>
         * to <code>${</code>.
         */
        TEMPLATE_MIDDLE,

        /**
         * The end of a template literal, from the <code>}</code> of its last substitution
         * to the backtick.
         */
        TEMPLATE_TAIL,

        /** A regular expression literal with its flags. */
        REGEX,

        /**
         * An operator or punctuation, the longest that matches ({@code ?.}, {@code >>>=},
         * {@code =>}), or any other character that starts no token.
         */
        PUNCTUATOR,

        /** The end of the source; {@link #next()} keeps returning it. */
        END

    }

    // What an open bracket is, kept on the context stack; the last three are parentheses.
    private static final byte BLOCK = 0;

    private static final byte OBJECT = 1;

    private static final byte EXPRESSION_BODY = 2;

    private static final byte SUBSTITUTION = 3;

    private static final byte PAREN = 4;

    private static final byte CONTROL_PAREN = 5;

    private static final byte PARAMETERS = 6;

    private static final byte NOTHING = -1;

    // Classes of ASCII characters in names.
    private static final byte NAME_START = 1;

    private static final byte NAME_PART = 2;

    private static final byte[] ASCII_NAMES = new byte[128];

    /**
     * For each lowercase letter, a bit for each length of the keywords that start with
     * it, so that most names are told apart from keywords without comparing text.
     */
    private static final short[] KEYWORD_LENGTHS = new short[26];

    static {
        for (String keyword : new String[] { "await", "async", "case", "class", "catch", "do", "delete", "default",
                "else", "export", "extends", "for", "function", "finally", "if", "in", "instanceof", "new", "of",
                "return", "typeof", "throw", "try", "void", "while", "with", "yield" }) {
            KEYWORD_LENGTHS[keyword.charAt(0) - 'a'] |= (short) (1 << keyword.length());
        }
        for (char c = 0; c < 128; c++) {
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '$' || c == '_';
            ASCII_NAMES[c] = (byte) (letter ? NAME_START | NAME_PART : c >= '0' && c <= '9' ? NAME_PART : 0);
        }
    }

    // What the previous token was, as far as the guesses above need to know.
    private static final int OTHER = 0;

    private static final int NAME = 1;

    private static final int DOT = 2;

    private static final int ARROW = 3;

    // After these six, from EXPRESSION_KEYWORD to EXTENDS, a '/' starts a regular
    // expression.
    private static final int EXPRESSION_KEYWORD = 4;

    private static final int RESTRICTED_KEYWORD = 5;

    private static final int STATEMENT_KEYWORD = 6;

    private static final int AWAIT = 7;

    private static final int DEFAULT = 8;

    private static final int EXTENDS = 9;

    private static final int CONTROL_KEYWORD = 10;

    private static final int FOR = 11;

    private static final int FUNCTION = 12;

    private static final int CLASS = 13;

    private static final int ASYNC = 14;

    private final String src;

    private final int length;

    private Kind kind;

    private int start;

    private int end;

    private boolean terminated;

    private boolean lineBreakBefore;

    private boolean memberName;

    private byte[] contexts = new byte[16];

    private int depth;

    private int last = OTHER;

    /** Whether a {@code /} here would start a regular expression. */
    private boolean regexAllowed = true;

    /** Whether a statement may start here. */
    private boolean statementAllowed = true;

    /**
     * What the previous token leaves pending for the next one: while reading a function's
     * header, the parenthesis kind for its parameters; after the parameters of a function
     * expression, its body.
     */
    private byte pending = NOTHING;

    /**
     * Whether the last {@code async} may start a declaration, for {@code async function}.
     */
    private boolean asyncDeclaration;

    /**
     * The brace kind for a class body while reading its header, and the depth of that
     * header.
     */
    private byte pendingClass = NOTHING;

    private int classDepth;

    /** Reads {@code source} from its start; call {@link #next()} for the first token. */
    public JsTokenizer(String source) {
        this.src = source;
        this.length = source.length();
        if (source.startsWith("#!")) {
            this.end = lineEnd(2);
        }
    }

    /**
     * Reads the next token and returns its kind, {@link Kind#END} at the end of the
     * source.
     */
    public Kind next() {
        int at = this.end;
        char c = at < this.length ? this.src.charAt(at) : ' ';
        if (c <= ' ' || c == '/' || c >= 128) {
            this.lineBreakBefore = skipTrivia();
            at = this.start;
            if (at >= this.length) {
                this.kind = Kind.END;
                this.end = at;
                return Kind.END;
            }
            c = this.src.charAt(at);
        }
        else {
            this.lineBreakBefore = false;
            this.start = at;
        }
        int previous = this.last;
        byte pending = this.pending;
        if (pending != NOTHING) {
            this.pending = NOTHING;
        }
        byte classHeader = this.pendingClass;
        if (c < 128 ? (ASCII_NAMES[c] & NAME_START) != 0 : isIdentifierStart(at)) {
            identifier(previous, pending);
        }
        else if (c == '\'' || c == '"') {
            string(c);
        }
        else if (c == '`') {
            template(at + 1, Kind.TEMPLATE, Kind.TEMPLATE_HEAD);
        }
        else if (isDigit(c) || c == '.' && isDigit(charAt(at + 1))) {
            number();
        }
        else if (c == '\\' && charAt(at + 1) == 'u') {
            identifier(previous, pending);
        }
        else if (c == '#' && isIdentifierStart(at + 1)) {
            this.end = identifierEnd(at + 1);
            value(Kind.PRIVATE_NAME);
        }
        else if (c == '/' && this.regexAllowed) {
            regex();
        }
        else if (c == '}') {
            closeBrace();
        }
        else {
            punctuator(c, previous, pending);
        }
        if (classHeader != NOTHING && this.pendingClass == classHeader && this.last != CLASS && endsClassHeader()) {
            this.pendingClass = NOTHING;
        }
        return this.kind;
    }

    /** The kind of the current token. */
    public Kind kind() {
        return this.kind;
    }

    /** The offset of the first character of the current token. */
    public int start() {
        return this.start;
    }

    /** The offset after the last character of the current token. */
    public int end() {
        return this.end;
    }

    /** The source text of the current token. */
    public String text() {
        return this.src.substring(this.start, this.end);
    }

    /**
     * Whether the current token ends as its kind requires: false for a string, template
     * or regular expression cut short by the end of the line or of the source.
     */
    public boolean isTerminated() {
        return switch (this.kind) {
            case STRING, TEMPLATE, TEMPLATE_TAIL, REGEX -> this.terminated;
            default -> true;
        };
    }

    /**
     * Whether a line break, possibly inside a comment, comes between the previous token
     * and this one.
     */
    public boolean lineBreakBefore() {
        return this.lineBreakBefore;
    }

    /**
     * Whether the current token is a name after {@code .} or {@code ?.}: a property,
     * never a keyword.
     */
    public boolean isMemberName() {
        return this.kind == Kind.IDENTIFIER && this.memberName;
    }

    /**
     * Whether the current token is the identifier {@code name}, spelled without escapes.
     */
    public boolean isIdentifier(String name) {
        return this.kind == Kind.IDENTIFIER && this.end - this.start == name.length()
                && this.src.startsWith(name, this.start);
    }

    /** Whether the current token is the one-character punctuator {@code c}. */
    public boolean isPunctuator(char c) {
        return this.kind == Kind.PUNCTUATOR && this.end - this.start == 1 && this.src.charAt(this.start) == c;
    }

    /**
     * How many brackets are open after the current token: parentheses, braces and
     * template substitutions; square brackets are not counted. A <code>}</code> also
     * closes the parentheses left open inside it.
     */
    public int depth() {
        return this.depth;
    }

    private void identifier(int previous, byte pending) {
        this.end = identifierEnd(this.start);
        this.kind = Kind.IDENTIFIER;
        this.memberName = previous == DOT;
        int word = this.memberName ? NAME : keyword(this.start, this.end);
        switch (word) {
            case FUNCTION -> this.pending = isDeclaration(previous) ? PAREN : PARAMETERS;
            case CLASS -> {
                this.pendingClass = isDeclaration(previous) ? BLOCK : EXPRESSION_BODY;
                this.classDepth = this.depth;
            }
            case ASYNC -> this.asyncDeclaration = isStatementStart(previous) || previous == DEFAULT;
            case AWAIT -> word = previous == FOR ? FOR : AWAIT;
            default -> {
            }
        }
        if ((pending == PAREN || pending == PARAMETERS) && word != FUNCTION && word != CLASS) {
            // The name in a function's header, which may be spelled like a keyword:
            // function of() {}.
            this.pending = pending;
        }
        this.last = word;
        this.regexAllowed = word >= EXPRESSION_KEYWORD && word <= EXTENDS;
        this.statementAllowed = word == STATEMENT_KEYWORD;
    }

    /**
     * Whether the current token may start a statement; call before it changes the state.
     */
    private boolean isStatementStart(int previous) {
        return this.statementAllowed || this.lineBreakBefore && (!this.regexAllowed || previous == RESTRICTED_KEYWORD);
    }

    /** Whether a {@code function} or {@code class} keyword here starts a declaration. */
    private boolean isDeclaration(int previous) {
        return previous == ASYNC ? this.asyncDeclaration : isStatementStart(previous) || previous == DEFAULT;
    }

    private void punctuator(char c, int previous, byte pending) {
        this.kind = Kind.PUNCTUATOR;
        this.last = OTHER;
        this.end = this.start + 1;
        switch (c) {
            case '(' -> {
                push(pending == PAREN || pending == PARAMETERS ? pending
                        : previous == CONTROL_KEYWORD || previous == FOR ? CONTROL_PAREN : PAREN);
                this.regexAllowed = true;
                this.statementAllowed = false;
            }
            case ')' -> {
                this.regexAllowed = false;
                this.statementAllowed = true;
                if (this.depth > 0 && this.contexts[this.depth - 1] >= PAREN) {
                    byte closed = this.contexts[--this.depth];
                    this.regexAllowed = closed == CONTROL_PAREN;
                    if (closed == PARAMETERS) {
                        this.pending = EXPRESSION_BODY;
                    }
                }
            }
            case '{' -> {
                byte brace;
                if (pending == EXPRESSION_BODY) {
                    brace = EXPRESSION_BODY;
                }
                else if (this.pendingClass != NOTHING && this.depth == this.classDepth && previous != EXTENDS) {
                    brace = this.pendingClass;
                    this.pendingClass = NOTHING;
                }
                else {
                    brace = previous == ARROW || isStatementStart(previous) ? BLOCK : OBJECT;
                }
                push(brace);
                this.regexAllowed = true;
                this.statementAllowed = brace != OBJECT;
            }
            case ']' -> {
                this.regexAllowed = false;
                this.statementAllowed = false;
            }
            case ';' -> {
                this.regexAllowed = true;
                this.statementAllowed = true;
            }
            case ':' -> {
                this.regexAllowed = true;
                this.statementAllowed = this.depth == 0 || this.contexts[this.depth - 1] == BLOCK
                        || this.contexts[this.depth - 1] == EXPRESSION_BODY;
            }
            case ',', '[', '~' -> {
                this.regexAllowed = true;
                this.statementAllowed = false;
            }
            default -> operator(c, pending);
        }
    }

    private void operator(char c, byte pending) {
        int length = punctuatorLength(c);
        this.end = this.start + length;
        this.statementAllowed = false;
        if (length == 1) {
            if (c == '.') {
                this.last = DOT;
            }
            else if (c == '*' && (pending == PAREN || pending == PARAMETERS)) {
                // function*
                this.pending = pending;
            }
            this.regexAllowed = true;
            return;
        }
        char next = this.src.charAt(this.start + 1);
        if (c == '=' && next == '>') {
            this.last = ARROW;
        }
        else if (c == '?' && next == '.') {
            this.last = DOT;
        }
        else if ((c == '+' || c == '-') && next == c) {
            // Postfix after a value on the same line, and then a value itself; otherwise
            // a prefix.
            this.regexAllowed = this.regexAllowed || this.lineBreakBefore;
            return;
        }
        this.regexAllowed = true;
    }

    /**
     * A <code>}</code> closes what it opened and the parentheses left open inside, or
     * resumes a template.
     */
    private void closeBrace() {
        while (this.depth > 0 && this.contexts[this.depth - 1] >= PAREN) {
            this.depth--;
        }
        if (this.depth > 0 && this.contexts[this.depth - 1] == SUBSTITUTION) {
            this.depth--;
            template(this.start + 1, Kind.TEMPLATE_TAIL, Kind.TEMPLATE_MIDDLE);
            return;
        }
        byte closed = this.depth > 0 ? this.contexts[--this.depth] : BLOCK;
        this.end = this.start + 1;
        this.kind = Kind.PUNCTUATOR;
        this.regexAllowed = closed == BLOCK;
        this.statementAllowed = closed == BLOCK;
    }

    /**
     * Whether the current token cannot belong to the heritage of the pending class header
     * ({@code class A extends mixin(B).C}), so that the next <code>{</code> at its depth
     * is not its body.
     */
    private boolean endsClassHeader() {
        if (this.depth != this.classDepth) {
            return this.depth < this.classDepth;
        }
        if (this.kind != Kind.PUNCTUATOR) {
            return false;
        }
        char c = this.src.charAt(this.start);
        int length = this.end - this.start;
        return !(length == 1 && (c == '.' || c == '(' || c == ')' || c == '[' || c == ']')
                || length == 2 && c == '?' && this.src.charAt(this.start + 1) == '.');
    }

    private void value(Kind kind) {
        this.kind = kind;
        this.regexAllowed = false;
        this.statementAllowed = false;
    }

    private void string(char quote) {
        this.terminated = true;
        String src = this.src;
        int length = this.length;
        int i = this.start + 1;
        while (i < length) {
            char c = src.charAt(i);
            if (c == quote) {
                this.end = i + 1;
                value(Kind.STRING);
                return;
            }
            if (c == '\\') {
                i += charAt(i + 1) == '\r' && charAt(i + 2) == '\n' ? 3 : 2;
            }
            else if (c == '\n' || c == '\r') {
                break;
            }
            else {
                i++;
            }
        }
        this.end = Math.min(i, this.length);
        this.terminated = false;
        value(Kind.STRING);
    }

    /**
     * Reads template characters from {@code i} up to the closing backtick or the next
     * <code>${</code>.
     */
    private void template(int i, Kind whole, Kind head) {
        this.terminated = true;
        String src = this.src;
        int length = this.length;
        while (i < length) {
            char c = src.charAt(i);
            if (c == '\\') {
                i += 2;
            }
            else if (c == '`') {
                this.end = i + 1;
                value(whole);
                return;
            }
            else if (c == '$' && charAt(i + 1) == '{') {
                push(SUBSTITUTION);
                this.end = i + 2;
                this.kind = head;
                this.regexAllowed = true;
                this.statementAllowed = false;
                return;
            }
            else {
                i++;
            }
        }
        this.end = this.length;
        this.terminated = false;
        value(whole);
    }

    private void regex() {
        this.terminated = true;
        int i = this.start + 1;
        boolean inClass = false;
        while (true) {
            if (i >= this.length || isLineTerminator(this.src.charAt(i))) {
                this.terminated = false;
                break;
            }
            char c = this.src.charAt(i++);
            if (c == '\\') {
                if (i < this.length && !isLineTerminator(this.src.charAt(i))) {
                    i++;
                }
            }
            else if (c == '[') {
                inClass = true;
            }
            else if (c == ']') {
                inClass = false;
            }
            else if (c == '/' && !inClass) {
                i = identifierEnd(i);
                break;
            }
        }
        this.end = i;
        value(Kind.REGEX);
    }

    private void number() {
        int i = this.start;
        char c = this.src.charAt(i);
        int radix = charAt(i + 1) | 0x20;
        if (c == '0' && (radix == 'x' || radix == 'o' || radix == 'b')) {
            i += 2;
            while (isHexDigit(charAt(i)) || charAt(i) == '_') {
                i++;
            }
        }
        else {
            i = digitsEnd(i);
            if (charAt(i) == '.') {
                i = digitsEnd(i + 1);
            }
            if ((charAt(i) | 0x20) == 'e') {
                int exponent = charAt(i + 1) == '+' || charAt(i + 1) == '-' ? i + 2 : i + 1;
                if (isDigit(charAt(exponent))) {
                    i = digitsEnd(exponent);
                }
            }
        }
        if (charAt(i) == 'n') {
            i++;
        }
        this.end = i;
        value(Kind.NUMBER);
    }

    private int digitsEnd(int i) {
        while (isDigit(charAt(i)) || charAt(i) == '_') {
            i++;
        }
        return i;
    }

    private boolean isIdentifierStart(int i) {
        if (i >= this.length) {
            return false;
        }
        char c = this.src.charAt(i);
        if (c < 128) {
            return (ASCII_NAMES[c] & NAME_START) != 0 || c == '\\' && charAt(i + 1) == 'u';
        }
        return Character.isUnicodeIdentifierStart(this.src.codePointAt(i));
    }

    private int identifierEnd(int i) {
        String src = this.src;
        int length = this.length;
        while (i < length) {
            char c = src.charAt(i);
            if (c < 128) {
                if ((ASCII_NAMES[c] & NAME_PART) != 0) {
                    i++;
                }
                else if (c == '\\' && charAt(i + 1) == 'u') {
                    i = escapeEnd(i + 2);
                }
                else {
                    break;
                }
            }
            else {
                int cp = src.codePointAt(i);
                if (!isIdentifierPart(cp)) {
                    break;
                }
                i += Character.charCount(cp);
            }
        }
        return i;
    }

    /**
     * The end of a <code>&#92;u</code> escape whose digits start at {@code i}: four hex
     * digits or braced ones.
     */
    private int escapeEnd(int i) {
        if (charAt(i) == '{') {
            i++;
            while (isHexDigit(charAt(i))) {
                i++;
            }
            return charAt(i) == '}' ? i + 1 : i;
        }
        for (int digits = 0; digits < 4 && isHexDigit(charAt(i)); digits++) {
            i++;
        }
        return i;
    }

    /**
     * The keyword class of the name at {@code [start, end)}, {@link #NAME} for any other
     * name.
     */
    private int keyword(int start, int end) {
        int length = end - start;
        char first = this.src.charAt(start);
        if (length > 10 || first < 'a' || first > 'z' || (KEYWORD_LENGTHS[first - 'a'] & 1 << length) == 0) {
            return NAME;
        }
        return keyword(start, length, first);
    }

    private int keyword(int start, int length, char first) {
        return switch (first) {
            case 'a' -> is(start, length, "await") ? AWAIT : is(start, length, "async") ? ASYNC : NAME;
            case 'c' -> is(start, length, "case") ? EXPRESSION_KEYWORD
                    : is(start, length, "class") ? CLASS : is(start, length, "catch") ? STATEMENT_KEYWORD : NAME;
            case 'd' -> is(start, length, "do") ? STATEMENT_KEYWORD
                    : is(start, length, "delete") ? EXPRESSION_KEYWORD : is(start, length, "default") ? DEFAULT : NAME;
            case 'e' -> is(start, length, "else") || is(start, length, "export") ? STATEMENT_KEYWORD
                    : is(start, length, "extends") ? EXTENDS : NAME;
            case 'f' -> is(start, length, "for") ? FOR : is(start, length, "function") ? FUNCTION
                    : is(start, length, "finally") ? STATEMENT_KEYWORD : NAME;
            case 'i' -> is(start, length, "if") ? CONTROL_KEYWORD
                    : is(start, length, "in") || is(start, length, "instanceof") ? EXPRESSION_KEYWORD : NAME;
            case 'n' -> is(start, length, "new") ? EXPRESSION_KEYWORD : NAME;
            case 'o' -> is(start, length, "of") ? EXPRESSION_KEYWORD : NAME;
            case 'r' -> is(start, length, "return") ? RESTRICTED_KEYWORD : NAME;
            case 't' -> is(start, length, "typeof") || is(start, length, "throw") ? EXPRESSION_KEYWORD
                    : is(start, length, "try") ? STATEMENT_KEYWORD : NAME;
            case 'v' -> is(start, length, "void") ? EXPRESSION_KEYWORD : NAME;
            case 'w' -> is(start, length, "while") || is(start, length, "with") ? CONTROL_KEYWORD : NAME;
            case 'y' -> is(start, length, "yield") ? RESTRICTED_KEYWORD : NAME;
            default -> NAME;
        };
    }

    private boolean is(int start, int length, String word) {
        return length == word.length() && this.src.startsWith(word, start);
    }

    private int punctuatorLength(char c) {
        char c1 = charAt(this.start + 1);
        char c2 = charAt(this.start + 2);
        return switch (c) {
            case '.' -> c1 == '.' && c2 == '.' ? 3 : 1;
            case '?' -> c1 == '?' ? (c2 == '=' ? 3 : 2) : c1 == '.' && !isDigit(c2) ? 2 : 1;
            case '=', '!' -> c1 == '=' ? (c2 == '=' ? 3 : 2) : c == '=' && c1 == '>' ? 2 : 1;
            case '+', '-' -> c1 == c || c1 == '=' ? 2 : 1;
            case '*' -> c1 == '*' ? (c2 == '=' ? 3 : 2) : c1 == '=' ? 2 : 1;
            case '&', '|' -> c1 == c ? (c2 == '=' ? 3 : 2) : c1 == '=' ? 2 : 1;
            case '%', '^', '/' -> c1 == '=' ? 2 : 1;
            case '<' -> c1 == '<' ? (c2 == '=' ? 3 : 2) : c1 == '=' ? 2 : 1;
            case '>' -> c1 == '>' ? (c2 == '>' ? (charAt(this.start + 3) == '=' ? 4 : 3) : c2 == '=' ? 3 : 2)
                    : c1 == '=' ? 2 : 1;
            default -> c < 128 ? 1 : Character.charCount(this.src.codePointAt(this.start));
        };
    }

    /** Skips whitespace and comments; returns whether they held a line break. */
    private boolean skipTrivia() {
        String src = this.src;
        int length = this.length;
        int i = this.end;
        boolean lineBreak = false;
        while (i < length) {
            char c = src.charAt(i);
            if (c == ' ' || c == '\t' || c == '\u000b' || c == '\f') {
                i++;
            }
            else if (c == '\n' || c == '\r') {
                lineBreak = true;
                i++;
            }
            else if (c == '/') {
                char next = charAt(i + 1);
                if (next == '/') {
                    i = lineEnd(i + 2);
                }
                else if (next == '*') {
                    int end = src.indexOf("*/", i + 2);
                    end = end < 0 ? length : end + 2;
                    lineBreak = lineBreak || hasLineTerminator(i + 2, end);
                    i = end;
                }
                else {
                    break;
                }
            }
            else if (c < 128) {
                break;
            }
            else if (c == '\u2028' || c == '\u2029') {
                lineBreak = true;
                i++;
            }
            else if (c == '\u00a0' || c == '\ufeff' || Character.getType(c) == Character.SPACE_SEPARATOR) {
                i++;
            }
            else {
                break;
            }
        }
        this.start = i;
        return lineBreak;
    }

    private boolean hasLineTerminator(int from, int to) {
        for (int i = from; i < to; i++) {
            if (isLineTerminator(this.src.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private int lineEnd(int i) {
        String src = this.src;
        int length = this.length;
        while (i < length && !isLineTerminator(src.charAt(i))) {
            i++;
        }
        return i;
    }

    private void push(byte context) {
        if (this.depth == this.contexts.length) {
            this.contexts = Arrays.copyOf(this.contexts, this.depth * 2);
        }
        this.contexts[this.depth++] = context;
    }

    private char charAt(int i) {
        return i < this.length ? this.src.charAt(i) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(char c) {
        return isDigit(c) || (c | 0x20) >= 'a' && (c | 0x20) <= 'f';
    }

    private static boolean isLineTerminator(char c) {
        return c <= '\r' ? c == '\n' || c == '\r' : c == '\u2028' || c == '\u2029';
    }

    private static boolean isIdentifierPart(int cp) {
        return cp == '\u200c' || cp == '\u200d'
                || Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp);
    }

}
