package dev.jsrun.icu.build;

/** Swaps ICU's "Brk" data. */
final class BreakIteratorSwapper implements ItemSwapper {

    @Override
    public void swap(DataHeader header, DataRegion payload, SwapContext context) {
        throw new IcuDataException(payload.item() + ": no swapper for \"Brk\" yet");
    }

}
