package dev.jsrun.icu.build;

/**
 * Swaps ICU's "Cfu " data: {@code confusables.cfu}, the UTS #39 confusable mappings
 * behind the spoof checker ({@code uspoof_getSkeleton}). The layout is the one
 * {@code uspoof_swap} in ICU4C's {@code uspoof_impl.cpp} follows, format version 2 (ICU
 * 58 and later): a {@code SpoofDataHeader} of 96 bytes (a magic number, the four format
 * version bytes again, the data's length, then byte offsets and entry counts of three
 * sections and unused room, all 32-bit), the sorted 32-bit keys (code point and value
 * length), their 16-bit values and the 16-bit string table of the longer values.
 * <p>
 * Like {@code uspoof_swap}, which zeroes its output before it swaps the sections, this
 * writes zeros to the alignment gaps between the sections.
 */
final class ConfusablesSwapper implements ItemSwapper {

    private static final int MAGIC = 0x3845fdef;

    private static final int HEADER_LENGTH = 96;

    private static final int LENGTH = 8;

    private static final int KEYS = 12;

    @Override
    public void swap(DataHeader header, DataRegion payload, SwapContext context) {
        String item = payload.item();
        if (!"2.0.0.0".equals(header.formatVersionText())) {
            throw new IcuDataException(item + ": Cfu format version " + header.formatVersionText() + " is not 2.0.0.0");
        }
        if (payload.i32(0) != MAGIC) {
            throw new IcuDataException(item + ": Cfu spoof data header has magic " + Integer.toHexString(payload.i32(0))
                    + ", not " + Integer.toHexString(MAGIC));
        }
        for (int i = 0; i < 4; i++) {
            if (payload.u8(4 + i) != header.formatVersion()[i]) {
                throw new IcuDataException(
                        item + ": Cfu spoof data header's format version differs from " + header.formatVersionText());
            }
        }
        long length = payload.u32(LENGTH);
        // after the data, at most the padding of the file to a multiple of 16 bytes,
        // which stays as it is
        if (length < HEADER_LENGTH || length > payload.length() || payload.length() - length >= 16) {
            throw new IcuDataException(item + ": Cfu spoof data length " + length + " does not fill its "
                    + payload.length() + " bytes (less than 16 bytes of padding after it)");
        }
        // keys (32-bit), their values (16-bit), the string table (16-bit): offset and
        // count of each
        int[] widths = { 4, 2, 2 };
        String[] names = { "keys", "values", "string table" };
        long end = HEADER_LENGTH;
        for (int s = 0; s < 3; s++) {
            long offset = payload.u32(KEYS + 8 * s);
            long bytes = payload.u32(KEYS + 8 * s + 4) * widths[s];
            if (offset < end || offset % widths[s] != 0 || offset + bytes > length) {
                throw new IcuDataException(item + ": Cfu " + names[s] + " at " + offset + " (" + bytes
                        + " bytes) do not follow the previous section at " + end + " in order, aligned, within "
                        + length + " bytes");
            }
            zero(payload, (int) end, (int) offset);
            if (widths[s] == 4) {
                payload.swap32((int) offset, (int) (bytes / 4));
            }
            else {
                payload.swap16((int) offset, (int) (bytes / 2));
            }
            end = offset + bytes;
        }
        zero(payload, (int) end, (int) length);
        payload.swap32(0, 1);
        payload.swap32(LENGTH, (HEADER_LENGTH - LENGTH) / 4);
    }

    private static void zero(DataRegion region, int from, int to) {
        for (int pos = from; pos < to; pos++) {
            region.put8(pos, 0);
        }
    }

}
