package dev.jsrun.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.jsrun.JsRuntime;
import dev.jsrun.ModuleReport;
import dev.jsrun.ModuleReport.Status;
import dev.jsrun.ModuleStats;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/**
 * Real packages from WebJars, required in runtimes restored from a snapshot, against Node
 * 20 on the same files.
 */
class LibrariesTest {

    private static final List<String> MODULES = List.of("lodash", "lodash/fp", "marked", "handlebars",
            "handlebars/runtime", "moment", "moment/locale/fr", "mime-db");

    private static ModuleSet modules;

    private static UnpooledJsRuntimeFactory runtimes;

    @BeforeAll
    static void build() {
        ModuleSet.Builder builder = ModuleSet.builder().root(NodeProject.webjars());
        MODULES.forEach(builder::module);
        modules = builder.build();
        runtimes = NodeProject.runtimes(modules);
    }

    @AfterAll
    static void close() {
        runtimes.close();
    }

    @ParameterizedTest
    @ValueSource(strings = { "JSON.stringify([require('lodash').VERSION, require('lodash').chunk([1, 2, 3, 4, 5], 2),"
            + " require('lodash').kebabCase('Hello World Foo'), require('lodash').template('hi <%= name %>')({ name: 'x' }),"
            + " require('lodash').isBuffer({}), require('lodash').sortBy([{ n: 3 }, { n: 1 }], 'n')])",
            "JSON.stringify([require('lodash/fp').map(function (x) { return x * 2; })([1, 2, 3]),"
                    + " require('lodash/fp').get('a.b')({ a: { b: 7 } })])",
            "JSON.stringify([require('moment').version, require('moment').utc('2024-02-29T12:00:00Z').add(1, 'year')"
                    + ".format('YYYY-MM-DD dddd HH:mm'), require('moment').duration(90, 'minutes').humanize(),"
                    + " require('moment').utc('2024-01-15').isoWeek()])",
            // Defining a locale makes it moment's global one, in Node when required, here
            // when the snapshot is built.
            "JSON.stringify([require('moment').locale(), require('moment').utc('2024-03-01').format('dddd D MMMM YYYY'),"
                    + " require('moment').utc('2024-03-01').locale('en').format('dddd')])",
            "JSON.stringify([require('marked').marked.parse('# Title\\n\\nSome *emphasis* and a [link](http://x.y).\\n\\n- a\\n- b\\n'),"
                    + " require('marked').marked.lexer('**b** `c`').map(function (t) { return t.type; })])",
            "JSON.stringify([require('handlebars').VERSION, require('handlebars')"
                    + ".compile('Hello {{name}}! {{#each items}}<{{this}}>{{/each}}')({ name: '<b>', items: [1, 2] })])",
            "JSON.stringify(require('handlebars').precompile('{{#if a}}{{b}}{{/if}}', { srcName: 't.hbs' }))",
            "typeof require('handlebars/runtime').template + ' ' + require('handlebars/runtime').VERSION",
            "JSON.stringify([require('mime-db')['application/json'], Object.keys(require('mime-db')).length])", })
    void answersLikeNode(String expression) {
        try (JsRuntime js = runtimes.create()) {
            assertThat(js.eval("String(" + expression + ")")).isEqualTo(NodeProject.node(MODULES, expression));
        }
    }

    @Test
    void storesEveryModuleInitialized() {
        ModuleReport report = modules.report();
        assertThat(report.count(Status.DEFERRED)).isZero();
        assertThat(report.entry("node_modules/lodash/lodash.js").orElseThrow().status()).isEqualTo(Status.HEALTHY);
        assertThat(report.entry("node_modules/mime-db/db.json").orElseThrow().status()).isEqualTo(Status.HEALTHY);
        // handlebars/lib/index.js requires 'fs' only inside its .hbs require-extension
        // hook.
        assertThat(report.entry("fs").orElseThrow().status()).isEqualTo(Status.EXCLUDED);
        assertThat(modules.resolverMap())
            .containsEntry("node_modules/handlebars/dist/cjs***./handlebars.runtime",
                    "node_modules/handlebars/dist/cjs/handlebars.runtime.js")
            .containsEntry("***lodash", "node_modules/lodash/lodash.js")
            .containsEntry("***handlebars", "node_modules/handlebars/lib/index.js")
            .containsEntry("***marked", "node_modules/marked/lib/marked.cjs")
            .containsEntry("node_modules/handlebars/dist/cjs/handlebars/compiler***source-map",
                    "node_modules/source-map/source-map.js");
        try (JsRuntime js = runtimes.create()) {
            ModuleStats before = js.moduleStats();
            assertThat(before.exports()).isEqualTo(report.count(Status.HEALTHY)).isEqualTo(before.definitions());
            assertThat(js.eval("require('handlebars').compile('{{x}}')({ x: 1 })")).isEqualTo("1");
            assertThat(js.moduleStats()).isEqualTo(new ModuleStats(1, 0, 0, before.exports(), before.definitions()));
        }
    }

}
