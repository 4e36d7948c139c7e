package dev.jsrun.icu.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link ResourceBundleSwapper} against ICU's own {@code icupkg} on every resource bundle
 * of ICU4J's data, on hand-made bundles with the resource types ICU4J's data does not
 * use, and on damaged bundles.
 */
class ResourceBundleSwapperTest {

    private static final int HEADER = 32;

    /** The resource bundles of ICU4J's data, by directory ("" for the top one). */
    private static SortedMap<String, List<String>> bundlesByDirectory() {
        SortedMap<String, List<String>> byDirectory = new TreeMap<>();
        for (Map.Entry<String, byte[]> item : Icupkg.icu4jData().entrySet()) {
            if (DataHeader.read(item.getKey(), item.getValue()).dataFormat().equals("ResB")) {
                byDirectory.computeIfAbsent(directory(item.getKey()), d -> new ArrayList<>()).add(item.getKey());
            }
        }
        return byDirectory;
    }

    private static String directory(String name) {
        return name.substring(0, name.lastIndexOf('/') + 1);
    }

    @Test
    void everyResourceBundleOfIcu4jIsSwapped() {
        Set<String> resItems = new TreeSet<>();
        Icupkg.icu4jData().keySet().stream().filter(n -> n.endsWith(".res")).forEach(resItems::add);
        Set<String> bundles = new TreeSet<>();
        bundlesByDirectory().values().forEach(bundles::addAll);
        assertThat(bundles).isEqualTo(resItems).hasSize(3971);

        Set<String> versions = new TreeSet<>();
        for (String name : bundles) {
            versions.add(DataHeader.read(name, Icupkg.bigEndian(name)).formatVersionText());
            byte[] ours = Icupkg.ours(name);
            assertThat(ours).hasSameSizeAs(Icupkg.bigEndian(name));
            assertThat(DataHeader.read(name, ours).bigEndian()).isFalse();
        }
        // ICU4J 77.1 has bundles of format versions 2 and 3 only, none of 1.x
        assertThat(versions).containsExactly("2.0.0.0", "3.0.0.0");
    }

    @TestFactory
    Stream<DynamicNode> everyResourceBundleEqualsIcupkgsByteForByte() throws Exception {
        Assumptions.assumeTrue(Icupkg.available(), "icupkg is not installed");
        List<DynamicNode> directories = new ArrayList<>();
        for (Map.Entry<String, List<String>> directory : bundlesByDirectory().entrySet()) {
            List<String> names = directory.getValue();
            // icupkg checks that the items a bundle refers to are in the package: the
            // pool bundle (one of the names) and, in a subdirectory, its break iterator
            // rules, dictionaries and root collation data
            List<String> dependencies = directory.getKey().isEmpty() ? List.of()
                    : Icupkg.icu4jData()
                        .keySet()
                        .stream()
                        .filter(n -> directory(n).equals(directory.getKey()) && !n.endsWith(".res"))
                        .toList();
            Map<String, byte[]> theirs = Icupkg.swap(names, dependencies).orElseThrow();
            directories.add(DynamicContainer.dynamicContainer(directory.getKey().isEmpty() ? "/" : directory.getKey(),
                    names.stream()
                        .map(name -> DynamicTest.dynamicTest(name,
                                () -> assertSameBytes(name, Icupkg.ours(name), theirs.get(name))))));
        }
        return directories.stream();
    }

