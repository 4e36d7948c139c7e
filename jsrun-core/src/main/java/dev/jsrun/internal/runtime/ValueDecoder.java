package dev.jsrun.internal.runtime;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.jsrun.JsConversionException;

/**
 * Reads the text that the host's JavaScript makes of a value (see {@code host.js},
 * {@code encoder}). The text is bounded by the result size limit before it leaves V8, and
 * everything built here is proportional to it.
 */
final class ValueDecoder {

    private final String text;

    private int at;

    private ValueDecoder(String text, int from) {
        this.text = text;
        this.at = from;
    }

    /** The value encoded in {@code text} from {@code from} on. */
    static Object decode(String text, int from) {
        ValueDecoder decoder = new ValueDecoder(text, from);
        try {
            Object value = decoder.value();
            if (decoder.at != text.length()) {
                throw decoder.malformed();
            }
            return value;
        }
        catch (RuntimeException ex) {
            if (ex instanceof JsConversionException conversion) {
                throw conversion;
            }
            throw decoder.malformed();
        }
    }

    private Object value() {
        char tag = this.text.charAt(this.at++);
        switch (tag) {
            case '_':
            case 'n':
                return null;
            case 't':
                return Boolean.TRUE;
            case 'f':
                return Boolean.FALSE;
            case 'i': {
                long value = Long.parseLong(until(';'));
                return (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) ? (Object) (int) value
                        : (Object) value;
            }
            case 'd':
                return Double.parseDouble(until(';'));
            case 's':
                return string();
            case 'b': {
                // as Javet gives BigInts: a Long when it fits, else a BigInteger
                BigInteger value = new BigInteger(until(';'));
                return value.bitLength() < 64 ? (Object) value.longValue() : value;
            }
            case 'D':
                return Instant.ofEpochMilli(Long.parseLong(until(';')));
            case 'a': {
                int length = count();
                List<Object> list = new ArrayList<>(length);
                for (int i = 0; i < length; i++) {
                    list.add(value());
                }
                return list;
            }
            case 'o': {
                int length = count();
                Map<String, Object> map = new LinkedHashMap<>(capacity(length));
                for (int i = 0; i < length; i++) {
                    String key = string();
                    map.put(key, value());
                }
                return map;
            }
            case 'm': {
                int length = count();
                Map<Object, Object> map = new LinkedHashMap<>(capacity(length));
                for (int i = 0; i < length; i++) {
                    Object key = value();
                    map.put(key, value());
                }
                return map;
            }
            case 'S': {
                int length = count();
                Set<Object> set = new LinkedHashSet<>(capacity(length));
                for (int i = 0; i < length; i++) {
                    set.add(value());
                }
                return set;
            }
            case 'x':
                return bytes();
            case 'A':
                return typed();
            case 'e': {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("name", string());
                error.put("message", string());
                String stack = string();
                error.put("stack", stack.isEmpty() ? null : stack);
                return error;
            }
            default:
                throw malformed();
        }
    }

    private String string() {
        int length = Integer.parseInt(until(':'));
        String value = this.text.substring(this.at, this.at + length);
        this.at += length;
        return value;
    }

    private byte[] bytes() {
        int length = Integer.parseInt(until(':'));
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) this.text.charAt(this.at + i);
        }
        this.at += length;
        return bytes;
    }

    /**
     * Typed arrays other than bytes, from their elements' bytes, as the Java array of
     * their element type.
     */
    private Object typed() {
        String kind = string();
        if (this.text.charAt(this.at++) != 'x') {
            throw malformed();
        }
        ByteBuffer data = ByteBuffer.wrap(bytes()).order(ByteOrder.LITTLE_ENDIAN);
        switch (kind) {
            case "Int16Array": {
                short[] values = new short[data.remaining() / 2];
                data.asShortBuffer().get(values);
                return values;
            }
            case "Uint16Array": {
                int[] values = new int[data.remaining() / 2];
                for (int i = 0; i < values.length; i++) {
                    values[i] = Short.toUnsignedInt(data.getShort());
                }
                return values;
            }
            case "Int32Array": {
                int[] values = new int[data.remaining() / 4];
                data.asIntBuffer().get(values);
                return values;
            }
            case "Uint32Array": {
                long[] values = new long[data.remaining() / 4];
                for (int i = 0; i < values.length; i++) {
                    values[i] = Integer.toUnsignedLong(data.getInt());
                }
                return values;
            }
            case "BigInt64Array":
            case "BigUint64Array": {
                long[] values = new long[data.remaining() / 8];
                data.asLongBuffer().get(values);
                return values;
            }
            case "Float16Array": {
                float[] values = new float[data.remaining() / 2];
                for (int i = 0; i < values.length; i++) {
                    values[i] = halfToFloat(data.getShort());
                }
                return values;
            }
            case "Float32Array": {
                float[] values = new float[data.remaining() / 4];
                data.asFloatBuffer().get(values);
                return values;
            }
            case "Float64Array": {
                double[] values = new double[data.remaining() / 8];
                data.asDoubleBuffer().get(values);
                return values;
            }
            default:
                throw malformed();
        }
    }

    /** IEEE 754 binary16 to float (Java 17 has no {@code Float.float16ToFloat}). */
    static float halfToFloat(short half) {
        int bits = half & 0xffff;
        int sign = (bits >>> 15) << 31;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float value = mantissa / 1024f / 16384f;
            return sign == 0 ? value : -value;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    private int count() {
        return Integer.parseInt(until(';'));
    }

    private String until(char end) {
        int stop = this.text.indexOf(end, this.at);
        if (stop < 0) {
            throw malformed();
        }
        String part = this.text.substring(this.at, stop);
        this.at = stop + 1;
        return part;
    }

    private static int capacity(int size) {
        return size < 3 ? 4 : (int) Math.min(1 << 30, size / 0.75f + 1);
    }

    private JsConversionException malformed() {
        return new JsConversionException("jsrun could not read the value's encoding at character " + this.at
                + " (a bug in jsrun; please report it)");
    }

}
