package dev.jsrun.internal.runtime;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.caoccao.javet.exceptions.BaseJavetScriptingException;
import com.caoccao.javet.exceptions.JavetScriptingError;

import dev.jsrun.JsException;
import dev.jsrun.JsSyntaxException;

/** Javet's exceptions and rejected values to {@link JsException}. */
public final class JsErrors {

    private static final Pattern NAMED = Pattern.compile("^([A-Za-z_$][\\w$]*): ?(.*)$", Pattern.DOTALL);

    private static final Pattern FRAME = Pattern.compile("^\\s*at (?:.*? \\()?(.*?):(\\d+):(\\d+)\\)?\\s*$",
            Pattern.MULTILINE);

    /**
     * The most characters of a message or stack kept, as many as the host's JavaScript
     * keeps of the errors it describes: a script may throw a string of hundreds of
     * megabytes.
     */
    public static final int MAX_TEXT = HostBridge.MAX_ERROR_TEXT;

    private JsErrors() {
    }

    /** A script that threw or did not parse. */
    public static JsException from(BaseJavetScriptingException ex) {
        JavetScriptingError error = ex.getScriptingError();
        String stack = error.getStack();
        String message = error.getMessage();
        if (message == null) {
            // a thrown non-error value (throw 'text') arrives as the context alone
            message = String.valueOf(error.getContext());
        }
        int column = error.getStartColumn() >= 0 ? error.getStartColumn() + 1 : 0;
        String javetMessage = ex.getMessage();
        // Javet's own message repeats the whole text: past the bound it is left out of
        // the cause chain
        boolean tooLong = (javetMessage != null && javetMessage.length() > MAX_TEXT) || isLong(message)
                || isLong(stack);
        return new JsException(errorName(stack != null ? bounded(stack) : bounded(javetMessage)), bounded(message),
                bounded(stack), emptyToNull(error.getResourceName()), Math.max(error.getLineNumber(), 0), column,
                tooLong ? null : ex);
    }

    private static boolean isLong(String text) {
        return text != null && text.length() > MAX_TEXT;
    }

    /** The text, cut after {@link #MAX_TEXT} characters with {@code ...} to say so. */
    static String bounded(String text) {
        return isLong(text) ? text.substring(0, MAX_TEXT) + "..." : text;
    }

    /** Where V8's compiler refused a script or module, from the error it reported. */
    static JsSyntaxException syntaxError(BaseJavetScriptingException ex) {
        JsException error = from(ex);
        return new JsSyntaxException(error.getErrorMessage(), error.getResourceName(), error.getLine(),
                error.getColumn(), ex);
    }

    /**
     * V8 puts {@code name: message} on the first line of an error's stack and of Javet's
     * message.
     */
    private static String errorName(String stack) {
        if (stack != null) {
            int end = stack.indexOf('\n');
            Matcher named = NAMED.matcher(end < 0 ? stack : stack.substring(0, end));
            if (named.matches()) {
                return named.group(1);
            }
        }
        return "Error";
    }

    /**
     * A thrown value as the host's JavaScript described it ({@code host.js},
     * {@code thrown}): name, message, stack and resource as length-prefixed texts, then
     * line and column. The position comes from V8's call sites when jsrun formatted the
     * stack, else from the stack's first frame.
     */
    static JsException fromRecord(String record, int from) {
        HostBridge.Queue fields = new HostBridge.Queue(record.substring(from));
        String name = fields.text();
        String message = fields.text();
        String stack = emptyToNull(fields.text());
        String resource = emptyToNull(fields.text());
        int line = fields.count();
        int column = fields.count();
        if (line > 0) {
            return new JsException(name, message, stack, resource, line, column);
        }
        return withPosition(name, message, stack);
    }

    /**
     * The line and column of the stack's first frame in {@code resource} at or above
     * {@code lastLine}; null when there is none.
     */
    public static int[] frameIn(String stack, String resource, int lastLine) {
        if (stack != null) {
            Matcher frame = FRAME.matcher(stack);
            while (frame.find()) {
                int line = Integer.parseInt(frame.group(2));
                if (frame.group(1).equals(resource) && line <= lastLine) {
                    return new int[] { line, Integer.parseInt(frame.group(3)) };
                }
            }
        }
        return null;
    }

    private static JsException withPosition(String name, String message, String stack) {
        if (stack != null) {
            Matcher frame = FRAME.matcher(stack);
            if (frame.find()) {
                return new JsException(name, message, stack, emptyToNull(frame.group(1)),
                        Integer.parseInt(frame.group(2)), Integer.parseInt(frame.group(3)));
            }
        }
        return new JsException(name, message, stack, null, 0, 0);
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() || "undefined".equals(text) ? null : text;
    }

}
