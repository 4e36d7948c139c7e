package dev.jsrun.icu.build;

/**
 * Swaps "cASE" (ucase.icu) of format version 4, ICU's case mapping and case folding
 * properties, which case-insensitive matching and {@code toUpperCase}/{@code toLowerCase}
 * read: 32-bit indexes (their count first, then the total length, the trie's size in
 * bytes and the lengths of the two tables in 16-bit units), a UTrie2 of 16-bit properties
 * words, then the 16-bit exceptions and the 16-bit unfold table. This is the layout
 * ICU4C's {@code ucase_swap} swaps.
 */
final class CaseSwapper implements ItemSwapper {

    private static final int MIN_INDEXES = 16;

    private static final int INDEX_TOP = 0;

    private static final int LENGTH = 1;

    private static final int TRIE_SIZE = 2;

    private static final int EXC_LENGTH = 3;

    private static final int UNFOLD_LENGTH = 4;

    @Override
    public void swap(DataHeader header, DataRegion payload, SwapContext context) {
        String item = payload.item();
        if (header.formatVersion()[0] != 4) {
            throw new IcuDataException(
                    item + ": cASE format version " + header.formatVersionText() + " is not 4, the one of ICU 77");
        }
        if (payload.length() < 4 * MIN_INDEXES) {
            throw new IcuDataException(item + ": " + payload.length() + " bytes are too few for the cASE indexes");
        }
        int indexCount = payload.i32(4 * INDEX_TOP);
        int length = payload.i32(4 * LENGTH);
        int trieSize = payload.i32(4 * TRIE_SIZE);
        int excLength = payload.i32(4 * EXC_LENGTH);
        int unfoldLength = payload.i32(4 * UNFOLD_LENGTH);
        if (indexCount < MIN_INDEXES || trieSize < 0 || excLength < 0 || unfoldLength < 0) {
            throw new IcuDataException(item + ": cASE indexes " + indexCount + ", trie size " + trieSize
                    + " or table lengths " + excLength + "/" + unfoldLength + " are out of range");
        }
        long sum = 4L * indexCount + trieSize + 2L * excLength + 2L * unfoldLength;
        if (sum != length || length > payload.length() || payload.length() - length >= 16) {
            throw new IcuDataException(item + ": cASE sections of " + sum + " bytes, its length " + length + " and the "
                    + payload.length() + " bytes after the header do not agree");
        }

        payload.swap32(0, indexCount);
        DataRegion trie = payload.sub(4 * indexCount, trieSize);
        int trieLength = Tries.swapUTrie2(trie, 0);
        if (trieSize - trieLength < 0 || trieSize - trieLength > 3) {
            throw new IcuDataException(
                    item + ": cASE trie of " + trieLength + " bytes does not fill its " + trieSize + " bytes");
        }
        payload.swap16(4 * indexCount + trieSize, excLength + unfoldLength);
    }

}
