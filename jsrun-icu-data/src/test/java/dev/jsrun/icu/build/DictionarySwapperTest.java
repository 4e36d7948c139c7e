package dev.jsrun.icu.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@link DictionarySwapper} against ICU's own {@code icupkg}, on every "Dict" item of
 * ICU4J's data.
 */
class DictionarySwapperTest {

    private static final String CJ = "brkitr/cjdict.dict";

    private static final String THAI = "brkitr/thaidict.dict";

    /** The payload of ICU4J's dictionaries starts after a 144-byte header. */
    private static final int PAYLOAD = 144;

    @Test
    void everyDictItemIsSwappedAsIcupkgSwapsIt() throws Exception {
        List<String> names = itemsOf("Dict");
        assertThat(names).containsExactlyInAnyOrder("brkitr/burmesedict.dict", CJ, "brkitr/khmerdict.dict",
                "brkitr/laodict.dict", THAI);
        Map<String, byte[]> ours = new LinkedHashMap<>();
        for (String name : names) {
            ours.put(name, Icupkg.ours(name));
        }
        Optional<Map<String, byte[]>> icupkg = Icupkg.swap(names, List.of());
        Assumptions.assumeTrue(icupkg.isPresent(), "icupkg is not installed");
        for (String name : names) {
            assertSameBytes(name, icupkg.get().get(name), ours.get(name));
        }
    }

    @Test
    void cjdictIsAUCharsTrieAndTheOthersAreBytesTriesWithAnOffsetTransform() {
        for (String name : itemsOf("Dict")) {
            ByteBuffer buffer = ByteBuffer.wrap(Icupkg.bigEndian(name));
            int trieType = buffer.getInt(PAYLOAD + 16) & 7;
            int transform = buffer.getInt(PAYLOAD + 20);
            if (name.equals(CJ)) {
                assertThat(trieType).as(name).isEqualTo(1);
                assertThat(transform).as(name).isZero();
            }
            else {
                assertThat(trieType).as(name).isZero();
                assertThat(transform & 0x7f000000).as(name).isEqualTo(0x1000000);
            }
        }
    }

    @Test
    void aTruncatedItemFails() {
        for (String name : List.of(CJ, THAI)) {
            byte[] bytes = Icupkg.bigEndian(name);
            assertFails(name, Arrays.copyOf(bytes, bytes.length - 16));
            assertFails(name, Arrays.copyOf(bytes, PAYLOAD + 16));
        }
    }

    @Test
    void anUnknownFormatVersionFails() {
        assertFails(THAI, damaged(THAI, buffer -> buffer.put(16, (byte) 2)));
        assertFails(THAI, damaged(THAI, buffer -> buffer.put(16, (byte) 0)));
    }

    @Test
    void hugeOffsetsFail() {
        for (int index = 0; index < 4; index++) {
            int at = PAYLOAD + 4 * index;
            assertFails(CJ, damaged(CJ, buffer -> buffer.putInt(at, 0x7fffff00)));
            assertFails(CJ, damaged(CJ, buffer -> buffer.putInt(at, -1)));
        }
        // the reserved parts made non-empty, and a UCharsTrie of an odd length
        assertFails(THAI, damaged(THAI, buffer -> buffer.putInt(PAYLOAD + 4, buffer.getInt(PAYLOAD + 4) - 8)));
        assertFails(CJ, damaged(CJ, buffer -> {
            for (int index = 1; index < 4; index++) {
                buffer.putInt(PAYLOAD + 4 * index, buffer.getInt(PAYLOAD + 4 * index) - 1);
            }
        }));
    }

    @Test
    void anUnknownTrieTypeOrTransformFails() {
        assertFails(THAI, damaged(THAI, buffer -> buffer.putInt(PAYLOAD + 16, 2)));
        assertFails(THAI, damaged(THAI, buffer -> buffer.putInt(PAYLOAD + 20, 0x2000e00)));
        assertFails(CJ, damaged(CJ, buffer -> buffer.putInt(PAYLOAD + 20, 0x1000e00)));
    }

    /** The names of ICU4J's items of {@code format}, by their data headers. */
    static List<String> itemsOf(String format) {
        return Icupkg.icu4jData()
            .entrySet()
            .stream()
            .filter(item -> format.equals(new String(item.getValue(), 12, 4, StandardCharsets.ISO_8859_1)))
            .map(Map.Entry::getKey)
            .toList();
    }

    /** Fails at the first byte where {@code actual} differs from {@code expected}. */
    static void assertSameBytes(String what, byte[] expected, byte[] actual) {
        int at = Arrays.mismatch(expected, actual);
        assertThat(at)
            .as("%s: first byte that differs from icupkg's (of %d and %d bytes)", what, expected.length, actual.length)
            .isEqualTo(-1);
    }

    private static byte[] damaged(String name, Consumer<ByteBuffer> damage) {
        byte[] bytes = Icupkg.bigEndian(name).clone();
        damage.accept(ByteBuffer.wrap(bytes));
        return bytes;
    }

    private static void assertFails(String name, byte[] bytes) {
        assertThatThrownBy(() -> Swappers.toLittleEndian(name, bytes, new SwapContext() {
            @Override
            public String item() {
                return name;
            }

            @Override
            public Optional<byte[]> bigEndianItem(String other) {
                return Optional.empty();
            }
        })).isInstanceOf(IcuDataException.class);
    }

}
