package dev.jsrun.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.jsrun.SnapshotBuildException;
import dev.jsrun.SnapshotBuildException.Problem;

/**
 * Explains a snapshot script that does not parse, throws, is an ES module, or leaves what
 * a snapshot cannot hold, with the properties to change.
 */
class SnapshotBuildFailureAnalyzer extends AbstractFailureAnalyzer<SnapshotBuildException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SnapshotBuildException cause) {
        String where = cause.getScriptName() + (cause.getLine() > 0
                ? ":" + cause.getLine() + (cause.getColumn() > 0 ? ":" + cause.getColumn() : "") : "");
        String description = "The JavaScript snapshot could not be built.\n\n" + "    Script: " + cause.getScriptName()
                + "\n"
                + (cause.getLine() > 0 ? "    Line: " + cause.getLine() + ", column: " + cause.getColumn() + "\n" : "")
                + "    Error: " + cause.getJsMessage();
        return new FailureAnalysis(description, action(cause, where), cause);
    }

    private static String action(SnapshotBuildException cause, String where) {
        if (cause.getProblem() == Problem.PROXIED_GLOBAL) {
            // the core's advice names the core API; a Spring application installs it with
            // its warm-up
            return "Install the proxy when the runtime is used (in 'jsrun.pool.warm-up' or the first call), not "
                    + "while a script of 'jsrun.snapshot.scripts' loads.";
        }
        return (cause.getAdvice() != null) ? cause.getAdvice() + " and update 'jsrun.snapshot.scripts'."
                : "Fix the script at " + where + ", or remove it from 'jsrun.snapshot.scripts'.";
    }

}
