package dev.jsrun;

/**
 * The script or module did not parse or link: nothing of it ran. Carries where V8's
 * compiler stopped.
 */
public class JsSyntaxException extends JsException {

    public JsSyntaxException(String errorMessage, String resourceName, int line, int column, Throwable cause) {
        super("SyntaxError", errorMessage, null, resourceName, line, column, cause);
    }

}
