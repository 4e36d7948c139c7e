package dev.jsrun.icu.build;

/**
 * Swaps "UPro" (uprops.icu) of format version 9, the one ICU 77 writes: the Unicode
 * character properties behind general categories, scripts, blocks and the binary
 * properties of {@code \p{...}}. The payload starts with sixteen 32-bit indexes; all but
 * the vector column count and the maximum values count 32-bit units from the start of the
 * payload to where a section ends and the next begins. The sections are the main UTrie2
 * of 16-bit properties words, the 32-bit properties and exceptions words and the 16-bit
 * UChars (both empty since format 7), the additional UTrie2 of 16-bit rows into the
 * properties vectors, the 32-bit vectors, the 16-bit Script_Extensions lists, and, new in
 * format 9, a UCPTrie of 16-bit Block values (indexed by code point divided by 16) that
 * runs from index 7, the end of the Script_Extensions, to the data top. Up to the
 * Script_Extensions this is the layout ICU4C's {@code uprops_swap} swaps for format 7;
 * the Block trie is where ICU4J 77's {@code UCharacterProperty} reads it.
 */
final class PropertiesSwapper implements ItemSwapper {

    private static final int INDEX_COUNT = 16;

    private static final int PROPS32 = 0;

    private static final int EXCEPTIONS = 1;

    private static final int EXCEPTIONS_TOP = 2;

    private static final int ADDITIONAL_TRIE = 3;

    private static final int ADDITIONAL_VECTORS = 4;

    private static final int ADDITIONAL_VECTORS_COLUMNS = 5;

    private static final int SCRIPT_EXTENSIONS = 6;

    private static final int BLOCK_TRIE = 7;

    private static final int RESERVED_8 = 8;

    private static final int DATA_TOP = 9;

    /** The section ends in the order the sections follow one another. */
    private static final int[] SECTION_ENDS = { PROPS32, EXCEPTIONS, EXCEPTIONS_TOP, ADDITIONAL_TRIE,
            ADDITIONAL_VECTORS, SCRIPT_EXTENSIONS, BLOCK_TRIE, RESERVED_8, DATA_TOP };

    @Override
    public void swap(DataHeader header, DataRegion payload, SwapContext context) {
        String item = payload.item();
        if (header.formatVersion()[0] != 9) {
            throw new IcuDataException(
                    item + ": UPro format version " + header.formatVersionText() + " is not 9, the one of ICU 77");
        }
        if (payload.length() < 4 * INDEX_COUNT) {
            throw new IcuDataException(item + ": " + payload.length() + " bytes are too few for the UPro indexes");
        }
        int[] indexes = new int[INDEX_COUNT];
        for (int i = 0; i < INDEX_COUNT; i++) {
            indexes[i] = payload.i32(4 * i);
        }
        int previous = INDEX_COUNT;
        for (int i : SECTION_ENDS) {
            if (indexes[i] < previous) {
                throw new IcuDataException(item + ": UPro index " + i + " (" + indexes[i]
                        + ") lies below the end of the section before (" + previous + ")");
            }
            previous = indexes[i];
        }
        // Format 9 ends with the Block trie; anything after it would be data of a layout
        // not known here.
        if (indexes[RESERVED_8] != indexes[DATA_TOP]) {
            throw new IcuDataException(item + ": UPro holds " + 4L * (indexes[DATA_TOP] - indexes[RESERVED_8])
                    + " bytes of unknown data after the Block trie");
        }
        long top = 4L * indexes[DATA_TOP];
        if (top > payload.length() || payload.length() - top >= 16) {
            throw new IcuDataException(item + ": UPro data of " + top + " bytes does not match the " + payload.length()
                    + " bytes after the header");
        }
        int columns = indexes[ADDITIONAL_VECTORS_COLUMNS];
        int vectorWords = indexes[SCRIPT_EXTENSIONS] - indexes[ADDITIONAL_VECTORS];
        if (columns <= 0 || vectorWords % columns != 0) {
            throw new IcuDataException(item + ": UPro properties vectors of " + vectorWords + " words are not rows of "
                    + columns + " columns");
        }

        payload.swap32(0, INDEX_COUNT);
        swapTrie2(payload, INDEX_COUNT, indexes[PROPS32], "main");
        payload.swap32(4 * indexes[PROPS32], indexes[EXCEPTIONS_TOP] - indexes[PROPS32]);
        payload.swap16(4 * indexes[EXCEPTIONS_TOP], 2 * (indexes[ADDITIONAL_TRIE] - indexes[EXCEPTIONS_TOP]));
        swapTrie2(payload, indexes[ADDITIONAL_TRIE], indexes[ADDITIONAL_VECTORS], "additional");
        payload.swap32(4 * indexes[ADDITIONAL_VECTORS], vectorWords);
        payload.swap16(4 * indexes[SCRIPT_EXTENSIONS], 2 * (indexes[BLOCK_TRIE] - indexes[SCRIPT_EXTENSIONS]));
        swapBlockTrie(payload, indexes[BLOCK_TRIE], indexes[RESERVED_8]);
    }

    /**
     * Swaps the UTrie2 of 16-bit values that fills the 32-bit units {@code start..limit}.
     */
    private static void swapTrie2(DataRegion payload, int start, int limit, String name) {
        DataRegion section = payload.sub(4 * start, 4 * (limit - start));
        // ICU4J reads both tries as Trie2_16.
        if (section.length() >= 6 && (section.u16(4) & 0xf) != 0) {
            throw new IcuDataException(payload.item() + ": the UPro " + name + " trie does not have 16-bit values");
        }
        fits(section, Tries.swapUTrie2(section, 0), name);
    }

    /**
     * Swaps the UCPTrie of 16-bit Block values that fills the 32-bit units
     * {@code start..limit}.
     */
    private static void swapBlockTrie(DataRegion payload, int start, int limit) {
        DataRegion section = payload.sub(4 * start, 4 * (limit - start));
        // ICU4J reads it as a CodePointTrie of ValueWidth.BITS_16.
        if (section.length() >= 6 && (section.u16(4) & 7) != 0) {
            throw new IcuDataException(payload.item() + ": the UPro Block trie does not have 16-bit values");
        }
        fits(section, Tries.swapUCPTrie(section, 0), "Block");
    }

    /**
     * Checks that a trie fills its section but for the padding to the next 32-bit unit.
     */
    private static void fits(DataRegion section, int trieLength, String name) {
        int padding = section.length() - trieLength;
        if (padding < 0 || padding > 3) {
            throw new IcuDataException(section.item() + ": the UPro " + name + " trie of " + trieLength
                    + " bytes does not fill its section of " + section.length() + " bytes");
        }
    }

}
