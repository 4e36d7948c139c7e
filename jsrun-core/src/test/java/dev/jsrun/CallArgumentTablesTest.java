package dev.jsrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.jsrun.pool.JsRuntimePool;
import dev.jsrun.pool.PoolSettings;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/**
 * The crossing keeps the strings and object shapes it sent in tables that the context
 * holds between calls: whatever calls came before (new values, the same values, failed
 * calls, tables filled past their bounds, a reset), a call's arguments are exactly what
 * Java passed.
 */
class CallArgumentTablesTest {

    /**
     * Describes a value as JSON would, with the kinds JSON has no form for spelt out, and
     * checks that every object and array is a plain one.
     */
    private static final String DESCRIBE = """
            globalThis.describe = (...args) => JSON.stringify(args, function (key, v) {
              const raw = this[key];
              if (raw instanceof Date) return 'date:' + raw.getTime();
              if (raw instanceof Uint8Array) return 'bytes:' + Array.from(raw).join(',');
              if (typeof raw === 'bigint') return 'big:' + raw;
              if (typeof raw === 'number' && !Number.isFinite(raw)) return 'number:' + raw;
              if (raw !== null && typeof raw === 'object' && !(raw instanceof Date) && !(raw instanceof Uint8Array)) {
                const proto = Object.getPrototypeOf(raw);
                if (proto !== (Array.isArray(raw) ? Array.prototype : Object.prototype)) return 'odd prototype';
                if (Array.isArray(raw) && Object.keys(raw).length !== raw.length) return 'holey';
              }
              return v;
            });
            globalThis.spin = () => { for (;;) {} };
            """;

    @Test
    void thousandsOfCallsOverChangingValuesGetExactlyTheirArguments() {
        Random random = new Random(20261202);
        try (JsRuntimeFactory factory = new UnpooledJsRuntimeFactory(
                RuntimeConfig.builder().timeout(Duration.ofMillis(300)).build()); JsRuntime js = factory.create()) {
            js.eval(DESCRIBE);
            for (int i = 0; i < 3000; i++) {
                int kind = random.nextInt(300);
                if (kind < 8) {
                    // a refusal after new strings and shapes were numbered
                    Map<String, Object> bad = randomMap(random, 0);
                    bad.put("fn" + random.nextInt(1000), (Runnable) () -> {
                    });
                    assertThatThrownBy(() -> js.call("describe", bad)).isInstanceOf(JsConversionException.class);
                    continue;
                }
                if (kind == 1) {
                    // a call that runs out of time after its arguments crossed
                    Object value = randomValue(random, 0);
                    assertThatThrownBy(() -> js.call("spin", value)).isInstanceOf(JsTimeoutException.class);
                    continue;
                }
                Object[] args = new Object[random.nextInt(4)];
                for (int a = 0; a < args.length; a++) {
                    args[a] = randomValue(random, 0);
                }
                assertThat(js.call("describe", String.class, args)).as("call %d", i)
                    .isEqualTo(json(Arrays.asList(args)));
            }
        }
    }

    @Test
    void tablesFilledPastTheirBoundsStartOver() {
        try (JsRuntimeFactory factory = new UnpooledJsRuntimeFactory(RuntimeConfig.defaults());
                JsRuntime js = factory.create()) {
            js.eval(DESCRIBE);
            for (int round = 0; round < 4; round++) {
                // 10,000 new strings and as many new shapes in one call, then the same
                // again, then a few
                List<Object> many = new ArrayList<>();
                for (int i = 0; i < 10_000; i++) {
                    many.add(Map.of("k" + round + "_" + i, "v" + round + "_" + i));
                }
                assertThat(js.call("describe", String.class, many)).isEqualTo(json(List.of(many)));
                assertThat(js.call("describe", String.class, many)).isEqualTo(json(List.of(many)));
                List<Object> few = List.of(Map.of("k" + round + "_1", "v" + round + "_1"), "v0_2");
                assertThat(js.call("describe", String.class, few)).isEqualTo(json(List.of(few)));
            }
        }
    }

