package dev.jsrun.icu.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/**
 * The "Nrm2" swapper against ICU's {@code icupkg}, against a small reader of the
 * normalization data written here, and on damaged data.
 * <p>
 * The installed {@code icupkg} (ICU 72) refuses format version 5, so it is given each
 * item with the format version byte patched to 4. Between versions 4 and 5 only the
 * number of indexes (22 instead of 19) and the meaning of some norm16 values and extra
 * data changed, not the sections or their widths, and ICU 72 swaps all
 * {@code indexes[0] / 4} indexes whatever their number: its result, with the version byte
 * put back, must be the whole item byte for byte.
 */
class Normalizer2SwapperTest {

    private static final int MIN_NORMAL_MAYBE_YES = 0xfc00;

    private static List<String> items() {
        List<String> names = new ArrayList<>();
        Icupkg.icu4jData().forEach((name, bytes) -> {
            if ("Nrm2".equals(DataHeader.read(name, bytes).dataFormat())) {
                names.add(name);
            }
        });
        return names;
    }

    @Test
    void everyItemIsFoundByFormatAndByExtension() {
        List<String> byExtension = Icupkg.icu4jData().keySet().stream().filter(name -> name.endsWith(".nrm")).toList();
        assertThat(items()).containsExactlyElementsOf(byExtension)
            .contains("nfc.nrm", "nfkc.nrm", "nfkc_cf.nrm", "nfkc_scf.nrm", "uts46.nrm");
    }

    @Test
    void everyItemSwapsLikeIcupkgWithTheFormatVersionPatchedToFour() throws Exception {
        Map<String, byte[]> ours = new LinkedHashMap<>();
        for (String name : items()) {
            ours.put(name, Icupkg.ours(name));
        }
        assumeTrue(Icupkg.available(), "icupkg is not installed");
        Map<String, byte[]> patched = new LinkedHashMap<>();
        for (String name : items()) {
            byte[] bytes = Icupkg.bigEndian(name).clone();
            assertThat(bytes[16]).as(name).isEqualTo((byte) 5);
            bytes[16] = 4;
            patched.put(name, bytes);
        }
        Map<String, byte[]> theirs = icupkgSwap(patched);
        for (String name : items()) {
            byte[] expected = theirs.get(name);
            assertThat(expected[16]).as(name).isEqualTo((byte) 4);
            expected[16] = 5;
            assertThat(ours.get(name)).as(name).isEqualTo(expected);
        }
    }

    @Test
    void anIndependentReaderFindsTheSameNormalizationDataInBothByteOrders() {
        for (String name : List.of("nfc.nrm", "nfkc.nrm")) {
            NormData big = new NormData(name, Icupkg.bigEndian(name), ByteOrder.BIG_ENDIAN);
            NormData little = new NormData(name, Icupkg.ours(name), ByteOrder.LITTLE_ENDIAN);
            assertThat(little.indexes).as(name).isEqualTo(big.indexes);
            assertThat(little.trieHeader()).as(name).isEqualTo(big.trieHeader());
            assertThat(little.smallFcd()).as(name).isEqualTo(big.smallFcd());
            for (int c = 0; c <= 0x10ffff; c++) {
                if (little.norm16(c) != big.norm16(c)) {
                    assertThat(little.norm16(c)).as("%s U+%04X", name, c).isEqualTo(big.norm16(c));
                }
            }
            for (NormData data : List.of(big, little)) {
                // A combines forward with marks, so it is a "yes" starter that is not
                // inert
                int a = data.norm16(0x41);
                assertThat(a).as(name).isGreaterThan(1).isLessThan(data.index(10));
                // U+00C5 has the two-way mapping A + U+030A
                assertThat(data.mapping(0xc5)).as(name).isEqualTo("A\u030a");
                // U+0301 is a combining mark of class 230 that may combine backward
                int acute = data.norm16(0x301);
                assertThat(acute).as(name).isGreaterThanOrEqualTo(MIN_NORMAL_MAYBE_YES);
                assertThat((acute >> 1) & 0xff).as(name).isEqualTo(230);
                // the Hangul LV syllable GA has the norm16 value minYesNo
                assertThat(data.norm16(0xac00)).as(name).isEqualTo(data.index(10));
                assertThat(data.mapping(0x1d15e)).as(name).isEqualTo("\ud834\udd57\ud834\udd65");
                assertThat(data.mapping(0x2f800)).as(name).isEqualTo("\u4e3d");
                // the small FCD bits of U+0300..U+031F
                assertThat(data.smallFcd()[3] & 1).as(name).isEqualTo(1);
            }
            // the fi ligature is inert for NFC and maps to "fi" for NFKC
            if (name.equals("nfc.nrm")) {
                assertThat(little.norm16(0xfb01)).isEqualTo(1);
            }
            else {
                assertThat(little.mapping(0xfb01)).isEqualTo("fi");
            }
        }
    }

