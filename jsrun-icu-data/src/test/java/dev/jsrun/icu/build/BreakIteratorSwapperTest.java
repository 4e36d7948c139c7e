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
 * {@link BreakIteratorSwapper} against ICU's own {@code icupkg}, on every "Brk " item of
 * ICU4J's data.
 */
class BreakIteratorSwapperTest {

    /** An item whose forward table has 8-bit rows and whose reverse table has too. */
    private static final String CHAR = "brkitr/char.brk";

    /** An item whose forward table has 16-bit rows. */
    private static final String LINE = "brkitr/line.brk";

    /** The payload of ICU4J's break iterators starts after a 144-byte header. */
    private static final int PAYLOAD = 144;

    @Test
    void everyBrkItemIsSwappedAsIcupkgSwapsIt() throws Exception {
        List<String> names = itemsOf("Brk ");
        assertThat(names).hasSize(15).allMatch(name -> name.startsWith("brkitr/") && name.endsWith(".brk"));
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
    void bothRowWidthsAreThere() {
        assertThat(forwardFlags(CHAR) & 4).isEqualTo(4);
        assertThat(forwardFlags(LINE) & 4).isZero();
    }

    @Test
    void aTruncatedItemFails() {
        byte[] bytes = Icupkg.bigEndian(LINE);
        assertFails(LINE, Arrays.copyOf(bytes, bytes.length - 16));
        assertFails(LINE, Arrays.copyOf(bytes, PAYLOAD + 40));
    }

    @Test
    void anUnknownFormatVersionFails() {
        assertFails(LINE, damaged(LINE, buffer -> buffer.put(16, (byte) 5)));
        assertFails(LINE, damaged(LINE, buffer -> buffer.put(16, (byte) 7)));
        // the break iterator header's own copy of it, and its magic number
        assertFails(LINE, damaged(LINE, buffer -> buffer.put(PAYLOAD + 4, (byte) 5)));
        assertFails(LINE, damaged(LINE, buffer -> buffer.putInt(PAYLOAD, 0xb1a1)));
    }

    @Test
    void hugeLengthsFail() {
        // the data's length, each part's offset and length
        assertFails(LINE, damaged(LINE, buffer -> buffer.putInt(PAYLOAD + 8, 0x7fffff00)));
        assertFails(LINE, damaged(LINE, buffer -> buffer.putInt(PAYLOAD + 8, -1)));
        for (int field = 16; field < 56; field += 4) {
            int at = PAYLOAD + field;
            assertFails(LINE, damaged(LINE, buffer -> buffer.putInt(at, 0x7fffff00)));
        }
        // a table with more rows than it has room for, and rows that do not match the
        // categories
        assertFails(LINE, damaged(LINE, buffer -> buffer.putInt(PAYLOAD + buffer.getInt(PAYLOAD + 16), 0x10000)));
        assertFails(CHAR, damaged(CHAR, buffer -> buffer.putInt(PAYLOAD + 12, buffer.getInt(PAYLOAD + 12) + 1)));
    }

    @Test
    void overlappingPartsOrABadTrieFail() {
        // the status table moved into the trie, the trie made 32-bit, the trie's
        // signature gone
        assertFails(LINE, damaged(LINE, buffer -> buffer.putInt(PAYLOAD + 48, buffer.getInt(PAYLOAD + 32))));
        assertFails(LINE, damaged(LINE, buffer -> {
            int trie = PAYLOAD + buffer.getInt(PAYLOAD + 32);
            buffer.putShort(trie + 4, (short) ((buffer.getShort(trie + 4) & ~7) | 1));
        }));
        assertFails(LINE, damaged(LINE, buffer -> buffer.putInt(PAYLOAD + buffer.getInt(PAYLOAD + 32), 0)));
        // no trie at all
        assertFails(LINE, damaged(LINE, buffer -> buffer.putInt(PAYLOAD + 36, 0)));
    }

    private static int forwardFlags(String name) {
        ByteBuffer buffer = ByteBuffer.wrap(Icupkg.bigEndian(name));
        return buffer.getInt(PAYLOAD + buffer.getInt(PAYLOAD + 16) + 16);
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
