package dev.jsrun.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.jsrun.NativeLibraryException;
import dev.jsrun.engine.V8Process;

/**
 * Explains why V8's native library cannot load: the platform, the Javet artifact that
 * fits it, the directory it is extracted to, and the dependency or property to change.
 */
class NativeLibraryFailureAnalyzer extends AbstractFailureAnalyzer<NativeLibraryException> {

    private static final String PROPERTY = "jsrun.native-library.directory";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NativeLibraryException cause) {
        StringBuilder description = new StringBuilder("V8's native library (Javet ").append(V8Process.javetVersion())
            .append(") cannot be loaded.\n\n");
        description.append("    Platform: ").append(cause.getPlatform()).append('\n');
        description.append("    Native: ")
            .append(cause.getDependency() != null ? cause.getDependency() : "none published for this platform")
            .append('\n');
        if (cause.getDirectory() != null) {
            description.append("    Directory: ")
                .append(cause.getDirectory())
                .append(" (")
                .append(PROPERTY)
                .append(")\n");
        }
        description.append("    Problem: ").append(cause.getDetail());
        return new FailureAnalysis(description.toString(), action(cause), cause);
    }

    /**
     * A directory that cannot serve is the property's to change; for the other problems,
     * the core's advice.
     */
    private static String action(NativeLibraryException cause) {
        String property = "'" + PROPERTY + "'";
        return switch (cause.getProblem()) {
            case DIRECTORY_NOT_WRITABLE -> "Set " + property + " to a writable directory on a file system that allows "
                    + "running code (not mounted noexec), or put the extracted library there beforehand.";
            case DIRECTORY_NOT_PRIVATE -> "Set " + property + " to a directory that only this JVM's user can write, or "
                    + "remove the directory so that jsrun creates it.";
            case DIRECTORY_NOT_EXECUTABLE ->
                "Set " + property + " to a directory on a file system that allows running code.";
            default -> cause.getAdvice();
        };
    }

}
