package dev.jsrun;

/**
 * A JavaScript error that escaped to Java: a thrown {@code Error} (or any thrown value),
 * a rejected promise, or a syntax error. Carries the JavaScript error's name, message,
 * stack and position. Code that jsrun stopped (a timeout, a memory limit) ends in a
 * {@link JsTerminatedException} instead, which is not one.
 */
public class JsException extends JsRunException {

    private final String errorName;

    private final String errorMessage;

    private final String jsStack;

    private final String resourceName;

    private final int line;

    private final int column;

    public JsException(String errorName, String errorMessage, String jsStack, String resourceName, int line,
            int column) {
        this(errorName, errorMessage, jsStack, resourceName, line, column, null);
    }

    public JsException(String errorName, String errorMessage, String jsStack, String resourceName, int line, int column,
            Throwable cause) {
        super(describe(errorName, errorMessage, resourceName, line, column), cause);
        this.errorName = errorName;
        this.errorMessage = errorMessage;
        this.jsStack = jsStack;
        this.resourceName = resourceName;
        this.line = line;
        this.column = column;
    }

    private static String describe(String name, String message, String resource, int line, int column) {
        StringBuilder text = new StringBuilder();
        text.append(name == null || name.isEmpty() ? "Error" : name);
        if (message != null && !message.isEmpty()) {
            text.append(": ").append(message);
        }
        if (line > 0) {
            text.append(" (at ")
                .append(resource == null || resource.isEmpty() ? "<eval>" : resource)
                .append(':')
                .append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
            text.append(')');
        }
        return text.toString();
    }

    /**
     * The JavaScript error's {@code name}, such as {@code TypeError}; {@code Error} for
     * thrown non-errors.
     */
    public String getErrorName() {
        return this.errorName;
    }

    /** The JavaScript error's {@code message}, without the name. */
    public String getErrorMessage() {
        return this.errorMessage;
    }

    /** The JavaScript stack trace, or {@code null} when V8 recorded none. */
    public String getJsStack() {
        return this.jsStack;
    }

    /** The name of the script or module the error was raised in, when known. */
    public String getResourceName() {
        return this.resourceName;
    }

    /** One-based line of the error, or 0 when unknown. */
    public int getLine() {
        return this.line;
    }

    /** One-based column of the error, or 0 when unknown. */
    public int getColumn() {
        return this.column;
    }

}
