package dev.jsrun.icu.build;

/**
 * Swaps ICU's collation data, data format "UCol" version 5: the root collation
 * {@code coll/ucadata.icu}, and the tailorings that the {@code coll/*.res} bundles hold
 * as binary resources under the key {@code %%CollationBin}. A tailoring starts with an
 * ICU data header of its own, as ICU4C's {@code CollationDataReader::read} expects when
 * it reads one over a base, so {@link #swapBinary} swaps that header too. The layout is
 * the one ICU4C's {@code ucol_swap} swaps for format versions 4 and 5: a count of 32-bit
 * indexes, the indexes (options, the start of the Jamo CE32s, then byte offsets), and the
 * parts the offsets delimit, each ending where the next begins; an offset only counts if
 * the index after it is there too.
 */
final class CollationSwapper implements ItemSwapper {

    private static final String FORMAT = "UCol";

    private static final int FORMAT_VERSION = 5;

    /** At least the count of indexes and the options, as ICU's reader requires. */
    private static final int MIN_INDEXES = 2;

    private static final int IX_REORDER_CODES_OFFSET = 5;

    private static final int IX_REORDER_TABLE_OFFSET = 6;

    private static final int IX_TRIE_OFFSET = 7;

    private static final int IX_RESERVED8_OFFSET = 8;

    private static final int IX_CES_OFFSET = 9;

    private static final int IX_RESERVED10_OFFSET = 10;

    private static final int IX_CE32S_OFFSET = 11;

    private static final int IX_ROOT_ELEMENTS_OFFSET = 12;

    private static final int IX_CONTEXTS_OFFSET = 13;

    private static final int IX_UNSAFE_BWD_OFFSET = 14;

    private static final int IX_FAST_LATIN_TABLE_OFFSET = 15;

    private static final int IX_SCRIPTS_OFFSET = 16;

    private static final int IX_COMPRESSIBLE_BYTES_OFFSET = 17;

    private static final int IX_RESERVED18_OFFSET = 18;

    private static final int IX_TOTAL_SIZE = 19;

    /** Items of a package are padded to a multiple of 16 bytes. */
    private static final int MAX_PADDING = 15;

    @Override
    public void swap(DataHeader header, DataRegion payload, SwapContext context) {
        swapData(header.formatVersion()[0], payload, true);
    }

    /**
     * Swaps a collation binary nested in a resource bundle ({@code %%CollationBin}): its
     * ICU data header, then its data. {@code binary} is exactly the bytes of the binary
     * resource.
     * @throws IcuDataException when the binary is not big-endian "UCol" data of format
     * version 5, or is damaged
     */
    static void swapBinary(DataRegion binary) {
        String item = binary.item();
        if (binary.length() < DataHeader.MIN_SIZE || binary.u8(2) != 0xda || binary.u8(3) != 0x27) {
            throw new IcuDataException(
                    item + ": the collation binary of " + binary.length() + " bytes has no ICU data header");
        }
        int headerSize = binary.u16(0);
        int infoSize = binary.u16(4);
        if (infoSize < 20 || headerSize < 4 + infoSize || headerSize > binary.length()) {
            throw new IcuDataException(item + ": the collation binary's header size " + headerSize + " or info size "
                    + infoSize + " does not fit its " + binary.length() + " bytes");
        }
        if (binary.u8(8) != 1 || binary.u8(9) != 0 || binary.u8(10) != 2) {
            throw new IcuDataException(item + ": the collation binary is not big-endian ASCII data with 2-byte UChars");
        }
        String format = binary.ascii4(12);
        if (!FORMAT.equals(format)) {
            throw new IcuDataException(item + ": the binary under %%CollationBin has data format \"" + format
                    + "\", not \"" + FORMAT + "\"");
        }
        binary.swap16(0, 1);
        binary.swap16(4, 2);
        binary.put8(8, 0);
        swapData(binary.u8(16), binary.sub(headerSize, binary.length() - headerSize), false);
    }