    /**
     * The collation bundles, whose collation data waits for {@link CollationSwapper},
     * equal icupkg's everywhere else: with their {@code %%CollationBin} keys renamed, we
     * leave that data as it is, and the comparison skips it.
     */
    @Test
    void collationBundlesEqualIcupkgsOutsideTheirCollationData() throws Exception {
        Assumptions.assumeTrue(Icupkg.available(), "icupkg is not installed");
        byte[] key = (ResourceBundleSwapper.COLLATION_BINARY_KEY + "\0").getBytes(StandardCharsets.US_ASCII);
        List<String> names = bundlesByDirectory().get("coll/");
        Map<String, byte[]> theirs = Icupkg.swap(names, List.of("coll/ucadata.icu")).orElseThrow();
        int withCollationData = 0;
        for (String name : names) {
            byte[] renamed = Icupkg.bigEndian(name).clone();
            List<Integer> keys = find(renamed, key);
            if (keys.isEmpty()) {
                continue;
            }
            withCollationData++;
            for (int at : keys) {
                renamed[at + key.length - 2] = 'N';
            }
            byte[] ours = swap(name, renamed, Icupkg.icu4jData());
            for (int at : keys) {
                ours[at + key.length - 2] = 'n';
            }
            byte[] expected = theirs.get(name).clone();
            // each collation binary is a whole "UCol" data item, found by its magic bytes
            // and data format
            List<Integer> binaries = new ArrayList<>();
            for (int at : find(renamed, "UCol".getBytes(StandardCharsets.US_ASCII))) {
                if ((renamed[at - 10] & 0xff) == 0xda && (renamed[at - 9] & 0xff) == 0x27) {
                    int start = at - 12;
                    int length = i32(renamed, start - 4);
                    System.arraycopy(ours, start, expected, start, length);
                    binaries.add(start);
                }
            }
            assertThat(binaries).as(name).isNotEmpty();
            assertSameBytes(name, ours, expected);
        }
        assertThat(withCollationData).isEqualTo(104);
    }

    private static List<Integer> find(byte[] bytes, byte[] wanted) {
        List<Integer> found = new ArrayList<>();
        for (int at = 0; at + wanted.length <= bytes.length; at++) {
            if (Arrays.equals(bytes, at, at + wanted.length, wanted, 0, wanted.length)) {
                found.add(at);
            }
        }
        return found;
    }

    private static void assertSameBytes(String name, byte[] ours, byte[] theirs) {
        assertThat(ours).as(name).hasSameSizeAs(theirs);
        int mismatch = Arrays.mismatch(ours, theirs);
        assertThat(mismatch).as(name + ": first byte that differs from icupkg's").isEqualTo(-1);
    }

    @Test
    void handMadeBundleOfEveryResourceTypeSwapsAsItsLittleEndianTwin() {
        Synthetic bundle = Synthetic.sample("pool", "pool");
        assertThat(swap(bundle.bigEndian(), bundle.context())).isEqualTo(bundle.littleEndian());
        Synthetic pool = Synthetic.pool("pool", "pool");
        assertThat(swap(pool.bigEndian(), Map.of())).isEqualTo(pool.littleEndian());
    }

    @Test
    void formatVersion1BundleSwapsAsItsLittleEndianTwin() {
        Synthetic bundle = Synthetic.version1();
        assertThat(swap(bundle.bigEndian(), Map.of())).isEqualTo(bundle.littleEndian());
    }

    @Test
    void binaryUnderCollationBinKeyGoesToTheCollationSwapper() {
        // the key in the bundle's own keys, in the pool bundle's by a 16-bit offset and
        // by a 32-bit offset
        for (Synthetic bundle : List.of(Synthetic.sample(ResourceBundleSwapper.COLLATION_BINARY_KEY, "pool"),
                Synthetic.sample("pool", ResourceBundleSwapper.COLLATION_BINARY_KEY), Synthetic.localCollationKey())) {
            // the collation swapper refuses these few bytes, which are no collation data
            assertThatThrownBy(() -> swap(bundle.bigEndian(), bundle.context())).isInstanceOf(IcuDataException.class);
        }
    }

    @Test
    void truncatedBundleFails() {
        for (String name : List.of("root.res", "de.res", "zoneinfo64.res", "supplementalData.res", "pool.res",
                "brkitr/root.res", "coll/ar_SA.res")) {
            byte[] bytes = Icupkg.bigEndian(name);
            int end = HEADER + 4 * i32(bytes, HEADER + 4 + 4 * 3);
            for (int length : new int[] { HEADER, HEADER + 8, HEADER + 24, (HEADER + end) / 2, end - 4 }) {
                assertFails(name, Arrays.copyOf(bytes, length));
            }
        }
    }

    @Test
    void unknownFormatVersionFails() {
        for (int[] version : new int[][] { { 0, 0 }, { 1, 0 }, { 4, 0 }, { 0xff, 0 } }) {
            byte[] bytes = Icupkg.bigEndian("de.res").clone();
            bytes[16] = (byte) version[0];
            bytes[17] = (byte) version[1];
            assertThatThrownBy(() -> swap("de.res", bytes, Icupkg.icu4jData())).isInstanceOf(IcuDataException.class)
                .hasMessageContaining("format version");
        }
    }

