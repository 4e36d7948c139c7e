package dev.jsrun.icu.build;

/** Swaps ICU's "Cfu" data. */
final class ConfusablesSwapper implements ItemSwapper {

    @Override
    public void swap(DataHeader header, DataRegion payload, SwapContext context) {
        throw new IcuDataException(payload.item() + ": no swapper for \"Cfu\" yet");
    }

}
