package dev.jsrun.icu.build;

/** Swaps ICU's "Layo" data. */
final class LayoutSwapper implements ItemSwapper {

    @Override
    public void swap(DataHeader header, DataRegion payload, SwapContext context) {
        throw new IcuDataException(payload.item() + ": no swapper for \"Layo\" yet");
    }

}
