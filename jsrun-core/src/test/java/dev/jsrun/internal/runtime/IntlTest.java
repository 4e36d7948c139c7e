package dev.jsrun.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.UnicodeSet;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.VersionInfo;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * jsrun's {@code Intl} and Unicode behaviour is Node's: every case of
 * {@code intl/intl-cases.js} (each Intl constructor, {@code toLocale*String},
 * {@code localeCompare}, locale-aware casing, {@code normalize}, {@code \p{...}} regular
 * expressions and the members of some properties in the BMP), run in a runtime restored
 * from a snapshot, gives the result Node 20 gave, stored in
 * {@code intl/intl-expected.json} by {@code intl/expected-node.js}. The only exceptions
 * are listed in {@link #DIFFERENCES}, each with its reason: jsrun's ICU is 77.1 (CLDR 47,
 * Unicode 16, tz 2025a), Node 20.20's is 78.2 (CLDR 48, Unicode 17, tz 2025c), and
 * jsrun's V8 (14.7) follows a later ECMA-402 than Node 20's (11.3) and has
 * {@code Intl.DurationFormat}.
 * <p>
 * The defaults (locale, time zone) come from the process environment, as in Node, and a
 * snapshot keeps nothing of the zone of the machine that built it. Runtimes run in JVMs
 * of their own ({@link IntlProbe}): ICU reads the environment as V8 starts, and an ICU
 * data item that is missing or badly swapped aborts the process.
 */
class IntlTest {

    private static final String EXPECTED = "intl/intl-expected.json";

    private static final String NODE_SCRIPT = "intl/expected-node.js";

    private static final String V8 = "jsrun's V8 14.7 and Node 20's V8 11.3 differ: ";

    private static final String CLDR = "CLDR 47 (ICU 77.1, jsrun) and CLDR 48 (ICU 78.2, Node 20.20) differ: ";

    private static final String UNICODE = "Unicode 16 (ICU 77.1, jsrun; the count is ICU4J 77.1's) and Unicode 17 "
            + "(ICU 78.2, Node 20.20) differ in this property's members";

