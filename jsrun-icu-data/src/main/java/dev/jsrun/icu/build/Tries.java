package dev.jsrun.icu.build;

/**
 * Swaps ICU's three serialized code point tries, each a 16-byte header, a 16-bit index
 * and 8-, 16- or 32-bit values: {@code UTrie} ("Trie", used by StringPrep),
 * {@code UTrie2} ("Tri2", the property files) and {@code UCPTrie} ("Tri3", Normalizer2,
 * break iterators, collation). Each method returns the trie's length in bytes, so that
 * the caller can check it against the length its own indexes give.
 */
public final class Tries {

    private static final int UTRIE_SIGNATURE = 0x54726965;

    private static final int UTRIE2_SIGNATURE = 0x54726932;

    private static final int UCPTRIE_SIGNATURE = 0x54726933;

    private static final int HEADER = 16;

    private Tries() {
    }

    /** Swaps the {@code UTrie} at {@code pos}; returns its length. */
    public static int swapUTrie(DataRegion region, int pos) {
        expect(region, pos, UTRIE_SIGNATURE, "Trie");
        int options = region.i32(pos + 4);
        int indexLength = region.i32(pos + 8);
        int dataLength = region.i32(pos + 12);
        if ((options & 0xf) != 5 || ((options >> 4) & 0xf) != 2 || indexLength < 0 || dataLength < 0) {
            throw new IcuDataException(
                    region.item() + ": UTrie at " + pos + " has options " + Integer.toHexString(options)
                            + " and lengths " + indexLength + "/" + dataLength + " that ICU does not write");
        }
        boolean wide = (options & 0x100) != 0;
        region.swap32(pos, 4);
        region.swap16(pos + HEADER, indexLength);
        int data = pos + HEADER + 2 * indexLength;
        if (wide) {
            region.swap32(data, dataLength);
        }
        else {
            region.swap16(data, dataLength);
        }
        return HEADER + 2 * indexLength + (wide ? 4 : 2) * dataLength;
    }

    /** Swaps the {@code UTrie2} at {@code pos}; returns its length. */
    public static int swapUTrie2(DataRegion region, int pos) {
        expect(region, pos, UTRIE2_SIGNATURE, "Tri2");
        int options = region.u16(pos + 4);
        int indexLength = region.u16(pos + 6);
        int dataLength = region.u16(pos + 8) << 2;
        int valueBits = options & 0xf;
        if (valueBits > 1) {
            throw new IcuDataException(region.item() + ": UTrie2 at " + pos + " has value bits " + valueBits);
        }
        region.swap32(pos, 1);
        region.swap16(pos + 4, 6);
        int index = pos + HEADER;
        if (valueBits == 0) {
            region.swap16(index, indexLength + dataLength);
            return HEADER + 2 * (indexLength + dataLength);
        }
        region.swap16(index, indexLength);
        region.swap32(index + 2 * indexLength, dataLength);
        return HEADER + 2 * indexLength + 4 * dataLength;
    }

    /** Swaps the {@code UCPTrie} at {@code pos}; returns its length. */
    public static int swapUCPTrie(DataRegion region, int pos) {
        expect(region, pos, UCPTRIE_SIGNATURE, "Tri3");
        int options = region.u16(pos + 4);
        int indexLength = region.u16(pos + 6);
        int dataLength = ((options & 0xf000) << 4) | region.u16(pos + 8);
        int valueWidth = options & 7;
        int type = (options >> 6) & 3;
        if (valueWidth > 2 || type > 1 || (options & 0x38) != 0) {
            throw new IcuDataException(region.item() + ": UCPTrie at " + pos + " has options "
                    + Integer.toHexString(options) + " that ICU does not write");
        }
        region.swap32(pos, 1);
        region.swap16(pos + 4, 6);
        int index = pos + HEADER;
        region.swap16(index, indexLength);
        int data = index + 2 * indexLength;
        switch (valueWidth) {
            case 0 -> region.swap16(data, dataLength);
            case 1 -> region.swap32(data, dataLength);
            default -> {
                // 8-bit values have no byte order
            }
        }
        return HEADER + 2 * indexLength + (valueWidth == 0 ? 2 : valueWidth == 1 ? 4 : 1) * dataLength;
    }

    private static void expect(DataRegion region, int pos, int signature, String name) {
        int found = region.i32(pos);
        if (found != signature) {
            throw new IcuDataException(region.item() + ": expected a " + name + " trie at " + pos + ", found signature "
                    + Integer.toHexString(found));
        }
    }

}