    /**
     * Swaps the data after the header; {@code padded} says whether a package item's
     * padding may follow it, as it may at the end of {@code ucadata.icu} but not in a
     * binary resource, which has the length of its data.
     */
    private static void swapData(int formatVersion, DataRegion data, boolean padded) {
        String item = data.item();
        if (formatVersion != FORMAT_VERSION) {
            throw new IcuDataException(item + ": collation data of format version " + formatVersion + " (only "
                    + FORMAT_VERSION + " is known)");
        }
        if (data.length() < 4 * MIN_INDEXES) {
            throw new IcuDataException(item + ": " + data.length() + " bytes are too few for collation data");
        }
        int count = data.i32(0);
        if (count < MIN_INDEXES || count > IX_TOTAL_SIZE + 1 || 4 * count > data.length()) {
            throw new IcuDataException(
                    item + ": collation data with " + count + " indexes in " + data.length() + " bytes");
        }
        int[] indexes = new int[count];
        for (int i = 0; i < count; i++) {
            indexes[i] = data.i32(4 * i);
        }
        // The last offset there is, or IX_TOTAL_SIZE, ends the data; without any offset,
        // the indexes are all.
        int last = Math.min(count - 1, IX_TOTAL_SIZE);
        int size = last >= IX_REORDER_CODES_OFFSET ? indexes[last] : 4 * count;
        int previous = 4 * count;
        for (int i = IX_REORDER_CODES_OFFSET; i <= last; i++) {
            if (indexes[i] < previous) {
                throw new IcuDataException(item + ": collation index " + i + " has offset " + indexes[i]
                        + ", before the end " + previous + " of what precedes it");
            }
            previous = indexes[i];
        }
        int padding = data.length() - size;
        if (padding < 0 || padding > (padded ? MAX_PADDING : 0)) {
            throw new IcuDataException(item + ": collation data of " + size + " bytes in a region of " + data.length());
        }
        data.swap32(0, count);
        for (int i = IX_REORDER_CODES_OFFSET; i < last; i++) {
            swapPart(data, i, indexes[i], indexes[i + 1] - indexes[i]);
        }
    }

    private static void swapPart(DataRegion data, int index, int offset, int length) {
        if (length == 0) {
            return;
        }
        switch (index) {
            case IX_REORDER_CODES_OFFSET, IX_CE32S_OFFSET, IX_ROOT_ELEMENTS_OFFSET ->
                data.swap32(offset, units(data, index, length, 4));
            case IX_CES_OFFSET -> data.swap64(offset, units(data, index, length, 8));
            case IX_CONTEXTS_OFFSET, IX_UNSAFE_BWD_OFFSET, IX_FAST_LATIN_TABLE_OFFSET, IX_SCRIPTS_OFFSET ->
                data.swap16(offset, units(data, index, length, 2));
            case IX_TRIE_OFFSET -> swapTrie(data, offset, length);
            case IX_REORDER_TABLE_OFFSET, IX_COMPRESSIBLE_BYTES_OFFSET -> {
                // arrays of bytes
            }
            case IX_RESERVED8_OFFSET, IX_RESERVED10_OFFSET, IX_RESERVED18_OFFSET ->
                throw new IcuDataException(data.item() + ": collation data has " + length
                        + " bytes in the reserved part of index " + index + ", of unknown layout");
            default -> throw new IcuDataException(data.item() + ": collation index " + index + " is no part");
        }
    }

    /**
     * The mappings: a {@code UTrie2} of 32-bit CE32 values, perhaps followed by padding.
     */
    private static void swapTrie(DataRegion data, int offset, int length) {
        DataRegion trie = data.sub(offset, length);
        if (length < 16 || (trie.u16(4) & 0xf) != 1) {
            throw new IcuDataException(data.item() + ": the collation trie at " + offset + " is not a UTrie2 of"
                    + " 32-bit values in " + length + " bytes");
        }
        Tries.swapUTrie2(trie, 0);
    }

    private static int units(DataRegion data, int index, int length, int width) {
        if (length % width != 0) {
            throw new IcuDataException(data.item() + ": the collation part of index " + index + " has " + length
                    + " bytes, not a multiple of " + width);
        }
        return length / width;
    }

}
