package dev.jsrun.icu.build;

/** Swaps ICU's "Emoj" data. */
final class EmojiSwapper implements ItemSwapper {

    @Override
    public void swap(DataHeader header, DataRegion payload, SwapContext context) {
        throw new IcuDataException(payload.item() + ": no swapper for \"Emoj\" yet");
    }

}
