package dev.jsrun.icu.build;

/**
 * Swaps "pnam" (pnames.icu) of format version 2, the names and aliases of Unicode
 * properties and their values (ICU4C has the same data compiled in; ICU4J reads this
 * file). The payload starts with eight 32-bit indexes, the first six byte offsets in
 * ascending order: the 32-bit value maps (which follow the indexes), the BytesTries, the
 * name groups, two reserved ones and the total size. Only the indexes and the value maps
 * have a byte order: the BytesTries are byte-serialized and the name groups are ASCII
 * strings. This is the layout ICU4C's {@code upname_swap} swaps.
 */
final class PropertyNamesSwapper implements ItemSwapper {

    private static final int INDEX_COUNT = 8;

    private static final int VALUE_MAPS_OFFSET = 0;

    private static final int BYTE_TRIES_OFFSET = 1;

    private static final int TOTAL_SIZE = 5;

    @Override
    public void swap(DataHeader header, DataRegion payload, SwapContext context) {
        String item = payload.item();
        if (header.formatVersion()[0] != 2) {
            throw new IcuDataException(
                    item + ": pnam format version " + header.formatVersionText() + " is not 2, the one of ICU 77");
        }
        if (payload.length() < 4 * INDEX_COUNT) {
            throw new IcuDataException(item + ": " + payload.length() + " bytes are too few for the pnam indexes");
        }
        int[] offsets = new int[TOTAL_SIZE + 1];
        for (int i = 0; i <= TOTAL_SIZE; i++) {
            offsets[i] = payload.i32(4 * i);
            if (i > 0 && offsets[i] < offsets[i - 1]) {
                throw new IcuDataException(item + ": pnam offset " + i + " (" + offsets[i] + ") lies below offset "
                        + (i - 1) + " (" + offsets[i - 1] + ")");
            }
        }
        if (offsets[VALUE_MAPS_OFFSET] < 4 * INDEX_COUNT || offsets[VALUE_MAPS_OFFSET] % 4 != 0
                || offsets[BYTE_TRIES_OFFSET] % 4 != 0) {
            throw new IcuDataException(item + ": pnam value maps " + offsets[VALUE_MAPS_OFFSET] + ".."
                    + offsets[BYTE_TRIES_OFFSET] + " do not follow the indexes as 32-bit values");
        }
        int total = offsets[TOTAL_SIZE];
        if (total > payload.length() || payload.length() - total >= 16) {
            throw new IcuDataException(item + ": pnam total size " + total + " does not match the " + payload.length()
                    + " bytes after the header");
        }
        payload.swap32(0, offsets[BYTE_TRIES_OFFSET] / 4);
    }

}
