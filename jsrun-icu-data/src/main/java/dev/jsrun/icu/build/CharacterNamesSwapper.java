package dev.jsrun.icu.build;

/**
 * Swaps "unam" (unames.icu) of format version 1, the Unicode character names behind
 * {@code u_charName} and {@code \N{...}}. The payload starts with four 32-bit byte
 * offsets (token strings, groups, group strings, algorithmic names), then a 16-bit token
 * count and that many 16-bit tokens. The token strings and the group strings
 * (nibble-coded lengths and token bytes) are bytes; the group table is a 16-bit count and
 * three 16-bit values per group. The algorithmic names are a 32-bit count of ranges, each
 * a 32-bit start and end, an 8-bit type and variant, a 16-bit size in bytes, then for
 * type 0 a prefix string and for type 1 {@code variant} 16-bit factor counts followed by
 * strings. ASCII stays ASCII here, so no byte is remapped. This is the layout ICU4C's
 * {@code uchar_swapNames} swaps.
 */
final class CharacterNamesSwapper implements ItemSwapper {

    private static final int TOKENS = 16;

    private static final int RANGE_HEADER = 12;

    @Override
    public void swap(DataHeader header, DataRegion payload, SwapContext context) {
        String item = payload.item();
        if (header.formatVersion()[0] != 1) {
            throw new IcuDataException(
                    item + ": unam format version " + header.formatVersionText() + " is not 1, the one of ICU 77");
        }
        if (payload.length() < TOKENS + 2) {
            throw new IcuDataException(item + ": " + payload.length() + " bytes are too few for the unam offsets");
        }
        int tokenStrings = payload.i32(0);
        int groups = payload.i32(4);
        int groupStrings = payload.i32(8);
        int algNames = payload.i32(12);
        int tokenCount = payload.u16(TOKENS);
        int tokensEnd = TOKENS + 2 + 2 * tokenCount;
        if (tokenStrings < tokensEnd || tokenStrings - tokensEnd > 3 || groups < tokenStrings || groups % 2 != 0
                || groupStrings < groups || algNames < groupStrings || algNames % 4 != 0
                || algNames > payload.length() - 4) {
            throw new IcuDataException(item + ": unam offsets " + tokenStrings + "/" + groups + "/" + groupStrings + "/"
                    + algNames + " do not follow " + tokenCount + " tokens in ascending order");
        }
        int groupCount = payload.u16(groups);
        long groupsEnd = groups + 2L + 6L * groupCount;
        if (groupsEnd > groupStrings || groupStrings - groupsEnd > 3) {
            throw new IcuDataException(item + ": unam table of " + groupCount + " groups does not end at the group "
                    + "strings (" + groupStrings + ")");
        }

        payload.swap32(0, 4);
        payload.swap16(TOKENS, 1 + tokenCount);
        payload.swap16(groups, 1 + 3 * groupCount);
        int end = swapAlgorithmicRanges(payload, algNames);
        if (payload.length() - end >= 16) {
            throw new IcuDataException(
                    item + ": unam data ends at " + end + " of the " + payload.length() + " bytes after the header");
        }
    }

    /** Swaps the algorithmic ranges at {@code offset}; returns where they end. */
    private static int swapAlgorithmicRanges(DataRegion payload, int offset) {
        String item = payload.item();
        long count = payload.u32(offset);
        payload.swap32(offset, 1);
        int at = offset + 4;
        for (long i = 0; i < count; i++) {
            if (at > payload.length() - RANGE_HEADER) {
                throw new IcuDataException(
                        item + ": unam algorithmic range " + i + " of " + count + " at " + at + " runs past the data");
            }
            int type = payload.u8(at + 8);
            int variant = payload.u8(at + 9);
            int size = payload.u16(at + 10);
            if (size < RANGE_HEADER || size % 4 != 0 || size > payload.length() - at) {
                throw new IcuDataException(item + ": unam algorithmic range " + i + " at " + at + " has size " + size);
            }
            payload.swap32(at, 2);
            payload.swap16(at + 10, 1);
            switch (type) {
                case 0 -> {
                    // a prefix string and nothing else with a byte order
                }
                case 1 -> {
                    if (RANGE_HEADER + 2 * variant > size) {
                        throw new IcuDataException(item + ": unam algorithmic range " + i + " has " + variant
                                + " factors that do not fit its " + size + " bytes");
                    }
                    payload.swap16(at + RANGE_HEADER, variant);
                }
                default ->
                    throw new IcuDataException(item + ": unam algorithmic range " + i + " has unknown type " + type);
            }
            at += size;
        }
        return at;
    }

}
