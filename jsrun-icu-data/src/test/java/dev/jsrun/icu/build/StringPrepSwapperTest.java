package dev.jsrun.icu.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/** The "SPRP" swapper against ICU's {@code icupkg}, and on damaged data. */
class StringPrepSwapperTest {

    /** The payload starts here in rfc3491.spp: its header has 32 bytes. */
    private static final int PAYLOAD = 32;

    private static List<String> items() {
        List<String> names = new ArrayList<>();
        Icupkg.icu4jData().forEach((name, bytes) -> {
            if ("SPRP".equals(DataHeader.read(name, bytes).dataFormat())) {
                names.add(name);
            }
        });
        return names;
    }

    @Test
    void everyItemIsFoundByFormatAndByExtension() {
        List<String> byExtension = Icupkg.icu4jData().keySet().stream().filter(name -> name.endsWith(".spp")).toList();
        assertThat(items()).containsExactlyElementsOf(byExtension).hasSize(12).contains("rfc3491.spp", "rfc4518ci.spp");
    }

    @Test
    void everyItemSwapsLikeIcupkg() throws Exception {
        Map<String, byte[]> ours = new LinkedHashMap<>();
        for (String name : items()) {
            ours.put(name, Icupkg.ours(name));
        }
        Optional<Map<String, byte[]>> theirs = Icupkg.swap(items(), List.of());
        assumeTrue(theirs.isPresent(), "icupkg is not installed");
        for (String name : items()) {
            assertThat(ours.get(name)).as(name).isEqualTo(theirs.get().get(name));
        }
    }

    @Test
    void aTruncatedItemFails() {
        byte[] bytes = Icupkg.bigEndian("rfc3491.spp");
        assertFails(Arrays.copyOf(bytes, bytes.length - 16));
        assertFails(Arrays.copyOf(bytes, bytes.length / 2));
        assertFails(Arrays.copyOf(bytes, PAYLOAD + 60));
    }

    @Test
    void lengthsThatDoNotAddUpFail() {
        assertFails(patched(bytes -> putInt(bytes, PAYLOAD, Integer.MAX_VALUE)));
        assertFails(patched(bytes -> putInt(bytes, PAYLOAD, -1)));
        assertFails(patched(bytes -> putInt(bytes, PAYLOAD + 4, Integer.MAX_VALUE)));
        assertFails(patched(bytes -> putInt(bytes, PAYLOAD + 4, getInt(bytes, PAYLOAD + 4) + 1)));
        // a trie section shorter than the trie, or longer than it with data after it
        assertFails(patched(bytes -> putInt(bytes, PAYLOAD, getInt(bytes, PAYLOAD) - 2)));
        assertFails(patched(bytes -> {
            putInt(bytes, PAYLOAD, getInt(bytes, PAYLOAD) + 2);
            putInt(bytes, PAYLOAD + 4, getInt(bytes, PAYLOAD + 4) - 2);
        }));
        // less data than the item holds, beyond the padding to 16 bytes
        assertFails(patched(bytes -> putInt(bytes, PAYLOAD + 4, getInt(bytes, PAYLOAD + 4) - 32)));
        // the trie's own index length, or its options
        assertFails(patched(bytes -> putInt(bytes, PAYLOAD + 64 + 8, 0x7fff)));
        assertFails(patched(bytes -> bytes[PAYLOAD + 64 + 7] = 0x26));
        assertFails(patched(bytes -> bytes[PAYLOAD + 64] = 'X'));
    }

    @Test
    void formatVersionsOtherThanThreeWithTheTrieShiftsFail() {
        assertFails(patched(bytes -> bytes[16] = 2));
        assertFails(patched(bytes -> bytes[16] = 4));
        assertFails(patched(bytes -> bytes[18] = 6));
        assertFails(patched(bytes -> bytes[19] = 3));
    }

    private static byte[] patched(Consumer<byte[]> damage) {
        byte[] bytes = Icupkg.bigEndian("rfc3491.spp").clone();
        damage.accept(bytes);
        return bytes;
    }

    private static void assertFails(byte[] bytes) {
        assertThatThrownBy(() -> swapDirect(bytes)).isInstanceOf(IcuDataException.class)
            .hasMessageContaining("rfc3491.spp");
    }

    /**
     * The swapper itself, without the wrapping of other exceptions that {@link Swappers}
     * does.
     */
    private static byte[] swapDirect(byte[] bytes) {
        String name = "rfc3491.spp";
        DataHeader header = DataHeader.read(name, bytes);
        byte[] out = bytes.clone();
        DataRegion whole = new DataRegion(name, bytes, out, 0, bytes.length);
        new StringPrepSwapper().swap(header, whole.sub(header.headerSize(), bytes.length - header.headerSize()),
                new SwapContext() {
                    @Override
                    public String item() {
                        return name;
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
