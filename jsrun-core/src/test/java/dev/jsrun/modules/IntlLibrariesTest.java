package dev.jsrun.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.jsrun.JsRuntime;
import dev.jsrun.ModuleReport;
import dev.jsrun.ModuleReport.Status;
import dev.jsrun.internal.modules.Json;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/**
 * Libraries that need ICU (Intl, {@code \p{...}} in regular expressions), from WebJars,
 * loaded as {@code jsrun.snapshot.modules} loads them and required in runtimes restored
 * from the snapshot, give Node 20's results: luxon 3.7.2 (zones, DST arithmetic,
 * localized formats and parsing, Interval, Duration, Info), ajv 8.5.0 (Unicode patterns
 * and formats, error objects), highlight.js 11.3.1 (the full build: every language,
 * highlightAuto) and prettier 3.9.6 (standalone with the babel and estree plugins,
 * asynchronous).
 * <p>
 * Both hosts run the same cases ({@code intl-libraries-cases.js}) on the same files
 * (npm's packages of these versions are byte for byte the WebJars'). Node's results are
 * kept in {@code intl-libraries-node.json}, written by {@code intl-libraries-node.js}, so
 * the comparison needs no Node; {@link #keptResultsAreNodesOwn()} runs that script again
 * when a Node with the same ICU, CLDR and tz versions is on the PATH. Where jsrun's ICU
 * 77.1 (CLDR 47, tz 2025a, Unicode 16) answers otherwise than Node 20.20.2's ICU 78.2
 * (CLDR 48, tz 2025c, Unicode 17), the case is in {@link #VERSION_DIFFERENCES} with
 * jsrun's value and the reason (a few cases differ because jsrun's V8 is newer); every
 * other case must be equal. To write the kept results again after changing the cases:
 * {@code npm install --prefix DIR luxon@3.7.2 ajv@8.5.0 highlight.js@11.3.1 prettier@3.9.6},
 * then, in {@code src/test/resources/dev/jsrun/modules},
 * {@code node intl-libraries-node.js DIR > intl-libraries-node.json}.
 */
class IntlLibrariesTest {

    private static final List<String> MODULES = List.of("luxon", "ajv", "highlight.js", "prettier/standalone",
            "prettier/plugins/babel", "prettier/plugins/estree");

    private static final String CASES = "dev/jsrun/modules/intl-libraries-cases.js";

    private static final String NODE_SCRIPT = "dev/jsrun/modules/intl-libraries-node.js";

    private static final String NODE_RESULTS = "dev/jsrun/modules/intl-libraries-node.json";

    /**
     * jsrun's value (JSON), keyed {@code <library>: <case>}, where it differs from Node's
     * only because of the ICU, CLDR or tz data versions, or because jsrun's V8 (14.7) is
     * newer than Node 20's (11.3). Every entry says why.
     */
    private static final Map<String, String> VERSION_DIFFERENCES = Map.of(
            // CLDR 47 joins a long date and a time in es with "{1}, {0}" (ICU4J 77.1:
            // DateTimePatternGenerator getDateTimeFormat(LONG) for es and es_MX); Node's
            // CLDR 48 writes "{1} 'a' 'las' {0}".
            "luxon: DATETIME_FULL, es-MX", "\"15 de junio de 2024, 6:34 a.m. GMT-6\"",
            // CLDR 47's Korean day periods are 오전/오후 (ICU4J 77.1:
            // DateFormatSymbols.getAmPmStrings for ko);
            // with Node's CLDR 48, Intl.DateTimeFormat('ko', { hour: 'numeric' }) formats
            // "AM 9시".
            "luxon: Info.meridiems and eras", "[[\"오전\",\"오후\"],[\"紀元前\",\"西暦\"],[\"av. J.-C.\",\"ap. J.-C.\"]]",
            // V8 writes U+0020 where ICU's en patterns have U+202F before AM and PM; Node
            // 20's V8 does so in format() but not yet in formatRange(), which luxon's
            // Interval.toLocaleString calls.
            "luxon: Interval: toLocaleString",
            "[\"Jun 15, 2024, 9:00 AM\u2009\u2013\u2009Jun 18, 2024, 5:00 PM\","
                    + "\"15. Juni 2024, 09:00\u2009\u2013\u200918. Juni 2024, 17:00\",\"2024/6/15 9:00\uff5e2024/6/18 17:00\"]",
            // V8 dropped minimalDays from Intl.Locale's week info in 13.6
            // (tc39/proposal-intl-locale-info#99), so luxon falls back to ISO's 4 days
            // (moment/luxon#1693) where Node 20's V8 11.3 gives 1 for en-US and ar-EG.
            // Local weeks of en-US then differ: 2022-01-01 falls in week 52 of 2021, not
            // week 1 of 2022.
            "luxon: Info: week settings by locale", "[[7,4,[6,7]],[1,4,[6,7]],[6,4,[5,6]],[1,4,[6,7]]]",
            "luxon: local week numbers",
            "[[[52,1,2025,\"2024-12-29\"],[52,52,2021,\"2021-12-26\"]],"
                    + "[[52,52,2024,\"2024-12-23\"],[52,52,2021,\"2021-12-27\"]]]",
            // tz 2025b added America/Coyhaique (Aysén, Chile, at UTC-3 all year); ICU
            // 77.1's tz 2025a has no such zone (ICU4J 77.1: TimeZone.getTZDataVersion()
            // is 2025a, getAvailableIDs() lacks it).
            "luxon: IANA zone validity", "[true,true,true,false,false]", "luxon: a zone newer than tz 2025a",
            "[false,\"unsupported zone\",null]");

