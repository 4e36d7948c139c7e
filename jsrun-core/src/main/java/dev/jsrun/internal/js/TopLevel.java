package dev.jsrun.internal.js;

/**
 * What a classic script declares outside any block, read from its tokens: whether its
 * code may be put inside a block ({@code try { ... }}) and still declare the same
 * globals. A script may not when it declares {@code let}, {@code const} or {@code class}
 * at its top level (in a block they would be the block's), declares functions at the top
 * level of a strict script (block-scoped there), starts with a hashbang or an HTML close
 * comment (which only the first line may hold), or has a <code>}</code> that closes
 * nothing. Every doubt answers no.
 */
public final class TopLevel {

    private final boolean strict;

    private final boolean blockable;

    private TopLevel(boolean strict, boolean blockable) {
        this.strict = strict;
        this.blockable = blockable;
    }

    /** Reads the script's tokens once. */
    public static TopLevel of(String source) {
        String start = source.stripLeading();
        if (start.startsWith("#!") || start.startsWith("-->")) {
            return new TopLevel(false, false);
        }
        JsTokenizer tokens = new JsTokenizer(source);
        // the directive prologue: strings, each ended by ; or by a line break before a
        // token that cannot go on
        // with the string's expression
        boolean strict = false;
        JsTokenizer.Kind kind = tokens.next();
        while (kind == JsTokenizer.Kind.STRING && tokens.isTerminated()) {
            boolean useStrict = tokens.text().equals("'use strict'") || tokens.text().equals("\"use strict\"");
            kind = tokens.next();
            if (tokens.isPunctuator(';')) {
                kind = tokens.next();
            }
            else if (kind != JsTokenizer.Kind.END && !(tokens.lineBreakBefore() && endsDirective(tokens, kind))) {
                return new TopLevel(false, false);
            }
            strict |= useStrict;
        }
        boolean functions = false;
        int depth = 0;
        // whether the token before could end a statement or start a declaration: no
        // token, ;, } or async
        boolean afterStatement = true;
        for (; kind != JsTokenizer.Kind.END; kind = tokens.next()) {
            if (!tokens.isTerminated()) {
                return new TopLevel(strict, false);
            }
            if (depth == 0) {
                if (tokens.isPunctuator('}')) {
                    return new TopLevel(strict, false);
                }
                if (kind == JsTokenizer.Kind.IDENTIFIER && !tokens.isMemberName()) {
                    if (tokens.isIdentifier("let") || tokens.isIdentifier("const") || tokens.isIdentifier("class")) {
                        return new TopLevel(strict, false);
                    }
                    if (tokens.isIdentifier("function") && (afterStatement || tokens.lineBreakBefore())) {
                        functions = true;
                    }
                }
            }
            depth = tokens.depth();
            afterStatement = tokens.isPunctuator(';') || tokens.isPunctuator('}') || tokens.isIdentifier("async");
        }
        return new TopLevel(strict, depth == 0 && !(strict && functions));
    }

    /**
     * Whether a token after a line break ends the directive before it: one that could not
     * go on with a string's expression, so that a semicolon is inserted.
     */
    private static boolean endsDirective(JsTokenizer tokens, JsTokenizer.Kind kind) {
        return (kind == JsTokenizer.Kind.IDENTIFIER && !tokens.isIdentifier("in") && !tokens.isIdentifier("instanceof"))
                || kind == JsTokenizer.Kind.STRING || tokens.isPunctuator('{') || tokens.isPunctuator('!')
                || tokens.isPunctuator('~');
    }

    /** Whether the script starts with a {@code 'use strict'} directive. */
    public boolean isStrict() {
        return this.strict;
    }

    /**
     * Whether the script's code, put inside a block, declares the same globals and runs
     * as it does alone.
     */
    public boolean isBlockable() {
        return this.blockable;
    }

}
