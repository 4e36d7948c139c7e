package dev.jsrun.autoconfigure;

import java.time.Duration;
import java.util.function.Supplier;

import dev.jsrun.InvalidSettingException;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.Setting;
import dev.jsrun.V8Setup;
import dev.jsrun.engine.V8AlreadyStartedException;
import dev.jsrun.pool.PoolSettings;
import dev.jsrun.snapshot.SnapshotBuilder;

/**
 * The {@code jsrun.*} property behind each setting of jsrun-core, and the failure that
 * names it: the core's builders validate every value, and their refusal is told here in
 * the properties' terms (names, units, examples), from the refusal's fields alone.
 */
final class SettingProperties {

    private static final long[] SIZE_UNITS = { 1L << 40, 1L << 30, 1L << 20, 1L << 10 };

    private static final String[] SIZE_SUFFIXES = { "TB", "GB", "MB", "KB" };

    private static final long[] DURATION_UNITS = { 86_400_000, 3_600_000, 60_000, 1000 };

    private static final String[] DURATION_SUFFIXES = { "d", "h", "m", "s" };

    private static final long MAX_NANOS_SECONDS = Long.MAX_VALUE / 1_000_000_000;

    private SettingProperties() {
    }

    /**
     * The result of {@code build}, which hands values of the properties to a core
     * builder.
     */
    static <T> T check(Supplier<T> build) {
        try {
            return build.get();
        }
        catch (InvalidSettingException ex) {
            throw invalid(ex);
        }
    }

    /** The property that sets {@code setting}. */
    static String property(Setting setting) {
        return switch (setting) {
            case TIMEOUT -> "jsrun.runtime.timeout";
            case SCRIPT_TIMEOUT -> "jsrun.snapshot.script-timeout";
            case CONSOLE_LOGGER -> "jsrun.runtime.console-logger";
            case MAX_RESULT_SIZE -> "jsrun.runtime.max-result-size";
            case MAX_EXTERNAL_MEMORY, MAX_WASM_MEMORY -> "jsrun.runtime.max-external-memory";
            case V8_FLAGS -> "jsrun.runtime.v8-flags";
            case MAX_HEAP_SIZE -> "jsrun.runtime.max-heap-size";
            case TURBOFAN -> V8Setup.TURBOFAN_PROPERTY;
            case NATIVE_LIBRARY_DIRECTORY -> "jsrun.native-library.directory";
            case POOL_NAME -> "jsrun.pool.name";
            case MAX_SIZE -> "jsrun.pool.max-size";
            case MIN_IDLE -> "jsrun.pool.min-idle";
            case MAX_WAIT -> "jsrun.pool.max-wait";
            case IDLE_TIMEOUT -> "jsrun.pool.idle-timeout";
            case EVICTION_INTERVAL -> "jsrun.pool.eviction-interval";
            case MAX_USES -> "jsrun.pool.max-uses";
            case SHUTDOWN_TIMEOUT -> "jsrun.pool.shutdown-timeout";
            case CLEANER_THREADS -> "jsrun.pool.cleaner-threads";
            case SCOPE_MAX_USES -> "jsrun.pool.scope-max-uses";
        };
    }

    /** The refusal of a core builder, as a property that cannot work. */
    static InvalidJsRunPropertyException invalid(InvalidSettingException ex) {
        Setting setting = ex.getSetting();
        String property = property(setting);
        return new InvalidJsRunPropertyException(property, format(setting, ex.getValue()), problem(ex),
                action(ex, property), ex);
    }

    /** A setting V8 can no longer take, as a property that cannot work. */
    static InvalidJsRunPropertyException conflict(V8AlreadyStartedException ex) {
        String property = property(ex.getSetting());
        return new InvalidJsRunPropertyException(property, format(ex.getSetting(), ex.getRequested()),
                "V8 flags are fixed once the first runtime of the JVM exists (in force: "
                        + format(ex.getSetting(), ex.getInForce()) + ")",
                "Make jsrun the first to create V8 runtimes in this JVM, or remove " + property + ".", ex);
    }

    private static String problem(InvalidSettingException ex) {
        Setting setting = ex.getSetting();
        Object minimum = ex.getMinimum();
        Object maximum = ex.getMaximum();
        if (setting == Setting.MIN_IDLE && maximum != null) {
            return "must be between " + minimum + " and " + property(Setting.MAX_SIZE) + " (" + maximum + ")";
        }
        if (maximum instanceof Duration longest && ex.getValue() instanceof Duration value
                && value.compareTo(longest) > 0) {
            return "must be at most " + format(setting, longest);
        }
        if (minimum instanceof Duration) {
            return ex.isMinimumExcluded() ? "must be positive" : "must not be negative";
        }
        if (minimum != null && maximum != null) {
            return "must be between " + format(setting, minimum) + " and " + formatMaximum(setting, maximum);
        }
        if (minimum != null && ex.isMinimumExcluded() && isZero(minimum)) {
            return "must be positive";
        }
        if (minimum != null && isZero(minimum)) {
            return "must not be negative";
        }
        if (minimum != null) {
            return "must be at least " + format(setting, minimum);
        }
        return ex.getRequirement();
    }

