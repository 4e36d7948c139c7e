package dev.jsrun.icu.build;

/** Swaps ICU's "UCol" data. */
final class CollationSwapper implements ItemSwapper {

    @Override
    public void swap(DataHeader header, DataRegion payload, SwapContext context) {
        throw new IcuDataException(payload.item() + ": no swapper for \"UCol\" yet");
    }

}
