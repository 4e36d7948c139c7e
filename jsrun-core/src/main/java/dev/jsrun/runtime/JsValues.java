package dev.jsrun.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.primitive.V8ValueBigInteger;
import com.caoccao.javet.values.primitive.V8ValueBoolean;
import com.caoccao.javet.values.primitive.V8ValueDouble;
import com.caoccao.javet.values.primitive.V8ValueInteger;
import com.caoccao.javet.values.primitive.V8ValueLong;
import com.caoccao.javet.values.primitive.V8ValueNull;
import com.caoccao.javet.values.primitive.V8ValueString;
import com.caoccao.javet.values.primitive.V8ValueUndefined;
import com.caoccao.javet.values.primitive.V8ValueZonedDateTime;
import com.caoccao.javet.values.reference.IV8ValueArray;
import com.caoccao.javet.values.reference.V8ValueArray;
import com.caoccao.javet.values.reference.V8ValueArrayBuffer;
import com.caoccao.javet.values.reference.V8ValueError;
import com.caoccao.javet.values.reference.V8ValueFunction;
import com.caoccao.javet.values.reference.V8ValueMap;
import com.caoccao.javet.values.reference.V8ValueObject;
import com.caoccao.javet.values.reference.V8ValuePromise;
import com.caoccao.javet.values.reference.V8ValueSet;
import com.caoccao.javet.values.reference.V8ValueSymbol;
import com.caoccao.javet.values.reference.V8ValueTypedArray;

import dev.jsrun.JsConversionException;

/** JavaScript values to the Java values users expect. */
final class JsValues {

    private static final int MAX_DEPTH = 1_000;
    private static final double MAX_SAFE_INTEGER = 9007199254740991d;

    private JsValues() {
    }

    /** Converts a value; the caller still owns (and closes) {@code value}. */
    static Object toJava(V8Value value) throws JavetException {
        if (value == null || value instanceof V8ValueUndefined || value instanceof V8ValueNull) {
            return null;
        }
        if (value instanceof V8ValueInteger i) return i.getValue();
        if (value instanceof V8ValueString s) return s.getValue();
        return new Walk().convert(value);
    }

