package dev.jsrun.internal.modules;

import java.util.ArrayList;
import java.util.List;

import dev.jsrun.internal.js.JsTokenizer;
import dev.jsrun.internal.js.JsTokenizer.Kind;

/**
 * Finds {@code require('literal')} calls in JavaScript source, reading it with a
 * {@link JsTokenizer} so that strings, template literals, comments and regular expression
 * literals are skipped. Calls with a computed argument, and {@code x = require} aliases,
 * are reported as dynamic: they cannot be followed before run time. Member calls such as
 * {@code module.require('x')} are not followed, as in other CommonJS bundlers.
 */
final class RequireScanner {

    /**
     * A {@code require} found at a one-based line: {@code request} is null for a dynamic
     * one.
     */
    record Require(String request, int line) {
    }

    // How far a require call has been read.
    private static final int OUTSIDE = 0;

    private static final int CALLEE = 1;

    private static final int OPEN = 2;

    private static final int ARGUMENT = 3;

    private final String src;

    private final List<Require> found = new ArrayList<>();

    private int state = OUTSIDE;

    /**
     * The offset of the {@code require} being read, and whether it follows an {@code =}.
     */
    private int callee;

    private boolean assigned;

    /** The literal argument of the call being read, and its offset. */
    private String request;

    private int requestOffset;

    private int lineOffset;

    private int line = 1;

    private RequireScanner(String source) {
        this.src = source;
    }

    static List<Require> scan(String source) {
        RequireScanner scanner = new RequireScanner(source);
        scanner.run();
        return scanner.found;
    }

    private void run() {
        JsTokenizer tokens = new JsTokenizer(this.src);
        boolean afterAssign = false;
        while (tokens.next() != Kind.END) {
            if (!continueCall(tokens) && tokens.isIdentifier("require") && !tokens.isMemberName()) {
                this.state = CALLEE;
                this.callee = tokens.start();
                this.assigned = afterAssign;
            }
            afterAssign = tokens.isPunctuator('=');
        }
        if (this.state == CALLEE && this.assigned || this.state == OPEN || this.state == ARGUMENT) {
            dynamic();
        }
    }

    /**
     * Reads the current token as the next part of a {@code require} call being read;
     * returns false when it is not part of one, and should be read as any other token.
     */
    private boolean continueCall(JsTokenizer tokens) {
        switch (this.state) {
            case CALLEE -> {
                if (tokens.isPunctuator('(')) {
                    this.state = OPEN;
                    return true;
                }
                if (this.assigned) {
                    dynamic();
                }
            }
            case OPEN -> {
                String literal = literal(tokens);
                if (literal != null) {
                    this.request = literal;
                    this.requestOffset = tokens.start();
                    this.state = ARGUMENT;
                    return true;
                }
                dynamic();
            }
            case ARGUMENT -> {
                if (tokens.isPunctuator(')')) {
                    this.found.add(new Require(this.request, lineAt(this.requestOffset)));
                    this.state = OUTSIDE;
                    return true;
                }
                dynamic();
            }
            default -> {
            }
        }
        this.state = OUTSIDE;
        return false;
    }

    private void dynamic() {
        this.found.add(new Require(null, lineAt(this.callee)));
        this.state = OUTSIDE;
    }

    /**
     * The value of a string or plain template token (simple escapes only), or null for
     * any other token.
     */
    private String literal(JsTokenizer tokens) {
        if (!tokens.isTerminated()) {
            return null;
        }
        int start = tokens.start() + 1;
        int end = tokens.end() - 1;
        if (tokens.kind() == Kind.TEMPLATE) {
            String body = this.src.substring(start, end);
            return body.indexOf('\\') < 0 ? body : null;
        }
        if (tokens.kind() != Kind.STRING) {
            return null;
        }
        StringBuilder value = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = this.src.charAt(i);
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char escaped = this.src.charAt(++i);
            if (escaped == '\r' && i + 1 < end && this.src.charAt(i + 1) == '\n') {
                i++;
            }
            else if (escaped != '\n' && escaped != '\r' && escaped != '\u2028' && escaped != '\u2029') {
                value.append(escaped);
            }
        }
        return value.toString();
    }

    /**
     * The one-based line of {@code offset}, counting line feeds; offsets asked for rarely
     * go backwards.
     */
    private int lineAt(int offset) {
        if (offset < this.lineOffset) {
            this.lineOffset = 0;
            this.line = 1;
        }
        for (int i = this.lineOffset; i < offset; i++) {
            if (this.src.charAt(i) == '\n') {
                this.line++;
            }
        }
        this.lineOffset = offset;
        return this.line;
    }

}
