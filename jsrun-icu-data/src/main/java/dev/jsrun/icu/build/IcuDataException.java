package dev.jsrun.icu.build;

/**
 * An ICU data item that cannot be swapped or packaged; the message names the item and
 * what is wrong.
 */
public class IcuDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IcuDataException(String message) {
        super(message);
    }

    public IcuDataException(String message, Throwable cause) {
        super(message, cause);
    }

}
