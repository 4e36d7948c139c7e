package dev.jsrun.autoconfigure;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.unit.DataSize;

/** Refuses {@code jsrun.*} values that cannot work, before any runtime is made. */
final class JsRunPropertiesValidator {

    private JsRunPropertiesValidator() {
    }

    static JsRunProperties validate(JsRunProperties properties) {
        scripts(properties.getSnapshot().getScripts());
        conditions(properties.getSnapshot().getConditions());
        JsRunProperties.Runtime runtime = properties.getRuntime();
        positive("jsrun.runtime.timeout", runtime.getTimeout(), "a positive duration such as 5s");
        DataSize heap = runtime.getMaxHeapSize();
        if (heap != null && heap.toMegabytes() < 16) {
            throw new InvalidJsRunPropertyException("jsrun.runtime.max-heap-size", heap.toKilobytes() + "KB",
                    "a V8 heap needs at least 16MB", "Set jsrun.runtime.max-heap-size to 16MB or more, for example 256MB.");
        }
        DataSize result = runtime.getMaxResultSize();
        if (result == null || result.toBytes() < 1024 || result.toBytes() > Integer.MAX_VALUE) {
            throw new InvalidJsRunPropertyException("jsrun.runtime.max-result-size",
                    result == null ? "none" : result.toBytes() + "B", "must be between 1KB and 2GB",
                    "Set jsrun.runtime.max-result-size between 1KB and 2GB, for example 16MB.");
        }
        DataSize external = runtime.getMaxExternalMemory();
        if (external == null || external.toMegabytes() < 1) {
            throw new InvalidJsRunPropertyException("jsrun.runtime.max-external-memory",
                    external == null ? "none" : external.toBytes() + "B", "must be at least 1MB",
                    "Set jsrun.runtime.max-external-memory to 1MB or more, for example 256MB.");
        }
        JsRunProperties.Pool pool = properties.getPool();
        if (pool.getMaxSize() < 1) {
            throw new InvalidJsRunPropertyException("jsrun.pool.max-size", pool.getMaxSize(),
                    "the pool must hold at least one runtime", "Set jsrun.pool.max-size to 1 or more.");
        }
        if (pool.getMinIdle() < 0 || pool.getMinIdle() > pool.getMaxSize()) {
            throw new InvalidJsRunPropertyException("jsrun.pool.min-idle", pool.getMinIdle(),
                    "must be between 0 and jsrun.pool.max-size (" + pool.getMaxSize() + ")",
                    "Set jsrun.pool.min-idle to a value from 0 to " + pool.getMaxSize() + ".");
        }
        notNegative("jsrun.pool.max-wait", pool.getMaxWait());
        positive("jsrun.pool.idle-timeout", pool.getIdleTimeout(), "a positive duration such as 10m");
        positive("jsrun.pool.eviction-interval", pool.getEvictionInterval(), "a positive duration such as 30s");
        notNegative("jsrun.pool.shutdown-timeout", pool.getShutdownTimeout());
        if (pool.getMaxUses() < 0) {
            throw new InvalidJsRunPropertyException("jsrun.pool.max-uses", pool.getMaxUses(), "must not be negative",
                    "Set jsrun.pool.max-uses to 0 (no limit) or a positive number.");
        }
        if (pool.getScopeMaxUses() < 1) {
            throw new InvalidJsRunPropertyException("jsrun.pool.scope-max-uses", pool.getScopeMaxUses(),
                    "a scoped runtime must serve at least one borrow", "Set jsrun.pool.scope-max-uses to 1 or more.");
        }
        if (pool.getScope() != null && !pool.getScope().isEmpty() && pool.getScope().isBlank()) {
            throw new InvalidJsRunPropertyException("jsrun.pool.scope", "'" + pool.getScope() + "'",
                    "must name a scope or be left unset", "Remove jsrun.pool.scope, or set it to a name such as 'app'.");
        }
        if (pool.getCleanerThreads() != null && pool.getCleanerThreads() < 1) {
            throw new InvalidJsRunPropertyException("jsrun.pool.cleaner-threads", pool.getCleanerThreads(),
                    "at least one thread must reset returned runtimes", "Set jsrun.pool.cleaner-threads to 1 or more.");
        }
        if (pool.getName() == null || pool.getName().isBlank()) {
            throw new InvalidJsRunPropertyException("jsrun.pool.name", "'" + pool.getName() + "'", "must not be blank",
                    "Set jsrun.pool.name to a short name such as jsrun.");
        }
        return properties;
    }

    private static void scripts(List<String> scripts) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < scripts.size(); i++) {
            String location = scripts.get(i) == null ? "" : scripts.get(i).trim();
            Integer first = seen.putIfAbsent(location, i);
            if (first != null) {
                throw new InvalidJsRunPropertyException("jsrun.snapshot.scripts[" + i + "]", location,
                        "the script is already listed as jsrun.snapshot.scripts[" + first + "]",
                        "Remove the duplicate: each script runs into the snapshot once.");
            }
        }
    }

    private static void conditions(List<String> conditions) {
        for (int i = 0; i < conditions.size(); i++) {
            String condition = conditions.get(i);
            if (condition == null || condition.isBlank()) {
                throw new InvalidJsRunPropertyException("jsrun.snapshot.conditions[" + i + "]",
                        "'" + (condition == null ? "" : condition) + "'", "a condition must not be blank",
                        "Remove the blank entry from jsrun.snapshot.conditions, or name a condition there, such as browser.");
            }
        }
    }

    private static void positive(String property, Duration value, String example) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new InvalidJsRunPropertyException(property, value.toMillis() + "ms", "must be positive",
                    "Set " + property + " to " + example + ".");
        }
    }

    private static void notNegative(String property, Duration value) {
        if (value == null || value.isNegative()) {
            throw new InvalidJsRunPropertyException(property, (value == null) ? null : value.toMillis() + "ms",
                    "must be zero or positive",
                    "Set " + property + " to a duration such as 5s.");
        }
    }

}
