package dev.jsrun.benchmarks;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.jsrun.Snapshot;
import dev.jsrun.snapshot.SnapshotBuilder;

/**
 * The JavaScript of the comparison, the same for every engine: the libraries a runtime
 * must have loaded, and the first real call made on it. {@link #warmUp()} runs only
 * before a jsrun snapshot is taken: functions run there keep their compiled code in the
 * snapshot, which is jsrun's lever on the first call after restore. It uses different
 * inputs than {@link #firstCall()}, so nothing of the measured call is precomputed.
 */
enum Scenario {

    /**
     * lodash 4.17.21 + handlebars 4.7.7 + marked 4.3.0; first call: a handlebars compile
     * and render.
     */
    LIGHT {
        @Override
        Map<String, String> scripts() {
            Map<String, String> scripts = new LinkedHashMap<>();
            scripts.put("lodash.min.js", Libraries.webjar("lodash", "lodash.min.js"));
            scripts.put("handlebars.min.js", Libraries.webjar("handlebars", "dist/handlebars.min.js"));
            scripts.put("marked.min.js", Libraries.webjar("marked", "marked.min.js"));
            return scripts;
        }

        @Override
        String warmUp() {
            return "Handlebars.compile('<p>{{#if a}}{{a}}{{else}}none{{/if}}</p>')({a: 1});"
                    + "marked.parse('# warm\\n\\nsome *up* text\\n\\n- a\\n- b');"
                    + "_.map(_.sortBy([3, 1, 2]), String).join();";
        }

        @Override
        String firstCall() {
            return "Handlebars.compile('<ul>{{#each items}}<li>{{name}}: {{price}}</li>{{/each}}</ul>')"
                    + "({items: [{name: 'tea', price: 3}, {name: 'cake', price: 5}]})";
        }

        @Override
        String expected() {
            return "<ul><li>tea: 3</li><li>cake: 5</li></ul>";
        }
    },

    /**
     * The TypeScript compiler ({@code lib/typescript.js}, ~9 MB); first call: one
     * transpileModule.
     */
    HEAVY {
        @Override
        Map<String, String> scripts() {
            return Map.of("typescript.js", Libraries.webjar("typescript", "lib/typescript.js"));
        }

        @Override
        String warmUp() {
            return "ts.transpileModule('export function twice(n: number): number { return n * 2; }', {}).outputText";
        }

        @Override
        String firstCall() {
            return "ts.transpileModule('const x: number = 1', {}).outputText";
        }

        @Override
        String expected() {
            return "x = 1;";
        }
    };

    private Map<String, String> scripts;

    /** Library name to source, in load order. */
    abstract Map<String, String> scripts();

    abstract String warmUp();

    abstract String firstCall();

    /**
     * A piece of {@link #firstCall()}'s result, to check that every engine really ran it.
     */
    abstract String expected();

    /** {@link #scripts()}, read once per JVM: the TypeScript compiler alone is 9 MB. */
    synchronized Map<String, String> sources() {
        if (this.scripts == null) {
            this.scripts = scripts();
        }
        return this.scripts;
    }

    /**
     * The jsrun snapshot of the libraries, with the warm-up run before the heap is
     * captured when asked.
     */
    Snapshot snapshot(boolean warm) {
        SnapshotBuilder builder = Libraries.snapshotOf(sources());
        if (warm) {
            builder.executeScript("warm-up.js", warmUp());
        }
        return builder.build();
    }

    /**
     * Fails loudly when an engine returned something other than the first call's real
     * result.
     */
    String check(Object result) {
        if (!(result instanceof String text) || !text.contains(expected())) {
            throw new IllegalStateException(this + ": unexpected result of the first call: " + result);
        }
        return text;
    }

    static Scenario of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

}
