package dev.jsrun.autoconfigure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses {@code jsrun.*} values that only the properties can get wrong, before anything
 * is built from them: the core's builders check every value they take themselves (see
 * {@link SettingProperties}).
 */
final class JsRunPropertiesValidator {

    private JsRunPropertiesValidator() {
    }

    /**
     * A script listed twice, or a blank condition (a list property with an empty entry).
     */
    static JsRunProperties.Snapshot validate(JsRunProperties.Snapshot snapshot) {
        scripts(snapshot.getScripts());
        conditions(snapshot.getConditions());
        return snapshot;
    }

    /** A scope of spaces, which the core would take for no scope at all. */
    static String scope(String scope) {
        if (scope != null && !scope.isEmpty() && scope.isBlank()) {
            throw new InvalidJsRunPropertyException("jsrun.pool.scope", "'" + scope + "'",
                    "must name a scope or be left unset",
                    "Remove jsrun.pool.scope, or set it to a name such as 'app'.");
        }
        return scope;
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

}
