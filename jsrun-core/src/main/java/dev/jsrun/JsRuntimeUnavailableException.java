package dev.jsrun;

/** A factory could not hand out a runtime: none became free in time, or it is closed or shutting down. */
public class JsRuntimeUnavailableException extends RuntimeException {

    public JsRuntimeUnavailableException(String message) {
        super(message);
    }

}
