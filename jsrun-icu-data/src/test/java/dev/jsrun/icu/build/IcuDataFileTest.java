package dev.jsrun.icu.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The file the build wrote ({@code dev/jsrun/icu/icudt77l.dat}, made by
 * {@link IcuDataBuilder} before the tests run): a valid common data file holding every
 * item of ICU4J's data and the items added to it ({@link IcuDataBuilder#addedItems}),
 * each little-endian with its own format and versions, and, where ICU's own
 * {@code icupkg} can swap an item, the very bytes it makes.
 */
class IcuDataFileTest {

    private static final String PACKAGE = "icudt77l";

    private static byte[] file;

    @BeforeAll
    static void readTheBuiltFile() throws IOException {
        try (InputStream in = IcuDataFileTest.class.getResourceAsStream("/dev/jsrun/icu/" + PACKAGE + ".dat")) {
            assertThat(in).as("the build writes the data file before the tests run").isNotNull();
            file = in.readAllBytes();
        }
    }

    @Test
    void holdsEveryItemOfIcu4jAndTheAddedOnesLittleEndianWithItsFormat() {
        List<CommonData.Entry> entries = CommonData.read(PACKAGE, file);
        SortedMap<String, byte[]> icu4j = allItems();

        assertThat(entries).extracting(CommonData.Entry::name).containsExactlyElementsOf(icu4j.keySet());
        assertThat(entries.size()).isGreaterThan(4000);
        for (CommonData.Entry entry : entries) {
            byte[] original = icu4j.get(entry.name());
            DataHeader big = DataHeader.read(entry.name(), original);
            DataHeader little = DataHeader.read(entry.name(),
                    java.util.Arrays.copyOfRange(file, entry.offset(), entry.offset() + entry.length()));
            assertThat(little.bigEndian()).as(entry.name()).isFalse();
            assertThat(little.dataFormat()).as(entry.name()).isEqualTo(big.dataFormat());
            assertThat(little.formatVersion()).as(entry.name()).isEqualTo(big.formatVersion());
            assertThat(little.headerSize()).as(entry.name()).isEqualTo(big.headerSize());
            assertThat(entry.length()).as(entry.name()).isBetween(original.length, original.length + 15);
        }
        assertThat(icu4j.values().stream().map(item -> DataHeader.read("item", item).dataFormat()).distinct())
            .as("every format of the data has a swapper")
            .allMatch(Swappers.formats()::contains);
    }

    @Test
    void itsChecksumIsTheOneBesideIt() throws IOException {
        try (InputStream in = IcuDataFileTest.class.getResourceAsStream("/dev/jsrun/icu/" + PACKAGE + ".dat.sha256")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim())
                .isEqualTo(IcuDataBuilder.sha256(file));
        }
    }

    @Test
    void buildingAgainGivesTheSameBytes() {
        assertThat(IcuDataBuilder.build(PACKAGE, allItems())).isEqualTo(file);
    }

    @Test
    void addsTheJapanesePhraseModelThatIcu4jLacks() {
        assertThat(Icupkg.icu4jData()).doesNotContainKey(JapanesePhraseModel.ITEM);
        assertThat(IcuDataBuilder.addedItems()).containsOnlyKeys(JapanesePhraseModel.ITEM);
        assertThat(CommonData.items(PACKAGE, file)).containsKey(JapanesePhraseModel.ITEM);
    }

    /** The items the build puts into the file: ICU4J's and the added ones. */
    private static SortedMap<String, byte[]> allItems() {
        SortedMap<String, byte[]> all = new TreeMap<>(Icupkg.icu4jData());
        all.putAll(IcuDataBuilder.addedItems());
        return all;
    }

    @Test
    void everyItemIcupkgCanSwapHasItsBytes() throws Exception {
        SortedMap<String, byte[]> icu4j = Icupkg.icu4jData();
        // ICU 72's icupkg knows neither Normalizer2 format 5 nor uprops format 9; their
        // swappers' tests cover them
        List<String> names = icu4j.keySet()
            .stream()
            .filter(name -> !name.endsWith(".nrm") && !name.equals("uprops.icu"))
            .toList();
        var theirs = Icupkg.swap(names, List.of());
        assumeThat(theirs).as("icupkg is installed").isPresent();

        Map<String, byte[]> ours = CommonData.items(PACKAGE, file);
        SortedMap<String, String> different = new TreeMap<>();
        for (Map.Entry<String, byte[]> item : theirs.get().entrySet()) {
            byte[] mine = java.util.Arrays.copyOf(ours.get(item.getKey()), item.getValue().length);
            if (!java.util.Arrays.equals(mine, item.getValue())) {
                different.put(item.getKey(), "differs");
            }
        }
        assertThat(different).isEmpty();
        assertThat(theirs.get()).hasSize(names.size());
    }

}