    private static String action(InvalidSettingException ex, String property) {
        Setting setting = ex.getSetting();
        Object minimum = ex.getMinimum();
        Object maximum = ex.getMaximum();
        if (setting == Setting.V8_FLAGS) {
            return "Write each flag as V8 spells it, such as --incremental-marking, separated by spaces.";
        }
        if (setting == Setting.MAX_USES) {
            return "Set " + property + " to 0 (no limit) or a positive number.";
        }
        Object example = example(setting);
        if (minimum instanceof Duration) {
            return "Set " + property + " to " + (ex.isMinimumExcluded() ? "a positive duration" : "a duration")
                    + ((maximum != null) ? " of at most " + format(setting, maximum) + "," : "") + " such as "
                    + format(setting, example) + ".";
        }
        if (isSize(setting) && minimum != null) {
            return "Set " + property
                    + ((maximum != null)
                            ? " between " + format(setting, minimum) + " and " + formatMaximum(setting, maximum)
                            : " to " + format(setting, minimum) + " or more")
                    + ", for example " + format(setting, example) + ".";
        }
        if (minimum != null) {
            return "Set " + property + " to "
                    + ((maximum != null) ? "a value from " + minimum + " to " + maximum : minimum + " or more") + ".";
        }
        if (example instanceof String name) {
            return "Set " + property + " to a name such as " + name + ".";
        }
        return "Set " + property + " to a value that " + ex.getRequirement().replaceFirst("^must ", "") + ".";
    }

    /** The default, as an example of a value that works. */
    private static Object example(Setting setting) {
        return switch (setting) {
            case TIMEOUT -> new JsRunProperties().getRuntime().getTimeout();
            case SCRIPT_TIMEOUT -> SnapshotBuilder.DEFAULT_SCRIPT_TIMEOUT;
            case CONSOLE_LOGGER -> RuntimeConfig.DEFAULT_CONSOLE_LOGGER;
            case MAX_RESULT_SIZE -> (long) RuntimeConfig.DEFAULT_MAX_RESULT_SIZE;
            case MAX_EXTERNAL_MEMORY, MAX_WASM_MEMORY -> RuntimeConfig.DEFAULT_MAX_EXTERNAL_MEMORY;
            case MAX_HEAP_SIZE -> V8Setup.DEFAULT_MAX_HEAP_SIZE;
            case POOL_NAME -> PoolSettings.DEFAULT_NAME;
            case MAX_WAIT -> PoolSettings.DEFAULT_MAX_WAIT;
            case IDLE_TIMEOUT -> PoolSettings.DEFAULT_IDLE_TIMEOUT;
            case EVICTION_INTERVAL -> PoolSettings.DEFAULT_EVICTION_INTERVAL;
            case SHUTDOWN_TIMEOUT -> PoolSettings.DEFAULT_SHUTDOWN_TIMEOUT;
            default -> null;
        };
    }

    private static boolean isSize(Setting setting) {
        return setting == Setting.MAX_RESULT_SIZE || setting == Setting.MAX_EXTERNAL_MEMORY
                || setting == Setting.MAX_WASM_MEMORY || setting == Setting.MAX_HEAP_SIZE;
    }

    private static boolean isZero(Object value) {
        return (value instanceof Duration duration) ? duration.isZero()
                : (value instanceof Number number && number.longValue() == 0);
    }

    /**
     * A value as a property would spell it: sizes and durations in their largest exact
     * unit, blanks quoted.
     */
    static String format(Setting setting, Object value) {
        if (value == null) {
            return "none";
        }
        if (isSize(setting) && value instanceof Number bytes) {
            return size(bytes.longValue());
        }
        if (value instanceof Duration duration) {
            return duration(duration);
        }
        if (value instanceof String text && text.isBlank()) {
            return "'" + text + "'";
        }
        return String.valueOf(value);
    }

    /**
     * A size limit one below a round size, such as {@code Integer.MAX_VALUE} bytes, reads
     * as the round size.
     */
    private static String formatMaximum(Setting setting, Object maximum) {
        if (isSize(setting) && maximum instanceof Number bytes && (bytes.longValue() + 1) % 1024 == 0) {
            return size(bytes.longValue() + 1);
        }
        return format(setting, maximum);
    }

    private static String size(long bytes) {
        for (int i = 0; i < SIZE_UNITS.length; i++) {
            if (bytes != 0 && bytes % SIZE_UNITS[i] == 0) {
                return (bytes / SIZE_UNITS[i]) + SIZE_SUFFIXES[i];
            }
        }
        return bytes + "B";
    }

    private static String duration(Duration duration) {
        // toNanos and toMillis overflow from about 292 years, a value refused as too long
        long seconds = duration.getSeconds();
        if (seconds >= MAX_NANOS_SECONDS || seconds <= -MAX_NANOS_SECONDS) {
            return (duration.getNano() == 0) ? seconds + "s" : duration.toString();
        }
        if (duration.getNano() % 1_000_000 != 0) {
            return duration.toNanos() + "ns";
        }
        long millis = duration.toMillis();
        for (int i = 0; i < DURATION_UNITS.length; i++) {
            if (millis != 0 && millis % DURATION_UNITS[i] == 0) {
                return (millis / DURATION_UNITS[i]) + DURATION_SUFFIXES[i];
            }
        }
        return millis + "ms";
    }

}
