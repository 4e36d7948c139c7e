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

class BidiSwapperTest {

    private static final String FORMAT = "BiDi";

    private static final String ITEM = "ubidi.icu";

    private static final ItemSwapper SWAPPER = new BidiSwapper();

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
        assertRefused(ITEM, withInt(be, hs, 4), SWAPPER, "too few indexes");
        assertRefused(ITEM, withInt(be, hs + 4, Integer.MAX_VALUE), SWAPPER, "huge length");
        assertRefused(ITEM, withInt(be, hs + 8, Integer.MAX_VALUE), SWAPPER, "huge trie size");
        assertRefused(ITEM, withInt(be, hs + 12, Integer.MAX_VALUE), SWAPPER, "huge mirror length");
        assertRefused(ITEM, withInt(be, hs + 12, -1), SWAPPER, "negative mirror length");
        assertRefused(ITEM, withInt(be, hs + 20, Integer.MAX_VALUE), SWAPPER, "huge Joining_Group limit");
        assertRefused(ITEM, withInt(be, hs + 24, Integer.MAX_VALUE), SWAPPER,
                "second Joining_Group start past its limit");
        assertRefused(ITEM, withShort(be, hs + 64 + 6, 0xffff), SWAPPER, "trie index longer than the trie");
        assertRefused(ITEM, withShort(be, hs + 64 + 4, 0x0002), SWAPPER, "trie of unknown value bits");
        assertRefused(ITEM, withFormatVersion(be, 1), SWAPPER, "format version 1");
        assertRefused(ITEM, withFormatVersion(be, 3), SWAPPER, "format version 3");
    }

}
