package dev.jsrun;

/** A JavaScript value that cannot become the Java type the caller asked for. */
public class JsConversionException extends JsRunException {

    public JsConversionException(String message) {
        super(message);
    }

    /** With what was thrown while the value was read, such as an argument's iterator. */
    public JsConversionException(String message, Throwable cause) {
        super(message, cause);
    }

}
