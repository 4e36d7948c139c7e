package dev.jsrun.autoconfigure;

/**
 * A location in {@code jsrun.snapshot.scripts} that names no readable resource, or more
 * than one.
 */
public class SnapshotScriptNotFoundException extends RuntimeException {

    private final String property;

    private final String location;

    public SnapshotScriptNotFoundException(String property, String location, String problem, Throwable cause) {
        super(property + " = '" + location + "': " + problem, cause);
        this.property = property;
        this.location = location;
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

}
