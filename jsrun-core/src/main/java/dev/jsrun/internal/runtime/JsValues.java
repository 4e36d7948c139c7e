package dev.jsrun.internal.runtime;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import dev.jsrun.JsConversionException;
import dev.jsrun.JsObjectMapper;
import dev.jsrun.JsType;

/** Narrows the Java values of JavaScript results to what callers ask for. */
final class JsValues {

    private static final double MAX_SAFE_INTEGER = 9007199254740991d;

    private JsValues() {
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

    /**
     * Narrows a converted value to what the caller asked for: the JDK's types as
     * {@link #as(Object, Class)} does, application and generic types through
     * {@code mapper}.
     */
    @SuppressWarnings("unchecked")
    static <T> T as(Object value, Class<T> type, JsObjectMapper mapper) {
        if (mapper == null || jdkType(type) || (value != null && type.isInstance(value))) {
            return as(value, type);
        }
        return (T) mapped(value, type, mapper);
    }

    @SuppressWarnings("unchecked")
    static <T> T as(Object value, JsType<T> type, JsObjectMapper mapper) {
        Type target = type.type();
        if (target instanceof Class<?> plain) {
            return (T) as(value, plain, mapper);
        }
        if (mapper == null) {
            throw new JsConversionException("JavaScript value " + abbreviate(value) + " cannot be converted to "
                    + target.getTypeName() + " without an object mapper: add tools.jackson.core:jackson-databind "
                    + "(Jackson 3) to the class path or set RuntimeConfig.Builder.objectMapper");
        }
        if (target instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw
                && jdkType(raw) && !(value instanceof List || value instanceof Map || value instanceof java.util.Set)) {
            // List<Invoice> from a string is a type error, not one of Jackson's coercions
            throw new JsConversionException("JavaScript value " + abbreviate(value) + " (" + describe(value)
                    + ") cannot be converted to " + target.getTypeName());
        }
        return (T) mapped(value, target, mapper);
    }

    private static Object mapped(Object value, Type type, JsObjectMapper mapper) {
        try {
            return mapper.fromTree(value, type);
        }
        catch (RuntimeException ex) {
            throw new JsConversionException("JavaScript value " + abbreviate(value) + " (" + describe(value)
                    + ") cannot be converted to " + type.getTypeName() + ": " + ex.getMessage());
        }
    }

    /**
     * The JDK's own types convert by jsrun's rules, so that Jackson's coercions ("42" to
     * 42) never apply to them.
     */
    private static boolean jdkType(Class<?> type) {
        return type.isArray() ? jdkType(type.getComponentType())
                : type.isPrimitive() || type.getName().startsWith("java.");
    }

    /** Narrows a converted value to what the caller asked for. */
    @SuppressWarnings("unchecked")
    static <T> T as(Object value, Class<T> type) {
        if (value == null) {
            if (type.isPrimitive()) {
                throw new JsConversionException(
                        "JavaScript value is null or undefined, which cannot become " + type.getName());
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
        if (type == Double.class) {
            return number.doubleValue();
        }
        if (type == Float.class) {
            return number.floatValue();
        }
        if (type == Long.class || type == Integer.class || type == Short.class || type == Byte.class) {
            Long exact = exactLong(number);
            if (exact == null) {
                return null;
            }
            long value = exact;
            if (type == Long.class) {
                return exact;
            }
            if (type == Integer.class) {
                return value == (int) value ? (Object) (int) value : null;
            }
            if (type == Short.class) {
                return value == (short) value ? (Object) (short) value : null;
            }
            return value == (byte) value ? (Object) (byte) value : null;
        }
        if (type == Number.class) {
            return number;
        }
        if (type == BigInteger.class) {
            return bigInteger(number);
        }
        if (type == BigDecimal.class) {
            return bigDecimal(number);
        }
        return null;
    }

    /**
     * The value of an integral number or BigInt that a {@code long} holds exactly, or
     * {@code null}: {@code longValue()} alone saturates (2<sup>63</sup> would pass as
     * {@code Long.MAX_VALUE}) or wraps.
     */
    private static Long exactLong(Number number) {
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return number.longValue();
        }
        if (number instanceof BigInteger big) {
            return big.bitLength() < 64 ? big.longValue() : null;
        }
        double value = number.doubleValue();
        // -2^63 is a double and a long, 2^63 is a double only
        if (value != Math.rint(value) || value < -0x1p63 || value >= 0x1p63) {
            return null;
        }
        return (long) value;
    }

    /** The exact integral value of a number or BigInt, or {@code null}. */
    private static BigInteger bigInteger(Number number) {
        if (number instanceof BigInteger big) {
            return big;
        }
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return BigInteger.valueOf(number.longValue());
        }
        double value = number.doubleValue();
        if (!Double.isFinite(value) || value != Math.rint(value)) {
            return null;
        }
        return new BigDecimal(value).toBigIntegerExact();
    }

    /**
     * A finite number as the shortest decimal that reads back as the same double, the
     * digits JavaScript prints (0.1 is 0.1), so that a {@code BigDecimal} argument comes
     * back as it went; a BigInt exactly; {@code null} for NaN and the infinities.
     */
    private static BigDecimal bigDecimal(Number number) {
        if (number instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return BigDecimal.valueOf(number.longValue());
        }
        double value = number.doubleValue();
        if (!Double.isFinite(value)) {
            return null;
        }
        if (value == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal exact = new BigDecimal(value);
        for (int digits = 1; digits < 17; digits++) {
            // the nearest decimal of this many digits reads back if any does
            BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == value) {
                return plain(rounded);
            }
        }
        return plain(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
    }

    /** Without trailing zeros, and integral values with scale 0 (100, not 1E+2). */
    private static BigDecimal plain(BigDecimal decimal) {
        BigDecimal stripped = decimal.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == int.class) {
            return Integer.class;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        if (type == float.class) {
            return Float.class;
        }
        if (type == short.class) {
            return Short.class;
        }
        if (type == byte.class) {
            return Byte.class;
        }
        if (type == char.class) {
            return Character.class;
        }
        return Void.class;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "string";
        }
        if (isBigInt(value)) {
            return "bigint";
        }
        if (value instanceof Number) {
            return "number";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof List) {
            return "array";
        }
        if (value instanceof Map) {
            return "object";
        }
        return value.getClass().getSimpleName();
    }

    /**
     * Whether a decoded value can only have been a BigInt: numbers arrive as Integer when
     * they fit one and as Double past the safe integers, BigInts as Long or BigInteger.
     */
    private static boolean isBigInt(Object value) {
        return value instanceof BigInteger || value instanceof Long integral
                && (integral > MAX_SAFE_INTEGER || integral < -MAX_SAFE_INTEGER || (int) (long) integral == integral);
    }

    private static String abbreviate(Object value) {
        String text = value instanceof String ? "'" + value + "'"
                : String.valueOf(value) + (isBigInt(value) ? "n" : "");
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

}
