package dev.jsrun.icu.build;

/**
 * Swaps ICU's "SPRP" data: the StringPrep profiles ({@code rfc3491.spp} for IDNA2003's
 * Nameprep and the other {@code rfc*.spp}) that {@code usprep_open} loads. The layout is
 * the one {@code usprep_swap} in ICU4C's {@code usprep.cpp} follows, format version 3
 * (unchanged since ICU 2.8): sixteen 32-bit {@code indexes[]}, of which the first two are
 * the byte lengths of the two sections that follow, an old-style {@code UTrie} of 16-bit
 * values and the 16-bit {@code mappingTable[]}.
 * <p>
 * The format version's third and fourth bytes are the trie's shifts, 5 and 2, which ICU's
 * loader requires too.
 */
final class StringPrepSwapper implements ItemSwapper {

    private static final int INDEX_COUNT = 16;

    private static final int INDEX_TRIE_SIZE = 0;

    private static final int INDEX_MAPPING_DATA_SIZE = 1;

    @Override
    public void swap(DataHeader header, DataRegion payload, SwapContext context) {
        String item = payload.item();
        int[] version = header.formatVersion();
        if (version[0] != 3 || version[2] != 5 || version[3] != 2) {
            throw new IcuDataException(
                    item + ": SPRP format version " + header.formatVersionText() + " is not 3.x.5.2");
        }
        int indexesLength = INDEX_COUNT * 4;
        long trieSize = payload.i32(INDEX_TRIE_SIZE * 4);
        long mappingSize = payload.i32(INDEX_MAPPING_DATA_SIZE * 4);
        long size = indexesLength + trieSize + mappingSize;
        // after the data, at most the padding of the file to a multiple of 16 bytes,
        // which stays as it is
        if (trieSize < 0 || mappingSize < 0 || mappingSize % 2 != 0 || size > payload.length()
                || payload.length() - size >= 16) {
            throw new IcuDataException(item + ": SPRP trie of " + trieSize + " bytes and mapping table of "
                    + mappingSize + " bytes (16-bit units) do not fill its " + payload.length()
                    + " bytes (less than 16 bytes of padding after them)");
        }
        payload.swap32(0, INDEX_COUNT);
        DataRegion trie = payload.sub(indexesLength, (int) trieSize);
        int trieLength = Tries.swapUTrie(trie, 0);
        requireZeroPadding(trie, trieLength);
        payload.swap16(indexesLength + (int) trieSize, (int) mappingSize / 2);
    }

    /**
     * Bytes between the trie and the mapping table can only be zero padding, the same in
     * either order.
     */
    private static void requireZeroPadding(DataRegion section, int from) {
        for (int pos = from; pos < section.length(); pos++) {
            if (section.u8(pos) != 0) {
                throw new IcuDataException(section.item() + ": SPRP trie of " + from + " bytes is followed by "
                        + (section.length() - from) + " bytes in its section that are not zero padding");
            }
        }
    }

}
