package dev.jsrun.icu.build;

/**
 * Swaps "BiDi" (ubidi.icu) of format version 2, ICU's bidi and Arabic shaping properties:
 * 32-bit indexes (their count first, then the total length, the trie's size in bytes, the
 * number of mirroring pairs, and the code point ranges of the two Joining_Group arrays),
 * a UTrie2 of 16-bit properties words, the 32-bit mirroring pairs, then the two arrays of
 * 8-bit Joining_Group values, which have no byte order. This is the layout ICU4C's
 * {@code ubidi_swap} swaps.
 */
final class BidiSwapper implements ItemSwapper {

    private static final int MIN_INDEXES = 16;

    private static final int INDEX_TOP = 0;

    private static final int LENGTH = 1;

    private static final int TRIE_SIZE = 2;

    private static final int MIRROR_LENGTH = 3;

    private static final int JG_START = 4;

    private static final int JG_LIMIT = 5;

    private static final int JG_START2 = 6;

    private static final int JG_LIMIT2 = 7;

    @Override
    public void swap(DataHeader header, DataRegion payload, SwapContext context) {
        String item = payload.item();
        if (header.formatVersion()[0] != 2) {
            throw new IcuDataException(
                    item + ": BiDi format version " + header.formatVersionText() + " is not 2, the one of ICU 77");
        }
        if (payload.length() < 4 * MIN_INDEXES) {
            throw new IcuDataException(item + ": " + payload.length() + " bytes are too few for the BiDi indexes");
        }
        int indexCount = payload.i32(4 * INDEX_TOP);
        int length = payload.i32(4 * LENGTH);
        int trieSize = payload.i32(4 * TRIE_SIZE);
        int mirrorLength = payload.i32(4 * MIRROR_LENGTH);
        long jgLength = (long) payload.i32(4 * JG_LIMIT) - payload.i32(4 * JG_START);
        long jgLength2 = (long) payload.i32(4 * JG_LIMIT2) - payload.i32(4 * JG_START2);
        if (indexCount < MIN_INDEXES || trieSize < 0 || mirrorLength < 0 || jgLength < 0 || jgLength2 < 0) {
            throw new IcuDataException(item + ": BiDi indexes " + indexCount + ", trie size " + trieSize
                    + ", mirror length " + mirrorLength + " or Joining_Group ranges are out of range");
        }
        long sum = 4L * indexCount + trieSize + 4L * mirrorLength + jgLength + jgLength2;
        if (sum != length || length > payload.length() || payload.length() - length >= 16) {
            throw new IcuDataException(item + ": BiDi sections of " + sum + " bytes, its length " + length + " and the "
                    + payload.length() + " bytes after the header do not agree");
        }

        payload.swap32(0, indexCount);
        DataRegion trie = payload.sub(4 * indexCount, trieSize);
        int trieLength = Tries.swapUTrie2(trie, 0);
        if (trieSize - trieLength < 0 || trieSize - trieLength > 3) {
            throw new IcuDataException(
                    item + ": BiDi trie of " + trieLength + " bytes does not fill its " + trieSize + " bytes");
        }
        payload.swap32(4 * indexCount + trieSize, mirrorLength);
    }

}
