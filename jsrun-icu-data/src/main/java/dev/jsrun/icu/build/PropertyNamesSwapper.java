package dev.jsrun.icu.build;

/** Swaps ICU's "pnam" data. */
final class PropertyNamesSwapper implements ItemSwapper {

    @Override
    public void swap(DataHeader header, DataRegion payload, SwapContext context) {
        throw new IcuDataException(payload.item() + ": no swapper for \"pnam\" yet");
    }

}
