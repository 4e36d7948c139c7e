package dev.jsrun;

/** A JavaScript value that cannot become the Java type the caller asked for. */
public class JsConversionException extends JsRunException {

    public JsConversionException(String message) {
        super(message);
    }

}