    @Test
    void aTruncatedItemFails() {
        byte[] nfc = Icupkg.bigEndian("nfc.nrm");
        assertFails(Arrays.copyOf(nfc, nfc.length - 16));
        assertFails(Arrays.copyOf(nfc, nfc.length / 2));
        assertFails(Arrays.copyOf(nfc, 32 + 40));
        assertFails(Arrays.copyOf(nfc, 32 + 2));
    }

    @Test
    void offsetsAndLengthsThatDoNotAddUpFail() {
        assertFails(patched(bytes -> putInt(bytes, 32, 0x7ffffff0)));
        assertFails(patched(bytes -> putInt(bytes, 32, 18 * 4)));
        assertFails(patched(bytes -> putInt(bytes, 32, 89)));
        assertFails(patched(bytes -> putInt(bytes, 32 + 4, Integer.MAX_VALUE)));
        assertFails(patched(bytes -> putInt(bytes, 32 + 4, -4)));
        assertFails(patched(bytes -> putInt(bytes, 32 + 4, getInt(bytes, 32 + 4) + 1)));
        assertFails(patched(bytes -> putInt(bytes, 32 + 8, getInt(bytes, 32 + 8) + 2)));
        assertFails(patched(bytes -> putInt(bytes, 32 + 12, getInt(bytes, 32 + 12) + 16)));
        assertFails(patched(bytes -> putInt(bytes, 32 + 28, Integer.MAX_VALUE)));
        // the trie's own data length made longer than its section
        assertFails(patched(bytes -> bytes[32 + 88 + 8] = (byte) 0x7f));
        // a trie of 32-bit values, or no trie at all
        assertFails(patched(bytes -> bytes[32 + 88 + 5] |= 1));
        assertFails(patched(bytes -> bytes[32 + 88 + 3] = 'x'));
    }

    @Test
    void formatVersionsOtherThanFourAndFiveFail() {
        for (int version : new int[] { 0, 1, 2, 3, 6, 0xff }) {
            assertFails(patched(bytes -> bytes[16] = (byte) version));
        }
    }

    @Test
    void formatVersionFourSwapsAlikeAndFiveNeedsTwentyTwoIndexes() {
        byte[] nfc = Icupkg.bigEndian("nfc.nrm");
        byte[] four = nfc.clone();
        four[16] = 4;
        byte[] swappedFour = swapDirect(four);
        swappedFour[16] = 5;
        assertThat(swappedFour).isEqualTo(swapDirect(nfc));
        assertFails(patched(bytes -> putInt(bytes, 32, 21 * 4)));
    }

    private static byte[] patched(Consumer<byte[]> damage) {
        byte[] bytes = Icupkg.bigEndian("nfc.nrm").clone();
        damage.accept(bytes);
        return bytes;
    }

    private static void assertFails(byte[] bytes) {
        assertThatThrownBy(() -> swapDirect(bytes)).isInstanceOf(IcuDataException.class)
            .hasMessageContaining("nfc.nrm");
    }

