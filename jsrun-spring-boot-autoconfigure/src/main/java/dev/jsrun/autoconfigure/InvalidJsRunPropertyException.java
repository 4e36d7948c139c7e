package dev.jsrun.autoconfigure;

import dev.jsrun.JsRunException;

/**
 * A {@code jsrun.*} property with a value that cannot work: names the property, the
 * value, what is wrong and what to set instead.
 */
public class InvalidJsRunPropertyException extends JsRunException {

    private final String property;

    private final Object value;

    private final String problem;

    private final String action;

    public InvalidJsRunPropertyException(String property, Object value, String problem, String action) {
        this(property, value, problem, action, null);
    }

    public InvalidJsRunPropertyException(String property, Object value, String problem, String action,
            Throwable cause) {
        super(property + " = " + value + ": " + problem, cause);
        this.property = property;
        this.value = value;
        this.problem = problem;
        this.action = action;
    }

    public String getProperty() {
        return this.property;
    }

    public Object getValue() {
        return this.value;
    }

    /** What is wrong with the value. */
    public String getProblem() {
        return this.problem;
    }

    /** What to change. */
    public String getAction() {
        return this.action;
    }

}
