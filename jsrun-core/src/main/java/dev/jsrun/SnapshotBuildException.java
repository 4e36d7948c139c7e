package dev.jsrun;

/**
 * A snapshot script failed: it does not parse, it throws, or it is an ES module. Names the script, the
 * position and V8's message.
 */
public class SnapshotBuildException extends RuntimeException {

    private final String scriptName;
    private final int line;
    private final int column;
    private final String jsMessage;
    private final String advice;

    public SnapshotBuildException(String scriptName, int line, int column, String jsMessage, String advice,
            Throwable cause) {
        super(describe(scriptName, line, column, jsMessage, advice), cause);
        this.scriptName = scriptName;
        this.line = line;
        this.column = column;
        this.jsMessage = jsMessage;
        this.advice = advice;
    }

    private static String describe(String script, int line, int column, String jsMessage, String advice) {
        StringBuilder text = new StringBuilder("Snapshot script '").append(script).append("' failed");
        if (line > 0) {
            text.append(" at line ").append(line);
            if (column > 0) {
                text.append(", column ").append(column);
            }
        }
        text.append(": ").append(jsMessage);
        if (advice != null) {
            text.append(". ").append(advice);
        }
        return text.toString();
    }

    /** The name the script was given, for Spring Boot its resource location. */
    public String getScriptName() {
        return this.scriptName;
    }

    /** One-based line, or 0 when V8 gave none. */
    public int getLine() {
        return this.line;
    }

    /** One-based column, or 0 when V8 gave none. */
    public int getColumn() {
        return this.column;
    }

    /** V8's own message, such as {@code SyntaxError: Unexpected token '}'}. */
    public String getJsMessage() {
        return this.jsMessage;
    }

    /** What to do about it, or {@code null}. */
    public String getAdvice() {
        return this.advice;
    }

}