    /**
     * The swapper itself, without the wrapping of other exceptions that {@link Swappers}
     * does.
     */
    private static byte[] swapDirect(byte[] bytes) {
        String name = "nfc.nrm";
        DataHeader header = DataHeader.read(name, bytes);
        byte[] out = bytes.clone();
        DataRegion whole = new DataRegion(name, bytes, out, 0, bytes.length);
        new Normalizer2Swapper().swap(header, whole.sub(header.headerSize(), bytes.length - header.headerSize()),
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

    /**
     * What {@code icupkg -tl} makes of these big-endian items, each cut to its input
     * length.
     */
    private static Map<String, byte[]> icupkgSwap(Map<String, byte[]> items) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("icupkg-nrm");
        try {
            Path src = Files.createDirectories(dir.resolve("src"));
            StringBuilder list = new StringBuilder();
            for (Map.Entry<String, byte[]> item : items.entrySet()) {
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
            assertThat(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0).as("icupkg: " + output).isTrue();
            Map<String, byte[]> swapped = CommonData.items("check", Files.readAllBytes(dat));
            Map<String, byte[]> result = new LinkedHashMap<>();
            items.forEach((name, bytes) -> result.put(name, Arrays.copyOf(swapped.get(name), bytes.length)));
            return result;
        }
        finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /**
     * Reads Normalizer2 data of format version 5 in either byte order: the indexes, the
     * norm16 value of a code point from the fast {@code UCPTrie} of 16-bit values, and a
     * code point's decomposition mapping.
     */
    private static final class NormData {

        private final ByteBuffer data;

        private final int[] indexes;

        private final int trie;

        private final int index;

        private final int dataStart;

        private final int dataLength;

        private final int highStart;

        NormData(String name, byte[] item, ByteOrder order) {
            ByteBuffer whole = ByteBuffer.wrap(item).order(order);
            assertThat(item[8] != 0).as(name + " is big-endian").isEqualTo(order == ByteOrder.BIG_ENDIAN);
            assertThat(item[16]).as(name + " format version").isEqualTo((byte) 5);
            int headerSize = whole.getShort(0) & 0xffff;
            this.data = ByteBuffer.wrap(item, headerSize, item.length - headerSize).slice().order(order);
            int count = this.data.getInt(0) / 4;
            this.indexes = new int[count];
            for (int i = 0; i < count; i++) {
                this.indexes[i] = this.data.getInt(4 * i);
            }
            this.trie = this.indexes[0];
            assertThat(this.data.getInt(this.trie)).as(name + " trie signature").isEqualTo(0x54726933);
            int options = this.data.getShort(this.trie + 4) & 0xffff;
            assertThat(options & 0xff).as(name + " fast trie of 16-bit values").isZero();
            int indexLength = this.data.getShort(this.trie + 6) & 0xffff;
            this.dataLength = ((options & 0xf000) << 4) | (this.data.getShort(this.trie + 8) & 0xffff);
            this.highStart = (this.data.getShort(this.trie + 14) & 0xffff) << 9;
            this.index = this.trie + 16;
            this.dataStart = this.index + 2 * indexLength;
            assertThat(this.dataStart + 2 * this.dataLength).as(name + " trie end").isEqualTo(this.indexes[1]);
        }

        int index(int i) {
            return this.indexes[i];
        }

        List<Integer> trieHeader() {
            List<Integer> header = new ArrayList<>();
            header.add(this.data.getInt(this.trie));
            for (int i = 4; i < 16; i += 2) {
                header.add(this.data.getShort(this.trie + i) & 0xffff);
            }
            return header;
        }

        byte[] smallFcd() {
            byte[] bits = new byte[256];
            this.data.get(this.indexes[2], bits);
            return bits;
        }

        private int indexAt(int i) {
            return this.data.getShort(this.index + 2 * i) & 0xffff;
        }

        int norm16(int c) {
            int dataIndex;
            if (c <= 0xffff) {
                dataIndex = indexAt(c >> 6) + (c & 0x3f);
            }
            else if (c >= this.highStart) {
                dataIndex = this.dataLength - 2;
            }
            else {
                // the fast type's index-1 for supplementary code points follows its 1024
                // BMP entries, less the
                // four that would cover the BMP
                int i1 = (c >> 14) + 1024 - 4;
                int i3Block = indexAt(indexAt(i1) + ((c >> 9) & 0x1f));
                int i3 = (c >> 4) & 0x1f;
                int dataBlock;
                if ((i3Block & 0x8000) == 0) {
                    dataBlock = indexAt(i3Block + i3);
                }
                else {
                    // groups of eight 18-bit data block offsets: one unit of high bits,
                    // eight of low bits
                    int group = (i3Block & 0x7fff) + (i3 & ~7) + (i3 >> 3);
                    int k = i3 & 7;
                    dataBlock = ((indexAt(group) << (2 + 2 * k)) & 0x30000) | indexAt(group + 1 + k);
                }
                dataIndex = dataBlock + (c & 0xf);
            }
            return this.data.getShort(this.dataStart + 2 * dataIndex) & 0xffff;
        }

        /**
         * The decomposition of {@code c}: from the extra data, or algorithmic as a delta
         * of code points.
         */
        String mapping(int c) {
            int norm16 = norm16(c);
            int minYesNo = this.indexes[10];
            int limitNoNo = this.indexes[12];
            int minMaybeNo = this.indexes[20];
            if (minYesNo < norm16 && norm16 < limitNoNo) {
                int pos = this.indexes[1] + 2 * (norm16 >> 1);
                int firstUnit = this.data.getShort(pos) & 0xffff;
                StringBuilder s = new StringBuilder();
                for (int i = 1; i <= (firstUnit & 0x1f); i++) {
                    s.append(this.data.getChar(pos + 2 * i));
                }
                return s.toString();
            }
            if (limitNoNo <= norm16 && norm16 < minMaybeNo) {
                int centerNoNoDelta = (minMaybeNo >> 3) - 0x40 - 1;
                return Character.toString(c + (norm16 >> 3) - centerNoNoDelta);
            }
            throw new AssertionError("U+" + Integer.toHexString(c) + " has no mapping (norm16 " + norm16 + ")");
        }

    }

}
