package dev.jsrun.sample;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.jsrun.JsConversionException;
import dev.jsrun.JsException;
import dev.jsrun.JsExternalMemoryLimitException;
import dev.jsrun.JsHeapLimitException;
import dev.jsrun.JsRuntimeUnavailableException;
import dev.jsrun.JsTerminatedException;
import dev.jsrun.JsTimeoutException;
import dev.jsrun.pool.JsRuntimePoolExhaustedException;

/**
 * Turns JavaScript errors and bad requests into JSON error bodies rather than server
 * errors.
 */
@RestControllerAdvice
public class JsErrorHandler {

    @ExceptionHandler
    @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
    public ErrorResponse timeout(JsTimeoutException ex) {
        // The library's message advises on configuration, which is for operators rather
        // than API clients.
        return new ErrorResponse("TimeoutError",
                "evaluation took longer than " + ex.getTimeout().toMillis() + " ms and was terminated", null, null);
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
    public ErrorResponse heapLimit(JsHeapLimitException ex) {
        return new ErrorResponse("HeapLimitError", "evaluation used too much memory and was terminated", null, null);
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
    public ErrorResponse externalMemoryLimit(JsExternalMemoryLimitException ex) {
        return new ErrorResponse("ExternalMemoryLimitError",
                "evaluation used too much memory for buffers and was " + "terminated", null, null);
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    public ErrorResponse terminated(JsTerminatedException ex) {
        // what is left: the server shut down, or its thread was interrupted, while the
        // script ran
        return new ErrorResponse("Unavailable", "the server stopped the evaluation; retry shortly", null, null);
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    public ErrorResponse busy(JsRuntimePoolExhaustedException ex) {
        return new ErrorResponse("Busy", "all JavaScript runtimes are busy; retry shortly", null, null);
    }

    /**
     * The pool is shutting down or cannot make runtimes ready; the busy pool is
     * {@link #busy}, which Spring prefers as the closer match.
     */
    @ExceptionHandler
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    public ErrorResponse unavailable(JsRuntimeUnavailableException ex) {
        String message = switch (ex.reason()) {
            case SHUTTING_DOWN, CLOSED -> "the server is shutting down; retry shortly";
            default -> "no JavaScript runtime is available; retry shortly";
        };
        return new ErrorResponse("Unavailable", message, null, null);
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    public ErrorResponse javaScript(JsException ex) {
        return new ErrorResponse(ex.getErrorName(), ex.getErrorMessage(), positive(ex.getLine()),
                positive(ex.getColumn()));
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    public ErrorResponse conversion(JsConversionException ex) {
        return new ErrorResponse("ConversionError", ex.getMessage(), null, null);
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    public ErrorResponse invalid(MethodArgumentNotValidException ex) {
        String message = ex.getBindingResult()
            .getFieldErrors()
            .stream()
            .map((error) -> error.getField() + " " + error.getDefaultMessage())
            .sorted()
            .reduce((a, b) -> a + "; " + b)
            .orElse("invalid request");
        return new ErrorResponse("BadRequest", message, null, null);
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    public ErrorResponse unreadable(HttpMessageNotReadableException ex) {
        return new ErrorResponse("BadRequest", "request body is missing or is not valid JSON", null, null);
    }

    private static Integer positive(int value) {
        return (value > 0) ? value : null;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ErrorResponse(String error, String message, Integer line, Integer column) {
    }

}