    @Test
    void hugeOrWrongIndexesFail() {
        for (String name : List.of("de.res", "coll/ar_SA.res", "supplementalData.res")) {
            byte[] original = Icupkg.bigEndian(name);
            // the index count in the low byte of indexes[0], then keys top, resources
            // top, bundle top, 16-bit top
            assertFails(name, patch32(original, HEADER + 4, i32(original, HEADER + 4) & ~0xff | 4));
            for (int index : new int[] { 1, 3, 6 }) {
                for (int value : new int[] { 0x7fffffff, -1, 0 }) {
                    assertFails(name, patch32(original, HEADER + 4 + 4 * index, value));
                }
            }
            // the root resource pointing past the end, or being no table
            assertFails(name, patch32(original, HEADER, 0x2fffffff));
            assertFails(name, patch32(original, HEADER, 0x8000_0000 | (i32(original, HEADER) & 0x0fffffff)));
        }
    }

    @Test
    void damagedItemsFail() {
        Synthetic bundle = Synthetic.sample("pool", "pool");
        byte[] bytes = bundle.bigEndian();
        for (Map.Entry<String, Integer> count : bundle.counts.entrySet()) {
            int pos = HEADER + count.getValue();
            byte[] damaged = count.getKey().equals("table") ? patch16(bytes, pos, 0xffff)
                    : patch32(bytes, pos, 0x7fff_fff0);
            assertThatThrownBy(() -> swap(damaged, bundle.context())).as(count.getKey())
                .isInstanceOf(IcuDataException.class);
            if (!count.getKey().equals("table")) {
                assertThatThrownBy(() -> swap(patch32(bytes, pos, -1), bundle.context())).as(count.getKey())
                    .isInstanceOf(IcuDataException.class);
            }
        }
        for (Map.Entry<String, Integer> resource : bundle.resources.entrySet()) {
            int pos = HEADER + resource.getValue();
            int value = i32(bytes, pos);
            for (int damaged : new int[] { value | 0x0fff_ffff, 0xa000_0001, 0xf000_0001, value >>> 28 << 28 | 3 }) {
                assertThatThrownBy(() -> swap(patch32(bytes, pos, damaged), bundle.context()))
                    .as(resource.getKey() + " " + Integer.toHexString(damaged))
                    .isInstanceOf(IcuDataException.class);
            }
        }
    }

    @Test
    void keysThatAreNotInvariantCharactersFail() {
        Synthetic bundle = Synthetic.sample("pool", "pool");
        byte[] bytes = bundle.bigEndian().clone();
        bytes[HEADER + bundle.keysBottom] = '@';
        assertThatThrownBy(() -> swap(bytes, bundle.context())).isInstanceOf(IcuDataException.class)
            .hasMessageContaining("invariant");
    }

    @Test
    void missingOrForeignPoolBundleFails() {
        assertThatThrownBy(() -> swap("de.res", Icupkg.bigEndian("de.res"), Map.of()))
            .isInstanceOf(IcuDataException.class)
            .hasMessageContaining("pool.res");
        Map<String, byte[]> otherPool = new TreeMap<>(Icupkg.icu4jData());
        otherPool.put("pool.res", Icupkg.bigEndian("zone/pool.res"));
        assertThatThrownBy(() -> swap("de.res", Icupkg.bigEndian("de.res"), otherPool))
            .isInstanceOf(IcuDataException.class)
            .hasMessageContaining("checksum");
        Map<String, byte[]> notAPool = new TreeMap<>(Icupkg.icu4jData());
        notAPool.put("pool.res", Icupkg.bigEndian("root.res"));
        assertThatThrownBy(() -> swap("de.res", Icupkg.bigEndian("de.res"), notAPool))
            .isInstanceOf(IcuDataException.class);
    }

    private static void assertFails(String name, byte[] damaged) {
        assertThatThrownBy(() -> swap(name, damaged, Icupkg.icu4jData())).isInstanceOf(IcuDataException.class);
    }

    private static byte[] swap(byte[] bigEndian, Map<String, byte[]> others) {
        return swap("syn/de.res", bigEndian, others);
    }

