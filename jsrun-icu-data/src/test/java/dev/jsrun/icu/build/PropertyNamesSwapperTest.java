package dev.jsrun.icu.build;

import static dev.jsrun.icu.build.PropertyFilesSupport.assertRefused;
import static dev.jsrun.icu.build.PropertyFilesSupport.assertSameBytes;
import static dev.jsrun.icu.build.PropertyFilesSupport.headerSize;
import static dev.jsrun.icu.build.PropertyFilesSupport.itemsOf;
import static dev.jsrun.icu.build.PropertyFilesSupport.withFormatVersion;
import static dev.jsrun.icu.build.PropertyFilesSupport.withInt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PropertyNamesSwapperTest {

    private static final String FORMAT = "pnam";

    private static final String ITEM = "pnames.icu";

    private static final ItemSwapper SWAPPER = new PropertyNamesSwapper();

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
        assertRefused(ITEM, Arrays.copyOf(be, hs + 28), SWAPPER, "too short for the indexes");
        assertRefused(ITEM, Arrays.copyOf(be, be.length / 2), SWAPPER, "cut in half");
        assertRefused(ITEM, Arrays.copyOf(be, be.length - 8), SWAPPER, "without its last bytes");
        assertRefused(ITEM, withInt(be, hs, 16), SWAPPER, "value maps over the indexes");
        assertRefused(ITEM, withInt(be, hs, Integer.MAX_VALUE), SWAPPER, "huge value maps offset");
        assertRefused(ITEM, withInt(be, hs + 4, Integer.MAX_VALUE), SWAPPER, "huge BytesTrie offset");
        assertRefused(ITEM, withInt(be, hs + 4, 0x1779), SWAPPER, "value maps not of 32-bit values");
        assertRefused(ITEM, withInt(be, hs + 20, Integer.MAX_VALUE), SWAPPER, "huge total size");
        assertRefused(ITEM, withInt(be, hs + 20, 0x100), SWAPPER, "total size below the name groups");
        assertRefused(ITEM, withFormatVersion(be, 1), SWAPPER, "format version 1");
        assertRefused(ITEM, withFormatVersion(be, 3), SWAPPER, "format version 3");
    }

}
