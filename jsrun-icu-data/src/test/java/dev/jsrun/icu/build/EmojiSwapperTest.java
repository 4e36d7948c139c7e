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

class EmojiSwapperTest {

    private static final String FORMAT = "Emoj";

    private static final String ITEM = "uemoji.icu";

    private static final ItemSwapper SWAPPER = new EmojiSwapper();

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
        assertRefused(ITEM, Arrays.copyOf(be, hs + 52), SWAPPER, "too short for the indexes");
        assertRefused(ITEM, Arrays.copyOf(be, be.length / 2), SWAPPER, "cut in half");
        assertRefused(ITEM, Arrays.copyOf(be, be.length - 1), SWAPPER, "without its last byte");
        assertRefused(ITEM, withInt(be, hs, Integer.MAX_VALUE), SWAPPER, "huge code point trie offset");
        assertRefused(ITEM, withInt(be, hs, 16), SWAPPER, "code point trie over the indexes");
        assertRefused(ITEM, withInt(be, hs + 4, 0x80), SWAPPER, "code point trie end before its start");
        assertRefused(ITEM, withInt(be, hs + 4 * 5, Integer.MAX_VALUE), SWAPPER, "huge string trie offset");
        assertRefused(ITEM, withInt(be, hs + 4 * 13, Integer.MAX_VALUE), SWAPPER, "huge total size");
        assertRefused(ITEM, withInt(withInt(be, hs + 4 * 10, 0x33c0), hs + 4 * 11, 0x33c0), SWAPPER,
                "data in a reserved section");
        assertRefused(ITEM, withShort(be, hs + 64 + 6, 0xffff), SWAPPER, "trie index longer than the trie");
        assertRefused(ITEM, withShort(be, hs + 64 + 4, 0x0003), SWAPPER, "trie of unknown value width");
        assertRefused(ITEM, withInt(be, hs + 64, 0x54726932), SWAPPER, "another kind of trie");
        assertRefused(ITEM, withFormatVersion(be, 2), SWAPPER, "format version 2");
    }

}
