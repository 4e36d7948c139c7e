package dev.jsrun.icu.build;

/** Swaps ICU's "SPRP" data. */
final class StringPrepSwapper implements ItemSwapper {

    @Override
    public void swap(DataHeader header, DataRegion payload, SwapContext context) {
        throw new IcuDataException(payload.item() + ": no swapper for \"SPRP\" yet");
    }

}
