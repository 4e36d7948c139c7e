package dev.jsrun.internal.runtime;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

import dev.jsrun.JsConversionException;
import dev.jsrun.JsFunction;
import dev.jsrun.JsObjectMapper;

/**
 * Turns the Java arguments of a call into what the host's {@code readArguments} makes
 * JavaScript values of, written into an {@link ArgumentChannel}: operations and numbers,
 * never source code.
 * <p>
 * What crosses: {@code null}; booleans; integral numbers (as BigInt beyond
 * ±2<sup>53</sup>−1, as {@code BigInteger} always); {@code double}, {@code float} (by its
 * shortest decimal, so 0.1f is 0.1) and {@code BigDecimal} as numbers (NaN, the
 * infinities and −0 kept; a {@code BigDecimal} is rounded to the nearest double);
 * strings, characters and other {@code CharSequence}s; enums by name; {@code byte[]} as a
 * {@code Uint8Array}, {@code char[]} as a string, other arrays and collections as arrays;
 * maps with string keys as plain objects; {@code Instant} and {@code Date} (with
 * {@code java.sql}'s {@code Date}, {@code Time} and {@code Timestamp}) as dates;
 * {@code Optional}s as their value or {@code null}; records and other objects as the
 * {@link JsObjectMapper} writes them, or, without one, records as plain objects of their
 * components, in declaration order. Anything else, circular structures, and text past the
 * size limit or nesting past {@link #MAX_DEPTH} throw a {@link JsConversionException}
 * that names the argument and the path to the value, as does any exception that reading a
 * value throws (an iterator's, a {@code toString()}'s), which becomes its cause.
 */
final class ValueEncoder {

    /** As deep as the host's encoder lets results nest. */
    static final int MAX_DEPTH = 1000;

    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    /** The stack for arguments that nest deeper than their caller's stack allows. */
    static final long DEEP_STACK = 64L << 20;

    /**
     * The range of a JavaScript {@code Date}: ±10<sup>8</sup> days from the epoch, in
     * milliseconds.
     */
    private static final long MAX_DATE = 8_640_000_000_000_000L;

    private final ArgumentChannel out;

    private final int limit;

    private final JsObjectMapper mapper;

    /**
     * The characters the arguments would take as JSON text, about: what the limit bounds.
     */
    private long size;

    /** The containers being written, from the arguments array down: for cycles. */
    private Object[] openAt = new Object[16];

    /** Whether this runs on the deep stack already, where no retry is left. */
    private final boolean deepStack;

    private ValueEncoder(ArgumentChannel out, int limit, JsObjectMapper mapper, boolean deepStack) {
        this.deepStack = deepStack;
        this.out = out;
        this.limit = limit;
        this.mapper = mapper;
    }

    /**
     * The arguments, together at most {@code limit} characters. Arguments that nest
     * deeper than the caller's stack allows are written again on a thread of
     * {@link #DEEP_STACK} bytes, so that the limit of nesting, not the stack, decides.
     * @throws JsConversionException naming {@code function}, the argument and the path of
     * what cannot cross
     */
    static void encodeArguments(String function, Object[] args, ArgumentChannel out, int limit, JsObjectMapper mapper) {
        try {
            encode(function, args, out, limit, mapper, false);
        }
        catch (StackOverflowError ex) {
            onDeepStack(() -> encode(function, args, out, limit, mapper, true));
        }
    }

