package dev.jsrun;

/**
 * Bytes that are not a snapshot this JVM can restore: not a jsrun snapshot file,
 * truncated, damaged, or made by another V8 version. They are refused before they reach
 * V8, which would abort the process.
 */
public class InvalidSnapshotException extends JsRunException {

    public InvalidSnapshotException(String message) {
        super(message);
    }

    public InvalidSnapshotException(String message, Throwable cause) {
        super(message, cause);
    }

}
