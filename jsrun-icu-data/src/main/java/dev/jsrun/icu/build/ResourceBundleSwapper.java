package dev.jsrun.icu.build;

/** Swaps ICU's "ResB" data. */
final class ResourceBundleSwapper implements ItemSwapper {

    @Override
    public void swap(DataHeader header, DataRegion payload, SwapContext context) {
        throw new IcuDataException(payload.item() + ": no swapper for \"ResB\" yet");
    }

}
