package dev.jsrun.icu.build;

/**
 * Swaps ICU's "Nrm2" data: the Normalizer2 tables ({@code nfc.nrm}, {@code nfkc.nrm},
 * {@code nfkc_cf.nrm}, {@code nfkc_scf.nrm}, {@code uts46.nrm}) behind
 * {@code String.prototype.normalize}, {@code Intl} and IDNA. The layout is the one
 * {@code unorm2_swap} in ICU4C's {@code normalizer2impl.cpp} follows: 32-bit
 * {@code indexes[]}, whose first entries are the byte offsets of the sections, then a
 * {@code UCPTrie} of 16-bit norm16 values, the 16-bit {@code extraData[]} (mappings and
 * compositions) and the 8-bit {@code smallFCD[]} bit set of 256 bytes, which has no byte
 * order.
 * <p>
 * Format versions 4 (ICU 63 to 75) and 5 (ICU 76 and later) lay these sections out alike:
 * version 5 adds the indexes {@code minMaybeNo} and {@code minMaybeNoCombinesFwd}
 * (numbers 20 and 21, so that it needs 22 indexes where version 4 needs 19) and changes
 * what some norm16 values and {@code extraData} units mean, not their widths or places.
 * ICU 77 loads only version 5; earlier versions stored the norm16 values in a
 * {@code UTrie2} and are refused here, as is any later one.
 */
final class Normalizer2Swapper implements ItemSwapper {

    private static final int NORM_TRIE_OFFSET = 0;

    private static final int EXTRA_DATA_OFFSET = 1;

    private static final int SMALL_FCD_OFFSET = 2;

    private static final int SMALL_FCD_LIMIT = 3;

    private static final int TOTAL_SIZE = 7;

    /**
     * One bit for each 32 BMP code points that may have a non-zero lead or trail
     * combining class.
     */
    private static final int SMALL_FCD_LENGTH = 256;

    @Override
    public void swap(DataHeader header, DataRegion payload, SwapContext context) {
        String item = payload.item();
        int version = header.formatVersion()[0];
        int minIndexes = switch (version) {
            case 4 -> 19;
            case 5 -> 22;
            default -> throw new IcuDataException(
                    item + ": Nrm2 format version " + header.formatVersionText() + " is not 4 or 5");
        };
        int trieOffset = payload.i32(NORM_TRIE_OFFSET * 4);
        if (trieOffset % 4 != 0 || trieOffset / 4 < minIndexes) {
            throw new IcuDataException(item + ": Nrm2 format version " + version + " with indexes of " + trieOffset
                    + " bytes, not " + minIndexes + " or more 32-bit values");
        }
        int extraOffset = payload.i32(EXTRA_DATA_OFFSET * 4);
        int fcdOffset = payload.i32(SMALL_FCD_OFFSET * 4);
        int fcdLimit = payload.i32(SMALL_FCD_LIMIT * 4);
        int total = payload.i32(TOTAL_SIZE * 4);
        // after the total size, at most the padding of the file to a multiple of 16
        // bytes, which stays as it is
        if (!(trieOffset <= extraOffset && extraOffset <= fcdOffset && fcdOffset <= fcdLimit && fcdLimit == total
                && total <= payload.length() && payload.length() - total < 16)) {
            throw new IcuDataException(item + ": Nrm2 section offsets " + trieOffset + ", " + extraOffset + ", "
                    + fcdOffset + ", " + fcdLimit + " and total size " + total + " do not fit in order in its "
                    + payload.length() + " bytes (with less than 16 bytes of padding after them)");
        }
        if ((fcdOffset - extraOffset) % 2 != 0 || fcdLimit - fcdOffset != SMALL_FCD_LENGTH) {
            throw new IcuDataException(
                    item + ": Nrm2 extra data of " + (fcdOffset - extraOffset) + " bytes or smallFCD of "
                            + (fcdLimit - fcdOffset) + " bytes (not 16-bit units and " + SMALL_FCD_LENGTH + ")");
        }
        checkFastSixteenBitTrie(payload, trieOffset);

        payload.swap32(0, trieOffset / 4);
        DataRegion trie = payload.sub(trieOffset, extraOffset - trieOffset);
        int trieLength = Tries.swapUCPTrie(trie, 0);
        requireZeroPadding(trie, trieLength);
        payload.swap16(extraOffset, (fcdOffset - extraOffset) / 2);
    }

    /**
     * ICU opens this trie as a fast type with 16-bit values only, as the norm16 values
     * are.
     */
    private static void checkFastSixteenBitTrie(DataRegion payload, int pos) {
        if (!"Tri3".equals(payload.ascii4(pos))) {
            throw new IcuDataException(payload.item() + ": Nrm2 trie at " + pos + " is not a UCPTrie (\"Tri3\")");
        }
        int options = payload.u16(pos + 4);
        int valueWidth = options & 7;
        int type = (options >> 6) & 3;
        if (valueWidth != 0 || type != 0) {
            throw new IcuDataException(payload.item() + ": Nrm2 trie at " + pos + " has options "
                    + Integer.toHexString(options) + ", not a fast trie of 16-bit values");
        }
    }

    /**
     * Bytes between the trie and the next section can only be zero padding, the same in
     * either order.
     */
    private static void requireZeroPadding(DataRegion section, int from) {
        for (int pos = from; pos < section.length(); pos++) {
            if (section.u8(pos) != 0) {
                throw new IcuDataException(section.item() + ": Nrm2 trie of " + from + " bytes is followed by "
                        + (section.length() - from) + " bytes in its section that are not zero padding");
            }
        }
    }

}