    private static byte[] swap(String name, byte[] bigEndian, Map<String, byte[]> others) {
        return Swappers.toLittleEndian(name, bigEndian, new SwapContext() {
            @Override
            public String item() {
                return name;
            }

            @Override
            public Optional<byte[]> bigEndianItem(String other) {
                return Optional.ofNullable(others.get(other));
            }
        });
    }

    private static int i32(byte[] bytes, int pos) {
        return ((bytes[pos] & 0xff) << 24) | ((bytes[pos + 1] & 0xff) << 16) | ((bytes[pos + 2] & 0xff) << 8)
                | (bytes[pos + 3] & 0xff);
    }

    private static byte[] patch32(byte[] bytes, int pos, int value) {
        byte[] copy = bytes.clone();
        for (int i = 0; i < 4; i++) {
            copy[pos + i] = (byte) (value >>> (24 - 8 * i));
        }
        return copy;
    }

    private static byte[] patch16(byte[] bytes, int pos, int value) {
        byte[] copy = bytes.clone();
        copy[pos] = (byte) (value >>> 8);
        copy[pos + 1] = (byte) value;
        return copy;
    }

    /**
     * A hand-made resource bundle, written in both byte orders from the same values, so
     * that the swap of the big-endian one must give the little-endian one; it records
     * where its counts and resource words are, for damaging them.
     */
    private static final class Synthetic {

        private static final int STRING_V1 = 0;

        private static final int BINARY = 1;

        private static final int TABLE = 2;

        private static final int ALIAS = 3;

        private static final int TABLE32 = 4;

        private static final int TABLE16 = 5;

        private static final int STRING_V2 = 6;

        private static final int INT = 7;

        private static final int ARRAY = 8;

        private static final int ARRAY16 = 9;

        private static final int INT_VECTOR = 14;

        private static final int CHECKSUM = 0x1234abcd;

        /**
         * Each cell is one 32-bit word: {0, value}, two 16-bit units {1, first, second},
         * or four bytes {2, b0..b3}.
         */
        private final List<int[]> cells = new ArrayList<>();

        private final int formatVersion;

        private final Map<String, Synthetic> others = new TreeMap<>();

        /**
         * Byte positions, in the payload, of counts and lengths (32-bit, but 16-bit for
         * "table").
         */
        final Map<String, Integer> counts = new TreeMap<>();

        /** Byte positions, in the payload, of resource words of 32-bit items. */
        final Map<String, Integer> resources = new TreeMap<>();

        int keysBottom;

        private int keysTop;

        private Synthetic(int formatVersion) {
            this.formatVersion = formatVersion;
        }

        /**
         * A bundle of format 2 that uses the pool bundle {@code syn/pool.res}, with every
         * resource type; {@code poolKey16} and {@code poolKey32} are the pool keys of two
         * binaries.
         */
        static Synthetic sample(String poolKey16, String poolKey32) {
            Synthetic pool = pool(poolKey16, poolKey32);
            Synthetic s = new Synthetic(2);
            int indexLength = 8;
            s.indexes(indexLength);
            int[] keys = s.keys(indexLength, "alias", "array", "bin", "ints", "s1", "t16", "table");
            int localKeyLimit = 4 * s.size();
            // 16-bit units: the empty unit, a string "hi", a table16 {alias: "hi"}, an
            // array16 ["hi", ""]
            s.units(0, 'h', 'i', 0, 1, keys[0], 1, 2, 1, 0);
            s.set(7, s.size());
            int string16 = 1;
            int table16 = 4;
            int array16 = 7;
            // 32-bit items, leaves first
            int stringV1 = s.size();
            s.count("string", 2);
            s.units('x', 'y', 0, 0xaaaa);
            int alias = s.size();
            s.count("alias", 3);
            s.units('d', '/', 'e', 0);
            int binary16 = s.size();
            s.count("binary16", 5);
            s.bytes(1, 2, 3, 4, 5, 0xaa, 0xaa, 0xaa);
            int binary32 = s.size();
            s.count("binary32", 3);
            s.bytes(9, 8, 7, 0xaa);
            int ints = s.size();
            s.count("intVector", 2);
            s.word(-5);
            s.word(0x01020304);
            int array = s.size();
            s.count("array", 4);
            s.resource("array[0]", STRING_V1, stringV1);
            s.word(INT << 28 | 0x0abcdef);
            s.word(STRING_V2 << 28 | string16);
            s.resource("array[3]", STRING_V1, stringV1);
            // a table with 16-bit keys: {pool key: binary, ints: int vector}
            int table = s.size();
            s.counts.put("table", 4 * s.size());
            s.units(2, localKeyLimit + pool.keyOffset(poolKey16));
            s.units(keys[3], 0xaaaa);
            s.resource("table[0]", BINARY, binary16);
            s.resource("table[1]", INT_VECTOR, ints);
            // the root: a table32 with 32-bit keys, one of them in the pool
            int root = s.size();
            s.count("root", 8);
            s.word(keys[0]);
            s.word(keys[1]);
            s.word(keys[2]);
            s.word(0x8000_0000 | pool.keyOffset(poolKey32));
            s.word(keys[4]);
            s.word(keys[5]);
            s.word(keys[6]);
            s.word(keys[6] + 2);
            s.resource("root[0]", ALIAS, alias);
            s.resource("root[1]", ARRAY, array);
            s.word(BINARY << 28);
            s.resource("root[3]", BINARY, binary32);
            s.resource("root[4]", STRING_V1, stringV1);
            s.word(TABLE16 << 28 | table16);
            s.resource("root[6]", TABLE, table);
            s.word(ARRAY16 << 28 | array16);
            s.set(0, TABLE32 << 28 | root);
            s.finish(indexLength, 8, 4, CHECKSUM);
            s.others.put("syn/pool.res", pool);
            return s;
        }