    /**
     * The cases whose results differ from Node's, and how: everywhere else jsrun's result
     * is exactly Node's.
     */
    private static final Map<String, Difference> DIFFERENCES = Map.ofEntries(Map
        .entry("dtf.formatToParts", Difference.replacing(V8 + "for the web's sake V8 writes a space where CLDR "
                + "puts U+202F before the day period; 14.7 does so in formatToParts and formatRange too, 11.3 only in "
                + "format", "\u202f", " ")),
            Map.entry("dtf.formatRange.sameDay", Difference.replacing(V8 + "as dtf.formatToParts", "\u202fAM", " AM")),
            Map.entry("dtf.formatRangeToParts", Difference.replacing(V8 + "as dtf.formatToParts", "\u202f", " ")),
            Map.entry("dtf.hour12", Difference.replacing(V8 + "by the later ECMA-402 14.7 follows, hour12: true is h12 "
                    + "and false is h23; 11.3 took h11 for de-DE and h24 for en-US from the locales' own cycles",
                    "\"00:30 AM\"", "\"12:30 AM\"", "\"24:30\"", "\"00:30\"")),
            Map.entry("nf.resolvedOptions", Difference.replacing(
                    V8 + "each follows its ECMA-402's order of resolvedOptions()'s "
                            + "properties (nf.resolvedOptions.sorted shows the same properties and values)",
                    "\"roundingMode\":\"halfExpand\",\"roundingIncrement\":1,\"trailingZeroDisplay\":\"auto\",\"roundingPriority\":\"auto\"",
                    "\"roundingIncrement\":1,\"roundingMode\":\"halfExpand\",\"roundingPriority\":\"auto\",\"trailingZeroDisplay\":\"auto\"")),
            Map.entry("plural.categories", Difference.replacing(V8
                    + "the later ECMA-402 14.7 follows lists pluralCategories "
                    + "in the order zero, one, two, few, many, other; 11.3 in ICU's (plural.categories.sorted shows the same sets)",
                    "[\"few\",\"many\",\"one\",\"two\",\"zero\",\"other\"]",
                    "[\"zero\",\"one\",\"two\",\"few\",\"many\",\"other\"]", "[\"few\",\"many\",\"one\",\"other\"]",
                    "[\"one\",\"few\",\"many\",\"other\"]", "[\"many\",\"one\",\"other\"]",
                    "[\"one\",\"many\",\"other\"]")),
            Map.entry("duration.exists",
                    Difference.replacing("Intl.DurationFormat is in V8 14.7, not in Node 20's V8 11.3 "
                            + "(the duration.* cases compare it with the NumberFormat and ListFormat it is defined by)",
                            "undefined", "function")),
            Map.entry("dtf.timeStyles",
                    Difference.replacing(CLDR + "Korean's abbreviated PM is \uc624\ud6c4 in 47, PM in 48", "PM 3",
                            "\uc624\ud6c4 3")),
            Map.entry("date.toLocaleTimeString",
                    Difference.replacing(CLDR + "as dtf.timeStyles", "PM 3:30:00", "\uc624\ud6c4 3:30:00")),
            Map.entry("dtf.hourCycles",
                    Difference.replacing(CLDR + "German's 12-hour pattern for an hour alone has 'Uhr' in 47",
                            "0:30 AM / 0 PM\"]", "0:30 AM / 0 Uhr PM\"]", "12:30 AM / 12 PM\"]",
                            "12:30 AM / 12 Uhr PM\"]")),
            Map.entry("dtf.otherCalendars",
                    Difference.replacing(
                            CLDR + "48 names English's eras of the Ethiopic and Coptic "
                                    + "calendars (AM) and writes \u015aaka for the Indian one",
                            "\u015aaka", "Saka", " AM\"", " ERA1\"")),
            Map.entry("nf.currency",
                    Difference.replacing(CLDR + "de-CH groups with U+2019 in 47, with U+0027 in 48", "'", "\u2019")),
            Map.entry("nf.grouping", Difference.replacing(CLDR + "as nf.currency", "'", "\u2019")),
            Map.entry("nf.deCH", Difference.replacing(CLDR + "as nf.currency", "'", "\u2019")),
            Map.entry("number.toLocaleString", Difference.replacing(CLDR + "as nf.currency", "'", "\u2019")),
            Map.entry("nf.compact",
                    Difference.replacing(CLDR + "48 has long compact forms in lakh and crore for en-IN",
                            "\"12\u202flakh\",\"150\u202fcrore\",\"2.5\u202flakh\u202fcrore\"",
                            "\"1.2 million\",\"1.5 billion\",\"2.5 trillion\"")),
            Map.entry("intl.supportedValuesOf.numberingSystem",
                    Difference.replacing("Unicode 17 and CLDR 48 add the " + "Tolong Siki digits (tols)", "\"tols\",",
                            "")),
            Map.entry("intl.supportedValuesOf.timeZone",
                    Difference.replacing("tz 2025b adds America/Coyhaique; ICU 77.1's " + "zoneinfo64 is tz 2025a",
                            "\"America/Coyhaique\",", "")),
            Map.entry("dtf.coyhaique",
                    Difference.instead("tz 2025a (ICU 77.1) has no America/Coyhaique", "throws RangeError")),
            Map.entry("count.Lu", Difference.unicode16("\\p{Lu}")),
            Map.entry("count.L", Difference.unicode16("\\p{L}")),
            Map.entry("count.Extended_Pictographic", Difference.unicode16("\\p{Extended_Pictographic}")),
            Map.entry("count.Script=Latin", Difference.unicode16("\\p{Script=Latin}")),
            Map.entry("count.Script_Extensions=Latin", Difference.unicode16("\\p{Script_Extensions=Latin}")),
            Map.entry("count.Assigned", Difference.unicode16("\\P{Cn}")));

    @TempDir
    Path dir;

    @Test
    void everyCaseGivesNodesResultSaveTheListedDifferences() throws Exception {
        Map<String, String> node = expected().cases();
        Run run = runCases();
        assertThat(run.results().keySet()).as("the cases of %s, which %s was generated from", IntlProbe.CASES, EXPECTED)
            .containsExactlyInAnyOrderElementsOf(node.keySet());
        assertThat(DIFFERENCES.keySet()).as("listed differences are cases").isSubsetOf(node.keySet());
        List<String> disagreements = new ArrayList<>();
        run.results().forEach((name, actual) -> {
            Difference difference = DIFFERENCES.get(name);
            String expected = (difference != null) ? difference.jsrun().apply(node.get(name)) : node.get(name);
            if (actual == null) {
                disagreements.add(name + ": aborted the JVM (" + run.aborted().get(name) + ")");
            }
            else if (!actual.equals(expected)) {
                disagreements.add(name + (difference != null ? " (listed: " + difference.reason() + ")" : "")
                        + "\n  jsrun: " + actual + "\n  want:  " + expected + "\n  node:  " + node.get(name));
            }
            else if (difference != null && expected.equals(node.get(name))) {
                disagreements.add(name + ": listed as a difference, but Node gives the same; drop it from the list");
            }
        });
        assertThat(disagreements).as("cases where jsrun is not Node (or not the listed difference)").isEmpty();
    }

