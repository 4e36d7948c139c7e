package dev.jsrun.icu.build;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * ICU's common data file ("CmnD" format 1, little-endian): a header, a table of contents
 * of item names and offsets sorted by name, then the items, each starting on a 16-byte
 * boundary. ICU finds an item by binary search on the names, which carry the package name
 * as a prefix ({@code icudt77l/coll/de.res}).
 */
public final class CommonData {

    /**
     * One item of a common data file: its name without the package prefix, where it
     * starts, its length.
     */
    public record Entry(String name, int offset, int length) {
    }

    private static final int HEADER_SIZE = 32;

    private static final byte PAD = (byte) 0xaa;

    private CommonData() {
    }

    /**
     * Packages {@code items} (little-endian ICU data, by name) as the common data file
     * {@code packageName}.
     */
    public static byte[] write(String packageName, SortedMap<String, byte[]> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) HEADER_SIZE).put((byte) 0xda).put((byte) 0x27);
        header.putShort((short) 20).putShort((short) 0).put((byte) 0).put((byte) 0).put((byte) 2).put((byte) 0);
        header.put("CmnD".getBytes(StandardCharsets.US_ASCII))
            .put(new byte[] { 1, 0, 0, 0 })
            .put(new byte[] { 3, 0, 0, 0 });
        out.writeBytes(header.array());

        int count = items.size();
        int tocLength = 4 + 8 * count;
        ByteArrayOutputStream names = new ByteArrayOutputStream();
        int[] nameOffsets = new int[count];
        int i = 0;
        for (String name : items.keySet()) {
            nameOffsets[i++] = tocLength + names.size();
            names.writeBytes((packageName + "/" + name).getBytes(StandardCharsets.US_ASCII));
            names.write(0);
        }
        int dataStart = align(tocLength + names.size());
        int[] dataOffsets = new int[count];
        int at = dataStart;
        i = 0;
        for (byte[] item : items.values()) {
            dataOffsets[i++] = at;
            at = align(at + item.length);
        }
        ByteBuffer toc = ByteBuffer.allocate(tocLength).order(ByteOrder.LITTLE_ENDIAN);
        toc.putInt(count);
        for (i = 0; i < count; i++) {
            toc.putInt(nameOffsets[i]).putInt(dataOffsets[i]);
        }
        out.writeBytes(toc.array());
        out.writeBytes(names.toByteArray());
        pad(out, dataStart - tocLength - names.size());
        i = 0;
        for (byte[] item : items.values()) {
            out.writeBytes(item);
            if (++i < count) {
                pad(out, align(item.length) - item.length);
            }
        }
        return out.toByteArray();
    }

    /**
     * Checks a common data file: its header, that the names are sorted and carry the
     * package prefix, that every item lies inside the file and starts with a valid
     * little-endian ICU data header.
     * @return the items in file order
     * @throws IcuDataException naming the first thing that is wrong
     */
    public static List<Entry> read(String packageName, byte[] file) {
        DataHeader header = DataHeader.read(packageName + ".dat", file);
        if (header.bigEndian() || !"CmnD".equals(header.dataFormat()) || header.formatVersion()[0] != 1) {
            throw new IcuDataException(packageName + ".dat: not little-endian common data of format 1 (found "
                    + header.dataFormat() + " " + header.formatVersionText() + ")");
        }
        ByteBuffer buf = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int toc = header.headerSize();
        int count = buf.getInt(toc);
        if (count <= 0 || toc + 4 + 8L * count > file.length) {
            throw new IcuDataException(packageName + ".dat: table of contents of " + count + " items does not fit");
        }
        String prefix = packageName + "/";
        List<Entry> entries = new ArrayList<>(count);
        String previous = null;
        for (int i = 0; i < count; i++) {
            int nameOffset = toc + buf.getInt(toc + 4 + 8 * i);
            int dataOffset = toc + buf.getInt(toc + 8 + 8 * i);
            int end = (i + 1 < count) ? toc + buf.getInt(toc + 8 + 8 * (i + 1)) : file.length;
            String name = cString(file, nameOffset, packageName);
            if (!name.startsWith(prefix)) {
                throw new IcuDataException(packageName + ".dat: item " + name + " lacks the prefix " + prefix);
            }
            if (previous != null && previous.compareTo(name) >= 0) {
                throw new IcuDataException(
                        packageName + ".dat: items " + previous + " and " + name + " are out of order");
            }
            if (dataOffset % 16 != 0 || dataOffset < toc || end > file.length || end <= dataOffset) {
                throw new IcuDataException(packageName + ".dat: item " + name + " at " + dataOffset + ".." + end
                        + " does not lie inside the file on a 16-byte boundary");
            }
            byte[] item = java.util.Arrays.copyOfRange(file, dataOffset, end);
            DataHeader itemHeader = DataHeader.read(name, item);
            if (itemHeader.bigEndian()) {
                throw new IcuDataException(packageName + ".dat: item " + name + " is big-endian");
            }
            entries.add(new Entry(name.substring(prefix.length()), dataOffset, end - dataOffset));
            previous = name;
        }
        return entries;
    }

    /** The items of a common data file by name, each with the padding that follows it. */
    public static Map<String, byte[]> items(String packageName, byte[] file) {
        Map<String, byte[]> items = new java.util.LinkedHashMap<>();
        for (Entry entry : read(packageName, file)) {
            items.put(entry.name(),
                    java.util.Arrays.copyOfRange(file, entry.offset(), entry.offset() + entry.length()));
        }
        return items;
    }

    private static String cString(byte[] file, int offset, String packageName) {
        int end = offset;
        while (end < file.length && file[end] != 0) {
            end++;
        }
        if (offset < 0 || end >= file.length) {
            throw new IcuDataException(packageName + ".dat: an item name at " + offset + " runs past the file");
        }
        return new String(file, offset, end - offset, StandardCharsets.US_ASCII);
    }

    private static int align(int n) {
        return (n + 15) & ~15;
    }

    private static void pad(ByteArrayOutputStream out, int n) {
        for (int i = 0; i < n; i++) {
            out.write(PAD);
        }
    }

}
