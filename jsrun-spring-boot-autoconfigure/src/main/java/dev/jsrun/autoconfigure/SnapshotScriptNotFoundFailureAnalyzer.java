package dev.jsrun.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a location in {@code jsrun.snapshot.scripts} that names no readable resource.
 */
class SnapshotScriptNotFoundFailureAnalyzer extends AbstractFailureAnalyzer<SnapshotScriptNotFoundException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SnapshotScriptNotFoundException cause) {
        String description = "A JavaScript snapshot script could not be loaded.\n\n" + "    Property: "
                + cause.getProperty() + "\n" + "    Location: " + cause.getLocation() + "\n" + "    Problem: "
                + cause.getProblem();
        String action = "Correct '" + cause.getProperty() + "'. Use 'classpath:' for resources in src/main/resources "
                + "or in jars (WebJars live under 'classpath:META-INF/resources/webjars/<name>/<version>/'), "
                + "and 'file:' for files relative to the working directory.";
        return new FailureAnalysis(description, action, cause);
    }

}
