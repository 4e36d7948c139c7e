package dev.jsrun.icu.build;

/**
 * Swaps ICU's break iterator dictionaries, data format "Dict" version 1 (the
 * {@code brkitr/*.dict} files), as ICU4C's {@code udict_swap} does. After the ICU header
 * come eight 32-bit indexes (the byte offsets of the string trie, of two reserved parts
 * and of the end, the trie type and the transform), then the trie: a {@code UCharsTrie}
 * of 16-bit units (cjdict) or a {@code BytesTrie} (thaidict, laodict, burmesedict,
 * khmerdict), whose bytes have no order; a BytesTrie goes with a transform that maps the
 * code points of one script onto bytes by an offset, which is a value of the indexes and
 * needs nothing more.
 */
final class DictionarySwapper implements ItemSwapper {

    private static final int FORMAT_VERSION = 1;

    private static final int INDEXES = 8;

    private static final int IX_STRING_TRIE_OFFSET = 0;

    private static final int IX_RESERVED1_OFFSET = 1;

    private static final int IX_RESERVED2_OFFSET = 2;

    private static final int IX_TOTAL_SIZE = 3;

    private static final int IX_TRIE_TYPE = 4;

    private static final int IX_TRANSFORM = 5;

    private static final int TRIE_TYPE_MASK = 7;

    private static final int TRIE_TYPE_BYTES = 0;

    private static final int TRIE_TYPE_UCHARS = 1;

    private static final int TRANSFORM_TYPE_MASK = 0x7f000000;

    private static final int TRANSFORM_NONE = 0;

    private static final int TRANSFORM_TYPE_OFFSET = 0x1000000;

    /** Items of a package are padded to a multiple of 16 bytes. */
    private static final int MAX_PADDING = 15;

    @Override
    public void swap(DataHeader header, DataRegion payload, SwapContext context) {
        String item = payload.item();
        if (header.formatVersion()[0] != FORMAT_VERSION) {
            throw new IcuDataException(item + ": dictionary data of format version " + header.formatVersionText()
                    + " (only " + FORMAT_VERSION + " is known)");
        }
        if (payload.length() < 4 * INDEXES) {
            throw new IcuDataException(item + ": " + payload.length() + " bytes are too few for dictionary data");
        }
        int trieOffset = payload.i32(4 * IX_STRING_TRIE_OFFSET);
        int reserved1 = payload.i32(4 * IX_RESERVED1_OFFSET);
        int reserved2 = payload.i32(4 * IX_RESERVED2_OFFSET);
        int size = payload.i32(4 * IX_TOTAL_SIZE);
        if (trieOffset != 4 * INDEXES || reserved1 < trieOffset || size > payload.length()
                || payload.length() - size > MAX_PADDING) {
            throw new IcuDataException(item + ": dictionary offsets " + trieOffset + ", " + reserved1 + " and size "
                    + size + " do not fit a region of " + payload.length() + " bytes");
        }
        if (reserved2 != reserved1 || size != reserved1) {
            throw new IcuDataException(item + ": dictionary data has reserved parts (offsets " + reserved1 + " and "
                    + reserved2 + ", size " + size + "), of unknown layout");
        }
        int trieType = payload.i32(4 * IX_TRIE_TYPE) & TRIE_TYPE_MASK;
        int transform = payload.i32(4 * IX_TRANSFORM) & TRANSFORM_TYPE_MASK;
        boolean known = trieType == TRIE_TYPE_UCHARS && transform == TRANSFORM_NONE
                || trieType == TRIE_TYPE_BYTES && (transform == TRANSFORM_NONE || transform == TRANSFORM_TYPE_OFFSET);
        if (!known) {
            throw new IcuDataException(item + ": dictionary trie type " + trieType + " with transform type "
                    + Integer.toHexString(transform) + " is unknown");
        }
        payload.swap32(0, INDEXES);
        if (trieType == TRIE_TYPE_UCHARS) {
            int length = reserved1 - trieOffset;
            if (length % 2 != 0) {
                throw new IcuDataException(item + ": a UCharsTrie of " + length + " bytes, an odd number");
            }
            payload.swap16(trieOffset, length / 2);
        }
    }

}