    /**
     * The committed expectations are what this Node gives now, when it is the Node they
     * were made with.
     */
    @Test
    void theExpectedResultsAreNodes() throws Exception {
        Assumptions.assumeTrue(nodeAvailable(), "node is not installed");
        Expected committed = expected();
        String regenerated = run(List.of("node", resourceFile(NODE_SCRIPT).toString()),
                Map.of("TZ", "UTC", "LANG", "C.UTF-8"));
        Expected now = Expected.parse(regenerated);
        Assumptions.assumeTrue(now.versions().equals(committed.versions()),
                "the data was made with Node " + committed.versions() + ", this is " + now.versions());
        assertThat(regenerated).as("node %s > %s", NODE_SCRIPT, EXPECTED).isEqualTo(IntlProbe.resource(EXPECTED));
    }

    /**
     * The versions the differences are about: ICU4J 77.1 carries the data jsrun-icu-data
     * converts.
     */
    @Test
    void theDifferencesAreBetweenTheseVersions() throws Exception {
        assertThat(VersionInfo.ICU_VERSION.toString()).isEqualTo("77.1.0.0");
        assertThat(UCharacter.getUnicodeVersion()).isEqualTo(VersionInfo.UNICODE_16_0);
        assertThat(TimeZone.getTZDataVersion()).isEqualTo("2025a");
        assertThat(expected().versions()).containsEntry("node", "20.20.2")
            .containsEntry("icu", "78.2")
            .containsEntry("cldr", "48.0")
            .containsEntry("unicode", "17.0")
            .containsEntry("tz", "2025c");
    }

    /**
     * V8 has no setting for ICU's default locale: like Node, a runtime takes it from
     * {@code LC_ALL}, then {@code LC_MESSAGES}, then {@code LANG}, and its zone from
     * {@code TZ}. The JVM agrees on the zone. Its default locale is {@code LANG}'s only
     * where the C library has that locale installed (the JVM's {@code sun.jnu.encoding}
     * is then UTF-8), and {@code en-US} where it has not, while ICU reads the variable
     * itself: {@code LANG=de_DE.UTF-8} on a machine without German gives {@code de-DE} in
     * V8, {@code en-US} in Java.
     */
    @Test
    void theDefaultsComeFromTheProcessEnvironmentAsInNode() throws Exception {
        Map<String, String> tokyo = Map.of("TZ", "Asia/Tokyo", "LANG", "de_DE.UTF-8");
        Probe inTokyo = probe(tokyo, "defaults");
        assertAgreesWithNode(inTokyo.values(), tokyo, IntlProbe.DEFAULTS);
        assertThat(inTokyo.values().subList(0, 4)).containsExactly("de-DE", "Asia/Tokyo", "de-DE", "1.234,5");
        assertThat(inTokyo.jvm()).containsEntry("zone", "Asia/Tokyo")
            .containsEntry("locale", "UTF-8".equals(inTokyo.jvm().get("jnu")) ? "de-DE" : "en-US");

        Map<String, String> utc = Map.of("TZ", "UTC", "LANG", "C.UTF-8");
        Probe inUtc = probe(utc, "defaults");
        assertAgreesWithNode(inUtc.values(), utc, IntlProbe.DEFAULTS);
        assertThat(inUtc.values().subList(0, 4)).containsExactly("en-US", "UTC", "en-US", "1,234.5");
        assertThat(inUtc.jvm()).containsEntry("zone", "UTC").containsEntry("locale", "en");

        Map<String, String> overridden = Map.of("TZ", "America/New_York", "LANG", "de_DE.UTF-8", "LC_ALL",
                "fr_CA.UTF-8");
        Probe inMontreal = probe(overridden, "defaults");
        assertAgreesWithNode(inMontreal.values(), overridden, IntlProbe.DEFAULTS);
        assertThat(inMontreal.values().subList(0, 2)).containsExactly("fr-CA", "America/New_York");

        Map<String, String> messages = Map.of("TZ", "UTC", "LANG", "de_DE.UTF-8", "LC_MESSAGES", "sv_SE.UTF-8");
        Probe inSwedish = probe(messages, "defaults");
        assertAgreesWithNode(inSwedish.values(), messages, IntlProbe.DEFAULTS);
        assertThat(inSwedish.values().get(0)).isEqualTo("sv-SE");
    }

