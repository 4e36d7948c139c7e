package dev.jsrun.hostile;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.jsrun.JsRuntime;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.Snapshot;
import dev.jsrun.SnapshotBuildException;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;
import dev.jsrun.snapshot.SnapshotBuilder;

/**
 * Builds one snapshot per case in this JVM: should the Intl guard miss an object, V8
 * aborts this process, not the test run. Prints
 * {@code PROBE <case> refused=<script>|<constructor>} or
 * {@code PROBE <case> built=<result>}.
 */
final class IntlSnapshotProbe {

    /** Scripts that leave an Intl object reachable, by case name. */
    static final Map<String, String> KEPT = new LinkedHashMap<>();

    /**
     * Scripts that make Intl objects and drop them, or use Intl without keeping anything;
     * then an expression to run.
     */
    static final Map<String, String[]> DROPPED = new LinkedHashMap<>();

    static {
        KEPT.put("collator", "globalThis.c = new Intl.Collator('de');");
        KEPT.put("dateTimeFormat", "globalThis.c = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Tokyo' });");
        KEPT.put("displayNames", "globalThis.c = new Intl.DisplayNames(['en'], { type: 'region' });");
        KEPT.put("durationFormat", "globalThis.c = new Intl.DurationFormat('en');");
        KEPT.put("listFormat", "globalThis.c = new Intl.ListFormat('en');");
        KEPT.put("locale", "globalThis.c = new Intl.Locale('en-US');");
        KEPT.put("numberFormat", "globalThis.c = new Intl.NumberFormat('de-DE');");
        KEPT.put("pluralRules", "globalThis.c = new Intl.PluralRules('ar');");
        KEPT.put("relativeTimeFormat", "globalThis.c = new Intl.RelativeTimeFormat('fr');");
        KEPT.put("segmenter", "globalThis.c = new Intl.Segmenter('th', { granularity: 'word' });");
        KEPT.put("v8BreakIterator", "globalThis.c = new Intl.v8BreakIterator('en');");
        KEPT.put("segments", "globalThis.c = new Intl.Segmenter('en').segment('a b');");
        KEPT.put("segmentIterator", "globalThis.c = new Intl.Segmenter('en').segment('a b')[Symbol.iterator]();");
        KEPT.put("maximizedLocale", "globalThis.c = new Intl.Locale('en').maximize();");
        KEPT.put("calledWithoutNew", "globalThis.c = Intl.DateTimeFormat('en');");
        KEPT.put("subclass", "class Money extends Intl.NumberFormat {} globalThis.c = [new Money('en')];");
        KEPT.put("viaItsConstructor", "globalThis.c = new (new Intl.PluralRules('en').constructor)('fr');");
        KEPT.put("reflectConstruct", "globalThis.c = Reflect.construct(Intl.Collator, ['sv']);");
        KEPT.put("inAClosure", "{ const f = new Intl.NumberFormat('de'); globalThis.format = (n) => f.format(n); }");
        KEPT.put("inAMap", "globalThis.cache = new Map([['de', new Intl.Collator('de')]]);");
        KEPT.put("boundFormat", "globalThis.format = new Intl.NumberFormat('de').format;");
        KEPT.put("boundCompare", "globalThis.compare = new Intl.Collator('de').compare;");
        KEPT.put("hiddenProperty",
                "Object.defineProperty(Object.prototype, '__f', { value: new Intl.ListFormat('en') });");

        DROPPED.put("madeAndDropped", new String[] { "new Intl.NumberFormat('de').format(1); var n = 1;", "n" });
        DROPPED.put("toLocaleString", new String[] {
                "var s = (1234.5).toLocaleString('de-DE') + ' ' + new Date(0).toLocaleString('en-US', { timeZone: 'UTC' });",
                "s" });
        DROPPED.put("localeCompare", new String[] {
                "var order = ['z', 'ä', 'a'].sort((a, b) => a.localeCompare(b, 'de'));", "order.join()" });
        DROPPED.put("lazyCache",
                new String[] {
                        "var f = null; globalThis.format = (n) => (f = f || new Intl.NumberFormat('de-DE')).format(n);",
                        "format(1234.5)" });
        DROPPED.put("constructorKept", new String[] { "globalThis.NF = Intl.NumberFormat;",
                "new NF('de-DE').format(1234.5) + ' ' + (new NF('en') instanceof Intl.NumberFormat)" });
        DROPPED.put("segmentedAtLoad", new String[] {
                "var words = [...new Intl.Segmenter('en', { granularity: 'word' }).segment('a b')].length;", "words" });
    }

    private IntlSnapshotProbe() {
    }

    public static void main(String[] args) {
        for (Map.Entry<String, String> kept : KEPT.entrySet()) {
            try {
                new SnapshotBuilder().executeScript("first.js", "var a = 1;")
                    .executeScript("culprit.js", kept.getValue())
                    .executeScript("last.js", "var z = 2;")
                    .build();
                System.out.println("PROBE " + kept.getKey() + " built=yes");
            }
            catch (SnapshotBuildException ex) {
                String message = ex.getMessage();
                String constructor = message.replaceAll(".*leaves an object made by (\\S+( \\([^)]*\\))?) reachable.*",
                        "$1");
                System.out.println("PROBE " + kept.getKey() + " refused=" + ex.getScriptName() + " constructor="
                        + constructor.replace(' ', '_') + " advice=" + message.contains("lazily, inside a function"));
            }
        }
        for (Map.Entry<String, String[]> dropped : DROPPED.entrySet()) {
            Snapshot snapshot = new SnapshotBuilder().executeScript("fine.js", dropped.getValue()[0]).build();
            try (UnpooledJsRuntimeFactory runtimes = new UnpooledJsRuntimeFactory(
                    RuntimeConfig.builder().snapshot(snapshot).build()); JsRuntime js = runtimes.create()) {
                System.out.println("PROBE " + dropped.getKey() + " built="
                        + String.valueOf(js.eval(dropped.getValue()[1])).replace(' ', '_').replace('\u00a0', '_'));
            }
        }
        System.out.println("ALIVE");
    }

}
