package dev.jsrun;

/**
 * The root of every exception jsrun throws, so that one {@code catch} can handle all of
 * them. What went wrong is in the subclass: the JavaScript failed ({@link JsException},
 * {@link JsSyntaxException}), jsrun stopped it ({@link JsTerminatedException}), its value
 * does not fit Java ({@link JsConversionException}), no runtime could be handed out
 * ({@link JsRuntimeUnavailableException}), a snapshot cannot be built or restored
 * ({@link SnapshotBuildException}, {@link InvalidSnapshotException}), or V8 cannot load
 * ({@link NativeLibraryException}).
 * <p>
 * Calls that misuse the API are refused as the JDK refuses them, not with these: an
 * argument jsrun cannot take with {@link IllegalArgumentException} or
 * {@link NullPointerException}, a call on a closed {@link JsRuntime} with
 * {@link IllegalStateException}.
 */
public abstract class JsRunException extends RuntimeException {

    protected JsRunException(String message) {
        super(message);
    }

    protected JsRunException(String message, Throwable cause) {
        super(message, cause);
    }

}
