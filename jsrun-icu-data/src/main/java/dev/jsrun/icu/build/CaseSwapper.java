package dev.jsrun.icu.build;

/** Swaps ICU's "cAsE" data. */
final class CaseSwapper implements ItemSwapper {

    @Override
    public void swap(DataHeader header, DataRegion payload, SwapContext context) {
        throw new IcuDataException(payload.item() + ": no swapper for \"cAsE\" yet");
    }

}
