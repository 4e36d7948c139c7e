package dev.jsrun.icu.build;

/** Swaps ICU's "Nrm2" data. */
final class Normalizer2Swapper implements ItemSwapper {

    @Override
    public void swap(DataHeader header, DataRegion payload, SwapContext context) {
        throw new IcuDataException(payload.item() + ": no swapper for \"Nrm2\" yet");
    }

}