    static Object number(double value) {
        if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) <= MAX_SAFE_INTEGER
                && !(value == 0 && 1 / value < 0)) {
            long integral = (long) value;
            if (integral >= Integer.MIN_VALUE && integral <= Integer.MAX_VALUE) {
                return (int) integral;
            }
            return integral;
        }
        return value;
    }

    /** Narrows a converted value to what the caller asked for. */
    @SuppressWarnings("unchecked")
    static <T> T as(Object value, Class<T> type) {
        if (value == null) {
            if (type.isPrimitive()) {
                throw new JsConversionException("JavaScript value is null or undefined, which cannot become " + type.getName());
            }
            return null;
        }
        Class<?> boxed = box(type);
        if (boxed.isInstance(value)) {
            return (T) value;
        }
        if (value instanceof Number number && Number.class.isAssignableFrom(boxed)) {
            Object narrowed = narrow(number, boxed);
            if (narrowed != null) {
                return (T) narrowed;
            }
        }
        if (boxed == String.class && (value instanceof Number || value instanceof Boolean)) {
            return (T) String.valueOf(value);
        }
        throw new JsConversionException("JavaScript value " + abbreviate(value) + " (" + describe(value)
                + ") cannot be converted to " + type.getName());
    }

    private static Object narrow(Number number, Class<?> type) {
        double value = number.doubleValue();
        boolean integral = value == Math.rint(value) && !Double.isInfinite(value);
        if (type == Double.class) {
            return value;
        }
        if (type == Float.class) {
            return number.floatValue();
        }
        if (type == Long.class && integral && number.longValue() == value) {
            return number.longValue();
        }
        if (type == Integer.class && integral && value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
            return number.intValue();
        }
        if (type == Short.class && integral && value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            return number.shortValue();
        }
        if (type == Byte.class && integral && value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            return number.byteValue();
        }
        if (type == Number.class) {
            return number;
        }
        return null;
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == int.class) return Integer.class;
        if (type == long.class) return Long.class;
        if (type == double.class) return Double.class;
        if (type == boolean.class) return Boolean.class;
        if (type == float.class) return Float.class;
        if (type == short.class) return Short.class;
        if (type == byte.class) return Byte.class;
        if (type == char.class) return Character.class;
        return Void.class;
    }

    private static String describe(Object value) {
        if (value instanceof String) return "string";
        if (value instanceof Number) return "number";
        if (value instanceof Boolean) return "boolean";
        if (value instanceof List) return "array";
        if (value instanceof Map) return "object";
        return value.getClass().getSimpleName();
    }

    private static String abbreviate(Object value) {
        String text = value instanceof String ? "'" + value + "'" : String.valueOf(value);
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    /** One conversion: tracks the objects being converted to refuse cycles with a path. */
    private static final class Walk {

        private final Deque<V8Value> open = new ArrayDeque<>();
        private final Deque<String> path = new ArrayDeque<>();

        Object convert(V8Value value) throws JavetException {
            if (value == null || value instanceof V8ValueUndefined || value instanceof V8ValueNull) {
                return null;
            }
            if (value instanceof V8ValueBoolean b) return b.getValue();
            if (value instanceof V8ValueInteger i) return i.getValue();
            if (value instanceof V8ValueDouble d) return number(d.getValue());
            if (value instanceof V8ValueString s) return s.getValue();
            if (value instanceof V8ValueLong l) return l.getValue();
            if (value instanceof V8ValueBigInteger b) return b.getValue();
            if (value instanceof V8ValueZonedDateTime z) return z.getValue().toInstant();
            if (value instanceof V8ValueFunction || value instanceof V8ValueSymbol) {
                return null;
            }
            if (value instanceof V8ValuePromise) {
                throw new JsConversionException("the script evaluated to a Promise" + at()
                        + "; use evalAsync to wait for its value");
            }
            if (this.open.size() >= MAX_DEPTH) {
                throw new JsConversionException("value is nested deeper than " + MAX_DEPTH + " levels" + at());
            }
            for (V8Value ancestor : this.open) {
                if (ancestor.strictEquals(value)) {
                    throw new JsConversionException("value has a circular reference" + at());
                }
            }
            this.open.push(value);
            try {
                return convertReference(value);
            }
            finally {
                this.open.pop();
            }
        }

        private Object convertReference(V8Value value) throws JavetException {
            if (value instanceof V8ValueArray array) {
                return list(array);
            }
            if (value instanceof V8ValueTypedArray typed) {
                return typed.toBytes();
            }
            if (value instanceof V8ValueArrayBuffer buffer) {
                return buffer.toBytes();
            }
            if (value instanceof V8ValueMap map) {
                Map<Object, Object> result = new LinkedHashMap<>();
                map.forEach((V8Value k, V8Value v) -> result.put(convert(k), child(String.valueOf(convert(k)), v)));
                return result;
            }
            if (value instanceof V8ValueSet set) {
                Set<Object> result = new LinkedHashSet<>();
                set.forEach((V8Value item) -> result.add(convert(item)));
                return result;
            }
            if (value instanceof V8ValueError error) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("name", error.getString("name"));
                result.put("message", error.getMessage());
                result.put("stack", error.getStack());
                return result;
            }
            if (value instanceof V8ValueObject object) {
                return map(object);
            }
            return value.toString();
        }

        private List<Object> list(IV8ValueArray array) throws JavetException {
            int length = array.getLength();
            List<Object> result = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                try (V8Value item = array.get(i)) {
                    result.add(child("[" + i + "]", item));
                }
            }
            return result;
        }

        private Map<String, Object> map(V8ValueObject object) throws JavetException {
            Map<String, Object> result = new LinkedHashMap<>();
            try (IV8ValueArray keys = object.getOwnPropertyNames()) {
                int length = keys.getLength();
                for (int i = 0; i < length; i++) {
                    String key = keys.getString(i);
                    try (V8Value item = object.get(key)) {
                        if (!(item instanceof V8ValueFunction) && !(item instanceof V8ValueSymbol)) {
                            result.put(key, child("." + key, item));
                        }
                    }
                }
            }
            return result;
        }

        private Object child(String step, V8Value value) throws JavetException {
            this.path.addLast(step);
            try {
                return convert(value);
            }
            finally {
                this.path.removeLast();
            }
        }

        private String at() {
            return this.path.isEmpty() ? "" : " at $" + String.join("", this.path);
        }

    }

}
