package dev.jsrun.icu.build;

/** Swaps ICU's "unam" data. */
final class CharacterNamesSwapper implements ItemSwapper {

    @Override
    public void swap(DataHeader header, DataRegion payload, SwapContext context) {
        throw new IcuDataException(payload.item() + ": no swapper for \"unam\" yet");
    }

}
