package dev.jsrun.icu.build;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Swaps ICU's resource bundles ("ResB", formatVersion 1.1 to 3.x), the {@code .res} items
 * that hold locale data, collation, break iterator, currency, language, region, unit and
 * zone names, rule-based number formats, transliterators, supplemental data and time
 * zones, in the layout that ICU4C's {@code ures_swap} works on.
 *
 * <p>
 * A bundle is a sequence of 32-bit words: the root resource; {@code indexes[]}, their
 * count in the low byte of the first one; the NUL-terminated key strings, of invariant
 * ASCII characters and so left as they are; from formatVersion 2 on, an area of 16-bit
 * units (UTF-16 strings, and tables and arrays of 16-bit values), swapped as one array;
 * then the 32-bit resource items, found only by walking the tree from the root. A
 * resource word has its type in bits 31..28 and, in bits 27..0, either a value (integers)
 * or the offset in words of its item: a string of formatVersion 1 or an alias (a 32-bit
 * length, then UTF-16 units and a NUL), a binary (a 32-bit length, then bytes), a table
 * with 16-bit keys and 32-bit values, a table with 32-bit keys and values, an array, an
 * integer vector. The 16-bit types point into the 16-bit area instead, and offset 0 is an
 * empty item. Items may be shared, so each is swapped once; bytes that no resource
 * reaches stay as they are, as with ICU.
 *
 * <p>
 * Table keys whose offsets lie past the bundle's own keys are the keys of the pool bundle
 * ({@code pool.res} in the same directory): attribute bit 2 says that a bundle uses one,
 * which must then be in the package with the same checksum, and bit 1 that the bundle is
 * one. Binaries are opaque, except the collation data under the key
 * {@code %%CollationBin}, which {@link CollationSwapper#swapBinary} swaps.
 */
final class ResourceBundleSwapper implements ItemSwapper {

    /** The value of a table's {@code %%CollationBin} key is collation data. */
    static final String COLLATION_BINARY_KEY = "%%CollationBin";

    private static final byte[] COLLATION_BINARY_KEY_BYTES = COLLATION_BINARY_KEY.getBytes(StandardCharsets.US_ASCII);

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

    private static final int INDEX_KEYS_TOP = 1;

    private static final int INDEX_BUNDLE_TOP = 3;

    private static final int INDEX_MAX_TABLE_LENGTH = 4;

    private static final int INDEX_ATTRIBUTES = 5;

    private static final int INDEX_16BIT_TOP = 6;

    private static final int INDEX_POOL_CHECKSUM = 7;

    private static final int IS_POOL_BUNDLE = 2;

    private static final int USES_POOL_BUNDLE = 4;

    private static final String POOL_BUNDLE = "pool.res";

    /**
     * The output of a pool bundle's region, which is only read: writing to it would fail
     * at once.
     */
    private static final byte[] READ_ONLY = new byte[0];

    @Override
    public void swap(DataHeader header, DataRegion payload, SwapContext context) {
        Layout bundle = Layout.read(payload, checkFormatVersion(payload.item(), header));
        Layout pool = (bundle.attributes() & USES_POOL_BUNDLE) != 0 ? poolBundle(payload.item(), bundle, context)
                : null;
        checkKeys(bundle);
        payload.swap16(4 * bundle.keysTop(), 2 * (bundle.resourcesBottom() - bundle.keysTop()));
        new Walk(bundle, pool).run();
        payload.swap32(0, bundle.keysBottom());
    }

    /** The major format version, checked to be one whose layout this swapper knows. */
    private static int checkFormatVersion(String item, DataHeader header) {
        int major = header.formatVersion()[0];
        if (!(major == 1 && header.formatVersion()[1] >= 1 || major == 2 || major == 3)) {
            throw new IcuDataException(item + ": resource bundle format version " + header.formatVersionText()
                    + " is not one of 1.1 to 3.x");
        }
        return major;
    }

    /**
     * The pool bundle that {@code bundle} takes keys and strings from, checked to be the
     * one it was built with.
     */
    private static Layout poolBundle(String item, Layout bundle, SwapContext context) {
        String name = item.substring(0, item.lastIndexOf('/') + 1) + POOL_BUNDLE;
        byte[] bytes = context.bigEndianItem(name)
            .orElseThrow(() -> new IcuDataException(
                    item + ": uses the pool bundle " + name + ", which the package does not have"));
        DataHeader header = DataHeader.read(name, bytes);
        if (!header.bigEndian() || !"ResB".equals(header.dataFormat())) {
            throw new IcuDataException(item + ": its pool bundle " + name + " is not a big-endian resource bundle");
        }
        Layout pool = Layout.read(
                new DataRegion(name, bytes, READ_ONLY, header.headerSize(), bytes.length - header.headerSize()),
                checkFormatVersion(name, header));
        if ((pool.attributes() & IS_POOL_BUNDLE) == 0) {
            throw new IcuDataException(item + ": " + name + " is not marked as a pool bundle");
        }
        if (pool.checksum() != bundle.checksum()) {
            throw new IcuDataException(item + ": pool bundle checksum " + Integer.toHexString(bundle.checksum())
                    + " is not the " + Integer.toHexString(pool.checksum()) + " of " + name);
        }
        return pool;
    }

    /**
     * Checks, as ICU's swapper does, that the key strings are of invariant characters,
     * the only ones ICU allows in keys. The padding after the last NUL is not part of any
     * key.
     */
    private static void checkKeys(Layout bundle) {
        DataRegion region = bundle.region();
        int start = 4 * bundle.keysBottom();
        int end = 4 * bundle.keysTop();
        while (end > start && region.u8(end - 1) != 0) {
            end--;
        }
        if (end == start && bundle.keysTop() > bundle.keysBottom()) {
            throw new IcuDataException(region.item() + ": the key strings at " + start + " have no NUL");
        }
        for (int pos = start; pos < end; pos++) {
            int c = region.u8(pos);
            if (!isInvariant(c)) {
                throw new IcuDataException(region.item() + ": key string byte " + Integer.toHexString(c) + " at " + pos
                        + " is not an invariant character");
            }
        }
    }

    /**
     * ICU's invariant characters: ASCII except LF and {@code ! # $ @ [ \ ] ^ ` { | } ~}.
     */
    private static boolean isInvariant(int c) {
        return c < 0x80 && c != 0x0a && "!#$@[\\]^`{|}~".indexOf(c) < 0;
    }

    /**
     * Where the indexes of a bundle say its parts are, in 32-bit words from the root
     * resource.
     *
     * @param region the bundle, from its root resource on
     * @param keysBottom where the keys start, after the root resource and the indexes
     * @param keysTop where the keys end and the 16-bit units start
     * @param resourcesBottom where the 16-bit units end and the 32-bit resource items
     * start
     * @param top where the bundle ends
     * @param attributes the attribute bits, such as {@link #USES_POOL_BUNDLE}
     * @param checksum the checksum of the pool bundle used or made, or 0
     * @param poolStringLimit from formatVersion 3 on, 16-bit string offsets below it are
     * in the pool bundle
     */
    private record Layout(DataRegion region, int keysBottom, int keysTop, int resourcesBottom, int top, int attributes,
            int checksum, int poolStringLimit) {

        static Layout read(DataRegion region, int formatVersion) {
            String item = region.item();
            int firstIndex = region.i32(4);
            int indexLength = firstIndex & 0xff;
            if (indexLength <= INDEX_MAX_TABLE_LENGTH) {
                throw new IcuDataException(item + ": " + indexLength + " resource bundle indexes are too few");
            }
            int keysBottom = 1 + indexLength;
            if (region.length() < 4 * keysBottom) {
                throw new IcuDataException(
                        item + ": " + indexLength + " indexes do not fit its " + region.length() + " bytes");
            }
            int keysTop = index(region, INDEX_KEYS_TOP);
            int resourcesBottom = indexLength > INDEX_16BIT_TOP ? index(region, INDEX_16BIT_TOP) : keysTop;
            int top = index(region, INDEX_BUNDLE_TOP);
            int attributes = indexLength > INDEX_ATTRIBUTES ? index(region, INDEX_ATTRIBUTES) : 0;
            if (keysTop < keysBottom || resourcesBottom < keysTop || top < resourcesBottom
                    || top > region.length() / 4) {
                throw new IcuDataException(item + ": keys " + keysBottom + ".." + keysTop + ", 16-bit units .."
                        + resourcesBottom + " and resources .." + top + " (in words) do not add up in its "
                        + region.length() + " bytes");
            }
            boolean pool = (attributes & (IS_POOL_BUNDLE | USES_POOL_BUNDLE)) != 0;
            if (pool && indexLength <= INDEX_POOL_CHECKSUM) {
                throw new IcuDataException(item + ": is or uses a pool bundle but has no pool checksum index");
            }
            int rootType = region.i32(0) >>> 28;
            if (rootType != TABLE && rootType != TABLE16 && rootType != TABLE32) {
                throw new IcuDataException(item + ": root resource of type " + rootType + " is not a table");
            }
            // bits 23..0 of the limit are in bits 31..8 of the first index, bits 27..24
            // in attribute bits 15..12
            int poolStringLimit = formatVersion >= 3 ? (firstIndex >>> 8) | ((attributes & 0xf000) << 12) : 0;
            return new Layout(region, keysBottom, keysTop, resourcesBottom, top, attributes,
                    pool ? index(region, INDEX_POOL_CHECKSUM) : 0, poolStringLimit);
        }

        private static int index(DataRegion region, int index) {
            return region.i32(4 + 4 * index);
        }

        /** The number of 16-bit units. */
        int units() {
            return 2 * (this.resourcesBottom - this.keysTop);
        }

        /** Where 16-bit key offsets stop being this bundle's own keys. */
        int localKeyLimit() {
            return this.keysTop > this.keysBottom ? 4 * this.keysTop : 0;
        }

    }

    /**
     * The walk of the resource tree from the root, depth first in ICU's order (with a
     * stack of its own, so that a damaged bundle cannot overflow Java's), swapping each
     * 32-bit item once.
     */
    private static final class Walk {

        private final Layout bundle;

        private final Layout pool;

        private final DataRegion region;

        private final String item;

        private final BitSet swapped;

        private final BitSet collation;

        /**
         * Resources to visit, each with bit 32 set when it is the value of a
         * {@code %%CollationBin} key.
         */
        private long[] stack = new long[64];

        private int size;

        Walk(Layout bundle, Layout pool) {
            this.bundle = bundle;
            this.pool = pool;
            this.region = bundle.region();
            this.item = this.region.item();
            this.swapped = new BitSet(bundle.top());
            this.collation = new BitSet();
        }

        void run() {
            push(this.region.i32(0), false);
            while (this.size > 0) {
                long next = this.stack[--this.size];
                visit((int) next, (next >>> 32) != 0);
            }
        }

        private void push(int resource, boolean collationBinary) {
            if (this.size == this.stack.length) {
                this.stack = Arrays.copyOf(this.stack, 2 * this.size);
            }
            this.stack[this.size++] = (resource & 0xffffffffL) | (collationBinary ? 1L << 32 : 0);
        }

        private void visit(int resource, boolean collationBinary) {
            int type = resource >>> 28;
            int offset = resource & 0x0fffffff;
            switch (type) {
                case INT -> {
                    return;
                }
                case TABLE16, ARRAY16, STRING_V2 -> {
                    // in the 16-bit units, which are swapped as a whole
                    checkUnits(resource, type, offset);
                    return;
                }
                case STRING_V1, BINARY, TABLE, ALIAS, TABLE32, ARRAY, INT_VECTOR -> {
                }
                default -> throw new IcuDataException(
                        this.item + ": resource " + hex(resource) + " is of unknown type " + type);
            }
            if (offset == 0) {
                return;
            }
            if (offset < this.bundle.resourcesBottom() || offset >= this.bundle.top()) {
                throw new IcuDataException(this.item + ": resource " + hex(resource) + " points outside the resource"
                        + " items (words " + this.bundle.resourcesBottom() + ".." + this.bundle.top() + ")");
            }
            if (this.swapped.get(offset)) {
                if (type == BINARY && collationBinary != this.collation.get(offset)) {
                    throw new IcuDataException(this.item + ": binary " + hex(resource)
                            + " is shared between collation data and other data");
                }
                return;
            }
            this.swapped.set(offset);
            int pos = 4 * offset;
            switch (type) {
                case STRING_V1, ALIAS -> {
                    int length = count(resource, pos);
                    fits(resource, pos, 4 + 2 * ((long) length + 1));
                    if (this.region.u16(pos + 4 + 2 * length) != 0) {
                        throw new IcuDataException(this.item + ": string " + hex(resource) + " of length " + length
                                + " does not end with a NUL");
                    }
                    this.region.swap32(pos, 1);
                    this.region.swap16(pos + 4, length);
                }
                case BINARY -> {
                    int length = count(resource, pos);
                    fits(resource, pos, 4 + (long) length);
                    this.region.swap32(pos, 1);
                    if (collationBinary) {
                        this.collation.set(offset);
                        CollationSwapper.swapBinary(this.region.sub(pos + 4, length));
                    }
                }
                case TABLE -> {
                    int count = this.region.u16(pos);
                    // the 16-bit count and keys are padded to whole words before the
                    // values
                    int values = 4 * (offset + (count + 2) / 2);
                    fits(resource, pos, values - pos + 4L * count);
                    for (int i = count - 1; i >= 0; i--) {
                        int value = this.region.i32(values + 4 * i);
                        push(value, isCollationKey(resource, this.region.u16(pos + 2 + 2 * i), false, value));
                    }
                    this.region.swap16(pos, 1 + count);
                    this.region.swap32(values, count);
                }
                case TABLE32 -> {
                    int count = count(resource, pos);
                    fits(resource, pos, 4 + 8L * count);
                    int values = pos + 4 + 4 * count;
                    for (int i = count - 1; i >= 0; i--) {
                        int value = this.region.i32(values + 4 * i);
                        push(value, isCollationKey(resource, this.region.i32(pos + 4 + 4 * i), true, value));
                    }
                    this.region.swap32(pos, 1 + 2 * count);
                }
                case ARRAY -> {
                    int count = count(resource, pos);
                    fits(resource, pos, 4 + 4L * count);
                    for (int i = count - 1; i >= 0; i--) {
                        push(this.region.i32(pos + 4 + 4 * i), false);
                    }
                    this.region.swap32(pos, 1 + count);
                }
                case INT_VECTOR -> {
                    int count = count(resource, pos);
                    fits(resource, pos, 4 + 4L * count);
                    this.region.swap32(pos, 1 + count);
                }
            }
        }

        /**
         * Checks that a resource of the 16-bit units points into them, or into the pool
         * bundle's.
         */
        private void checkUnits(int resource, int type, int offset) {
            int limit = type == STRING_V2 ? this.bundle.poolStringLimit() : 0;
            if (offset < limit) {
                if (this.pool == null || offset >= this.pool.units()) {
                    throw new IcuDataException(this.item + ": string " + hex(resource)
                            + " points outside the 16-bit units of its pool bundle");
                }
            }
            else if (offset - limit >= this.bundle.units() && offset != limit) {
                throw new IcuDataException(this.item + ": resource " + hex(resource) + " points outside its "
                        + this.bundle.units() + " 16-bit units");
            }
        }

        /**
         * The 32-bit length or count that starts the item of {@code resource}, checked
         * not to be negative.
         */
        private int count(int resource, int pos) {
            int count = this.region.i32(pos);
            if (count < 0) {
                throw new IcuDataException(this.item + ": resource " + hex(resource) + " has length " + count);
            }
            return count;
        }

        private void fits(int resource, int pos, long bytes) {
            if (pos + bytes > 4L * this.bundle.top()) {
                throw new IcuDataException(this.item + ": the " + bytes + " bytes of resource " + hex(resource) + " at "
                        + pos + " run past the bundle's end at " + 4L * this.bundle.top());
            }
        }

        /**
         * Whether {@code value} is a binary under the key {@link #COLLATION_BINARY_KEY},
         * after checking that the key offset lies in this bundle's keys or, past them
         * (16-bit offsets) or negative (32-bit offsets), in the pool bundle's.
         */
        private boolean isCollationKey(int table, int keyOffset, boolean wide, int value) {
            boolean binary = value >>> 28 == BINARY;
            boolean local = wide ? keyOffset >= 0 : keyOffset < this.bundle.localKeyLimit();
            if (local) {
                if (keyOffset < 4 * this.bundle.keysBottom() || keyOffset >= 4 * this.bundle.keysTop()) {
                    throw new IcuDataException(
                            this.item + ": table " + hex(table) + " has key offset " + keyOffset + " outside its keys");
                }
                return binary && keyEquals(this.bundle, keyOffset);
            }
            if (this.pool == null) {
                throw new IcuDataException(this.item + ": table " + hex(table) + " has key offset "
                        + (wide ? hex(keyOffset) : Integer.toString(keyOffset))
                        + " past its own keys but uses no pool bundle");
            }
            int poolOffset = wide ? keyOffset & 0x7fffffff : keyOffset - this.bundle.localKeyLimit();
            // pool key offsets count from the start of the pool bundle's keys
            int pos = 4 * this.pool.keysBottom() + poolOffset;
            if (poolOffset >= 4 * (this.pool.keysTop() - this.pool.keysBottom())) {
                throw new IcuDataException(this.item + ": table " + hex(table) + " has pool key offset " + poolOffset
                        + " outside the keys of " + this.pool.region().item());
            }
            return binary && keyEquals(this.pool, pos);
        }

        private static boolean keyEquals(Layout keys, int pos) {
            DataRegion region = keys.region();
            int limit = 4 * keys.keysTop();
            for (int i = 0; pos + i < limit; i++) {
                int c = region.u8(pos + i);
                if (i == COLLATION_BINARY_KEY_BYTES.length) {
                    return c == 0;
                }
                if (c != COLLATION_BINARY_KEY_BYTES[i]) {
                    return false;
                }
            }
            throw new IcuDataException(region.item() + ": key string at " + pos + " runs past the keys");
        }

        private static String hex(int value) {
            return String.format("%08x", value);
        }

    }

}
