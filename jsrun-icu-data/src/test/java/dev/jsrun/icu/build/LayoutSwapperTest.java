package dev.jsrun.icu.build;

import static dev.jsrun.icu.build.PropertyFilesSupport.assertRefused;
import static dev.jsrun.icu.build.PropertyFilesSupport.assertSameBytes;
import static dev.jsrun.icu.build.PropertyFilesSupport.headerSize;
import static dev.jsrun.icu.build.PropertyFilesSupport.itemsOf;
import static dev.jsrun.icu.build.PropertyFilesSupport.withFormatVersion;
import static dev.jsrun.icu.build.PropertyFilesSupport.withInt;
import static dev.jsrun.icu.build.PropertyFilesSupport.withShort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LayoutSwapperTest {

    private static final String FORMAT = "Layo";

    private static final String ITEM = "ulayout.icu";

    private static final ItemSwapper SWAPPER = new LayoutSwapper();

    @Test
    void everyItemOfTheFormatSwapsAsIcupkgSwapsIt() throws Exception {
        List<String> names = itemsOf(FORMAT);
        assertThat(names).containsExactly(ITEM);
        Map<String, byte[]> ours = new LinkedHashMap<>();
        for (String name : names) {
            ours.put(name, Icupkg.ours(name));
        }
        Optional<Map<String, byte[]>> icupkg = Icupkg.swap(names, List.of());
        assumeTrue(icupkg.isPresent(), "icupkg is not installed");
        for (String name : names) {
            assertSameBytes(name, icupkg.get().get(name), ours.get(name));
        }
    }

    @Test
    void damagedItemsAreRefused() {
        byte[] be = Icupkg.bigEndian(ITEM);
        int hs = headerSize(be);
        assertRefused(ITEM, Arrays.copyOf(be, hs + 44), SWAPPER, "too short for the indexes");
        assertRefused(ITEM, Arrays.copyOf(be, be.length / 2), SWAPPER, "cut in half");
        assertRefused(ITEM, Arrays.copyOf(be, be.length - 1), SWAPPER, "without its last byte");
        assertRefused(ITEM, withInt(be, hs, Integer.MAX_VALUE), SWAPPER, "huge index count");
        assertRefused(ITEM, withInt(be, hs, 3), SWAPPER, "too few indexes");
        assertRefused(ITEM, withInt(be, hs + 4, Integer.MAX_VALUE), SWAPPER, "huge trie top");
        assertRefused(ITEM, withInt(be, hs + 4, 48 + 8), SWAPPER, "a section too short for a trie");
        assertRefused(ITEM, withInt(be, hs + 8, 0x100), SWAPPER, "trie tops out of order");
        assertRefused(ITEM, withInt(be, hs + 4 * 7, 0x4000), SWAPPER, "tries top past the data");
        assertRefused(ITEM, withShort(be, hs + 48 + 6, 0xffff), SWAPPER, "trie index longer than the trie");
        assertRefused(ITEM, withFormatVersion(be, 2), SWAPPER, "format version 2");
    }

}
