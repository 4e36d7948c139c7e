package dev.jsrun.icu.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The common data file's layout, read back, and what reading it refuses. */
class CommonDataTest {

    private static final String[] NAMES = { "rfc3491.spp", "brkitr/char.brk", "brkitr/thaidict.dict" };

    private static SortedMap<String, byte[]> items() {
        SortedMap<String, byte[]> items = new TreeMap<>();
        for (String name : NAMES) {
            items.put(name, Icupkg.ours(name));
        }
        return items;
    }

    @Test
    void itemsComeBackSortedAlignedAndWhole() {
        SortedMap<String, byte[]> items = items();
        byte[] file = CommonData.write("test", items);

        var entries = CommonData.read("test", file);
        assertThat(entries).extracting(CommonData.Entry::name)
            .containsExactly("brkitr/char.brk", "brkitr/thaidict.dict", "rfc3491.spp");
        for (CommonData.Entry entry : entries) {
            assertThat(entry.offset() % 16).isZero();
            byte[] item = items.get(entry.name());
            assertThat(java.util.Arrays.copyOfRange(file, entry.offset(), entry.offset() + item.length))
                .isEqualTo(item);
        }
    }

    @Test
    void isTheFileIcupkgWritesForTheSameItems() throws Exception {
        var theirs = Icupkg.swap(java.util.List.of(NAMES), java.util.List.of());
        org.junit.jupiter.api.Assumptions.assumeTrue(theirs.isPresent(), "icupkg is installed");
        // the same items, the same offsets: icupkg's file differs only in its package
        // name
        byte[] ours = CommonData.write("check", items());
        var mine = CommonData.read("check", ours);
        assertThat(mine).hasSize(3);
        for (CommonData.Entry entry : mine) {
            byte[] item = theirs.get().get(entry.name());
            assertThat(java.util.Arrays.copyOfRange(ours, entry.offset(), entry.offset() + item.length))
                .isEqualTo(item);
        }
    }

    @Test
    void refusesAFileThatIsNotLittleEndianCommonData() {
        byte[] file = CommonData.write("test", items());
        byte[] big = file.clone();
        big[8] = 1;
        assertThatThrownBy(() -> CommonData.read("test", big)).isInstanceOf(IcuDataException.class);
        byte[] other = file.clone();
        other[12] = 'X';
        assertThatThrownBy(() -> CommonData.read("test", other)).isInstanceOf(IcuDataException.class)
            .hasMessageContaining("not little-endian common data");
    }

    @Test
    void refusesADamagedTableOfContents() {
        byte[] file = CommonData.write("test", items());
        ByteBuffer toc = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);

        byte[] count = file.clone();
        ByteBuffer.wrap(count).order(ByteOrder.LITTLE_ENDIAN).putInt(32, 1 << 28);
        assertThatThrownBy(() -> CommonData.read("test", count)).isInstanceOf(IcuDataException.class)
            .hasMessageContaining("does not fit");

        byte[] offset = file.clone();
        ByteBuffer.wrap(offset).order(ByteOrder.LITTLE_ENDIAN).putInt(32 + 8, toc.getInt(32 + 8) + 8);
        assertThatThrownBy(() -> CommonData.read("test", offset)).isInstanceOf(IcuDataException.class)
            .hasMessageContaining("16-byte boundary");

        byte[] order = file.clone();
        int firstName = 32 + toc.getInt(32 + 4);
        order[firstName + "test/".length()] = 'z';
        assertThatThrownBy(() -> CommonData.read("test", order)).isInstanceOf(IcuDataException.class)
            .hasMessageContaining("out of order");

        byte[] truncated = java.util.Arrays.copyOf(file, 40);
        assertThatThrownBy(() -> CommonData.read("test", truncated)).isInstanceOf(IcuDataException.class);
    }

    @Test
    void refusesAnItemWithoutAValidHeader() {
        byte[] file = CommonData.write("test", items());
        var first = CommonData.read("test", file).get(0);
        byte[] damaged = file.clone();
        damaged[first.offset() + 2] = 0;
        assertThatThrownBy(() -> CommonData.read("test", damaged)).isInstanceOf(IcuDataException.class)
            .hasMessageContaining("brkitr/char.brk");
    }

}