        /**
         * The pool bundle with {@code keys} and a string, and an empty table as its root.
         */
        static Synthetic pool(String... keys) {
            Synthetic s = new Synthetic(2);
            int indexLength = 8;
            s.indexes(indexLength);
            s.keys(indexLength, new TreeSet<>(List.of(keys)).toArray(String[]::new));
            s.units(0, 'p', 'o', 'o', 'l', 0);
            s.set(7, s.size());
            s.set(0, TABLE << 28);
            s.finish(indexLength, 0, 2, CHECKSUM);
            return s;
        }

        /** A bundle with its own {@code %%CollationBin} key over a binary. */
        static Synthetic localCollationKey() {
            Synthetic s = new Synthetic(2);
            int indexLength = 7;
            s.indexes(indexLength);
            int[] keys = s.keys(indexLength, ResourceBundleSwapper.COLLATION_BINARY_KEY);
            s.units(0, 0);
            s.set(7, s.size());
            int binary = s.size();
            s.count("binary", 8);
            s.bytes(0, 0, 0, 0);
            s.bytes(0, 0, 0, 0);
            int root = s.size();
            s.units(1, keys[0]);
            s.resource("root[0]", BINARY, binary);
            s.set(0, TABLE << 28 | root);
            s.finish(indexLength, 1, 0, 0);
            return s;
        }

        /**
         * A bundle of format 1.3: no 16-bit units, 5 indexes, a table of a string, a
         * binary and an integer.
         */
        static Synthetic version1() {
            Synthetic s = new Synthetic(1);
            int indexLength = 5;
            s.indexes(indexLength);
            int[] keys = s.keys(indexLength, "bin", "int", "str");
            int string = s.size();
            s.count("string", 1);
            s.units('z', 0);
            int binary = s.size();
            s.count("binary", 2);
            s.bytes(0x11, 0x22, 0xaa, 0xaa);
            int root = s.size();
            s.units(3, keys[0]);
            s.units(keys[1], keys[2]);
            s.resource("root[0]", BINARY, binary);
            s.word(INT << 28 | 42);
            s.resource("root[2]", STRING_V1, string);
            s.set(0, TABLE << 28 | root);
            s.finish(indexLength, 3, 0, 0);
            return s;
        }

        private int size() {
            return this.cells.size();
        }

        private void word(int value) {
            this.cells.add(new int[] { 0, value });
        }

        private void set(int index, int value) {
            this.cells.set(index, new int[] { 0, value });
        }

        private void count(String what, int value) {
            this.counts.put(what, 4 * size());
            word(value);
        }

        private void resource(String what, int type, int offset) {
            this.resources.put(what, 4 * size());
            word(type << 28 | offset);
        }

        /** 16-bit units, an even number of them. */
        private void units(int... units) {
            for (int i = 0; i < units.length; i += 2) {
                this.cells.add(new int[] { 1, units[i], units[i + 1] });
            }
        }

