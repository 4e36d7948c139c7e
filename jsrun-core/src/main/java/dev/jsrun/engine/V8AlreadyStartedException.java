package dev.jsrun.engine;

import dev.jsrun.JsRunException;
import dev.jsrun.Setting;

/**
 * {@link V8Process#configure} asked for a setting other than the one V8 already runs
 * with: V8 takes its process-wide settings once, as the first runtime of the JVM starts
 * it. Tells the setting, the value asked for and the {@link #getInForce() value in
 * force}.
 */
public class V8AlreadyStartedException extends JsRunException {

    private final Setting setting;

    private final Object requested;

    private final Object inForce;

    public V8AlreadyStartedException(Setting setting, Object requested, Object inForce) {
        super(setting.apiName() + " cannot become " + describe(requested)
                + ": V8 flags are fixed once the first runtime " + "of the JVM exists, and this JVM's V8 runs with "
                + describe(inForce) + ". Configure V8Process before "
                + "any runtime is created, or ask for what is in force.");
        this.setting = setting;
        this.requested = requested;
        this.inForce = inForce;
    }

    /**
     * Sizes in MiB where they are whole MiB, so that the message reads as the setting was
     * likely written.
     */
    private static String describe(Object value) {
        if (value instanceof Long bytes) {
            return (bytes % (1 << 20) == 0) ? (bytes >> 20) + " MiB" : bytes + " bytes";
        }
        return "[" + value + "]";
    }

    /** The setting asked for. */
    public Setting getSetting() {
        return this.setting;
    }

    /**
     * The value asked for, in {@link dev.jsrun.V8Setup}'s terms (bytes, a path, flags
     * separated by spaces).
     */
    public Object getRequested() {
        return this.requested;
    }

    /** The value V8 runs with; for {@link Setting#V8_FLAGS}, all the flags in force. */
    public Object getInForce() {
        return this.inForce;
    }

}
