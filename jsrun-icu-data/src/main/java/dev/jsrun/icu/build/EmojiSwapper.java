package dev.jsrun.icu.build;

/**
 * Swaps "Emoj" (uemoji.icu) of format version 1, ICU's emoji properties, which ICU4C
 * loads at run time for {@code \p{Emoji}}, {@code \p{RGI_Emoji}} and the other emoji
 * properties and sequence sets. The payload starts with 32-bit indexes that are byte
 * offsets in ascending order: the first is where a UCPTrie of the per-code-point property
 * bits starts (so it also gives the number of indexes), the next three are reserved ends
 * of that trie, the six after are where the UCharsTrie of each emoji sequence set starts
 * (each one a sequence of 16-bit units), three more reserved ones, then the total size.
 * This is the layout ICU4C's {@code uemoji_swap} swaps.
 */
final class EmojiSwapper implements ItemSwapper {

    private static final int MIN_INDEXES = 14;

    private static final int CPTRIE_OFFSET = 0;

    private static final int RESERVED_1 = 1;

    private static final int BASIC_EMOJI_TRIE_OFFSET = 4;

    private static final int STRING_TRIES_END = 10;

    private static final int TOTAL_SIZE = 13;

    @Override
    public void swap(DataHeader header, DataRegion payload, SwapContext context) {
        String item = payload.item();
        if (header.formatVersion()[0] != 1) {
            throw new IcuDataException(
                    item + ": Emoj format version " + header.formatVersionText() + " is not 1, the one of ICU 77");
        }
        if (payload.length() < 4 * MIN_INDEXES) {
            throw new IcuDataException(item + ": " + payload.length() + " bytes are too few for the Emoj indexes");
        }
        int[] offsets = new int[TOTAL_SIZE + 1];
        for (int i = 0; i <= TOTAL_SIZE; i++) {
            offsets[i] = payload.i32(4 * i);
        }
        int cpTrie = offsets[CPTRIE_OFFSET];
        if (cpTrie < 4 * MIN_INDEXES || cpTrie % 4 != 0) {
            throw new IcuDataException(
                    item + ": Emoj code point trie offset " + cpTrie + " leaves no room for the indexes");
        }
        for (int i = 1; i <= TOTAL_SIZE; i++) {
            if (offsets[i] < offsets[i - 1]) {
                throw new IcuDataException(item + ": Emoj offset " + i + " (" + offsets[i] + ") lies below offset "
                        + (i - 1) + " (" + offsets[i - 1] + ")");
            }
        }
        int total = offsets[TOTAL_SIZE];
        if (total > payload.length() || payload.length() - total >= 16) {
            throw new IcuDataException(item + ": Emoj total size " + total + " does not match the " + payload.length()
                    + " bytes after the header");
        }
        // The reserved offsets mark empty sections; data there would be of a layout not
        // known here.
        if (offsets[RESERVED_1] != offsets[BASIC_EMOJI_TRIE_OFFSET] || offsets[STRING_TRIES_END] != total) {
            throw new IcuDataException(item + ": Emoj holds data in its reserved sections");
        }
        int stringTries = offsets[BASIC_EMOJI_TRIE_OFFSET];
        int stringTriesLength = offsets[STRING_TRIES_END] - stringTries;
        if (stringTries % 2 != 0 || stringTriesLength % 2 != 0) {
            throw new IcuDataException(item + ": Emoj string tries at " + stringTries + " of " + stringTriesLength
                    + " bytes are not 16-bit units");
        }

        payload.swap32(0, cpTrie / 4);
        DataRegion trie = payload.sub(cpTrie, offsets[RESERVED_1] - cpTrie);
        int trieLength = Tries.swapUCPTrie(trie, 0);
        // ICU may pad the trie up to the next 16-byte boundary.
        if (trie.length() - trieLength >= 16) {
            throw new IcuDataException(item + ": Emoj code point trie of " + trieLength + " bytes does not fill its "
                    + trie.length() + " bytes");
        }
        payload.swap16(stringTries, stringTriesLength / 2);
    }

}
