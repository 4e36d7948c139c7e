package dev.jsrun.icu.build;

/** Swaps ICU's "UCol" data. */
final class CollationSwapper implements ItemSwapper {

    @Override
    public void swap(DataHeader header, DataRegion payload, SwapContext context) {
        throw new IcuDataException(payload.item() + ": no swapper for \"UCol\" yet");
    }

    /** Swaps the collation binary that a resource bundle holds under {@code %%CollationBin}. */
    static void swapBinary(DataRegion binary) {
        throw new IcuDataException(binary.item() + ": CollationSwapper.swapBinary is a stub");
    }

}
