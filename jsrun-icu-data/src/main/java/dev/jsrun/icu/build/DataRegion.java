package dev.jsrun.icu.build;

/**
 * A range of one ICU data item being swapped from big-endian to little-endian: values are
 * read from the big-endian input, and swapping a position writes its bytes reversed into
 * the output at the same place. Positions are relative to the start of the region; bytes
 * that are never swapped (invariant characters, 8-bit data) stay as the input has them,
 * since the output starts as a copy.
 */
public final class DataRegion {

    private final String item;

    private final byte[] in;

    private final byte[] out;

    private final int base;

    private final int length;

    DataRegion(String item, byte[] in, byte[] out, int base, int length) {
        if (base < 0 || length < 0 || base + length > in.length) {
            throw new IcuDataException(
                    item + ": region " + base + "+" + length + " lies outside its " + in.length + " bytes");
        }
        this.item = item;
        this.in = in;
        this.out = out;
        this.base = base;
        this.length = length;
    }

    /** The name of the item, such as {@code coll/de.res}, for messages. */
    public String item() {
        return this.item;
    }

    /** The number of bytes in this region. */
    public int length() {
        return this.length;
    }

    /**
     * The region of {@code length} bytes at {@code offset} in this one, such as a binary
     * nested in a bundle.
     */
    public DataRegion sub(int offset, int length) {
        check(offset, length);
        return new DataRegion(this.item, this.in, this.out, this.base + offset, length);
    }

    /** The unsigned byte at {@code pos}. */
    public int u8(int pos) {
        check(pos, 1);
        return this.in[this.base + pos] & 0xff;
    }

    /** The big-endian unsigned 16-bit value at {@code pos}. */
    public int u16(int pos) {
        check(pos, 2);
        int at = this.base + pos;
        return ((this.in[at] & 0xff) << 8) | (this.in[at + 1] & 0xff);
    }

    /** The big-endian signed 16-bit value at {@code pos}. */
    public int i16(int pos) {
        return (short) u16(pos);
    }

    /** The big-endian 32-bit value at {@code pos}. */
    public int i32(int pos) {
        check(pos, 4);
        int at = this.base + pos;
        return ((this.in[at] & 0xff) << 24) | ((this.in[at + 1] & 0xff) << 16) | ((this.in[at + 2] & 0xff) << 8)
                | (this.in[at + 3] & 0xff);
    }

    /** The big-endian 32-bit value at {@code pos}, unsigned. */
    public long u32(int pos) {
        return i32(pos) & 0xffffffffL;
    }

    /**
     * The four bytes at {@code pos} as ASCII, such as a data format or a trie signature.
     */
    public String ascii4(int pos) {
        check(pos, 4);
        return new String(this.in, this.base + pos, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Reverses {@code count} 16-bit values from {@code pos}. */
    public void swap16(int pos, int count) {
        swap(pos, count, 2);
    }

    /** Reverses {@code count} 32-bit values from {@code pos}. */
    public void swap32(int pos, int count) {
        swap(pos, count, 4);
    }

    /** Reverses {@code count} 64-bit values from {@code pos}. */
    public void swap64(int pos, int count) {
        swap(pos, count, 8);
    }

    /**
     * Writes {@code value} at {@code pos} of the output, replacing what the copy had
     * there.
     */
    public void put8(int pos, int value) {
        check(pos, 1);
        this.out[this.base + pos] = (byte) value;
    }

    private void swap(int pos, int count, int width) {
        if (count < 0) {
            throw new IcuDataException(this.item + ": negative count " + count + " at " + pos);
        }
        check(pos, (long) count * width);
        int at = this.base + pos;
        for (int i = 0; i < count; i++, at += width) {
            for (int b = 0; b < width; b++) {
                this.out[at + b] = this.in[at + width - 1 - b];
            }
        }
    }

    private void check(int pos, long size) {
        if (pos < 0 || size < 0 || pos + size > this.length) {
            throw new IcuDataException(this.item + ": " + size + " bytes at " + pos + " lie outside the " + this.length
                    + " bytes of the data (damaged or of an unknown format version)");
        }
    }

}
