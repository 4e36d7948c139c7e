package dev.jsrun;

/**
 * A builder of {@link RuntimeConfig}, {@code PoolSettings} or {@link V8Setup} refused a
 * value. Besides its message, it tells which {@link #getSetting() setting}, the
 * {@link #getValue() value} and the values allowed ({@link #getMinimum()} to
 * {@link #getMaximum()}), so that a caller mapping its own configuration onto these
 * builders can report the problem in its own terms.
 */
public class InvalidSettingException extends JsRunException {

    private final Setting setting;

    private final Object value;

    private final Object minimum;

    private final boolean minimumExcluded;

    private final Object maximum;

    private final String requirement;

    /**
     * @param setting the setting refused
     * @param value the value refused, in the builder's terms (bytes, characters, a
     * {@code Duration}...)
     * @param minimum the smallest value allowed, or {@code null} when there is none
     * @param minimumExcluded whether {@code minimum} itself is refused (a setting that
     * must be positive)
     * @param maximum the largest value allowed, or {@code null} when there is none
     * @param requirement the rule the value broke, such as {@code must be at least 1}
     */
    public InvalidSettingException(Setting setting, Object value, Object minimum, boolean minimumExcluded,
            Object maximum, String requirement) {
        super(setting.apiName() + " " + requirement + ", was " + quoted(value));
        this.setting = setting;
        this.value = value;
        this.minimum = minimum;
        this.minimumExcluded = minimumExcluded;
        this.maximum = maximum;
        this.requirement = requirement;
    }

    private static Object quoted(Object value) {
        return (value instanceof CharSequence) ? "'" + value + "'" : value;
    }

    /** The setting whose value was refused. */
    public Setting getSetting() {
        return this.setting;
    }

    /** The value refused, in the builder's terms. */
    public Object getValue() {
        return this.value;
    }

    /**
     * The smallest value allowed, or {@code null} when the setting has no lower bound.
     */
    public Object getMinimum() {
        return this.minimum;
    }

    /**
     * Whether the {@link #getMinimum() minimum} itself is refused, as for a duration that
     * must be positive.
     */
    public boolean isMinimumExcluded() {
        return this.minimumExcluded;
    }

    /** The largest value allowed, or {@code null} when the setting has no upper bound. */
    public Object getMaximum() {
        return this.maximum;
    }

    /**
     * The rule the value broke, such as {@code must be at least 1}, without the setting's
     * name.
     */
    public String getRequirement() {
        return this.requirement;
    }

}
