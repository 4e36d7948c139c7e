package dev.jsrun.internal.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.jsrun.JsConversionException;

/**
 * What a host function returns, in the Java types that Javet turns into the JavaScript
 * values a call's arguments would become: a {@code long} within 2<sup>53</sup> as a
 * number rather than a BigInt, {@code BigDecimal} as a number, characters, text and enums
 * as strings, instants and dates as dates, sets and other collections as arrays,
 * {@code Optional} as its value or {@code null}.
 */
final class HostResults {

    private static final long MAX_SAFE = (1L << 53) - 1;

    private static final int MAX_DEPTH = 1000;

    private HostResults() {
    }

    static Object forJavet(Object value) {
        return convert(value, 0);
    }

    private static Object convert(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new JsConversionException(
                    "the value a host function returned is nested deeper than " + MAX_DEPTH + " levels (a cycle?)");
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            long number = ((Number) value).longValue();
            return Math.abs(number) <= MAX_SAFE ? (Object) (double) number : BigInteger.valueOf(number);
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 53 ? (Object) big.doubleValue() : big;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.doubleValue();
        }
        if (value instanceof Float number) {
            // by its shortest decimal, so 0.1f is 0.1
            return Double.parseDouble(number.toString());
        }
        if (value instanceof Character || value instanceof CharSequence) {
            return value.toString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Instant instant) {
            return ZonedDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (value instanceof Date date) {
            return ZonedDateTime.ofInstant(Instant.ofEpochMilli(date.getTime()), ZoneOffset.UTC);
        }
        if (value instanceof Optional<?> optional) {
            return convert(optional.orElse(null), depth + 1);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> converted = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                converted.put(String.valueOf(entry.getKey()), convert(entry.getValue(), depth + 1));
            }
            return converted;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> converted = new ArrayList<>(collection.size());
            for (Object item : collection) {
                converted.add(convert(item, depth + 1));
            }
            return converted;
        }
        if (value instanceof Object[] array) {
            List<Object> converted = new ArrayList<>(array.length);
            for (Object item : array) {
                converted.add(convert(item, depth + 1));
            }
            return converted;
        }
        return value;
    }

}
