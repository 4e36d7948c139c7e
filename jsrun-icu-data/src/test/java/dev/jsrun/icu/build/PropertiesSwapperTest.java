package dev.jsrun.icu.build;

import static dev.jsrun.icu.build.PropertyFilesSupport.assertRefused;
import static dev.jsrun.icu.build.PropertyFilesSupport.assertSameBytes;
import static dev.jsrun.icu.build.PropertyFilesSupport.headerSize;
import static dev.jsrun.icu.build.PropertyFilesSupport.icupkgSwap;
import static dev.jsrun.icu.build.PropertyFilesSupport.itemsOf;
import static dev.jsrun.icu.build.PropertyFilesSupport.withFormatVersion;
import static dev.jsrun.icu.build.PropertyFilesSupport.withInt;
import static dev.jsrun.icu.build.PropertyFilesSupport.withShort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import com.ibm.icu.impl.Trie2_16;
import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.util.CodePointTrie;
import org.junit.jupiter.api.Test;

/**
 * uprops.icu is of format 9, which the installed ICU 72 icupkg refuses. In its structure
 * format 9 differs from format 7 only after the Script_Extensions: index 7, their end in
 * both, is where format 9's UCPTrie of Block values starts, and it runs to the data top
 * (indexes 8 and 9); what the bits of the properties words mean changed too, which does
 * not matter to a swap. So icupkg swaps a copy marked format 7 right up to the Block
 * trie, and swaps the Block trie itself as the one trie of a text layout item made for
 * the test; an independent reader then looks up the same values in the big-endian
 * original and in our swap, and ICU4J vouches for the reader.
 */
class PropertiesSwapperTest {

    private static final String ITEM = "uprops.icu";

    private static final ItemSwapper SWAPPER = new PropertiesSwapper();

    private static final int[] CODE_POINTS = { 'A', 'Z', 'a', 'e', 'z', '0', ' ', 0xe9, 0x391, 0x3b1, 0x3c9, 0x4e00,
            0x9fff, 0xd800, 0xdc00, 0xfeff, 0xffff, 0x1f600, 0x1f44d, 0x20000, 0x2ebe0, 0xe0001, 0x10ffff };

    @Test
    void theOnlyItemOfTheFormatSwaps() {
        assertThat(itemsOf("UPro")).containsExactly(ITEM);
        assertThat(Icupkg.ours(ITEM)).hasSameSizeAs(Icupkg.bigEndian(ITEM));
    }

    @Test
    void upToTheBlockTrieTheSwapIsIcupkgsOfTheItemMarkedFormat7() throws Exception {
        byte[] be = Icupkg.bigEndian(ITEM);
        byte[] ours = Icupkg.ours(ITEM);
        Optional<Map<String, byte[]>> icupkg = icupkgSwap(Map.of(ITEM, withFormatVersion(be, 7)));
        assumeTrue(icupkg.isPresent(), "icupkg is not installed");
        byte[] expected = icupkg.get().get(ITEM);
        expected[16] = 9;
        int hs = headerSize(be);
        int blockTrie = hs + 4 * index(be, 7);
        int dataTop = hs + 4 * index(be, 9);
        assertSameBytes("up to the Block trie", expected, ours, 0, blockTrie);
        assertSameBytes("the padding after the data", expected, ours, dataTop, be.length);
        // Format 7 ends at the Script_Extensions: icupkg copies the Block trie as it is,
        // and we do not.
        assertSameBytes("icupkg's Block trie", be, expected, blockTrie, dataTop);
        assertThat(Arrays.equals(be, blockTrie, dataTop, ours, blockTrie, dataTop)).isFalse();
    }

