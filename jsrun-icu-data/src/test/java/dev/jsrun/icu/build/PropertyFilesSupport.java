package dev.jsrun.icu.build;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the tests of the Unicode property swappers share: the ICU4J items of a format, a
 * swap that lets any exception other than {@link IcuDataException} through (the registry
 * wraps them), byte comparison that names the first difference, damaged copies of an
 * item, and {@code icupkg} run on bytes of the test's own making.
 */
final class PropertyFilesSupport {

    private PropertyFilesSupport() {
    }

    /** The names of ICU4J's items of data format {@code format}. */
    static List<String> itemsOf(String format) {
        return Icupkg.icu4jData()
            .entrySet()
            .stream()
            .filter(e -> format.equals(DataHeader.read(e.getKey(), e.getValue()).dataFormat()))
            .map(Map.Entry::getKey)
            .toList();
    }

    /**
     * Swaps {@code bigEndian} with the swapper of its format, as the registry does but
     * without its wrapping.
     */
    static byte[] swapDirectly(String name, byte[] bigEndian, ItemSwapper swapper) {
        DataHeader header = DataHeader.read(name, bigEndian);
        byte[] out = bigEndian.clone();
        DataRegion whole = new DataRegion(name, bigEndian, out, 0, bigEndian.length);
        swapper.swap(header, whole.sub(header.headerSize(), bigEndian.length - header.headerSize()), new SwapContext() {
            @Override
            public String item() {
                return name;
            }

            @Override
            public Optional<byte[]> bigEndianItem(String other) {
                return Optional.ofNullable(Icupkg.icu4jData().get(other));
            }
        });
        return out;
    }

    /**
     * Asserts that swapping {@code damaged} fails with an {@link IcuDataException} that
     * names the item.
     */
    static void assertRefused(String name, byte[] damaged, ItemSwapper swapper, String what) {
        assertThatThrownBy(() -> swapDirectly(name, damaged, swapper)).as(what)
            .isExactlyInstanceOf(IcuDataException.class)
            .hasMessageStartingWith(name + ":");
    }

    /**
     * A copy of {@code bytes} with the big-endian 32-bit {@code value} at {@code pos}.
     */
    static byte[] withInt(byte[] bytes, int pos, int value) {
        byte[] copy = bytes.clone();
        copy[pos] = (byte) (value >>> 24);
        copy[pos + 1] = (byte) (value >>> 16);
        copy[pos + 2] = (byte) (value >>> 8);
        copy[pos + 3] = (byte) value;
        return copy;
    }

    /**
     * A copy of {@code bytes} with the big-endian 16-bit {@code value} at {@code pos}.
     */
    static byte[] withShort(byte[] bytes, int pos, int value) {
        byte[] copy = bytes.clone();
        copy[pos] = (byte) (value >>> 8);
        copy[pos + 1] = (byte) value;
        return copy;
    }

    /**
     * A copy of {@code bytes} with {@code value} as the first byte of the format version.
     */
    static byte[] withFormatVersion(byte[] bytes, int value) {
        byte[] copy = bytes.clone();
        copy[16] = (byte) value;
        return copy;
    }

    /** The big-endian header size of an item. */
    static int headerSize(byte[] bytes) {
        return ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff);
    }

    /**
     * Asserts that {@code actual} equals {@code expected} over {@code from..to}, naming
     * the first difference.
     */
    static void assertSameBytes(String what, byte[] expected, byte[] actual, int from, int to) {
        if (expected.length < to || actual.length < to) {
            fail(what + ": " + expected.length + " and " + actual.length + " bytes do not reach " + to);
        }
        int mismatch = Arrays.mismatch(expected, from, to, actual, from, to);
        if (mismatch >= 0) {
            int at = from + mismatch;
            fail(what + ": first difference at byte " + at + ": expected " + hex(expected, at) + ", found "
                    + hex(actual, at));
        }
    }

    /**
     * Asserts that {@code actual} equals {@code expected}, naming the first difference.
     */
    static void assertSameBytes(String what, byte[] expected, byte[] actual) {
        if (expected.length != actual.length) {
            fail(what + ": " + actual.length + " bytes instead of " + expected.length);
        }
        assertSameBytes(what, expected, actual, 0, expected.length);
    }

    /**
     * What {@code icupkg -tl} makes of big-endian items of the test's own making, each
     * cut to its input length; empty when there is no icupkg.
     */
    static Optional<Map<String, byte[]>> icupkgSwap(Map<String, byte[]> bigEndian)
            throws IOException, InterruptedException {
        if (!Icupkg.available()) {
            return Optional.empty();
        }
        Path dir = Files.createTempDirectory("icupkg");
        try {
            Path src = dir.resolve("src");
            Files.createDirectories(src);
            StringBuilder list = new StringBuilder();
            for (Map.Entry<String, byte[]> item : bigEndian.entrySet()) {
                Files.write(src.resolve(item.getKey()), item.getValue());
                list.append(item.getKey()).append('\n');
            }
            Files.writeString(dir.resolve("list.txt"), list);
            Path dat = dir.resolve("check.dat");
            Process p = new ProcessBuilder("icupkg", "-tl", "-s", src.toString(), "-a",
                    dir.resolve("list.txt").toString(), "new", dat.toString())
                .redirectErrorStream(true)
                .start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("icupkg failed: " + output);
            }
            Map<String, byte[]> items = CommonData.items("check", Files.readAllBytes(dat));
            Map<String, byte[]> result = new LinkedHashMap<>();
            for (Map.Entry<String, byte[]> item : bigEndian.entrySet()) {
                result.put(item.getKey(), Arrays.copyOf(items.get(item.getKey()), item.getValue().length));
            }
            return Optional.of(result);
        }
        finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static String hex(byte[] bytes, int at) {
        StringBuilder text = new StringBuilder();
        for (int i = at; i < Math.min(bytes.length, at + 8); i++) {
            text.append(String.format("%02x", bytes[i] & 0xff));
        }
        return text.toString();
    }

}
