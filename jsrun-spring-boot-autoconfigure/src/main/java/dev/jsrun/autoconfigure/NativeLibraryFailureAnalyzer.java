package dev.jsrun.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.jsrun.NativeLibraryException;
import dev.jsrun.internal.platform.NativeLibrary;

/**
 * Explains why V8's native library cannot load: the platform, the Javet artifact that fits it, the directory
 * it is extracted to, and the dependency or property to change.
 */
class NativeLibraryFailureAnalyzer extends AbstractFailureAnalyzer<NativeLibraryException> {

    private static final String PROPERTY = "jsrun.native-library.directory";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NativeLibraryException cause) {
        StringBuilder description = new StringBuilder("V8's native library (Javet ").append(NativeLibrary.javetVersion())
            .append(") cannot be loaded.\n\n");
        description.append("    Platform: ").append(cause.getPlatform()).append('\n');
        description.append("    Native: ")
            .append(cause.getDependency() != null ? cause.getDependency() : "none published for this platform")
            .append('\n');
        if (cause.getDirectory() != null) {
            description.append("    Directory: ").append(cause.getDirectory()).append(" (").append(PROPERTY).append(")\n");
        }
        description.append("    Problem: ").append(cause.getDetail());
        String action = cause.getAdvice().replace(NativeLibrary.DIRECTORY_PROPERTY, "'" + PROPERTY + "'");
        return new FailureAnalysis(description.toString(), action, cause);
    }

}