    @Test
    void largeArgumentsCrossInABufferOfTheirOwn() {
        try (JsRuntimeFactory factory = new UnpooledJsRuntimeFactory(RuntimeConfig.defaults());
                JsRuntime js = factory.create()) {
            js.eval(DESCRIBE);
            byte[] bytes = new byte[100_000];
            new Random(7).nextBytes(bytes);
            double[] doubles = new double[5000];
            Arrays.setAll(doubles, i -> i / 3.0);
            List<Integer> ints = new ArrayList<>();
            for (int i = 0; i < 100_000; i++) {
                ints.add(i * 7);
            }
            String longText = "é".repeat(50_000);
            Object[] args = { bytes, doubles, ints, longText, "short" };
            List<Object> expected = List.of(bytes, boxed(doubles), ints, longText, "short");
            assertThat(js.call("describe", String.class, args)).isEqualTo(json(expected));
            // and the shared buffer serves the next call as before
            assertThat(js.call("describe", String.class, "short", 1)).isEqualTo(json(List.of("short", 1)));
        }
    }

    @Test
    void longArraysKeepPrototypeSettersAway() {
        try (JsRuntimeFactory factory = new UnpooledJsRuntimeFactory(RuntimeConfig.defaults());
                JsRuntime js = factory.create()) {
            js.eval(DESCRIBE);
            List<Integer> ints = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                ints.add(i);
            }
            assertThat(js.call("describe", String.class, ints)).isEqualTo(json(List.of(ints)));
            js.eval("""
                    Object.defineProperty(Array.prototype, '20', { set(v) { globalThis.leak = v; }, configurable: true });
                    Object.defineProperty(Object.prototype, '30', { set(v) { globalThis.leak = v; }, configurable: true });
                    """);
            assertThat(js.call("describe", String.class, ints)).isEqualTo(json(List.of(ints)));
            js.eval("delete Array.prototype[20]; delete Object.prototype[30]; Object.defineProperty(Object.prototype, "
                    + "'31', { set(v) { globalThis.leak = v; }, configurable: true })");
            assertThat(js.call("describe", String.class, ints)).isEqualTo(json(List.of(ints)));
            js.eval("delete Object.prototype[31]; Object.setPrototypeOf(Array.prototype, new Proxy({}, "
                    + "{ set(t, k, v) { globalThis.leak = v; return true; }, "
                    + "getOwnPropertyDescriptor() { return undefined; } }))");
            assertThat(js.call("describe", String.class, ints)).isEqualTo(json(List.of(ints)));
            assertThat(js.eval("globalThis.leak")).isNull();
        }
    }

    @Test
    void callAsyncRefusesAnArgumentAtOnceAndGoesOn() throws Exception {
        try (JsRuntimeFactory factory = new UnpooledJsRuntimeFactory(RuntimeConfig.defaults());
                JsRuntime js = factory.create()) {
            js.eval(DESCRIBE + "globalThis.later = async (...args) => describe(...args);");
            Map<String, Object> bad = new LinkedHashMap<>();
            bad.put("name", "before the function");
            bad.put("fn", (Runnable) () -> {
            });
            assertThatThrownBy(() -> js.callAsync("later", bad)).isInstanceOf(JsConversionException.class)
                .hasMessageContaining("at $.fn: a ");
            assertThat(js.callAsync("later", String.class, Map.of("name", "before the function"))
                .get(5, java.util.concurrent.TimeUnit.SECONDS))
                .isEqualTo(json(List.of(Map.of("name", "before the function"))));
        }
    }

    @Test
    void aResetContextStartsWithEmptyTables() {
        try (JsRuntimePool pool = new JsRuntimePool(RuntimeConfig.defaults(),
                PoolSettings.builder().minIdle(0).maxSize(1).build())) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("name", "a name");
            value.put("list", List.of("x", "y", Map.of("deep", "z")));
            for (int i = 0; i < 5; i++) {
                try (JsRuntime js = pool.acquire()) {
                    js.eval(DESCRIBE);
                    assertThat(js.call("describe", String.class, value, "a name"))
                        .isEqualTo(json(List.of(value, "a name")));
                    assertThat(js.call("describe", String.class, value)).isEqualTo(json(List.of(value)));
                }
            }
        }
    }

    private static List<Double> boxed(double[] values) {
        List<Double> list = new ArrayList<>();
        for (double value : values) {
            list.add(value);
        }
        return list;
    }

    private static Object randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 4 ? 8 : 11);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextInt(2000) - 1000;
            // eighths below a million: Java and JavaScript write them alike
            case 3 -> random.nextInt(1_000_000) / 8.0;
            case 4 -> randomString(random);
            case 5 -> random.nextInt(3) == 0 ? (1L << 40) + random.nextInt(1000) : (long) random.nextInt();
            case 6 -> Instant.ofEpochMilli(random.nextLong(4_000_000_000_000L));
            case 7 -> {
                byte[] bytes = new byte[random.nextInt(6)];
                random.nextBytes(bytes);
                yield bytes;
            }
            case 8, 9 -> randomMap(random, depth + 1);
            default -> {
                List<Object> list = new ArrayList<>();
                int length = random.nextInt(5) == 0 ? 13 + random.nextInt(30) : random.nextInt(13);
                for (int i = 0; i < length; i++) {
                    list.add(randomValue(random, depth + 1));
                }
                yield list;
            }
        };
    }

    private static Map<String, Object> randomMap(Random random, int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        int size = random.nextInt(8) == 0 ? 65 + random.nextInt(10) : random.nextInt(7);
        for (int i = 0; i < size; i++) {
            // keys from a small vocabulary, so that shapes repeat, and now and then a new
            // one
            String key = random.nextInt(10) == 0 ? "key" + random.nextInt(100_000) : "k" + random.nextInt(12);
            map.put(key, randomValue(random, depth + 1));
        }
        return map;
    }

    private static String randomString(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "";
            case 1 -> "same";
            case 2 -> "s" + random.nextInt(50);
            case 3 -> "new " + random.nextLong();
            case 4 -> "long ".repeat(200 + random.nextInt(100)) + random.nextInt();
            default -> "ünïcødé \ud83d\ude00 " + random.nextInt(20);
        };
    }

    /** What {@code DESCRIBE} gives for the Java value, written here by the same rules. */
    private static String json(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        }
        else if (value instanceof Boolean || value instanceof Integer) {
            out.append(value);
        }
        else if (value instanceof Long number) {
            if (Math.abs(number) <= (1L << 53) - 1) {
                out.append(number);
            }
            else {
                quote(out, "big:" + number);
            }
        }
        else if (value instanceof Double number) {
            if (!Double.isFinite(number)) {
                quote(out, "number:" + (number.isNaN() ? "NaN" : number > 0 ? "Infinity" : "-Infinity"));
            }
            else if (number == Math.rint(number) && Math.abs(number) < 1e21) {
                out.append((long) number.doubleValue());
            }
            else {
                out.append(number);
            }
        }
        else if (value instanceof String text) {
            quote(out, text);
        }
        else if (value instanceof Instant instant) {
            quote(out, "date:" + instant.toEpochMilli());
        }
        else if (value instanceof byte[] bytes) {
            StringBuilder text = new StringBuilder("bytes:");
            for (int i = 0; i < bytes.length; i++) {
                text.append(i == 0 ? "" : ",").append(bytes[i] & 0xff);
            }
            quote(out, text.toString());
        }
        else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                quote(out, (String) entry.getKey());
                out.append(':');
                write(out, entry.getValue());
            }
            out.append('}');
        }
        else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(out, list.get(i));
            }
            out.append(']');
        }
        else {
            throw new IllegalArgumentException(value.getClass().getName());
        }
    }

    private static void quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            }
            else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            }
            else {
                out.append(c);
            }
        }
        out.append('"');
    }

}