    @Test
    void theBlockTrieSwapsAsIcupkgSwapsTheSameTrieInATextLayoutItem() throws Exception {
        byte[] be = Icupkg.bigEndian(ITEM);
        byte[] ours = Icupkg.ours(ITEM);
        int hs = headerSize(be);
        int start = hs + 4 * index(be, 7);
        int length = 4 * (index(be, 8) - index(be, 7));
        byte[] layout = Icupkg.bigEndian("ulayout.icu");
        int layoutHeader = headerSize(layout);
        // A Layo item of 12 indexes whose first trie is the Block trie, and whose other
        // sections are empty.
        ByteBuffer container = ByteBuffer.allocate(layoutHeader + 48 + length);
        container.put(layout, 0, layoutHeader).putInt(12);
        for (int i = 1; i <= 7; i++) {
            container.putInt(48 + length);
        }
        container.position(layoutHeader + 48).put(be, start, length);
        Optional<Map<String, byte[]>> icupkg = icupkgSwap(Map.of("ulayout.icu", container.array()));
        assumeTrue(icupkg.isPresent(), "icupkg is not installed");
        byte[] expected = Arrays.copyOfRange(icupkg.get().get("ulayout.icu"), layoutHeader + 48,
                layoutHeader + 48 + length);
        assertSameBytes("the Block trie", expected, Arrays.copyOfRange(ours, start, start + length));
    }

    @Test
    void anIndependentReaderFindsTheSameValuesInTheOriginalAndInTheSwap() {
        Uprops be = new Uprops(Icupkg.bigEndian(ITEM), ByteOrder.BIG_ENDIAN);
        Uprops le = new Uprops(Icupkg.ours(ITEM), ByteOrder.LITTLE_ENDIAN);
        assertThat(le.indexes).containsExactly(be.indexes);
        for (int c = 0; c <= 0x10ffff; c++) {
            if (le.main(c) != be.main(c)) {
                throw new AssertionError("main trie values of U+" + Integer.toHexString(c) + " differ");
            }
            if (le.vectorsRow(c) != be.vectorsRow(c)) {
                throw new AssertionError("properties vectors rows of U+" + Integer.toHexString(c) + " differ");
            }
            if (le.block(c) != be.block(c)) {
                throw new AssertionError("Block values of U+" + Integer.toHexString(c) + " differ");
            }
        }
        assertThat(le.vectorWords()).containsExactly(be.vectorWords());
        assertThat(le.scriptExtensions()).containsExactly(be.scriptExtensions());
        for (int c : CODE_POINTS) {
            for (int column = 0; column < be.columns(); column++) {
                assertThat(le.vectorWord(c, column)).as("U+%04X word %d", c, column)
                    .isEqualTo(be.vectorWord(c, column));
            }
        }
    }

    @Test
    void theIndependentReaderAgreesWithIcu4j() {
        // What ICU4J answers from the same big-endian data shows the reader finds the
        // right values.
        Uprops le = new Uprops(Icupkg.ours(ITEM), ByteOrder.LITTLE_ENDIAN);
        for (int c : CODE_POINTS) {
            assertThat(le.main(c) & 0x1f).as("General_Category of U+%04X", c).isEqualTo(UCharacter.getType(c));
            assertThat(le.block(c)).as("Block of U+%04X", c)
                .isEqualTo(UCharacter.getIntPropertyValue(c, UProperty.BLOCK));
            assertThat((le.vectorWord(c, 2) >>> 20) & 0x3f).as("Line_Break of U+%04X", c)
                .isEqualTo(UCharacter.getIntPropertyValue(c, UProperty.LINE_BREAK));
        }
        assertThat(le.block('A')).isEqualTo(UCharacter.UnicodeBlock.BASIC_LATIN_ID);
        assertThat(le.block(0x3b1)).isEqualTo(UCharacter.UnicodeBlock.GREEK_ID);
        assertThat(le.block(0x4e00)).isEqualTo(UCharacter.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_ID);
        assertThat(le.block(0x1f600)).isEqualTo(UCharacter.UnicodeBlock.EMOTICONS_ID);
        assertThat(le.main('A') & 0x1f).isEqualTo(UCharacter.UPPERCASE_LETTER);
        assertThat(le.main(0xe9) & 0x1f).isEqualTo(UCharacter.LOWERCASE_LETTER);
    }