    /**
     * A snapshot built (and stored by {@link dev.jsrun.snapshot.SnapshotCache}) in Tokyo
     * and restored in New York formats in New York time, even the date it kept, whose
     * local fields V8 had computed in Tokyo; only text the build script wrote itself
     * shows Tokyo.
     */
    @Test
    void aSnapshotBuiltInTokyoShowsNewYorkTimeWhereItIsRestored() throws Exception {
        Map<String, String> tokyo = Map.of("TZ", "Asia/Tokyo", "LANG", "C.UTF-8");
        Map<String, String> newYork = Map.of("TZ", "America/New_York", "LANG", "C.UTF-8");
        Probe built = probe(tokyo, "snapshot", this.dir.toString());
        Probe restored = probe(newYork, "snapshot", this.dir.toString());

        assertThat(built.text()).contains("CACHE built=true file=true");
        assertThat(restored.text()).as("read from the file, not built again").contains("CACHE built=false");
        assertThat(restored.values().get(0)).as("written during the build")
            .isEqualTo("-540 Thu Jan 01 1970 09:00:00 GMT+0900 (Japan Standard Time)");
        // in Node, the build script runs in the same process first
        List<String> afterBuild = IntlProbe.RESTORED.stream()
            .map(expression -> "(() => { " + IntlProbe.BUILD_SCRIPT + " return " + expression + "; })()")
            .toList();
        assertAgreesWithNode(restored.values().subList(0, 1), tokyo, afterBuild.subList(0, 1));
        assertAgreesWithNode(restored.values().subList(1, afterBuild.size()), newYork,
                afterBuild.subList(1, afterBuild.size()));
        assertThat(restored.values().subList(1, 3))
            .containsExactly("Fri Jul 04 2025 08:00:00 GMT-0400 (Eastern Daylight Time)", "8");
        assertThat(restored.values().get(6)).isEqualTo("America/New_York");
        assertThat(built.values().get(6)).isEqualTo("Asia/Tokyo");
    }

    /** How jsrun's result of a case follows from Node's, and why it differs. */
    private record Difference(String reason, UnaryOperator<String> jsrun) {

        /** Node's result with each {@code from} replaced by the {@code to} after it. */
        static Difference replacing(String reason, String... fromTo) {
            return new Difference(reason, node -> {
                String result = node;
                for (int i = 0; i < fromTo.length; i += 2) {
                    if (!result.contains(fromTo[i])) {
                        return "<Node's result has no " + fromTo[i] + ">";
                    }
                    result = result.replace(fromTo[i], fromTo[i + 1]);
                }
                return result;
            });
        }

        static Difference instead(String reason, String jsrun) {
            return new Difference(reason, node -> jsrun);
        }

        /**
         * The number of BMP code points ICU4J 77.1 puts in the set, for the count.*
         * cases.
         */
        static Difference unicode16(String set) {
            return new Difference(UNICODE, node -> String.valueOf(new UnicodeSet(set).retain(0, 0xFFFF).size()));
        }

    }

    private record Expected(Map<String, String> versions, Map<String, String> cases) {

        static Expected parse(String json) {
            JsonNode root = JsonMapper.builder().build().readTree(json);
            return new Expected(strings(root.get("versions")), strings(root.get("cases")));
        }

