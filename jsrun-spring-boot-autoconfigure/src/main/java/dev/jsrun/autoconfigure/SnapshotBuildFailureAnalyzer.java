package dev.jsrun.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.jsrun.SnapshotBuildException;

/**
 * Explains a snapshot script that does not parse, throws, or is an ES module.
 */
class SnapshotBuildFailureAnalyzer extends AbstractFailureAnalyzer<SnapshotBuildException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SnapshotBuildException cause) {
        String where = cause.getScriptName() + (cause.getLine() > 0 ? ":" + cause.getLine()
                + (cause.getColumn() > 0 ? ":" + cause.getColumn() : "") : "");
        String description = "The JavaScript snapshot could not be built.\n\n" + "    Script: " + cause.getScriptName()
                + "\n" + (cause.getLine() > 0 ? "    Line: " + cause.getLine() + ", column: " + cause.getColumn() + "\n" : "")
                + "    Error: " + cause.getJsMessage();
        String action = (cause.getAdvice() != null) ? cause.getAdvice() + " and update 'jsrun.snapshot.scripts'."
                : "Fix the script at " + where + ", or remove it from 'jsrun.snapshot.scripts'.";
        return new FailureAnalysis(description, action, cause);
    }

}