    @Test
    void icu4jsOwnTrieReadersFindTheSameValuesInOurTries() throws Exception {
        // ICU4J's trie readers take either byte order, telling it by the signature.
        byte[] ours = Icupkg.ours(ITEM);
        Uprops le = new Uprops(ours, ByteOrder.LITTLE_ENDIAN);
        int hs = headerSize(Icupkg.bigEndian(ITEM));
        Trie2_16 main = Trie2_16.createFromSerialized(
                ByteBuffer.wrap(ours, hs + 64, ours.length - hs - 64).slice().order(ByteOrder.BIG_ENDIAN));
        CodePointTrie block = CodePointTrie.fromBinary(null, CodePointTrie.ValueWidth.BITS_16,
                ByteBuffer.wrap(ours, hs + 4 * le.indexes[7], 4 * (le.indexes[8] - le.indexes[7]))
                    .slice()
                    .order(ByteOrder.BIG_ENDIAN));
        for (int c = 0; c <= 0x10ffff; c += 7) {
            if (main.get(c) != le.main(c) || block.get(c >> 4) != le.block(c)) {
                throw new AssertionError("ICU4J reads other values for U+" + Integer.toHexString(c));
            }
        }
    }

    @Test
    void damagedItemsAreRefused() {
        byte[] be = Icupkg.bigEndian(ITEM);
        int hs = headerSize(be);
        int blockTrie = hs + 4 * index(be, 7);
        assertRefused(ITEM, Arrays.copyOf(be, hs + 60), SWAPPER, "too short for the indexes");
        assertRefused(ITEM, Arrays.copyOf(be, be.length / 2), SWAPPER, "cut in half");
        assertRefused(ITEM, Arrays.copyOf(be, be.length - 8), SWAPPER, "without its last bytes");
        for (int i : new int[] { 0, 1, 2, 3, 4, 6, 7, 8, 9 }) {
            assertRefused(ITEM, withInt(be, hs + 4 * i, Integer.MAX_VALUE), SWAPPER, "huge index " + i);
            assertRefused(ITEM, withInt(be, hs + 4 * i, 4), SWAPPER, "index " + i + " inside the indexes");
            assertRefused(ITEM, withInt(be, hs + 4 * i, -1), SWAPPER, "negative index " + i);
        }
        assertRefused(ITEM, withInt(be, hs + 4 * 5, 0), SWAPPER, "no vector columns");
        assertRefused(ITEM, withInt(be, hs + 4 * 5, 5), SWAPPER, "vectors not a whole number of rows");
        assertRefused(ITEM, withInt(be, hs + 4 * 8, index(be, 8) - 1), SWAPPER, "data after the Block trie");
        assertRefused(ITEM, withShort(be, hs + 64 + 4, 1), SWAPPER, "main trie of 32-bit values");
        assertRefused(ITEM, withShort(be, hs + 64 + 6, 0xffff), SWAPPER, "main trie index longer than its section");
        assertRefused(ITEM, withInt(be, hs + 4 * index(be, 3), 0x54726933), SWAPPER, "additional trie not a UTrie2");
        assertRefused(ITEM, withShort(be, blockTrie + 4, 0x42), SWAPPER, "Block trie of 8-bit values");
        assertRefused(ITEM, withShort(be, blockTrie + 6, 0xffff), SWAPPER, "Block trie index longer than its section");
        assertRefused(ITEM, withInt(be, blockTrie, 0x54726932), SWAPPER, "Block trie not a UCPTrie");
        for (int version : new int[] { 6, 7, 8, 10 }) {
            assertRefused(ITEM, withFormatVersion(be, version), SWAPPER, "format version " + version);
        }
    }

    private static int index(byte[] be, int i) {
        return ByteBuffer.wrap(be).getInt(headerSize(be) + 4 * i);
    }

    /**
     * A reader of uprops.icu in either byte order, written for this test from the layout
     * of the format alone: the 16-bit UTrie2 and UCPTrie lookups of ICU's
     * {@code UTRIE2_GET16} and {@code UCPTRIE_FAST_GET}.
     */
    private static final class Uprops {

        private final ByteBuffer data;

        private final int[] indexes = new int[16];

        Uprops(byte[] item, ByteOrder order) {
            ByteBuffer whole = ByteBuffer.wrap(item).order(order);
            int hs = whole.getShort(0) & 0xffff;
            this.data = ByteBuffer.wrap(item, hs, item.length - hs).slice().order(order);
            for (int i = 0; i < 16; i++) {
                this.indexes[i] = this.data.getInt(4 * i);
            }
        }

