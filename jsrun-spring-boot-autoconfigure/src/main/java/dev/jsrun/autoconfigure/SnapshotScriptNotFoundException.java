package dev.jsrun.autoconfigure;

import dev.jsrun.JsRunException;

/**
 * A location in {@code jsrun.snapshot.scripts} that names no readable resource, or more
 * than one.
 */
public class SnapshotScriptNotFoundException extends JsRunException {

    private final String property;

    private final String location;

    private final String problem;

    public SnapshotScriptNotFoundException(String property, String location, String problem, Throwable cause) {
        super(property + " = '" + location + "': " + problem, cause);
        this.property = property;
        this.location = location;
        this.problem = problem;
    }

    /**
     * The property that holds the location, such as {@code jsrun.snapshot.scripts[2]}.
     */
    public String getProperty() {
        return this.property;
    }

    public String getLocation() {
        return this.location;
    }

    /**
     * What is wrong with the location, such as {@code no such resource}.
     */
    public String getProblem() {
        return this.problem;
    }

}
