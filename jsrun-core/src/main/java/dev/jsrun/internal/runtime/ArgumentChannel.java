package dev.jsrun.internal.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.reference.V8ValueArrayBuffer;
import com.caoccao.javet.values.reference.V8ValueFunction;

/**
 * How a call's Java arguments reach JavaScript. {@link ValueEncoder} writes them here as
 * operations and numbers, with the text of their strings in one string; the host's
 * {@code readArguments} (host.js) builds the values from a buffer this class shares with
 * the context, so that a call passes at most two strings through JNI. Strings and object
 * shapes (the keys of an object, in order) are numbered in tables that live as long as
 * the context: a string or shape sent once is sent as its number afterwards.
 * <p>
 * One per isolate, used under its lock. The tables only grow when a call into V8 returns;
 * a call that fails, or one that is refused, empties them on both sides, so the two never
 * disagree about what a number means.
 */
final class ArgumentChannel {

    // the operations, in the order host.js numbers them
    static final int NULL = 0;

    static final int TRUE = 1;

    static final int FALSE = 2;

    static final int INT = 3;

    static final int DOUBLE = 4;

    static final int STRING = 5;

    static final int TEXT = 6;

    static final int BIG_INT = 7;

    static final int DATE = 8;

    static final int BYTES = 9;

    static final int ARRAY = 10;

    static final int OBJECT = 11;

    static final int KEYED = 12;

    static final int WIDE_INT = 13;

    static final int WIDE_ARRAY = 14;

    /**
     * {@code INT}, {@code STRING}, {@code ARRAY} and {@code OBJECT} carry their number in
     * the bits above the operation, when it fits in the 28 there are.
     */
    private static final int OPERATION_BITS = 4;

    private static final int PACKED_MIN = -(1 << 27);

    private static final int PACKED_MAX = (1 << 27) - 1;

    /**
     * Argument count, start of the doubles (in doubles), start of the bytes, strings and
     * shapes known before this call, strings and shapes new in it, the path's string.
     */
    private static final int HEADER = 8;

    /** The buffer shared with each context: ints, then doubles, then bytes. */
    private static final int SHARED_SIZE = 1 << 16;

    private static final int SHARED_INTS = 1 << 13;

    private static final int SHARED_DOUBLES = 1 << 11;

    private static final int SHARED_BYTES = SHARED_SIZE - SHARED_INTS * 4 - SHARED_DOUBLES * 8;

    /** Strings longer than this cross as text every time. */
    private static final int MAX_TABLE_STRING = 1024;

    /** Objects with more keys than this cross with their keys. */
    private static final int MAX_SHAPE_KEYS = 64;

    private static final int MAX_STRINGS = 4096;

    private static final int MAX_STRING_CHARS = 1 << 18;

    private static final int MAX_SHAPES = 4096;

    /** Twice the strings the table holds at most, so that probes stay short. */
    private static final int TABLE_SLOTS = MAX_STRINGS * 2;

    // ---- the call being written ----

    private int[] ints = new int[256];

    private int intCount;

    private double[] doubles = new double[64];

    private int doubleCount;

    private byte[] bytes = new byte[0];

    private int byteCount;

    /** The strings of this call that the tables do not keep. */
    private final StringBuilder text = new StringBuilder(256);

    /**
     * The strings and keys this call adds to the tables: apart from {@link #text}, so
     * that what the context keeps refers to no text it does not keep.
     */
    private final StringBuilder tableText = new StringBuilder(256);

    /** The strings new in this call: id, offset in {@link #tableText}, length. */
    private int[] added = new int[48];

    private int addedCount;

    /**
     * The shapes new in this call: id, parent id (-1 for none), key's offset and length
     * in {@link #tableText}.
     */
    private int[] defined = new int[64];

    private int definedCount;

    // ---- the tables the context holds ----

    /**
     * The table's strings by hash, open addressing; a string's number is at the same
     * slot.
     */
    private final String[] tableKeys = new String[TABLE_SLOTS];

    private final int[] tableIds = new int[TABLE_SLOTS];

    private int strings;

    private int knownStrings;

    private int tableChars;

    private Shape root = new Shape(null, null);

    private int shapes;

    private int knownShapes;

    // ---- the buffer shared with the current context ----

    private V8ValueArrayBuffer shared;

    /**
     * Set while a call is written and not yet sent: what it numbered is unknown to the
     * context.
     */
    private boolean open;

    private ByteBuffer sharedBytes;

    /**
     * Starts writing a call. The tables start over when they grew past their bounds, or
     * when the last call was written and not answered (refused, failed, stopped): the
     * context may not hold what that call numbered.
     */
    void begin() {
        if (this.open || this.strings > MAX_STRINGS || this.tableChars > MAX_STRING_CHARS || this.shapes > MAX_SHAPES) {
            forget();
        }
        this.open = true;
        this.intCount = 0;
        this.doubleCount = 0;
        this.byteCount = 0;
        this.addedCount = 0;
        this.definedCount = 0;
        this.text.setLength(0);
        this.tableText.setLength(0);
    }

