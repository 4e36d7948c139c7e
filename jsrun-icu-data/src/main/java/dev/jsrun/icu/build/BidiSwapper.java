package dev.jsrun.icu.build;

/** Swaps ICU's "BiDi" data. */
final class BidiSwapper implements ItemSwapper {

    @Override
    public void swap(DataHeader header, DataRegion payload, SwapContext context) {
        throw new IcuDataException(payload.item() + ": no swapper for \"BiDi\" yet");
    }

}
