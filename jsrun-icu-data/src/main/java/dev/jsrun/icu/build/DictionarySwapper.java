package dev.jsrun.icu.build;

/** Swaps ICU's "Dict" data. */
final class DictionarySwapper implements ItemSwapper {

    @Override
    public void swap(DataHeader header, DataRegion payload, SwapContext context) {
        throw new IcuDataException(payload.item() + ": no swapper for \"Dict\" yet");
    }

}
