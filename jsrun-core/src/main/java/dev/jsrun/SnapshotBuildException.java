package dev.jsrun;

import java.util.Objects;

/**
 * A snapshot script failed: it does not parse, it throws, it is an ES module, or it
 * leaves behind what a snapshot cannot hold. Names the script, the {@link Problem}, the
 * position and V8's message.
 */
public class SnapshotBuildException extends JsRunException {

    /** What about the script stops the build. */
    public enum Problem {

        /**
         * It does not parse or it throws; the position and V8's message say where and
         * what.
         */
        SCRIPT_ERROR,

        /**
         * It is an ES module, which a snapshot cannot hold; a CommonJS or UMD build of it
         * can be.
         */
        ES_MODULE,

        /**
         * It leaves timers set or messages queued, which would be copied into every
         * runtime and never run.
         */
        PENDING_TASKS,

        /**
         * It puts a {@code Proxy} into the global object's prototype chain, which V8
         * cannot reliably restore.
         */
        PROXIED_GLOBAL,

        /**
         * It leaves an {@code Intl} object reachable, which V8 cannot put into a
         * snapshot.
         */
        INTL_OBJECT,

        /**
         * It makes the global object non-extensible (preventExtensions, seal or freeze),
         * which V8 cannot restore a context from.
         */
        SEALED_GLOBAL,

        /**
         * It leaves a {@code FinalizationRegistry} that objects were registered with
         * reachable, which makes V8 abort the capture.
         */
        FINALIZATION_REGISTRY,

        /** It ran longer than the build allows each script. */
        TIMEOUT,

        /** It needed more of the heap than the build allows. */
        HEAP_LIMIT,

        /** V8 refused to capture the heap the scripts left. */
        CAPTURE_REFUSED,

        /**
         * V8 failed while it ran or checked the script, or the build was interrupted; the
         * message says how.
         */
        ENGINE_FAILURE

    }

    private final Problem problem;

    private final String scriptName;

    private final int line;

    private final int column;

    private final String jsMessage;

    private final String advice;

    public SnapshotBuildException(Problem problem, String scriptName, int line, int column, String jsMessage,
            String advice, Throwable cause) {
        super(describe(scriptName, line, column, jsMessage, advice), cause);
        this.problem = Objects.requireNonNull(problem, "problem");
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

    /** What about the script stops the build. */
    public Problem getProblem() {
        return this.problem;
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