    private static ModuleSet modules;

    private static UnpooledJsRuntimeFactory runtimes;

    private static Map<?, ?> nodeResults;

    @BeforeAll
    static void build() {
        ModuleSet.Builder builder = ModuleSet.builder().root(NodeProject.webjars());
        MODULES.forEach(builder::module);
        modules = builder.build();
        System.out.println(modules.report().toTable());
        runtimes = NodeProject.runtimes(modules);
        nodeResults = (Map<?, ?>) Json.parse(NodeProject.resource(NODE_RESULTS));
    }

    @AfterAll
    static void close() {
        runtimes.close();
    }

    @Test
    void storesEveryModuleInitialized() {
        ModuleReport report = modules.report();
        // None is deferred: no module keeps an Intl object or needs a host global at load
        // (luxon and prettier make their Intl objects when called), and the absent
        // globals the doctor notes are looked up, not needed.
        assertThat(report.toTable()).startsWith(
                "jsrun modules: 262 healthy, 0 deferred, 0 excluded (conditions: worker, browser, require, default)\n");
        assertThat(List.of("luxon/build/node/luxon.js", "ajv/dist/ajv.js", "uri-js/dist/es5/uri.all.js",
                "highlight.js/lib/languages/python.js", "prettier/plugins/babel.js", "prettier/plugins/estree.js"))
            .allSatisfy(file -> assertThat(report.entry("node_modules/" + file).orElseThrow().status())
                .isEqualTo(Status.HEALTHY));
        assertThat(report.entry("node_modules/highlight.js/lib/core.js").orElseThrow().reason())
            .isEqualTo("looked for absent window");
        // prettier looks for process and navigator, which the web platform has
        assertThat(report.entry("node_modules/prettier/standalone.js").orElseThrow().reason()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "luxon", "ajv", "highlight.js", "prettier" })
    void answersLikeNode(String library) throws Exception {
        Map<String, Object> node = object(((Map<?, ?>) nodeResults.get("cases")).get(library));
        Map<String, Object> jsrun;
        try (JsRuntime js = runtimes.create()) {
            js.eval(NodeProject.resource(CASES));
            Map<String, String> fixtures = new LinkedHashMap<>();
            for (Object file : (List<?>) js.eval("FIXTURES")) {
                String path = (String) file;
                int slash = path.indexOf('/');
                fixtures.put(path, NodeProject.webjarFile(path.substring(0, slash), path.substring(slash + 1)));
            }
            String results = (String) js.callAsync("runCases", library, fixtures).get(60, TimeUnit.SECONDS);
            jsrun = object(Json.parse(results));
        }
        String prefix = library + ": ";
        VERSION_DIFFERENCES.keySet()
            .stream()
            .filter(key -> key.startsWith(prefix))
            .forEach(key -> assertThat(node).as("Node's cases of %s", library)
                .containsKey(key.substring(prefix.length())));
        Set<String> names = new LinkedHashSet<>(node.keySet());
        names.addAll(jsrun.keySet());
        List<String> differences = new ArrayList<>();
        for (String name : names) {
            String difference = VERSION_DIFFERENCES.get(prefix + name);
            Object expected = difference == null ? node.get(name) : Json.parse(difference);
            if (difference != null) {
                // a listed difference that Node no longer has must leave the list
                assertThat(node.get(name)).as("Node's value for %s%s", prefix, name).isNotEqualTo(expected);
            }
            if (!jsrun.containsKey(name) || !Objects.equals(jsrun.get(name), expected)) {
                differences.add(prefix + name + "\n  jsrun:    " + Json.write(jsrun.get(name)) + "\n  expected: "
                        + Json.write(expected));
            }
        }
        assertThat(differences).as("cases where jsrun and Node disagree").isEmpty();
    }

    @Test
    void keptResultsAreNodesOwn() throws Exception {
        Assumptions.assumeTrue(NodeProject.nodeAvailable(), "node is not installed");
        String fresh = NodeProject.nodeScript(NodeProject.resourceFile(NODE_SCRIPT),
                NodeProject.directory().toString());
        Map<?, ?> freshResults = (Map<?, ?>) Json.parse(fresh);
        for (String version : List.of("icu", "cldr", "tz", "unicode")) {
            // Another Node 20 may carry other ICU data; its answers are not the ones
            // kept.
            Assumptions.assumeTrue(freshResults.get(version).equals(nodeResults.get(version)),
                    "node has " + version + " " + freshResults.get(version) + ", the kept results were written with "
                            + nodeResults.get(version));
        }
        assertThat(fresh).isEqualTo(NodeProject.resource(NODE_RESULTS));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object json) {
        return (Map<String, Object>) json;
    }

}
