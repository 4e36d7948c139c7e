package dev.jsrun.icu.build;

/**
 * Swaps "Layo" (ulayout.icu) of format version 1, ICU's text layout properties
 * (Indic_Positional_Category, Indic_Syllabic_Category, Vertical_Orientation), which ICU4C
 * loads at run time for those properties. The payload starts with 32-bit indexes: their
 * count, then seven byte offsets where consecutive sections end, each section a UCPTrie
 * padded to a multiple of 16 bytes or, when shorter than a trie's header, empty. This is
 * the layout ICU4C's {@code ulayout_swap} swaps.
 */
final class LayoutSwapper implements ItemSwapper {

    private static final int MIN_INDEXES = 12;

    private static final int INDEXES_LENGTH = 0;

    private static final int FIRST_TRIE_TOP = 1;

    private static final int TRIES_TOP = 7;

    private static final int TRIE_HEADER = 16;

    @Override
    public void swap(DataHeader header, DataRegion payload, SwapContext context) {
        String item = payload.item();
        if (header.formatVersion()[0] != 1) {
            throw new IcuDataException(
                    item + ": Layo format version " + header.formatVersionText() + " is not 1, the one of ICU 77");
        }
        if (payload.length() < 4 * MIN_INDEXES) {
            throw new IcuDataException(item + ": " + payload.length() + " bytes are too few for the Layo indexes");
        }
        int indexCount = payload.i32(4 * INDEXES_LENGTH);
        if (indexCount < MIN_INDEXES || indexCount > payload.length() / 4) {
            throw new IcuDataException(item + ": Layo index count " + indexCount + " is out of range");
        }
        int[] tops = new int[TRIES_TOP + 1];
        int previous = 4 * indexCount;
        for (int i = FIRST_TRIE_TOP; i <= TRIES_TOP; i++) {
            tops[i] = payload.i32(4 * i);
            int length = tops[i] - previous;
            // ICU writes a trie or nothing; a shorter section would be bytes of a layout
            // not known here.
            if (tops[i] < previous || (length > 0 && length < TRIE_HEADER)) {
                throw new IcuDataException(item + ": Layo trie top " + i + " (" + tops[i] + ") does not follow "
                        + previous + " by nothing or a trie");
            }
            previous = tops[i];
        }
        int size = tops[TRIES_TOP];
        if (size > payload.length() || payload.length() - size >= 16) {
            throw new IcuDataException(item + ": Layo size " + size + " does not match the " + payload.length()
                    + " bytes after the header");
        }

        payload.swap32(0, indexCount);
        int start = 4 * indexCount;
        for (int i = FIRST_TRIE_TOP; i <= TRIES_TOP; i++) {
            int length = tops[i] - start;
            if (length > 0) {
                DataRegion trie = payload.sub(start, length);
                int trieLength = Tries.swapUCPTrie(trie, 0);
                // ICU pads each trie to a multiple of 16 bytes.
                if (length - trieLength >= 16) {
                    throw new IcuDataException(item + ": Layo trie " + i + " of " + trieLength
                            + " bytes does not fill its " + length + " bytes");
                }
            }
            start = tops[i];
        }
    }

}
