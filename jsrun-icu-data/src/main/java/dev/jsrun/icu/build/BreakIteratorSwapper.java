package dev.jsrun.icu.build;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Swaps ICU's rule-based break iterator data, data format "Brk " version 6 (the
 * {@code brkitr/*.brk} files), as ICU4C's {@code ubrk_swap} does. After the ICU header
 * comes an 80-byte header of 32-bit fields (but for the four bytes of its own format
 * version): a magic number, the length of the data, the number of character categories,
 * the offset and length of each part, and reserved words. The parts are a forward and a
 * reverse state table (five 32-bit fields, then rows of 8- or 16-bit values, as a flag of
 * the table says), a {@code UCPTrie} of the character categories, the rules as UTF-8, and
 * a table of 32-bit rule status values. Bytes between the parts are padding, zeros as ICU
 * writes them, and stay as they are.
 */
final class BreakIteratorSwapper implements ItemSwapper {

    private static final int FORMAT_VERSION = 6;

    private static final int MAGIC = 0xb1a0;

    private static final int HEADER = 80;

    private static final int TABLE_HEADER = 20;

    private static final int RBBI_8BITS_ROWS = 4;

    /**
     * A row's accepting, look-ahead and tag index values come before its next states, one
     * per category.
     */
    private static final int ROW_FIXED = 3;

    /** Items of a package are padded to a multiple of 16 bytes. */
    private static final int MAX_PADDING = 15;

    @Override
    public void swap(DataHeader header, DataRegion payload, SwapContext context) {
        String item = payload.item();
        if (header.formatVersion()[0] != FORMAT_VERSION) {
            throw new IcuDataException(item + ": break iterator data of format version " + header.formatVersionText()
                    + " (only " + FORMAT_VERSION + " is known)");
        }
        if (payload.length() < HEADER) {
            throw new IcuDataException(item + ": " + payload.length() + " bytes are too few for break iterator data");
        }
        if (payload.i32(0) != MAGIC || payload.u8(4) != FORMAT_VERSION) {
            throw new IcuDataException(item + ": the break iterator header has magic "
                    + Integer.toHexString(payload.i32(0)) + " and format version " + payload.u8(4));
        }
        long length = payload.u32(8);
        if (length < HEADER || length > payload.length() || payload.length() - length > MAX_PADDING) {
            throw new IcuDataException(
                    item + ": break iterator data of " + length + " bytes in a region of " + payload.length());
        }
        DataRegion data = payload.sub(0, (int) length);
        long categories = data.u32(12);
        Part forward = part(data, "forward state table", 16);
        Part reverse = part(data, "reverse state table", 24);
        Part trie = part(data, "trie", 32);
        Part rules = part(data, "rules", 40);
        Part statuses = part(data, "status table", 48);
        checkDisjoint(data, List.of(forward, reverse, trie, rules, statuses));

        swapTable(data, forward, categories);
        swapTable(data, reverse, categories);
        if (trie.length() == 0) {
            throw new IcuDataException(item + ": break iterator data without a trie");
        }
        swapTrie(data.sub(trie.offset(), trie.length()));
        // the rules are UTF-8
        if (statuses.length() % 4 != 0) {
            throw new IcuDataException(item + ": a status table of " + statuses.length() + " bytes");
        }
        data.swap32(statuses.offset(), statuses.length() / 4);
        data.swap32(0, 1);
        data.swap32(8, (HEADER - 8) / 4);
    }

    private static Part part(DataRegion data, String name, int field) {
        long offset = data.u32(field);
        long length = data.u32(field + 4);
        if (length > 0 && (offset < HEADER || offset + length > data.length())) {
            throw new IcuDataException(data.item() + ": the break iterator " + name + " of " + length + " bytes at "
                    + offset + " lies outside the " + data.length() + " bytes of the data");
        }
        return new Part(name, (int) offset, (int) length);
    }

    private static void checkDisjoint(DataRegion data, List<Part> parts) {
        List<Part> sorted = new ArrayList<>(parts);
        sorted.removeIf(part -> part.length() == 0);
        sorted.sort(Comparator.comparingInt(Part::offset));
        for (int i = 1; i < sorted.size(); i++) {
            Part before = sorted.get(i - 1);
            if (sorted.get(i).offset() < before.offset() + before.length()) {
                throw new IcuDataException(data.item() + ": the break iterator " + sorted.get(i).name()
                        + " overlaps the " + before.name());
            }
        }
    }

    private static void swapTable(DataRegion data, Part table, long categories) {
        if (table.length() == 0) {
            return;
        }
        String item = data.item();
        if (table.length() < TABLE_HEADER) {
            throw new IcuDataException(item + ": a " + table.name() + " of " + table.length() + " bytes");
        }
        int at = table.offset();
        long states = data.u32(at);
        long rowLength = data.u32(at + 4);
        boolean eightBits = (data.i32(at + 16) & RBBI_8BITS_ROWS) != 0;
        int width = eightBits ? 1 : 2;
        // a row length that matches the categories shows the flag read right
        if (rowLength != width * (ROW_FIXED + categories) || states > (table.length() - TABLE_HEADER) / rowLength) {
            throw new IcuDataException(item + ": the " + table.name() + " of " + table.length() + " bytes has " + states
                    + " rows of " + rowLength + " bytes for " + categories + " categories in " + (eightBits ? 8 : 16)
                    + "-bit values");
        }
        data.swap32(at, TABLE_HEADER / 4);
        if (!eightBits) {
            int rows = table.length() - TABLE_HEADER;
            if (rows % 2 != 0) {
                throw new IcuDataException(item + ": the 16-bit rows of the " + table.name() + " have an odd length");
            }
            data.swap16(at + TABLE_HEADER, rows / 2);
        }
    }

    /**
     * The categories: a fast {@code UCPTrie} of 8- or 16-bit values, as ICU's break
     * iterator accepts.
     */
    private static void swapTrie(DataRegion trie) {
        if (trie.length() < 16) {
            throw new IcuDataException(trie.item() + ": a break iterator trie of " + trie.length() + " bytes");
        }
        int options = trie.u16(4);
        int valueWidth = options & 7;
        int type = (options >> 6) & 3;
        if (type != 0 || (valueWidth != 0 && valueWidth != 2)) {
            throw new IcuDataException(trie.item() + ": the break iterator trie has options "
                    + Integer.toHexString(options) + ", not a fast trie of 8- or 16-bit values");
        }
        Tries.swapUCPTrie(trie, 0);
    }

    private record Part(String name, int offset, int length) {
    }

}