    /** As {@link #encodeArguments}, on this thread only when {@code deepStack}. */
    static void encode(String function, Object[] args, ArgumentChannel out, int limit, JsObjectMapper mapper,
            boolean deepStack) {
        Object[] values = args == null ? new Object[0] : args;
        ValueEncoder encoder = new ValueEncoder(out, limit, mapper, deepStack);
        out.begin();
        for (int i = 0; i < values.length; i++) {
            try {
                encoder.value(values[i], 0);
            }
            catch (Refusal refusal) {
                String where = refusal.path().isEmpty() ? "" : "at " + refusal.path() + ": ";
                throw new JsConversionException(function + "(): argument " + (i + 1) + " of " + values.length
                        + " cannot cross to JavaScript: " + where + refusal.getMessage(), refusal.getCause());
            }
            catch (RuntimeException ex) {
                throw new JsConversionException(function + "(): argument " + (i + 1) + " of " + values.length
                        + " cannot cross to JavaScript: " + threw(values[i], ex).getMessage(), ex);
            }
            catch (StackOverflowError ex) {
                if (!deepStack) {
                    throw ex;
                }
                // an object mapper's own recursion, for one
                throw new JsConversionException(function + "(): argument " + (i + 1) + " of " + values.length
                        + " cannot cross to JavaScript: it is nested deeper than a stack of " + DEEP_STACK
                        + " bytes allows");
            }
        }
    }

