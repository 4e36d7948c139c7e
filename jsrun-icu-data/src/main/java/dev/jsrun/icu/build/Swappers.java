package dev.jsrun.icu.build;

import java.util.Map;

/**
 * The swapper of each ICU data format that ICU4J's data holds, by the format's
 * four-character name.
 */
public final class Swappers {

    private static final Map<String, ItemSwapper> BY_FORMAT = Map.ofEntries(
            Map.entry("ResB", new ResourceBundleSwapper()), Map.entry("UCol", new CollationSwapper()),
            Map.entry("Nrm2", new Normalizer2Swapper()), Map.entry("SPRP", new StringPrepSwapper()),
            Map.entry("Cfu ", new ConfusablesSwapper()), Map.entry("Brk ", new BreakIteratorSwapper()),
            Map.entry("Dict", new DictionarySwapper()), Map.entry("UPro", new PropertiesSwapper()),
            Map.entry("cASE", new CaseSwapper()), Map.entry("BiDi", new BidiSwapper()),
            Map.entry("Emoj", new EmojiSwapper()), Map.entry("Layo", new LayoutSwapper()),
            Map.entry("pnam", new PropertyNamesSwapper()), Map.entry("unam", new CharacterNamesSwapper()));

    private Swappers() {
    }

    /** The formats there is a swapper for. */
    public static java.util.Set<String> formats() {
        return BY_FORMAT.keySet();
    }

    /**
     * Swaps one big-endian item to little-endian: its header, then its payload by its
     * format.
     * @throws IcuDataException when the item is not big-endian ICU data of a known
     * format, or is damaged
     */
    public static byte[] toLittleEndian(String name, byte[] bigEndian, SwapContext context) {
        DataHeader header = DataHeader.read(name, bigEndian);
        if (!header.bigEndian()) {
            throw new IcuDataException(name + ": is little-endian already");
        }
        if (header.charsetFamily() != 0 || header.sizeofUChar() != 2) {
            throw new IcuDataException(name + ": charset family " + header.charsetFamily() + " and UChar size "
                    + header.sizeofUChar() + " are not ASCII and 2");
        }
        ItemSwapper swapper = BY_FORMAT.get(header.dataFormat());
        if (swapper == null) {
            throw new IcuDataException(name + ": no swapper for data format \"" + header.dataFormat() + "\"");
        }
        byte[] out = bigEndian.clone();
        DataRegion whole = new DataRegion(name, bigEndian, out, 0, bigEndian.length);
        whole.swap16(0, 1);
        whole.swap16(4, 2);
        whole.put8(8, 0);
        try {
            swapper.swap(header, whole.sub(header.headerSize(), bigEndian.length - header.headerSize()), context);
        }
        catch (IcuDataException ex) {
            throw ex;
        }
        catch (RuntimeException ex) {
            throw new IcuDataException(
                    name + ": cannot swap " + header.dataFormat() + " " + header.formatVersionText() + ": " + ex, ex);
        }
        return out;
    }

}