        int main(int c) {
            return trie2(64, c);
        }

        int vectorsRow(int c) {
            return trie2(4 * this.indexes[3], c);
        }

        int columns() {
            return this.indexes[5];
        }

        int vectorWord(int c, int column) {
            return this.data.getInt(4 * (this.indexes[4] + vectorsRow(c) + column));
        }

        int[] vectorWords() {
            int[] words = new int[this.indexes[6] - this.indexes[4]];
            for (int i = 0; i < words.length; i++) {
                words[i] = this.data.getInt(4 * (this.indexes[4] + i));
            }
            return words;
        }

        int[] scriptExtensions() {
            int[] units = new int[2 * (this.indexes[7] - this.indexes[6])];
            for (int i = 0; i < units.length; i++) {
                units[i] = this.data.getChar(4 * this.indexes[6] + 2 * i);
            }
            return units;
        }

        /**
         * The Block of {@code c}: blocks start and end on multiples of 16, so the trie
         * maps {@code c >> 4}.
         */
        int block(int c) {
            return ucpTrie(4 * this.indexes[7], c >> 4);
        }

        /**
         * The 16-bit value of {@code c} in the UTrie2 at {@code at}, whose index and data
         * share one array.
         */
        private int trie2(int at, int c) {
            int indexLength = this.data.getChar(at + 6);
            int dataLength = this.data.getChar(at + 8) << 2;
            int highStart = this.data.getChar(at + 14) << 11;
            int i;
            if (c < 0xd800) {
                i = (unit(at, c >> 5) << 2) + (c & 0x1f);
            }
            else if (c <= 0xffff) {
                // lead surrogate code points have their own index-2 block after the BMP's
                int offset = c <= 0xdbff ? 0x800 - (0xd800 >> 5) : 0;
                i = (unit(at, offset + (c >> 5)) << 2) + (c & 0x1f);
            }
            else if (c >= highStart) {
                i = indexLength + dataLength - 4;
            }
            else {
                // index-1 follows the BMP index-2, the lead surrogates' and the UTF-8
                // two-byte one
                int index1 = unit(at, 0x840 - (0x10000 >> 11) + (c >> 11));
                i = (unit(at, index1 + ((c >> 5) & 0x3f)) << 2) + (c & 0x1f);
            }
            return unit(at, i);
        }

        /** The 16-bit value of {@code c} in the UCPTrie at {@code at}. */
        private int ucpTrie(int at, int c) {
            int options = this.data.getChar(at + 4);
            int indexLength = this.data.getChar(at + 6);
            int dataLength = ((options & 0xf000) << 4) | this.data.getChar(at + 8);
            int highStart = this.data.getChar(at + 14) << 9;
            boolean fast = ((options >> 6) & 3) == 0;
            int i;
            if (c < (fast ? 0x10000 : 0x1000)) {
                i = unit(at, c >> 6) + (c & 0x3f);
            }
            else if (c >= highStart) {
                i = dataLength - 2;
            }
            else {
                int index1 = (c >> 14) + (fast ? 0x400 - 4 : 0x40);
                int index3Block = unit(at, unit(at, index1) + ((c >> 9) & 0x1f));
                int index3 = (c >> 4) & 0x1f;
                int dataBlock;
                if ((index3Block & 0x8000) == 0) {
                    dataBlock = unit(at, index3Block + index3);
                }
                else {
                    // 18-bit data block offsets, in groups of 8 with one unit of their
                    // high bits first
                    int group = (index3Block & 0x7fff) + (index3 & ~7) + (index3 >> 3);
                    int k = index3 & 7;
                    dataBlock = ((unit(at, group) << (2 + 2 * k)) & 0x30000) | unit(at, group + 1 + k);
                }
                i = dataBlock + (c & 0xf);
            }
            return this.data.getChar(at + 16 + 2 * indexLength + 2 * i);
        }

        /**
         * The 16-bit unit {@code i} of the array after the 16-byte trie header at
         * {@code at}.
         */
        private int unit(int at, int i) {
            return this.data.getChar(at + 16 + 2 * i);
        }

    }

}
