package dev.jsrun.icu.build;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code brkitr/jaml.res}, the one item the i18n V8's ICU needs that ICU4J's data lacks:
 * without it Chinese and Japanese word breaking does nothing ({@code Intl.Segmenter}
 * gives a whole run of Han, Hiragana and Katakana as one word), while Thai, Lao, Khmer
 * and Burmese work.
 *
 * <p>
 * That ICU is built with {@code UCONFIG_USE_ML_PHRASE_BREAKING}, so the constructor of
 * its Chinese and Japanese break engine ({@code CjkBreakEngine}) also makes the engine
 * for Japanese phrase breaking ({@code MlBreakEngine}), which loads the BudouX model
 * {@code jaml} from the break iterator tree: the 13 feature tables {@code UW1..UW6},
 * {@code BW1..BW3} and {@code TW1..TW4}, each an array {@code <name>Keys} of strings and
 * an integer vector {@code <name>Values}. When the bundle or one of them is missing the
 * constructor fails and ICU uses no engine for those scripts at all, the dictionary
 * ({@code cjdict.dict}, which ICU4J has) included.
 *
 * <p>
 * The model is used only for phrase breaking, line breaking with the locale keyword
 * {@code lw=phrase}, which V8 never asks for: it drops that keyword from the locales of
 * {@code Intl.Segmenter} and {@code Intl.v8BreakIterator}. So this item is the model with
 * no features (every array and vector empty), which loads and would find no phrase
 * breaks; it is written here as a big-endian bundle, like ICU4J's items, and swapped with
 * them. Its bytes, once swapped, are those ICU's {@code genrb} writes for the same model:
 * {@code jaml { UW1Keys:array { } UW1Values:intvector { } ... TW4Values:intvector { } }}.
 */
final class JapanesePhraseModel {

    /** The item's name in the package. */
    static final String ITEM = "brkitr/jaml.res";

    /**
     * The feature tables in the order ICU's {@code MlBreakEngine::loadMLModel} reads
     * them.
     */
    static final List<String> FEATURES = List.of("UW1", "UW2", "UW3", "UW4", "UW5", "UW6", "BW1", "BW2", "BW3", "TW1",
            "TW2", "TW3", "TW4");

    private static final int HEADER_SIZE = 32;

    private static final int INDEX_LENGTH = 7;

    private static final int EMPTY_ARRAY = 8 << 28;

    private static final int EMPTY_INT_VECTOR = 14 << 28;

    private static final int TABLE = 2 << 28;

    private static final byte PAD = (byte) 0xaa;

    private JapanesePhraseModel() {
    }

    /**
     * The bundle, big-endian, in the layout of {@code genrb} (resource bundle
     * formatVersion 2.0, data version 1.4): the root table's resource and 7 indexes, the
     * keys in the order of the source, padded with 0xaa to 32 bits, a 16-bit area holding
     * only the empty string, then the root table (its count, its keys' offsets in the
     * order of the keys, padding, its values).
     */
    static byte[] bigEndian() {
        List<String> keys = new ArrayList<>();
        for (String feature : FEATURES) {
            keys.add(feature + "Keys");
            keys.add(feature + "Values");
        }
        int keysStart = (1 + INDEX_LENGTH) * 4;
        List<Integer> keyOffsets = new ArrayList<>();
        ByteBuffer keyBytes = ByteBuffer.allocate(1024);
        for (String key : keys) {
            keyOffsets.add(keysStart + keyBytes.position());
            keyBytes.put(key.getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
        }
        while (keyBytes.position() % 4 != 0) {
            keyBytes.put(PAD);
        }
        int keysTop = keysStart / 4 + keyBytes.position() / 4;
        int sixteenBitTop = keysTop + 1;
        List<Integer> sorted = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            sorted.add(i);
        }
        sorted.sort((a, b) -> keys.get(a).compareTo(keys.get(b)));
        int tableUnits = 1 + keys.size();
        int tableWords = (tableUnits + 1) / 2 + keys.size();
        int bundleTop = sixteenBitTop + tableWords;

        ByteBuffer out = ByteBuffer.allocate(HEADER_SIZE + bundleTop * 4).order(ByteOrder.BIG_ENDIAN);
        out.putShort((short) HEADER_SIZE).put((byte) 0xda).put((byte) 0x27);
        out.putShort((short) 20).putShort((short) 0);
        out.put((byte) 1).put((byte) 0).put((byte) 2).put((byte) 0);
        out.put("ResB".getBytes(StandardCharsets.US_ASCII));
        out.put(new byte[] { 2, 0, 0, 0 }).put(new byte[] { 1, 4, 0, 0 });
        out.position(HEADER_SIZE);
        out.putInt(TABLE | sixteenBitTop);
        out.putInt(INDEX_LENGTH)
            .putInt(keysTop)
            .putInt(bundleTop)
            .putInt(bundleTop)
            .putInt(keys.size())
            .putInt(0)
            .putInt(sixteenBitTop);
        out.put(keyBytes.array(), 0, keyBytes.position());
        out.putShort((short) 0).put(PAD).put(PAD);
        out.putShort((short) keys.size());
        for (int index : sorted) {
            out.putShort((short) (int) keyOffsets.get(index));
        }
        if (tableUnits % 2 != 0) {
            out.put(PAD).put(PAD);
        }
        for (int index : sorted) {
            out.putInt(keys.get(index).endsWith("Keys") ? EMPTY_ARRAY : EMPTY_INT_VECTOR);
        }
        if (out.hasRemaining()) {
            throw new IllegalStateException("jaml.res: " + out.remaining() + " bytes left unwritten");
        }
        return out.array();
    }

}
