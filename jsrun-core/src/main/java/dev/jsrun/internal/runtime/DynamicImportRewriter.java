package dev.jsrun.internal.runtime;

import java.util.Arrays;

import dev.jsrun.internal.js.JsTokenizer;
import dev.jsrun.internal.js.JsTokenizer.Kind;

/**
 * Replaces dynamic {@code import(...)} calls with calls to a host function, because V8 as
 * embedded through Javet rejects native dynamic import. Only the keyword is replaced;
 * every other character stays where it was, so line and column numbers in errors remain
 * valid.
 *
 * <p>
 * The source is read with a {@link JsTokenizer}, so strings, templates, comments and
 * regex literals are left alone. {@code import(...)} is a method definition, not a call,
 * when the previous token can start a class or object member ({@code { , ; } *} or
 * {@code static}, {@code async}, {@code get}, {@code set}) and the closing {@code )} is
 * followed by {@code {}.
 */
final class DynamicImportRewriter {

    private static final String IMPORT = "import";

    private static final String[] MEMBER_MODIFIERS = { "static", "async", "get", "set" };

    /**
     * Offsets of possible methods named import whose {@code (} is open, and the depth
     * inside it.
     */
    private int[] candidates = new int[8];

    private int[] candidateDepths = new int[8];

    private int candidateCount;

    private int[] found = new int[4];

    private int foundCount;

    /**
     * Returns {@code source} with every dynamic {@code import(} call replaced by
     * {@code functionName(}; returns the same instance when there is none.
     */
    static String rewrite(String source, String functionName) {
        if (!mayCallImport(source)) {
            return source;
        }
        DynamicImportRewriter rewriter = new DynamicImportRewriter();
        rewriter.findCalls(source);
        if (rewriter.foundCount == 0) {
            return source;
        }
        // Calls nested in a pending method candidate are confirmed before it, hence the
        // sort.
        int[] offsets = Arrays.copyOf(rewriter.found, rewriter.foundCount);
        Arrays.sort(offsets);
        StringBuilder out = new StringBuilder(source.length() + offsets.length * functionName.length());
        int last = 0;
        for (int offset : offsets) {
            out.append(source, last, offset).append(functionName);
            last = offset + IMPORT.length();
        }
        return out.append(source, last, source.length()).toString();
    }

    /**
     * Whether some {@code import} in {@code source} is followed by {@code (} or a
     * comment, the only sources worth tokenizing: static imports and {@code import.meta}
     * need no rewriting.
     */
    private static boolean mayCallImport(String source) {
        int length = source.length();
        for (int i = source.indexOf(IMPORT); i >= 0; i = source.indexOf(IMPORT, i + 1)) {
            int next = i + IMPORT.length();
            while (next < length && isSpace(source.charAt(next))) {
                next++;
            }
            if (next < length && (source.charAt(next) == '(' || source.charAt(next) == '/')) {
                return true;
            }
        }
        return false;
    }

    /** Every JavaScript whitespace and line terminator, and a few more. */
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\ufeff';
    }

    private void findCalls(String source) {
        JsTokenizer tokens = new JsTokenizer(source);
        int keyword = -1;
        boolean mayBeMethod = false;
        int closedCandidate = -1;
        // The previous token, looked at only before an import.
        Kind previous = null;
        int previousStart = 0;
        int previousEnd = 0;
        boolean previousMember = false;
        while (tokens.next() != Kind.END) {
            if (closedCandidate >= 0) {
                if (!tokens.isPunctuator('{')) {
                    confirm(closedCandidate);
                }
                closedCandidate = -1;
            }
            if (keyword >= 0) {
                if (tokens.isPunctuator('(')) {
                    if (mayBeMethod) {
                        pushCandidate(keyword, tokens.depth());
                    }
                    else {
                        confirm(keyword);
                    }
                }
                keyword = -1;
            }
            while (this.candidateCount > 0 && this.candidateDepths[this.candidateCount - 1] > tokens.depth()) {
                int candidate = this.candidates[--this.candidateCount];
                if (tokens.isPunctuator(')')) {
                    closedCandidate = candidate;
                }
                else {
                    // Closed by a brace with its parenthesis left open: unbalanced input,
                    // taken for a call.
                    confirm(candidate);
                }
            }
            if (tokens.isIdentifier(IMPORT) && !tokens.isMemberName()) {
                keyword = tokens.start();
                mayBeMethod = canPrecedeMember(source, previous, previousStart, previousEnd, previousMember);
            }
            previous = tokens.kind();
            previousStart = tokens.start();
            previousEnd = tokens.end();
            previousMember = tokens.isMemberName();
        }
        if (closedCandidate >= 0) {
            confirm(closedCandidate);
        }
        // Unbalanced input: a pending candidate never reached its ')', treat it as a
        // call.
        for (int i = 0; i < this.candidateCount; i++) {
            confirm(this.candidates[i]);
        }
    }

    private static boolean canPrecedeMember(String source, Kind kind, int start, int end, boolean member) {
        if (kind == Kind.PUNCTUATOR) {
            return end - start == 1 && "{,;*}".indexOf(source.charAt(start)) >= 0;
        }
        if (kind != Kind.IDENTIFIER || member) {
            return false;
        }
        for (String modifier : MEMBER_MODIFIERS) {
            if (end - start == modifier.length() && source.startsWith(modifier, start)) {
                return true;
            }
        }
        return false;
    }

    private void pushCandidate(int offset, int depth) {
        if (this.candidateCount == this.candidates.length) {
            this.candidates = Arrays.copyOf(this.candidates, this.candidateCount * 2);
            this.candidateDepths = Arrays.copyOf(this.candidateDepths, this.candidateCount * 2);
        }
        this.candidates[this.candidateCount] = offset;
        this.candidateDepths[this.candidateCount++] = depth;
    }

    private void confirm(int offset) {
        if (this.foundCount == this.found.length) {
            this.found = Arrays.copyOf(this.found, this.foundCount * 2);
        }
        this.found[this.foundCount++] = offset;
    }

}
