package dev.jsrun.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.caoccao.javet.interfaces.IJavetLogger;

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
        logger.warn(message);
    }

}