    /** Empties the tables; the next call tells the context to do the same. */
    void forget() {
        this.open = false;
        if (this.strings > 0) {
            Arrays.fill(this.tableKeys, null);
        }
        this.strings = 0;
        this.knownStrings = 0;
        this.tableChars = 0;
        this.root = new Shape(null, null);
        this.shapes = 0;
        this.knownShapes = 0;
    }

    void op(int op) {
        if (this.intCount == this.ints.length) {
            this.ints = Arrays.copyOf(this.ints, this.ints.length * 2);
        }
        this.ints[this.intCount++] = op;
    }

    void op(int op, int operand) {
        if (this.intCount + 2 > this.ints.length) {
            this.ints = Arrays.copyOf(this.ints, this.ints.length * 2);
        }
        this.ints[this.intCount++] = op;
        this.ints[this.intCount++] = operand;
    }

    void integer(int value) {
        if (value >= PACKED_MIN && value <= PACKED_MAX) {
            op(INT | value << OPERATION_BITS);
        }
        else {
            op(WIDE_INT, value);
        }
    }

    void array(int length) {
        if (length <= PACKED_MAX) {
            op(ARRAY | length << OPERATION_BITS);
        }
        else {
            op(WIDE_ARRAY, length);
        }
    }

    void number(int op, double value) {
        op(op);
        if (this.doubleCount == this.doubles.length) {
            this.doubles = Arrays.copyOf(this.doubles, this.doubles.length * 2);
        }
        this.doubles[this.doubleCount++] = value;
    }

    /** A string: by its number when the table holds it or can take it, else as text. */
    void string(String value) {
        int id = value.length() > MAX_TABLE_STRING ? -1 : stringId(value, MAX_STRINGS);
        if (id < 0) {
            text(TEXT, value);
        }
        else {
            op(STRING | id << OPERATION_BITS);
        }
    }

    /**
     * Whether an object of {@code keys} keys gets a shape: the tables have room for all
     * of them, else it crosses with its keys.
     */
    boolean takesShape(int keys) {
        return keys <= MAX_SHAPE_KEYS && this.shapes + keys <= MAX_SHAPES * 2;
    }

    /** {@code value} as text of this call only, after {@code op}. */
    void text(int op, String value) {
        op(op, this.text.length());
        op(value.length());
        this.text.append(value);
    }

