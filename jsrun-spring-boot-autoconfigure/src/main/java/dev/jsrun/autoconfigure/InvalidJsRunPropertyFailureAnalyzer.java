package dev.jsrun.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@code jsrun.*} property whose value cannot work.
 */
class InvalidJsRunPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidJsRunPropertyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidJsRunPropertyException cause) {
        String description = "Invalid jsrun configuration.\n\n" + "    Property: " + cause.getProperty() + "\n"
                + "    Value: " + cause.getValue() + "\n" + "    Problem: " + cause.getProblem();
        return new FailureAnalysis(description, cause.getAction(), cause);
    }

}
