package dev.jsrun.icu.build;

/** Swaps ICU's "UPro" data. */
final class PropertiesSwapper implements ItemSwapper {

    @Override
    public void swap(DataHeader header, DataRegion payload, SwapContext context) {
        throw new IcuDataException(payload.item() + ": no swapper for \"UPro\" yet");
    }

}