    void bytes(byte[] value) {
        op(BYTES, this.byteCount);
        op(value.length);
        if (this.byteCount + value.length > this.bytes.length) {
            this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.byteCount + value.length));
        }
        System.arraycopy(value, 0, this.bytes, this.byteCount, value.length);
        this.byteCount += value.length;
    }

    /** Where an object's shape goes once its keys are known. */
    int startObject() {
        op(OBJECT);
        return this.intCount - 1;
    }

    /** The shape of the keys so far followed by {@code key}. */
    Shape next(Shape shape, String key) {
        Shape from = shape == null ? this.root : shape;
        return from.next(key);
    }

    /** Puts the shape of an object with at least one key in its slot. */
    void endObject(int slot, Shape shape) {
        this.ints[slot] = OBJECT | idOf(shape) << OPERATION_BITS;
    }

    private int idOf(Shape shape) {
        if (shape.id < 0) {
            int parent = shape.parent == this.root ? -1 : idOf(shape.parent);
            shape.id = this.shapes++;
            if (this.definedCount + 4 > this.defined.length) {
                this.defined = Arrays.copyOf(this.defined, this.defined.length * 2);
            }
            this.defined[this.definedCount++] = shape.id;
            this.defined[this.definedCount++] = parent;
            this.defined[this.definedCount++] = this.tableText.length();
            this.defined[this.definedCount++] = shape.key.length();
            this.tableText.append(shape.key);
            this.tableChars += shape.key.length();
        }
        return shape.id;
    }

    /**
     * The number of {@code value} in the table, added when new while the table holds
     * fewer than {@code room} strings; else -1.
     */
    private int stringId(String value, int room) {
        int mask = TABLE_SLOTS - 1;
        int slot = value.hashCode() & mask;
        for (String key = this.tableKeys[slot]; key != null; key = this.tableKeys[slot]) {
            if (key == value || key.equals(value)) {
                return this.tableIds[slot];
            }
            slot = (slot + 1) & mask;
        }
        if (this.strings >= room) {
            return -1;
        }
        int id = this.strings++;
        this.tableKeys[slot] = value;
        this.tableIds[slot] = id;
        this.tableChars += value.length();
        if (this.addedCount + 3 > this.added.length) {
            this.added = Arrays.copyOf(this.added, this.added.length * 2);
        }
        this.added[this.addedCount++] = id;
        this.added[this.addedCount++] = this.tableText.length();
        this.added[this.addedCount++] = value.length();
        this.tableText.append(value);
        return id;
    }

    /** Shares a new buffer with a context that was just readied. */
    void attach(V8Runtime runtime) throws JavetException {
        detach();
        this.shared = runtime.createV8ValueArrayBuffer(SHARED_SIZE);
        this.sharedBytes = this.shared.getByteBuffer().order(ByteOrder.nativeOrder());
    }

    /** The buffer to hand the context's host when it installs. */
    V8ValueArrayBuffer shared() {
        return this.shared;
    }

    /** Lets go of the buffer before its context goes away; its memory is V8's. */
    void detach() {
        this.sharedBytes = null;
        if (this.shared != null) {
            try {
                this.shared.close();
            }
            catch (JavetException ignored) {
                // the context goes away with it
            }
            this.shared = null;
        }
        forget();
    }

    /**
     * Sends what was written to {@code function} as its operation {@code op}, with
     * {@code first} ahead of the rest when it is not {@code null}, for {@code count}
     * arguments of the function at {@code path}.
     */
    V8Value send(V8Runtime runtime, V8ValueFunction function, int op, Object first, String path, int count)
            throws JavetException {
        int pathId = stringId(path, MAX_STRINGS + 1);
        int header = HEADER + this.addedCount + this.definedCount;
        int totalInts = header + this.intCount;
        String fresh = this.text.length() == 0 ? null : this.text.toString();
        String kept = this.tableText.length() == 0 ? null : this.tableText.toString();
        boolean fits = totalInts <= SHARED_INTS && this.doubleCount <= SHARED_DOUBLES && this.byteCount <= SHARED_BYTES;
        V8ValueArrayBuffer own = null;
        V8Value answer;
        try {
            ByteBuffer target;
            int doubleStart;
            int byteStart;
            if (fits) {
                target = this.sharedBytes;
                doubleStart = SHARED_INTS / 2;
                byteStart = SHARED_INTS * 4 + SHARED_DOUBLES * 8;
            }
            else {
                doubleStart = (totalInts + 1) / 2;
                byteStart = doubleStart * 8 + this.doubleCount * 8;
                // typed arrays of doubles view the whole buffer: a multiple of eight
                // bytes
                own = runtime.createV8ValueArrayBuffer((byteStart + this.byteCount + 7) & ~7);
                target = own.getByteBuffer().order(ByteOrder.nativeOrder());
            }
            write(target, count, doubleStart, byteStart, pathId);
            Object[] args = first == null ? new Object[] { op, kept, fresh, own }
                    : new Object[] { op, first, kept, fresh, own };
            int used = args.length;
            while (used > 0 && args[used - 1] == null) {
                used--;
            }
            answer = function.call(null, used == args.length ? args : Arrays.copyOf(args, used));
        }
        finally {
            if (own != null) {
                own.close();
            }
        }
        this.open = false;
        this.knownStrings = this.strings;
        this.knownShapes = this.shapes;
        return answer;
    }

    private void write(ByteBuffer target, int count, int doubleStart, int byteStart, int pathId) {
        var ints = target.asIntBuffer();
        ints.put(0, count);
        ints.put(1, doubleStart);
        ints.put(2, byteStart);
        ints.put(3, this.knownStrings);
        ints.put(4, this.knownShapes);
        ints.put(5, this.addedCount / 3);
        ints.put(6, this.definedCount / 4);
        ints.put(7, pathId);
        ints.put(HEADER, this.added, 0, this.addedCount);
        ints.put(HEADER + this.addedCount, this.defined, 0, this.definedCount);
        ints.put(HEADER + this.addedCount + this.definedCount, this.ints, 0, this.intCount);
        if (this.doubleCount > 0) {
            target.asDoubleBuffer().put(doubleStart, this.doubles, 0, this.doubleCount);
        }
        if (this.byteCount > 0) {
            target.put(byteStart, this.bytes, 0, this.byteCount);
        }
    }

    /** The keys of an object so far, as a node in a tree of such sequences. */
    static final class Shape {

        final Shape parent;

        final String key;

        /** Its number in the tables, or -1 while the context has not been told of it. */
        int id = -1;

        private Shape last;

        private Map<String, Shape> next;

        Shape(Shape parent, String key) {
            this.parent = parent;
            this.key = key;
        }

        Shape next(String key) {
            Shape last = this.last;
            if (last != null && last.key.equals(key)) {
                return last;
            }
            if (this.next == null) {
                this.next = new HashMap<>(4);
            }
            Shape shape = this.next.computeIfAbsent(key, (name) -> new Shape(this, name));
            this.last = shape;
            return shape;
        }

    }

}
