package dev.jsrun.icu.build;

/** Swaps the payload of one ICU data format from big-endian to little-endian. */
@FunctionalInterface
public interface ItemSwapper {

    /**
     * Swaps {@code payload}, the bytes after the header.
     * @throws IcuDataException when the data is of a format version this swapper does not
     * know, or is damaged
     */
    void swap(DataHeader header, DataRegion payload, SwapContext context);

}
