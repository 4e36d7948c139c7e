package dev.jsrun.icu.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;

/**
 * ICU's own {@code icupkg}, when the machine has it (Debian's icu-devtools), as a second
 * opinion on swapped items: it swaps the same big-endian items to little-endian, for the
 * tests to compare byte by byte.
 */
final class Icupkg {

    private static SortedMap<String, byte[]> icu4j;

    private Icupkg() {
    }

    /** The big-endian items of ICU4J's jar, read once. */
    static synchronized SortedMap<String, byte[]> icu4jData() {
        if (icu4j == null) {
            try {
                icu4j = IcuDataBuilder.readIcu4jData();
            }
            catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return icu4j;
    }

    /** One big-endian item of ICU4J's data. */
    static byte[] bigEndian(String name) {
        byte[] bytes = icu4jData().get(name);
        if (bytes == null) {
            throw new IllegalArgumentException("ICU4J has no data item " + name);
        }
        return bytes;
    }

    /** Whether {@code icupkg} is on the path. */
    static boolean available() {
        try {
            Process p = new ProcessBuilder("icupkg", "--help").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS);
        }
        catch (IOException | InterruptedException ex) {
            return false;
        }
    }

    /**
     * The little-endian bytes {@code icupkg -tl} makes of {@code names} (with the items
     * they depend on, such as a pool bundle, added to its package), each cut to its
     * big-endian length; empty when there is no icupkg.
     */
    static Optional<Map<String, byte[]>> swap(List<String> names, List<String> dependencies)
            throws IOException, InterruptedException {
        if (!available()) {
            return Optional.empty();
        }
        Path dir = Files.createTempDirectory("icupkg");
        try {
            Path src = dir.resolve("src");
            StringBuilder list = new StringBuilder();
            for (String name : concat(names, dependencies)) {
                Path file = src.resolve(name);
                Files.createDirectories(file.getParent());
                Files.write(file, bigEndian(name));
                list.append(name).append('\n');
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
            for (String name : names) {
                result.put(name, Arrays.copyOf(items.get(name), bigEndian(name).length));
            }
            return Optional.of(result);
        }
        finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /**
     * Swaps one item with jsrun's own swappers, with the package of ICU4J's data as its
     * context.
     */
    static byte[] ours(String name) {
        return Swappers.toLittleEndian(name, bigEndian(name), new SwapContext() {
            @Override
            public String item() {
                return name;
            }

            @Override
            public Optional<byte[]> bigEndianItem(String other) {
                return Optional.ofNullable(icu4jData().get(other));
            }
        });
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

}
