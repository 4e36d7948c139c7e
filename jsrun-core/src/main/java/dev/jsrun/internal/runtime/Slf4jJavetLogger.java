package dev.jsrun.internal.runtime;

import com.caoccao.javet.interfaces.IJavetLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends Javet's runtime messages to SLF4J instead of java.util.logging. */
final class Slf4jJavetLogger implements IJavetLogger {

    static final Slf4jJavetLogger INSTANCE = new Slf4jJavetLogger();

    private static final Logger logger = LoggerFactory.getLogger("dev.jsrun.v8");

    @Override
    public void debug(String message) {
        logger.debug(message);
    }

    @Override
    public void error(String message) {
        logger.error(message);
    }

    @Override
    public void error(String message, Throwable cause) {
        logger.error(message, cause);
    }

    @Override
    public void info(String message) {
        logger.info(message);
    }

    @Override
    public void warn(String message) {
        // Javet reports the host functions it releases with the runtime; that is the
        // normal end of a runtime.
        if (message != null && message.contains("callback context object(s) not recycled")) {
            logger.debug(message);
        }
        else {
            logger.warn(message);
        }
    }

}
