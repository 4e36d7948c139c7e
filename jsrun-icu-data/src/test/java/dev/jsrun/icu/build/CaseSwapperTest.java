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

class CaseSwapperTest {

    private static final String FORMAT = "cASE";

    private static final String ITEM = "ucase.icu";

    private static final ItemSwapper SWAPPER = new CaseSwapper();

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
        assertRefused(ITEM, Arrays.copyOf(be, hs + 60), SWAPPER, "too short for the indexes");
        assertRefused(ITEM, Arrays.copyOf(be, be.length / 2), SWAPPER, "cut in half");
        assertRefused(ITEM, Arrays.copyOf(be, be.length - 16), SWAPPER, "without its last bytes");
        assertRefused(ITEM, withInt(be, hs, Integer.MAX_VALUE), SWAPPER, "huge index count");
        assertRefused(ITEM, withInt(be, hs, 8), SWAPPER, "too few indexes");
        assertRefused(ITEM, withInt(be, hs + 4, Integer.MAX_VALUE), SWAPPER, "huge length");
        assertRefused(ITEM, withInt(be, hs + 8, Integer.MAX_VALUE), SWAPPER, "huge trie size");
        assertRefused(ITEM, withInt(be, hs + 8, -4), SWAPPER, "negative trie size");
        assertRefused(ITEM, withInt(be, hs + 12, Integer.MAX_VALUE), SWAPPER, "huge exceptions length");
        assertRefused(ITEM, withInt(be, hs + 16, Integer.MIN_VALUE), SWAPPER, "negative unfold length");
        assertRefused(ITEM, withShort(be, hs + 64 + 6, 0xffff), SWAPPER, "trie index longer than the trie");
        assertRefused(ITEM, withInt(be, hs + 64, 0x54726933), SWAPPER, "another kind of trie");
        assertRefused(ITEM, withFormatVersion(be, 3), SWAPPER, "format version 3");
        assertRefused(ITEM, withFormatVersion(be, 5), SWAPPER, "format version 5");
    }

}
