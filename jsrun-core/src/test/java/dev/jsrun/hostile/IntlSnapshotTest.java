package dev.jsrun.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * V8 aborts the process when it captures a heap holding an object backed by ICU. The
 * snapshot build refuses every such object still reachable, however it was made and
 * wherever it is kept, naming the script and the constructor; objects made and dropped,
 * and Intl calls that keep nothing, build as usual and work at run time.
 */
class IntlSnapshotTest {

    private static ForkedJvm.Output output;

    @BeforeAll
    static void probe() throws Exception {
        output = ForkedJvm.run(IntlSnapshotProbe.class, List.of());
    }

    @Test
    void everyKindOfIntlObjectKeptAtCaptureIsRefusedNamingItsScript() {
        Map<String, String> constructors = Map.ofEntries(Map.entry("collator", "Intl.Collator"),
                Map.entry("dateTimeFormat", "Intl.DateTimeFormat"), Map.entry("displayNames", "Intl.DisplayNames"),
                Map.entry("durationFormat", "Intl.DurationFormat"), Map.entry("listFormat", "Intl.ListFormat"),
                Map.entry("locale", "Intl.Locale"), Map.entry("numberFormat", "Intl.NumberFormat"),
                Map.entry("pluralRules", "Intl.PluralRules"),
                Map.entry("relativeTimeFormat", "Intl.RelativeTimeFormat"), Map.entry("segmenter", "Intl.Segmenter"),
                Map.entry("v8BreakIterator", "Intl.v8BreakIterator"),
                Map.entry("segments", "Intl.Segmenter_(its_segments)"),
                Map.entry("segmentIterator", "Intl.Segmenter_(an_iterator_of_its_segments)"),
                Map.entry("maximizedLocale", "Intl.Locale"), Map.entry("calledWithoutNew", "Intl.DateTimeFormat"),
                Map.entry("subclass", "Intl.NumberFormat"), Map.entry("viaItsConstructor", "Intl.PluralRules"),
                Map.entry("reflectConstruct", "Intl.Collator"), Map.entry("inAClosure", "Intl.NumberFormat"),
                Map.entry("inAMap", "Intl.Collator"), Map.entry("boundFormat", "Intl.NumberFormat"),
                Map.entry("boundCompare", "Intl.Collator"), Map.entry("hiddenProperty", "Intl.ListFormat"));
        assertThat(constructors.keySet()).containsExactlyInAnyOrderElementsOf(IntlSnapshotProbe.KEPT.keySet());
        for (Map.Entry<String, String> kept : constructors.entrySet()) {
            Map<String, String> result = output.probe(kept.getKey());
            assertThat(result).as(kept.getKey())
                .containsEntry("refused", "culprit.js")
                .containsEntry("constructor", kept.getValue())
                .containsEntry("advice", "true");
        }
    }

    @Test
    void intlObjectsThatDoNotOutliveTheBuildAreFine() {
        assertThat(output.probe("madeAndDropped")).containsEntry("built", "1");
        assertThat(output.probe("toLocaleString")).containsEntry("built", "1.234,5_1/1/1970,_12:00:00_AM");
        assertThat(output.probe("localeCompare")).containsEntry("built", "a,ä,z");
        assertThat(output.probe("lazyCache")).containsEntry("built", "1.234,5");
        assertThat(output.probe("constructorKept")).as("a library may keep the constructor itself")
            .containsEntry("built", "1.234,5_true");
        assertThat(output.probe("segmentedAtLoad")).containsEntry("built", "3");
    }

}
