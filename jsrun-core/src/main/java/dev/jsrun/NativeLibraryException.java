package dev.jsrun;

import java.nio.file.Path;

/**
 * V8's native library cannot be loaded on this JVM: no native fits the platform, the one
 * that fits is not on the classpath, or the directory it is extracted to cannot hold or
 * run it. The message says what to change.
 */
public class NativeLibraryException extends JsRunException {

    /** What stands in the way. */
    public enum Problem {

        /**
         * Javet publishes no native for this operating system, processor or C library.
         */
        UNSUPPORTED_PLATFORM,

        /** A native exists for this platform but its jar is not on the classpath. */
        NOT_ON_CLASSPATH,

        /** The directory for the extracted library cannot be created or written. */
        DIRECTORY_NOT_WRITABLE,

        /**
         * The native has ICU but jsrun's ICU data is not on the classpath, or is damaged.
         */
        ICU_DATA_MISSING,

        /**
         * Others than the JVM's user may write to the directory, so its files could be
         * swapped for other code.
         */
        DIRECTORY_NOT_PRIVATE,

        /**
         * The directory's file system does not allow running code from it
         * ({@code noexec}).
         */
        DIRECTORY_NOT_EXECUTABLE,

        /**
         * The operating system refused to load the library for another reason, given in
         * the message.
         */
        LOAD_FAILED

    }

    private final Problem problem;

    private final NativePlatform platform;

    private final String dependency;

    private final Path directory;

    private final String advice;

    public NativeLibraryException(Problem problem, NativePlatform platform, String dependency, Path directory,
            String detail, String advice, Throwable cause) {
        super(detail + " " + advice, cause);
        this.problem = problem;
        this.platform = platform;
        this.dependency = dependency;
        this.directory = directory;
        this.advice = advice;
    }

    /** What stands in the way. */
    public Problem getProblem() {
        return this.problem;
    }

    /** The platform this JVM runs on. */
    public NativePlatform getPlatform() {
        return this.platform;
    }

    /**
     * The Maven coordinates of the native that fits this platform, or {@code null} when
     * Javet publishes none.
     */
    public String getDependency() {
        return this.dependency;
    }

    /**
     * The directory the library is extracted to, or {@code null} when the problem came
     * before it.
     */
    public Path getDirectory() {
        return this.directory;
    }

    /** What to change, in one or two sentences. */
    public String getAdvice() {
        return this.advice;
    }

    /** What went wrong, without the advice. */
    public String getDetail() {
        String message = getMessage();
        return message.substring(0, message.length() - this.advice.length() - 1);
    }

}