    /**
     * Runs {@code task} on a thread of its own with a stack of {@link #DEEP_STACK} bytes
     * and waits for it; what it throws is thrown here.
     */
    private static void onDeepStack(Runnable task) {
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(null, () -> {
            try {
                task.run();
            }
            catch (RuntimeException | Error ex) {
                failure[0] = ex;
            }
        }, "jsrun-deep-arguments", DEEP_STACK);
        thread.setDaemon(true);
        thread.start();
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            }
            catch (InterruptedException ex) {
                // the writer holds this isolate's channel: it must finish before the
                // caller goes on
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] instanceof RuntimeException ex) {
            throw ex;
        }
        if (failure[0] instanceof Error error) {
            throw error;
        }
    }

    /** Writes {@code value}, which sits {@code depth} containers down. */
    private void value(Object value, int depth) {
        // the common final classes first, written here, then containers before any other
        // interface check: a miss costs a scan of the class's interfaces, paid per value
        if (value instanceof String text) {
            string(text);
            return;
        }
        if (value instanceof Integer number) {
            integral(number);
            return;
        }
        if (value instanceof Double number) {
            number(number);
            return;
        }
        if (value == null || value instanceof Boolean || value instanceof Long) {
            scalar(value, depth);
            return;
        }
        // the JDK's maps and collections by their abstract classes first: a class check
        // is one load, an interface check can scan
        boolean map = value instanceof AbstractMap || !(value instanceof AbstractCollection) && value instanceof Map;
        boolean collection = !map && (value instanceof AbstractCollection || value instanceof Collection);
        if (!map && !collection) {
            if (scalar(value, depth)) {
                return;
            }
            boolean array = value.getClass().isArray();
            if (!array && this.mapper != null) {
                mapped(value, depth);
                return;
            }
            if (!array && !value.getClass().isRecord()) {
                throw new Refusal("a " + describe(value) + " is none of the kinds that cross without an object "
                        + "mapper (null, boolean, number, string, enum, array, collection, map with string keys, "
                        + "Instant, Date, Optional, record); add tools.jackson.core:jackson-databind (Jackson 3) to the "
                        + "class path or set RuntimeConfig.Builder.objectMapper, or pass a record or a Map");
            }
        }
        // a container, written here rather than in a method of its own: each level of
        // nesting costs stack frames
        if (depth >= MAX_DEPTH) {
            throw new Refusal("it is nested deeper than " + MAX_DEPTH + " levels");
        }
        for (int i = 0; i <= depth; i++) {
            if (this.openAt[i] == value) {
                throw new Refusal("it has a circular reference (a " + describe(value) + " that contains itself)");
            }
        }
        if (depth + 1 == this.openAt.length) {
            // most arguments nest a few levels: the path grows only for those that nest
            // deeper
            this.openAt = Arrays.copyOf(this.openAt, Math.min(this.openAt.length * 2, MAX_DEPTH + 2));
        }
        this.openAt[depth + 1] = value;
        try {
            if (map) {
                map((Map<?, ?>) value, depth + 1);
            }
            else if (collection) {
                collection((Collection<?>) value, depth + 1);
            }
            else if (value.getClass().isArray()) {
                array(value, depth + 1);
            }
            else {
                record(value, depth + 1);
            }
        }
        finally {
            this.openAt[depth + 1] = null;
        }
    }

    /** Writes {@code value} if it is no container, record or POJO; whether it was. */
    private boolean scalar(Object value, int depth) {
        if (value == null) {
            this.out.op(ArgumentChannel.NULL);
            grow(4);
            return true;
        }
        if (value instanceof String text) {
            string(text);
            return true;
        }
        if (value instanceof Boolean bool) {
            this.out.op(bool ? ArgumentChannel.TRUE : ArgumentChannel.FALSE);
            grow(5);
            return true;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            integral(((Number) value).longValue());
            return true;
        }
        if (value instanceof Double number) {
            number(number);
            return true;
        }
        if (value instanceof Float number) {
            // the shortest decimal that names the float, as Jackson writes it: 0.1f
            // crosses as 0.1
            number(Float.isFinite(number) ? Double.parseDouble(number.toString()) : number.doubleValue());
            return true;
        }
        if (value instanceof BigInteger big) {
            String digits = big.toString();
            if (!room(digits.length())) {
                throw tooLarge("a BigInt of " + digits.length() + " digits");
            }
            this.out.text(ArgumentChannel.BIG_INT, digits);
            grow(digits.length() + 2);
            return true;
        }
        if (value instanceof BigDecimal decimal) {
            number(decimal.doubleValue());
            return true;
        }
        if (value instanceof Character character) {
            string(String.valueOf(character.charValue()));
            return true;
        }
        if (value instanceof CharSequence text) {
            string(text.toString());
            return true;
        }
        if (value instanceof Enum<?> constant) {
            string(constant.name());
            return true;
        }
        if (value instanceof Instant instant) {
            long millis;
            try {
                millis = instant.toEpochMilli();
            }
            catch (ArithmeticException ex) {
                millis = Long.MAX_VALUE;
            }
            date(millis, instant);
            return true;
        }
        if (value instanceof Date date) {
            // getTime(), as java.sql's Date and Time refuse toInstant()
            date(date.getTime(), date);
            return true;
        }
        if (value instanceof byte[] bytes) {
            bytes(bytes);
            return true;
        }
        if (value instanceof char[] chars) {
            string(new String(chars));
            return true;
        }
        if (value instanceof Optional<?> optional) {
            value(optional.orElse(null), depth);
            return true;
        }
        if (value instanceof OptionalInt optional) {
            value(optional.isPresent() ? (Object) optional.getAsInt() : null, depth);
            return true;
        }
        if (value instanceof OptionalLong optional) {
            value(optional.isPresent() ? (Object) optional.getAsLong() : null, depth);
            return true;
        }
        if (value instanceof OptionalDouble optional) {
            value(optional.isPresent() ? (Object) optional.getAsDouble() : null, depth);
            return true;
        }
        if (value instanceof Number number) {
            // AtomicLong, LongAdder and the like: their current value
            if (number.doubleValue() == number.longValue()) {
                integral(number.longValue());
            }
            else {
                number(number.doubleValue());
            }
            return true;
        }
        if (value instanceof JsFunction || value instanceof Runnable || value instanceof java.util.function.Function
                || value instanceof java.util.function.Supplier || value instanceof java.util.function.Consumer) {
            throw new Refusal("a " + describe(value) + " is a function, and functions cannot cross; bind it with "
                    + "JsRuntime.bind(name, function) and pass its name instead");
        }
        return false;
    }

    /** A record or POJO as the object mapper writes it, encoded by the rules above. */
    private void mapped(Object value, int depth) {
        if (depth >= MAX_DEPTH) {
            throw new Refusal("it is nested deeper than " + MAX_DEPTH + " levels");
        }
        Object tree;
        try {
            tree = this.mapper.toTree(value);
        }
        catch (StackOverflowError ex) {
            if (!this.deepStack) {
                throw ex;
            }
            throw new Refusal("the object mapper (" + this.mapper + ") cannot write a " + describe(value)
                    + ": it nests too deep or has a circular reference");
        }
        catch (RuntimeException ex) {
            String why = String.valueOf(ex.getMessage()).replaceAll("\\s+", " ");
            throw new Refusal("the object mapper (" + this.mapper + ") cannot write a " + describe(value) + ": "
                    + (why.length() > 300 ? why.substring(0, 297) + "..." : why));
        }
        if (tree != null && tree.getClass() == value.getClass()) {
            throw new Refusal(
                    "the object mapper (" + this.mapper + ") gave the " + describe(value) + " back as it was");
        }
        value(tree, depth);
    }

    private void integral(long value) {
        if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
            this.out.integer((int) value);
            grow(11);
        }
        else if (value >= -MAX_SAFE_INTEGER && value <= MAX_SAFE_INTEGER) {
            this.out.number(ArgumentChannel.DOUBLE, value);
            grow(17);
        }
        else {
            this.out.text(ArgumentChannel.BIG_INT, Long.toString(value));
            grow(22);
        }
    }

    /** Any double, NaN, the infinities and −0 included: it crosses as its bits. */
    private void number(double value) {
        this.out.number(ArgumentChannel.DOUBLE, value);
        grow(24);
    }

    private void string(String text) {
        if (!room(text.length())) {
            throw tooLarge("a string of " + text.length() + " characters");
        }
        this.out.string(text);
        grow(text.length() + 2);
    }

    /** The date {@code millis} from the epoch, which is {@code shown} in a refusal. */
    private void date(long millis, Object shown) {
        if (millis > MAX_DATE || millis < -MAX_DATE) {
            throw new Refusal(shown + " is outside the range of a JavaScript Date (±8.64e15 ms from the epoch)");
        }
        this.out.number(ArgumentChannel.DATE, millis);
        grow(24);
    }

    private void bytes(byte[] bytes) {
        // as many characters as base64 would take, the form the limit was first stated in
        int length = (bytes.length + 2) / 3 * 4;
        if (!room(length)) {
            throw tooLarge("a byte[] of " + bytes.length + " bytes");
        }
        this.out.bytes(bytes);
        grow(length + 2);
    }

    private void collection(Collection<?> collection, int depth) {
        int size = collection.size();
        if (!room(size)) {
            throw tooLarge("a " + describe(collection) + " of " + size + " items");
        }
        this.out.array(size);
        grow(2);
        int index = 0;
        for (Object item : collection) {
            if (index == size) {
                throw new Refusal("the " + describe(collection) + " grew while it was read");
            }
            item(item, depth, index++);
        }
        if (index != size) {
            throw new Refusal("the " + describe(collection) + " shrank while it was read");
        }
    }

    private void array(Object array, int depth) {
        int length = Array.getLength(array);
        if (!room(length)) {
            throw tooLarge("an array of " + length + " items");
        }
        this.out.array(length);
        grow(2);
        if (array instanceof Object[] objects) {
            for (int i = 0; i < length; i++) {
                item(objects[i], depth, i);
            }
        }
        else {
            for (int i = 0; i < length; i++) {
                // a primitive array: boxing each element is the simple way to one set of
                // rules
                item(Array.get(array, i), depth, i);
            }
        }
    }

    private void item(Object item, int depth, int index) {
        try {
            value(item, depth);
        }
        catch (Refusal refusal) {
            throw refusal.under("[" + index + "]");
        }
        catch (RuntimeException ex) {
            throw threw(item, ex).under("[" + index + "]");
        }
        grow(1);
    }

    private void map(Map<?, ?> map, int depth) {
        int size = map.size();
        if (!room(size)) {
            throw tooLarge("a " + describe(map) + " of " + size + " entries");
        }
        grow(2);
        boolean shaped = size > 0 && this.out.takesShape(size);
        int slot = shaped ? this.out.startObject() : -1;
        if (!shaped) {
            this.out.op(ArgumentChannel.KEYED, size);
        }
        ArgumentChannel.Shape shape = null;
        int count = 0;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Object key = entry.getKey();
            if (!(key instanceof String name)) {
                throw new Refusal("a " + describe(map) + " with a key of type " + (key == null ? "null" : describe(key))
                        + " (" + abbreviate(String.valueOf(key))
                        + "): only maps with String keys become JavaScript objects");
            }
            if (count == size) {
                throw new Refusal("the " + describe(map) + " grew while it was read");
            }
            count++;
            if (shaped) {
                shape = this.out.next(shape, name);
            }
            else {
                this.out.text(ArgumentChannel.TEXT, name);
            }
            property(name, entry.getValue(), depth);
        }
        if (count != size) {
            throw new Refusal("the " + describe(map) + " shrank while it was read");
        }
        if (shaped) {
            this.out.endObject(slot, shape);
        }
    }

    private void record(Object record, int depth) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        grow(2);
        boolean shaped = components.length > 0 && this.out.takesShape(components.length);
        int slot = shaped ? this.out.startObject() : -1;
        if (!shaped) {
            this.out.op(ArgumentChannel.KEYED, components.length);
        }
        ArgumentChannel.Shape shape = null;
        for (RecordComponent component : components) {
            Method accessor = component.getAccessor();
            Object value;
            try {
                if (!accessor.canAccess(record)) {
                    accessor.setAccessible(true);
                }
                value = accessor.invoke(record);
            }
            catch (InvocationTargetException ex) {
                throw new Refusal("its accessor " + component.getName() + "() threw " + ex.getCause())
                    .under("." + component.getName());
            }
            catch (ReflectiveOperationException | RuntimeException ex) {
                throw new Refusal("its accessor " + component.getName() + "() cannot be called: " + ex.getMessage())
                    .under("." + component.getName());
            }
            if (shaped) {
                shape = this.out.next(shape, component.getName());
            }
            else {
                this.out.text(ArgumentChannel.TEXT, component.getName());
            }
            property(component.getName(), value, depth);
        }
        if (shaped) {
            this.out.endObject(slot, shape);
        }
    }

    private void property(String name, Object value, int depth) {
        if (!room(name.length())) {
            throw tooLarge("a property name of " + name.length() + " characters");
        }
        grow(name.length() + 4);
        try {
            value(value, depth);
        }
        catch (Refusal refusal) {
            throw refusal.under(step(name));
        }
        catch (RuntimeException ex) {
            throw threw(value, ex).under(step(name));
        }
    }

    /**
     * Whether {@code size} more characters fit; the message of a refusal is built only
     * when one is due.
     */
    private boolean room(long size) {
        return size <= this.limit - this.size;
    }

    private Refusal tooLarge(String what) {
        return new Refusal(what + " is larger than the argument size limit of " + this.limit
                + " characters allows (RuntimeConfig.Builder.maxResultSize)");
    }

    /** Counts {@code characters} more against the limit. */
    private void grow(int characters) {
        this.size += characters;
        if (this.size > this.limit) {
            throw new Refusal("the arguments are larger than the argument size limit of " + this.limit
                    + " characters (RuntimeConfig.Builder.maxResultSize)");
        }
    }

    /**
     * What reading {@code value} threw, {@code ex} being no refusal: a value's own code
     * (an iterator, a {@code toString()}) or a bug of jsrun's, either way not the
     * caller's to catch raw.
     */
    private static Refusal threw(Object value, RuntimeException ex) {
        String what = String.valueOf(ex).replaceAll("\\s+", " ");
        return new Refusal("reading the " + (value == null ? "null" : describe(value)) + " threw "
                + (what.length() > 300 ? what.substring(0, 297) + "..." : what), ex);
    }

    private static String step(String name) {
        return name.matches("[A-Za-z_$][\\w$]*") ? "." + name : "[" + quote(abbreviate(name)) + "]";
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private static String describe(Object value) {
        return value.getClass().getName();
    }

    /** Why a value cannot cross, with the path to it, built as the refusal unwinds. */
    private static final class Refusal extends RuntimeException {

        private String path = "";

        Refusal(String message) {
            super(message, null, false, false);
        }

        Refusal(String message, Throwable cause) {
            super(message, cause, false, false);
        }

        Refusal under(String step) {
            this.path = step + this.path;
            return this;
        }

        String path() {
            return this.path.isEmpty() ? "" : "$" + this.path;
        }

    }

}