        private static Map<String, String> strings(JsonNode object) {
            Map<String, String> map = new LinkedHashMap<>();
            object.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().stringValue()));
            return map;
        }

    }

    private static Expected expected() {
        return Expected.parse(IntlProbe.resource(EXPECTED));
    }

    private static final Pattern START = Pattern.compile("^START (\\d+) (\\S+)$", Pattern.MULTILINE);

    private static final Pattern RESULT = Pattern.compile("^RESULT (\\d+) (\\S*)$", Pattern.MULTILINE);

    /**
     * Each case's result by name, {@code null} for a case that aborted the JVM, and how
     * it died: after such a case the rest run in a new JVM, so that one hides no other.
     */
    private record Run(Map<String, String> results, Map<String, String> aborted) {
    }

    private static Run runCases() throws Exception {
        Map<String, String> results = new LinkedHashMap<>();
        Map<String, String> aborted = new LinkedHashMap<>();
        int first = 0;
        while (true) {
            Forked forked = fork(Map.of("TZ", "UTC", "LANG", "C.UTF-8"), "cases", String.valueOf(first));
            TreeMap<Integer, String> names = new TreeMap<>();
            for (Matcher start = START.matcher(forked.output()); start.find();) {
                names.put(Integer.parseInt(start.group(1)), start.group(2));
            }
            Map<Integer, String> values = new TreeMap<>();
            for (Matcher result = RESULT.matcher(forked.output()); result.find();) {
                values.put(Integer.parseInt(result.group(1)), IntlProbe.decoded(result.group(2)));
            }
            names.forEach((i, name) -> results.put(name, values.get(i)));
            if (forked.exitCode() == 0 && forked.output().contains("ALIVE")) {
                return new Run(results, aborted);
            }
            assertThat(names).as("a case started before the JVM died; output:%n%s", forked.output()).isNotEmpty();
            int last = names.lastKey();
            assertThat(values).as("the JVM died after the last case it ran; output:%n%s", forked.output())
                .doesNotContainKey(last);
            // V8's fatal errors are the lines that start with '#'
            aborted.put(names.get(last),
                    "exit " + forked.exitCode() + ": "
                            + String.join(" ",
                                    forked.output()
                                        .substring(forked.output().lastIndexOf("START " + last + " "))
                                        .lines()
                                        .filter(line -> line.startsWith("#") && line.length() > 2)
                                        .toList()));
            first = last + 1;
        }
    }

    private record Probe(String text, Map<String, String> jvm, List<String> values) {
    }

    private static Probe probe(Map<String, String> environment, String... args) throws Exception {
        Forked forked = fork(environment, args);
        assertThat(forked.exitCode()).as("exit code; output:%n%s", forked.output()).isZero();
        assertThat(forked.output()).contains("ALIVE");
        Map<String, String> jvm = new LinkedHashMap<>();
        Matcher line = Pattern.compile("^JVM (.*)$", Pattern.MULTILINE).matcher(forked.output());
        if (line.find()) {
            for (Matcher field = Pattern.compile("(\\w+)=(\\S*)").matcher(line.group(1)); field.find();) {
                jvm.put(field.group(1), field.group(2));
            }
        }
        List<String> values = new ArrayList<>();
        for (Matcher value = Pattern.compile("^VALUE \\d+ (\\S*)$", Pattern.MULTILINE).matcher(forked.output()); value
            .find();) {
            values.add(IntlProbe.decoded(value.group(1)));
        }
        return new Probe(forked.output(), jvm, values);
    }

    private record Forked(int exitCode, String output) {
    }

    private static Forked fork(Map<String, String> environment, String... args) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new ArrayList<>(
                List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), IntlProbe.class.getName()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("jsrun-intl-probe-", ".log");
        try {
            // the output goes to a file, so that a probe that hangs cannot block the test
            // reading it
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            Process process = started(builder, environment);
            boolean finished = process.waitFor(3, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            String output = Files.readString(log, StandardCharsets.ISO_8859_1);
            assertThat(finished).as("probe finished in time; output:%n%s", output).isTrue();
            return new Forked(process.exitValue(), output);
        }
        finally {
            Files.deleteIfExists(log);
        }
    }

    /**
     * The values are what Node gives for the expressions in the same environment (when
     * node is installed).
     */
    private static void assertAgreesWithNode(List<String> values, Map<String, String> environment,
            List<String> expressions) throws Exception {
        if (!nodeAvailable()) {
            return;
        }
        String script = "process.stdout.write([" + String.join(",\n",
                expressions.stream()
                    .map(expression -> "(() => { 'use strict'; return String(" + expression + "); })()")
                    .toList())
                + "].map(s => Buffer.from(s, 'utf8').toString('base64')).join('\\n'));";
        List<String> node = run(List.of("node", "-e", script), environment).lines().map(IntlProbe::decoded).toList();
        assertThat(values).as("as Node with %s", environment).containsExactlyElementsOf(node);
    }

    private static String run(List<String> command, Map<String, String> environment) throws Exception {
        Process process = started(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT),
                environment);
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s exit code; output:%n%s", command.get(0), out).isZero();
        return out;
    }

    /**
     * Starts a process with no locale or zone variables but those given: the machine's
     * must not count.
     */
    private static Process started(ProcessBuilder builder, Map<String, String> environment) throws IOException {
        builder.environment()
            .keySet()
            .removeIf(name -> name.equals("TZ") || name.equals("LANG") || name.equals("LANGUAGE")
                    || name.startsWith("LC_"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static Path resourceFile(String name) throws Exception {
        return Path.of(IntlTest.class.getResource(name).toURI());
    }

    private static boolean nodeAvailable() {
        try {
            return new ProcessBuilder("node", "--version").start().waitFor() == 0;
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

}
