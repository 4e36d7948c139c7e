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

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CharacterNamesSwapperTest {

    private static final String FORMAT = "unam";

    private static final String ITEM = "unames.icu";

    private static final ItemSwapper SWAPPER = new CharacterNamesSwapper();

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
    void theAlgorithmicRangesAreThoseOfUnicode() {
        // Hangul syllables are the one range of factors; the others are prefixes and
        // hexadecimal code points.
        byte[] le = Icupkg.ours(ITEM);
        int hs = headerSize(Icupkg.bigEndian(ITEM));
        ByteBuffer payload = ByteBuffer.wrap(le, hs, le.length - hs).slice().order(ByteOrder.LITTLE_ENDIAN);
        int at = payload.getInt(12);
        int count = payload.getInt(at);
        at += 4;
        boolean hangul = false;
        for (int i = 0; i < count; i++) {
            int start = payload.getInt(at);
            int end = payload.getInt(at + 4);
            int type = payload.get(at + 8);
            assertThat(start).isLessThanOrEqualTo(end).isBetween(0, 0x10ffff);
            assertThat(type).isBetween(0, 1);
            if (type == 1) {
                hangul = start == 0xac00 && end == 0xd7a3 && payload.get(at + 9) == 3 && payload.getShort(at + 12) == 19
                        && payload.getShort(at + 14) == 21 && payload.getShort(at + 16) == 28;
            }
            at += payload.getShort(at + 10) & 0xffff;
        }
        assertThat(count).isGreaterThan(5);
        assertThat(hangul).isTrue();
    }

    @Test
    void damagedItemsAreRefused() {
        byte[] be = Icupkg.bigEndian(ITEM);
        int hs = headerSize(be);
        ByteBuffer payload = ByteBuffer.wrap(be, hs, be.length - hs).slice();
        int groups = payload.getInt(4);
        int algNames = payload.getInt(12);
        int firstRange = hs + algNames + 4;
        assertRefused(ITEM, Arrays.copyOf(be, hs + 16), SWAPPER, "too short for the offsets");
        assertRefused(ITEM, Arrays.copyOf(be, be.length / 2), SWAPPER, "cut in half");
        assertRefused(ITEM, Arrays.copyOf(be, be.length - 16), SWAPPER, "without its last bytes");
        assertRefused(ITEM, withInt(be, hs, Integer.MAX_VALUE), SWAPPER, "huge token strings offset");
        assertRefused(ITEM, withInt(be, hs, 8), SWAPPER, "token strings over the tokens");
        assertRefused(ITEM, withShort(be, hs + 16, 0xffff), SWAPPER, "more tokens than there is room for");
        assertRefused(ITEM, withInt(be, hs + 4, Integer.MAX_VALUE), SWAPPER, "huge groups offset");
        assertRefused(ITEM, withShort(be, hs + groups, 0xffff), SWAPPER, "more groups than there is room for");
        assertRefused(ITEM, withInt(be, hs + 8, Integer.MIN_VALUE), SWAPPER, "negative group strings offset");
        assertRefused(ITEM, withInt(be, hs + 12, Integer.MAX_VALUE), SWAPPER, "huge algorithmic names offset");
        assertRefused(ITEM, withInt(be, hs + algNames, 0x7fffffff), SWAPPER, "huge number of algorithmic ranges");
        assertRefused(ITEM, withShort(be, firstRange + 10, 0), SWAPPER, "algorithmic range of no size");
        assertRefused(ITEM, withShort(be, firstRange + 10, 0xfffc), SWAPPER, "algorithmic range past the data");
        assertRefused(ITEM, withShort(be, firstRange + 8, 0x0200), SWAPPER, "algorithmic range of unknown type");
        assertRefused(ITEM, withShort(be, firstRange + 8, 0x01ff), SWAPPER, "more factors than the range holds");
        assertRefused(ITEM, withFormatVersion(be, 2), SWAPPER, "format version 2");
    }

}