        private void bytes(int... bytes) {
            for (int i = 0; i < bytes.length; i += 4) {
                this.cells.add(new int[] { 2, bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3] });
            }
        }

        /** The root word and {@code count} indexes, filled in by {@link #finish}. */
        private void indexes(int count) {
            for (int i = 0; i <= count; i++) {
                word(0);
            }
        }

        /**
         * Writes sorted keys after the indexes; returns their byte offsets from the start
         * of the bundle.
         */
        private int[] keys(int indexLength, String... keys) {
            this.keysBottom = 4 * (1 + indexLength);
            ByteArrayOutputStream chars = new ByteArrayOutputStream();
            int[] offsets = new int[keys.length];
            for (int i = 0; i < keys.length; i++) {
                offsets[i] = this.keysBottom + chars.size();
                chars.writeBytes(keys[i].getBytes(StandardCharsets.US_ASCII));
                chars.write(0);
            }
            while (chars.size() % 4 != 0) {
                chars.write(0xaa);
            }
            byte[] b = chars.toByteArray();
            for (int i = 0; i < b.length; i += 4) {
                bytes(b[i] & 0xff, b[i + 1] & 0xff, b[i + 2] & 0xff, b[i + 3] & 0xff);
            }
            this.keysTop = size();
            return offsets;
        }

        /** The offset of {@code key} in this (pool) bundle's keys, from their start. */
        private int keyOffset(String key) {
            byte[] payload = bigEndian();
            byte[] wanted = (key + "\0").getBytes(StandardCharsets.US_ASCII);
            for (int pos = HEADER + this.keysBottom; pos < payload.length - wanted.length; pos++) {
                if (Arrays.equals(payload, pos, pos + wanted.length, wanted, 0, wanted.length)
                        && (pos == HEADER + this.keysBottom || payload[pos - 1] == 0)) {
                    return pos - HEADER - this.keysBottom;
                }
            }
            throw new IllegalArgumentException(key);
        }

        private void finish(int indexLength, int maxTableLength, int attributes, int checksum) {
            set(1, indexLength);
            set(2, this.keysTop);
            set(3, size());
            set(4, size());
            set(5, maxTableLength);
            if (indexLength > 5) {
                set(6, attributes);
            }
            if (indexLength > 7) {
                set(8, checksum);
            }
            // word 0, the root, and word 7, the 16-bit top, are set by the bundle's maker
        }

        byte[] bigEndian() {
            return write(true);
        }

        byte[] littleEndian() {
            return write(false);
        }

        Map<String, byte[]> context() {
            Map<String, byte[]> items = new TreeMap<>();
            this.others.forEach((name, s) -> items.put(name, s.bigEndian()));
            return items;
        }

        private byte[] write(boolean big) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Function<int[], int[]> order = b -> big ? b : new int[] { b[1], b[0] };
            int[] h = order.apply(new int[] { 0, HEADER });
            out.write(h[0]);
            out.write(h[1]);
            out.write(0xda);
            out.write(0x27);
            int[] info = order.apply(new int[] { 0, 20 });
            out.write(info[0]);
            out.write(info[1]);
            out.write(0);
            out.write(0);
            out.writeBytes(new byte[] { (byte) (big ? 1 : 0), 0, 2, 0 });
            out.writeBytes("ResB".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(new byte[] { (byte) this.formatVersion, (byte) (this.formatVersion == 1 ? 3 : 0), 0, 0 });
            out.writeBytes(new byte[] { 77, 1, 0, 0 });
            out.writeBytes(new byte[HEADER - 24]);
            for (int[] cell : this.cells) {
                switch (cell[0]) {
                    case 0 -> put(out, cell[1], 4, big);
                    case 1 -> {
                        put(out, cell[1], 2, big);
                        put(out, cell[2], 2, big);
                    }
                    default -> {
                        for (int i = 1; i <= 4; i++) {
                            out.write(cell[i]);
                        }
                    }
                }
            }
            return out.toByteArray();
        }

        private static void put(ByteArrayOutputStream out, int value, int width, boolean big) {
            for (int i = 0; i < width; i++) {
                int shift = big ? 8 * (width - 1 - i) : 8 * i;
                out.write(value >>> shift);
            }
        }

    }

}
