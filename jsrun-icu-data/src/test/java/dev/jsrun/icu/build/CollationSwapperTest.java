package dev.jsrun.icu.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@link CollationSwapper} against ICU's own {@code icupkg}: the root collation
 * {@code coll/ucadata.icu}, and every tailoring nested under {@code %%CollationBin} in
 * ICU4J's {@code coll/*.res}, found by its data header.
 */
class CollationSwapperTest {

    private static final String UCADATA = "coll/ucadata.icu";

    /** The payload of ucadata.icu starts after its 32-byte header. */
    private static final int PAYLOAD = 32;

    @Test
    void everyUColItemIsSwappedAsIcupkgSwapsIt() throws Exception {
        List<String> names = itemsOf("UCol");
        assertThat(names).containsExactly(UCADATA);
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
    void everyNestedCollationBinaryIsSwappedAsIcupkgSwapsIt() throws Exception {
        List<Nested> nested = nestedBinaries();
        // ICU4J 77.1 has 143
        assertThat(nested).hasSizeGreaterThan(100);
        assertThat(nested).anyMatch(binary -> binary.item().equals("coll/de.res"));
        Map<Nested, byte[]> ours = new LinkedHashMap<>();
        for (Nested binary : nested) {
            byte[] in = Icupkg.bigEndian(binary.item());
            byte[] out = in.clone();
            CollationSwapper.swapBinary(new DataRegion(binary.item(), in, out, binary.offset(), binary.length()));
            ours.put(binary, Arrays.copyOfRange(out, binary.offset(), binary.offset() + binary.length()));
        }
        List<String> items = nested.stream().map(Nested::item).distinct().toList();
        // icupkg checks that the items a bundle depends on (its parent, ucadata.icu for
        // root) are there
        List<String> others = Icupkg.icu4jData()
            .keySet()
            .stream()
            .filter(name -> name.startsWith("coll/") && !items.contains(name))
            .toList();
        Optional<Map<String, byte[]>> icupkg = Icupkg.swap(items, others);
        Assumptions.assumeTrue(icupkg.isPresent(), "icupkg is not installed");
        for (Nested binary : nested) {
            byte[] theirs = Arrays.copyOfRange(icupkg.get().get(binary.item()), binary.offset(),
                    binary.offset() + binary.length());
            assertSameBytes(binary.toString(), theirs, ours.get(binary));
        }
    }

    @Test
    void aTruncatedItemFails() {
        byte[] bytes = Icupkg.bigEndian(UCADATA);
        assertFails(Arrays.copyOf(bytes, bytes.length - 100));
        assertFails(Arrays.copyOf(bytes, PAYLOAD + 8));
        assertFails(Arrays.copyOf(bytes, PAYLOAD + 2));
    }

    @Test
    void anUnknownFormatVersionFails() {
        assertFails(damaged(buffer -> buffer.put(16, (byte) 6)));
        assertFails(damaged(buffer -> buffer.put(16, (byte) 4)));
    }

    @Test
    void hugeOrDisorderedIndexesFail() {
        // the number of indexes
        assertFails(damaged(buffer -> buffer.putInt(PAYLOAD, 0x7fffffff)));
        assertFails(damaged(buffer -> buffer.putInt(PAYLOAD, 21)));
        assertFails(damaged(buffer -> buffer.putInt(PAYLOAD, 1)));
        // the total size, then an offset before the one it follows, then one beyond the
        // end
        assertFails(damaged(buffer -> buffer.putInt(PAYLOAD + 4 * 19, 0x7fffff00)));
        assertFails(damaged(buffer -> buffer.putInt(PAYLOAD + 4 * 11, 0)));
        assertFails(damaged(buffer -> buffer.putInt(PAYLOAD + 4 * 12, 0x7fffff00)));
        // CEs of a length that is not a multiple of 8
        assertFails(damaged(buffer -> {
            buffer.putInt(PAYLOAD + 4 * 10, buffer.getInt(PAYLOAD + 4 * 10) + 4);
            buffer.putInt(PAYLOAD + 4 * 11, buffer.getInt(PAYLOAD + 4 * 11) + 4);
        }));
    }

    @Test
    void aReservedPartOrABadTrieFails() {
        // 16 bytes of the trie's part moved into the reserved part after it
        assertFails(damaged(buffer -> buffer.putInt(PAYLOAD + 4 * 8, buffer.getInt(PAYLOAD + 4 * 8) - 16)));
        // no UTrie2 signature, then 16-bit trie values
        assertFails(damaged(buffer -> buffer.putInt(PAYLOAD + buffer.getInt(PAYLOAD + 4 * 7), 0x54726933)));
        assertFails(damaged(buffer -> {
            int trie = PAYLOAD + buffer.getInt(PAYLOAD + 4 * 7);
            buffer.putShort(trie + 4, (short) (buffer.getShort(trie + 4) & ~0xf));
        }));
    }

    @Test
    void aDamagedNestedBinaryFails() {
        Nested binary = nestedBinaries().stream()
            .filter(found -> found.item().equals("coll/de.res"))
            .findFirst()
            .orElseThrow();
        int at = binary.offset();
        // no magic, another data format, little-endian, another format version
        assertNestedFails(binary, bytes -> bytes[at + 3] = 0);
        assertNestedFails(binary, bytes -> bytes[at + 15] = 'X');
        assertNestedFails(binary, bytes -> bytes[at + 8] = 0);
        assertNestedFails(binary, bytes -> bytes[at + 16] = 6);
        // a header size beyond the binary, and more indexes than the binary has bytes
        assertNestedFails(binary, bytes -> ByteBuffer.wrap(bytes).putShort(at, (short) 0x7000));
        assertNestedFails(binary, bytes -> ByteBuffer.wrap(bytes).putInt(at + 24, 0x10000));
        // a region shorter, and longer, than the binary's data
        byte[] in = Icupkg.bigEndian(binary.item());
        assertThatThrownBy(() -> CollationSwapper
            .swapBinary(new DataRegion(binary.item(), in, in.clone(), at, binary.length() - 4)))
            .isInstanceOf(IcuDataException.class);
        assertThatThrownBy(() -> CollationSwapper
            .swapBinary(new DataRegion(binary.item(), in, in.clone(), at, binary.length() + 4)))
            .isInstanceOf(IcuDataException.class);
        assertThatThrownBy(() -> CollationSwapper.swapBinary(new DataRegion(binary.item(), in, in.clone(), at, 10)))
            .isInstanceOf(IcuDataException.class);
    }

    /**
     * The collation binaries in ICU4J's {@code coll/*.res}: an ICU data header of format
     * "UCol", whose length is the 32-bit length that the bundle writes before a binary
     * resource.
     */
    private static List<Nested> nestedBinaries() {
        List<Nested> found = new ArrayList<>();
        for (Map.Entry<String, byte[]> item : Icupkg.icu4jData().entrySet()) {
            if (!item.getKey().startsWith("coll/") || !item.getKey().endsWith(".res")) {
                continue;
            }
            byte[] bytes = item.getValue();
            for (int at = 4; at + DataHeader.MIN_SIZE <= bytes.length; at++) {
                if ((bytes[at + 2] & 0xff) == 0xda && (bytes[at + 3] & 0xff) == 0x27
                        && "UCol".equals(new String(bytes, at + 12, 4, StandardCharsets.ISO_8859_1))) {
                    int length = ByteBuffer.wrap(bytes).getInt(at - 4);
                    assertThat(at + length).as(item.getKey() + " at " + at)
                        .isBetween(at + DataHeader.MIN_SIZE, bytes.length);
                    found.add(new Nested(item.getKey(), at, length));
                    at += length - 1;
                }
            }
        }
        return found;
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

    /** Swaps {@code bytes} as the item {@code name}, without other items. */
    static byte[] swap(String name, byte[] bytes) {
        return Swappers.toLittleEndian(name, bytes, new SwapContext() {
            @Override
            public String item() {
                return name;
            }

            @Override
            public Optional<byte[]> bigEndianItem(String other) {
                return Optional.empty();
            }
        });
    }

    /** Fails at the first byte where {@code actual} differs from {@code expected}. */
    static void assertSameBytes(String what, byte[] expected, byte[] actual) {
        int at = Arrays.mismatch(expected, actual);
        assertThat(at)
            .as("%s: first byte that differs from icupkg's (of %d and %d bytes)", what, expected.length, actual.length)
            .isEqualTo(-1);
    }

    private static byte[] damaged(Consumer<ByteBuffer> damage) {
        byte[] bytes = Icupkg.bigEndian(UCADATA).clone();
        damage.accept(ByteBuffer.wrap(bytes));
        return bytes;
    }

    private static void assertFails(byte[] bytes) {
        assertThatThrownBy(() -> swap(UCADATA, bytes)).isInstanceOf(IcuDataException.class);
    }

    private static void assertNestedFails(Nested binary, Consumer<byte[]> damage) {
        byte[] in = Icupkg.bigEndian(binary.item()).clone();
        damage.accept(in);
        assertThatThrownBy(() -> CollationSwapper
            .swapBinary(new DataRegion(binary.item(), in, in.clone(), binary.offset(), binary.length())))
            .isInstanceOf(IcuDataException.class);
    }

    private record Nested(String item, int offset, int length) {
    }

}
