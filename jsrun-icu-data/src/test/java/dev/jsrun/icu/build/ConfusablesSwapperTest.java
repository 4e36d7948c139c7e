package dev.jsrun.icu.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/** The "Cfu " swapper against ICU's {@code icupkg}, and on damaged data. */
class ConfusablesSwapperTest {

    private static final String NAME = "confusables.cfu";

    private static int payload() {
        return DataHeader.read(NAME, Icupkg.bigEndian(NAME)).headerSize();
    }

    private static List<String> items() {
        List<String> names = new ArrayList<>();
        Icupkg.icu4jData().forEach((name, bytes) -> {
            if ("Cfu ".equals(DataHeader.read(name, bytes).dataFormat())) {
                names.add(name);
            }
        });
        return names;
    }

    @Test
    void everyItemIsFoundByFormatAndByExtension() {
        List<String> byExtension = Icupkg.icu4jData().keySet().stream().filter(name -> name.endsWith(".cfu")).toList();
        assertThat(items()).containsExactlyElementsOf(byExtension).containsExactly(NAME);
    }

    @Test
    void everyItemSwapsLikeIcupkg() throws Exception {
        List<byte[]> ours = items().stream().map(Icupkg::ours).toList();
        Optional<Map<String, byte[]>> theirs = Icupkg.swap(items(), List.of());
        assumeTrue(theirs.isPresent(), "icupkg is not installed");
        for (int i = 0; i < items().size(); i++) {
            assertThat(ours.get(i)).as(items().get(i)).isEqualTo(theirs.get().get(items().get(i)));
        }
    }

    @Test
    void theSwappedKeysValuesAndStringsReadAsTheOriginalOnes() {
        ByteBuffer big = ByteBuffer.wrap(Icupkg.bigEndian(NAME)).order(ByteOrder.BIG_ENDIAN);
        ByteBuffer little = ByteBuffer.wrap(Icupkg.ours(NAME)).order(ByteOrder.LITTLE_ENDIAN);
        int p = payload();
        assertThat(little.getInt(p)).isEqualTo(0x3845fdef);
        for (int pos = p + 8; pos < p + 96; pos += 4) {
            assertThat(little.getInt(pos)).isEqualTo(big.getInt(pos));
        }
        int keys = p + big.getInt(p + 12);
        int values = p + big.getInt(p + 20);
        int strings = p + big.getInt(p + 28);
        int count = big.getInt(p + 16);
        // U+0030 DIGIT ZERO is confusable with U+004F, a value of one unit
        boolean found = false;
        for (int i = 0; i < count; i++) {
            assertThat(little.getInt(keys + 4 * i)).isEqualTo(big.getInt(keys + 4 * i));
            assertThat(little.getChar(values + 2 * i)).isEqualTo(big.getChar(values + 2 * i));
            if ((little.getInt(keys + 4 * i) & 0xffffff) == 0x30) {
                assertThat(little.getInt(keys + 4 * i) >>> 24).isZero();
                assertThat(little.getChar(values + 2 * i)).isEqualTo('O');
                found = true;
            }
        }
        assertThat(found).isTrue();
        for (int i = 0; i < big.getInt(p + 32); i++) {
            assertThat(little.getChar(strings + 2 * i)).isEqualTo(big.getChar(strings + 2 * i));
        }
    }

    @Test
    void aTruncatedItemFails() {
        byte[] bytes = Icupkg.bigEndian(NAME);
        assertFails(Arrays.copyOf(bytes, bytes.length - 16));
        assertFails(Arrays.copyOf(bytes, bytes.length / 2));
        assertFails(Arrays.copyOf(bytes, payload() + 50));
    }

    @Test
    void offsetsAndLengthsThatDoNotAddUpFail() {
        int p = payload();
        assertFails(patched(bytes -> putInt(bytes, p + 8, Integer.MAX_VALUE)));
        assertFails(patched(bytes -> putInt(bytes, p + 8, -16)));
        assertFails(patched(bytes -> putInt(bytes, p + 8, 64)));
        // less data than the item holds, beyond the padding to 16 bytes
        assertFails(patched(bytes -> putInt(bytes, p + 8, getInt(bytes, p + 8) - 16)));
        for (int field = 12; field <= 32; field += 4) {
            int at = p + field;
            assertFails(patched(bytes -> putInt(bytes, at, Integer.MAX_VALUE)));
            assertFails(patched(bytes -> putInt(bytes, at, -1)));
        }
        // a section that overlaps the header or the one before it, or is not aligned
        assertFails(patched(bytes -> putInt(bytes, p + 12, 64)));
        assertFails(patched(bytes -> putInt(bytes, p + 20, getInt(bytes, p + 12))));
        assertFails(patched(bytes -> putInt(bytes, p + 28, getInt(bytes, p + 28) + 1)));
        assertFails(patched(bytes -> putInt(bytes, p + 16, getInt(bytes, p + 16) + 2)));
    }

    @Test
    void otherFormatVersionsAndMagicNumbersFail() {
        int p = payload();
        assertFails(patched(bytes -> bytes[16] = 1));
        assertFails(patched(bytes -> bytes[16] = 3));
        assertFails(patched(bytes -> bytes[17] = 1));
        assertFails(patched(bytes -> bytes[p + 4] = 1));
        assertFails(patched(bytes -> bytes[p + 3] = 0));
    }

    private static byte[] patched(Consumer<byte[]> damage) {
        byte[] bytes = Icupkg.bigEndian(NAME).clone();
        damage.accept(bytes);
        return bytes;
    }

    private static void assertFails(byte[] bytes) {
        assertThatThrownBy(() -> swapDirect(bytes)).isInstanceOf(IcuDataException.class).hasMessageContaining(NAME);
    }

    /**
     * The swapper itself, without the wrapping of other exceptions that {@link Swappers}
     * does.
     */
    private static byte[] swapDirect(byte[] bytes) {
        DataHeader header = DataHeader.read(NAME, bytes);
        byte[] out = bytes.clone();
        DataRegion whole = new DataRegion(NAME, bytes, out, 0, bytes.length);
        new ConfusablesSwapper().swap(header, whole.sub(header.headerSize(), bytes.length - header.headerSize()),
                new SwapContext() {
                    @Override
                    public String item() {
                        return NAME;
                    }

                    @Override
                    public Optional<byte[]> bigEndianItem(String other) {
                        return Optional.empty();
                    }
                });
        return out;
    }

    private static int getInt(byte[] bytes, int pos) {
        return ByteBuffer.wrap(bytes).getInt(pos);
    }

    private static void putInt(byte[] bytes, int pos, int value) {
        ByteBuffer.wrap(bytes).putInt(pos, value);
    }

}
