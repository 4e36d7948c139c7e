package dev.jsrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/**
 * {@link JsRuntime#call}: Java values in, a function found by its path, the result out,
 * in real V8.
 */
class CallTest {

    /**
     * Says what a value became in JavaScript: its kind and its value, as JavaScript sees
     * them.
     */
    private static final String KIND = """
            globalThis.kind = v => v === null ? 'null'
              : v === undefined ? 'undefined'
              : v instanceof Date ? 'Date ' + v.toISOString()
              : v instanceof Uint8Array ? 'Uint8Array ' + Array.from(v).join(',')
              : Array.isArray(v) ? 'Array ' + v.map(kind).join(' | ')
              : typeof v === 'object' ? 'Object ' + (Object.getPrototypeOf(v) === Object.prototype) + ' '
                  + Object.keys(v).map(k => k + '=' + kind(v[k])).join(' | ')
              : typeof v === 'number' && Object.is(v, -0) ? 'number -0'
              : typeof v + ' ' + String(v);
            globalThis.id = v => v;
            """;

    enum Color {

        RED, GREEN

    }

    record Line(String item, int quantity) {
    }

    record Invoice(String id, double total, List<Line> lines, Optional<String> note) {
    }

    static final class Pojo {

        public String name = "x";

    }

    private static JsRuntimeFactory factory;

    @BeforeAll
    static void start() {
        factory = new UnpooledJsRuntimeFactory(RuntimeConfig.defaults());
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    private static JsRuntime runtime() {
        JsRuntime js = factory.create();
        js.eval(KIND);
        return js;
    }

    @Test
    void scalarsCrossAsTheirJavaScriptKinds() {
        try (JsRuntime js = runtime()) {
            assertThat(js.call("kind", String.class, (Object) null)).isEqualTo("null");
            assertThat(js.call("kind", String.class, true)).isEqualTo("boolean true");
            assertThat(js.call("kind", String.class, 42)).isEqualTo("number 42");
            assertThat(js.call("kind", String.class, (short) -3)).isEqualTo("number -3");
            assertThat(js.call("kind", String.class, (byte) 7)).isEqualTo("number 7");
            assertThat(js.call("kind", String.class, (1L << 53) - 1)).isEqualTo("number 9007199254740991");
            assertThat(js.call("kind", String.class, 1L << 53)).isEqualTo("bigint 9007199254740992");
            assertThat(js.call("kind", String.class, Long.MIN_VALUE)).isEqualTo("bigint -9223372036854775808");
            assertThat(js.call("kind", String.class, BigInteger.ONE)).isEqualTo("bigint 1");
            assertThat(js.call("kind", String.class, BigInteger.TWO.pow(100)))
                .isEqualTo("bigint " + BigInteger.TWO.pow(100));
            assertThat(js.call("kind", String.class, 2.5d)).isEqualTo("number 2.5");
            assertThat(js.call("kind", String.class, 0.1f)).isEqualTo("number 0.1");
            assertThat(js.call("kind", String.class, 1e300)).isEqualTo("number 1e+300");
            assertThat(js.call("kind", String.class, 5e-324)).isEqualTo("number 5e-324");
            assertThat(js.call("kind", String.class, -0.0d)).isEqualTo("number -0");
            assertThat(js.call("kind", String.class, Double.NaN)).isEqualTo("number NaN");
            assertThat(js.call("kind", String.class, Double.NEGATIVE_INFINITY)).isEqualTo("number -Infinity");
            assertThat(js.call("kind", String.class, new BigDecimal("1.25"))).isEqualTo("number 1.25");
            assertThat(js.call("kind", String.class, "héllo")).isEqualTo("string héllo");
            assertThat(js.call("kind", String.class, 'c')).isEqualTo("string c");
            assertThat(js.call("kind", String.class, new StringBuilder("sb"))).isEqualTo("string sb");
            assertThat(js.call("kind", String.class, Color.GREEN)).isEqualTo("string GREEN");
            assertThat(js.call("kind", String.class, Instant.parse("2024-02-29T12:00:00.123456Z")))
                .isEqualTo("Date 2024-02-29T12:00:00.123Z");
            assertThat(js.call("kind", String.class, new Date(0))).isEqualTo("Date 1970-01-01T00:00:00.000Z");
            assertThat(js.call("kind", String.class, Optional.of(1))).isEqualTo("number 1");
            assertThat(js.call("kind", String.class, Optional.empty())).isEqualTo("null");
            assertThat(js.call("kind", String.class, java.util.OptionalInt.of(3))).isEqualTo("number 3");
        }
    }

    @Test
    void containersCrossAsArraysAndPlainObjects() {
        try (JsRuntime js = runtime()) {
            assertThat(js.call("kind", String.class, new byte[] { 1, -1, 0 })).isEqualTo("Uint8Array 1,255,0");
            assertThat(js.call("kind", String.class, new int[] { 1, 2 })).isEqualTo("Array number 1 | number 2");
            assertThat(js.call("kind", String.class, new char[] { 'a', 'b' })).isEqualTo("string ab");
            assertThat(js.call("kind", String.class, (Object) new String[] { "a", null }))
                .isEqualTo("Array string a | null");
            assertThat(js.call("kind", String.class, List.of(1, "a"))).isEqualTo("Array number 1 | string a");
            assertThat(js.call("kind", String.class, new LinkedHashSet<>(List.of(3, 1))))
                .isEqualTo("Array number 3 | number 1");
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("b", 1);
            map.put("a", null);
            assertThat(js.call("kind", String.class, map)).isEqualTo("Object true b=number 1 | a=null");
            assertThat(js.call("kind", String.class, new Line("pen", 2)))
                .isEqualTo("Object true item=string pen | quantity=number 2");
            assertThat(js.call("kind", String.class,
                    new Invoice("A-1", 9.5, List.of(new Line("pen", 2)), Optional.empty())))
                .isEqualTo("Object true id=string A-1 | total=number 9.5 | lines=Array Object true item=string pen"
                        + " | quantity=number 2 | note=null");
        }
    }

    @Test
    void valuesComeBackAsEvalWouldGiveThem() {
        try (JsRuntime js = runtime()) {
            assertThat(js.call("id", Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
            assertThat(js.call("id", BigInteger.TWO.pow(70))).isEqualTo(BigInteger.TWO.pow(70));
            assertThat(js.call("id", Instant.ofEpochMilli(1234))).isEqualTo(Instant.ofEpochMilli(1234));
            assertThat(js.call("id", new byte[] { 1, 2 })).isEqualTo(new byte[] { 1, 2 });
            assertThat(js.call("id", -0.0d)).isEqualTo(-0.0d);
            assertThat(js.call("id", Double.NaN)).isEqualTo(Double.NaN);
            assertThat(js.call("id", "\uD800 lone surrogate")).isEqualTo("\uD800 lone surrogate");
            assertThat(js.call("id", "")).isEqualTo("");
            assertThat(js.call("id", Color.RED)).isEqualTo("RED");
            assertThat(js.call("id", List.of(List.of(), Map.of()))).isEqualTo(List.of(List.of(), Map.of()));
            assertThat(js.call("id", new Line("pen", 2))).isEqualTo(Map.of("item", "pen", "quantity", 2));
            assertThat(js.call("Math.max", int.class, 3, 9, 4)).isEqualTo(9);
        }
    }

    @Test
    void bigIntegersAndBigDecimalsComeBackAsTheyWent() {
        try (JsRuntime js = runtime()) {
            for (BigInteger big : List.of(BigInteger.ONE, BigInteger.valueOf(-7), BigInteger.TWO.pow(63),
                    BigInteger.TWO.pow(100).negate())) {
                assertThat(js.call("id", BigInteger.class, big)).isEqualTo(big);
            }
            for (String decimal : List.of("0.1", "19.99", "-3", "1234567.891", "0.000125")) {
                assertThat(js.call("id", BigDecimal.class, new BigDecimal(decimal))).isEqualTo(new BigDecimal(decimal));
            }
        }
    }

    @Test
    void sqlDatesTimesAndTimestampsCrossAsDates() {
        try (JsRuntime js = runtime()) {
            assertThat(js.call("kind", String.class, new java.sql.Date(0))).isEqualTo("Date 1970-01-01T00:00:00.000Z");
            assertThat(js.call("kind", String.class, new java.sql.Time(1234)))
                .isEqualTo("Date 1970-01-01T00:00:01.234Z");
            java.sql.Timestamp timestamp = new java.sql.Timestamp(86_400_000L);
            timestamp.setNanos(567_891_234);
            assertThat(js.call("kind", String.class, List.of(timestamp)))
                .isEqualTo("Array Date 1970-01-02T00:00:00.567Z");
            assertThat(js.call("id", Map.of("at", new java.sql.Date(1000))))
                .isEqualTo(Map.of("at", Instant.ofEpochSecond(1)));
        }
    }

    /** A list whose iterator fails, as a lazy or closed source's would. */
    private static final class Unreadable extends java.util.AbstractList<Object> {

        @Override
        public Object get(int index) {
            throw new IllegalStateException("the source is closed");
        }

        @Override
        public int size() {
            return 2;
        }

    }

    @Test
    void whatThrowsWhileItIsReadIsRefusedWithItsPathAndTheRuntimeGoesOn() {
        try (JsRuntime js = runtime()) {
            Map<String, Object> entries = new HashMap<>(Map.of("a", 1)) {

                @Override
                public java.util.Set<Map.Entry<String, Object>> entrySet() {
                    throw new UnsupportedOperationException("no entries");
                }

            };
            CharSequence text = new CharSequence() {

                @Override
                public int length() {
                    return 1;
                }

                @Override
                public char charAt(int index) {
                    return 'x';
                }

                @Override
                public CharSequence subSequence(int start, int end) {
                    return this;
                }

                @Override
                public String toString() {
                    throw new IllegalArgumentException("no text");
                }

            };
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("name", "a name that crossed before");
            model.put("items", new Unreadable());
            assertThatThrownBy(() -> js.call("id", "first", model)).isInstanceOf(JsConversionException.class)
                .hasMessageStartingWith("id(): argument 2 of 2 cannot cross to JavaScript: at $.items: reading the "
                        + Unreadable.class.getName() + " threw java.lang.IllegalStateException: the source is closed")
                .hasCauseInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> js.call("id", List.of(Map.of("m", entries))))
                .isInstanceOf(JsConversionException.class)
                .hasMessageContaining("argument 1 of 1 cannot cross to JavaScript: at $[0].m: reading the ")
                .hasMessageContaining("threw java.lang.UnsupportedOperationException: no entries");
            assertThatThrownBy(() -> js.call("id", 1, text)).isInstanceOf(JsConversionException.class)
                .hasMessageContaining("argument 2 of 2 cannot cross to JavaScript: reading the ")
                .hasMessageContaining("threw java.lang.IllegalArgumentException: no text");
            // the strings and the shape that the refused calls numbered are numbered anew
            Map<String, Object> same = new LinkedHashMap<>();
            same.put("name", "a name that crossed before");
            same.put("items", List.of("first"));
            assertThat(js.call("id", same)).isEqualTo(same);
            assertThat(js.call("id", List.of(same, "first"))).isEqualTo(List.of(same, "first"));
        }
    }

    @Test
    void valuesThatJsonCannotHoldArriveAtTheirPlaceHoweverDeep() {
        try (JsRuntime js = runtime()) {
            Map<String, Object> odd = new LinkedHashMap<>();
            odd.put("__proto__", Instant.ofEpochMilli(5));
            odd.put("k\"e\\y\u0000", List.of(Double.NaN, Map.of("big", BigInteger.TEN.pow(30))));
            odd.put("7", new byte[] { 0, 34, 92, -128 });
            odd.put("inf", Double.NEGATIVE_INFINITY);
            assertThat(js.call("kind", String.class, 1L << 60, List.of(odd), Float.POSITIVE_INFINITY))
                .isEqualTo("bigint 1152921504606846976");
            assertThat(js.call("kind", String.class, List.of(odd))).isEqualTo("Array Object true "
                    + "7=Uint8Array 0,34,92,128 | __proto__=Date 1970-01-01T00:00:00.005Z | k\"e\\y\u0000=Array number NaN"
                    + " | Object true big=bigint 1000000000000000000000000000000 | inf=number -Infinity");
            js.eval("globalThis.third = (a, b, c) => kind(c)");
            assertThat(js.call("third", String.class, 1L << 60, List.of(odd), Float.POSITIVE_INFINITY))
                .isEqualTo("number Infinity");
        }
    }

    @Test
    void aRuntimeFromASnapshotGetsTheSameValues() {
        try (JsRuntimeFactory restored = new UnpooledJsRuntimeFactory(RuntimeConfig.builder()
            .snapshot(new dev.jsrun.snapshot.SnapshotBuilder().executeScript("kind.js", KIND).build())
            .build()); JsRuntime js = restored.create()) {
            assertThat(js.call("kind", String.class, new byte[] { 0, 1, -1, 34, 92 }))
                .isEqualTo("Uint8Array 0,1,255,34,92");
            assertThat(js.call("kind", String.class, new byte[0])).isEqualTo("Uint8Array ");
            assertThat(js.call("kind", String.class, List.of(new byte[] { 7, 8 }, Instant.EPOCH, 1L << 60, Double.NaN)))
                .isEqualTo(
                        "Array Uint8Array 7,8 | Date 1970-01-01T00:00:00.000Z | bigint 1152921504606846976 | number NaN");
        }
    }

    @Test
    void argumentsNeverBecomeSourceCode() {
        try (JsRuntime js = runtime()) {
            String hostile = "'); globalThis.owned = true; ('\"`${globalThis.owned = true}`\\u0000\n</script>";
            assertThat(js.call("id", String.class, hostile)).isEqualTo(hostile);
            Map<String, Object> keys = Map.of("'); globalThis.owned = true; ('", hostile);
            assertThat(js.call("id", keys)).isEqualTo(keys);
            assertThat(js.eval("globalThis.owned")).isNull();
        }
    }

    @Test
    void prototypeSettersNeverSeeTheArguments() {
        try (JsRuntime js = runtime()) {
            js.eval("""
                    Object.defineProperty(Array.prototype, '0', { set(v) { globalThis.leak = v; }, configurable: true });
                    Object.defineProperty(Object.prototype, 'secret', { set(v) { globalThis.leak = v; }, configurable: true });
                    """);
            assertThat(js.call("id", List.of("a"))).isEqualTo(List.of("a"));
            assertThat(js.call("id", Map.of("secret", "b"))).isEqualTo(Map.of("secret", "b"));
            assertThat(js.eval("globalThis.leak")).isNull();
            // a key named __proto__ is a key, not the prototype
            assertThat(js.call("id", Map.of("__proto__", Map.of("polluted", true))))
                .isEqualTo(Map.of("__proto__", Map.of("polluted", true)));
            assertThat(js.call("kind", String.class, Map.of("__proto__", 1)))
                .isEqualTo("Object true __proto__=number 1");
        }
    }

    @Test
    void jsonStringifyGivesWhatNodeGives() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(NodeJson.available(), "node is not installed");
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("b", 1);
        ordered.put("a", Map.of("c", List.of(2.5)));
        ordered.put("3", "x");
        ordered.put("1", "y");
        ordered.put("none", null);
        Map<String, Object> proto = new HashMap<>();
        proto.put("__proto__", 1);
        // each Java value and the JavaScript expression of the same value
        Object[][] cases = { { null, "null" }, { true, "true" }, { 42, "42" }, { -0.0d, "-0" }, { 0.1f, "0.1" },
                { 1.5e300, "1.5e300" }, { Double.NaN, "NaN" }, { Double.POSITIVE_INFINITY, "Infinity" },
                { (1L << 53) - 1, "9007199254740991" }, { new BigDecimal("-12.75"), "-12.75" },
                { "héllo \"quoted\" \\ </script> \u2028 \u0001 \uD83D\uDE00",
                        "'héllo \"quoted\" \\\\ </script> \\u2028 \\u0001 \\uD83D\\uDE00'" },
                { "\uDC00", "'\\uDC00'" }, { Color.RED, "'RED'" },
                { Arrays.asList(1, "a", null, List.of(true)), "[1, 'a', null, [true]]" },
                { ordered, "({ b: 1, a: { c: [2.5] }, 3: 'x', 1: 'y', none: null })" },
                { proto, "JSON.parse('{\"__proto__\":1}')" },
                { Instant.parse("2024-02-29T12:00:00.5Z"), "new Date('2024-02-29T12:00:00.5Z')" },
                { new byte[] { 1, 2, -1 }, "new Uint8Array([1, 2, 255])" },
                { new Invoice("A-1", 12.5, List.of(new Line("pen", 2)), Optional.of("soon")),
                        "({ id: 'A-1', total: 12.5, lines: [{ item: 'pen', quantity: 2 }], note: 'soon' })" },
                { Optional.empty(), "null" }, { new LinkedHashSet<>(List.of("z", "a")), "['z', 'a']" },
                { new double[] { 1, -0.0, Double.NaN }, "[1, -0, NaN]" },
                { new Object[] { Optional.of(Map.of()), new int[0] }, "[{}, []]" }, };
        List<String> expressions = new ArrayList<>();
        for (Object[] c : cases) {
            expressions.add((String) c[1]);
        }
        List<String> expected = NodeJson.stringify(expressions);
        try (JsRuntime js = runtime()) {
            for (int i = 0; i < cases.length; i++) {
                assertThat(js.call("JSON.stringify", String.class, cases[i][0])).as("JSON.stringify(%s)", cases[i][1])
                    .isEqualTo(expected.get(i));
            }
        }
    }

    @Test
    void dottedPathsCallWithTheirOwnerAsThis() {
        try (JsRuntime js = runtime()) {
            js.eval("""
                    globalThis.lib = { prefix: '>', show(x) { return this.prefix + x; },
                      inner: { tag: 't', f(x) { return this.tag + x; } } };
                    function strictThis() { 'use strict'; return this === undefined; }
                    """);
            assertThat(js.call("lib.show", "a")).isEqualTo(">a");
            assertThat(js.call("lib.inner.f", String.class, "b")).isEqualTo("tb");
            assertThat(js.call("strictThis")).isEqualTo(true);
            assertThat(js.call("globalThis.lib.show", 1)).isEqualTo(">1");
            assertThat(js.call("String.prototype.toUpperCase.call", "abc")).isEqualTo("ABC");
        }
    }

    @Test
    void librariesAreCalledByTheirPaths() {
        try (JsRuntime js = factory.create()) {
            js.eval(WebJars.read("marked", "lib/marked.umd.js"));
            assertThat(js.call("marked.parse", String.class, "# Hi *you*"))
                .isEqualTo("<h1 id=\"hi-you\">Hi <em>you</em></h1>\n");
        }
    }

    @Test
    void aMissingFunctionIsATypeErrorNamingThePath() {
        try (JsRuntime js = runtime()) {
            assertThatThrownBy(() -> js.call("nowhere", 1))
                .isInstanceOfSatisfying(JsException.class, ex -> assertThat(ex.getErrorName()).isEqualTo("TypeError"))
                .hasMessageContaining("nowhere is not a function (it is undefined)");
            assertThatThrownBy(() -> js.call("no.such.thing")).isInstanceOf(JsException.class)
                .hasMessageContaining("cannot call no.such.thing: no is undefined");
            assertThatThrownBy(() -> js.call("Math.PI"))
                .hasMessageContaining("Math.PI is not a function (it is number)");
            assertThatThrownBy(() -> js.call("a..b")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> js.call("")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aThrowingFunctionGivesItsError() {
        try (JsRuntime js = runtime()) {
            js.eval("function boom(x) {\n  throw new RangeError('bad ' + x);\n}");
            assertThatThrownBy(() -> js.call("boom", 7)).isInstanceOfSatisfying(JsException.class, ex -> {
                assertThat(ex.getErrorName()).isEqualTo("RangeError");
                assertThat(ex.getErrorMessage()).isEqualTo("bad 7");
                assertThat(ex.getJsStack()).contains("at boom").doesNotContain("jsrun:host");
            });
            js.eval("function rethrow() { throw 'plain'; }");
            assertThatThrownBy(() -> js.call("rethrow")).isInstanceOf(JsException.class).hasMessageContaining("plain");
            assertThat(js.call("id", 1)).isEqualTo(1);
        }
    }

    @Test
    void aCallStopsAtTheTimeout() {
        try (JsRuntimeFactory timed = new UnpooledJsRuntimeFactory(
                RuntimeConfig.builder().timeout(Duration.ofMillis(200)).build()); JsRuntime js = timed.create()) {
            js.eval("function spin(n) { for (;;) { n++; } }");
            long start = System.nanoTime();
            assertThatThrownBy(() -> js.call("spin", 1)).isInstanceOf(JsTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void callAsyncWaitsForPromises() throws Exception {
        try (JsRuntime js = runtime()) {
            js.eval("""
                    async function twice(x) { return x * 2; }
                    function later(x) { return Promise.resolve().then(() => ({ got: x })); }
                    async function fails(why) { throw new TypeError(why); }
                    """);
            assertThat(js.callAsync("twice", 21).get(5, TimeUnit.SECONDS)).isEqualTo(42);
            assertThat(js.callAsync("later", List.of(1)).get(5, TimeUnit.SECONDS)).isEqualTo(Map.of("got", List.of(1)));
            assertThat(js.callAsync("id", "now").get(5, TimeUnit.SECONDS)).isEqualTo("now");
            assertThatThrownBy(() -> js.callAsync("fails", "no").get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(JsException.class)
                .hasMessageContaining("TypeError: no");
            assertThatThrownBy(() -> js.callAsync("missing").get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOf(JsException.class)
                .hasMessageContaining("missing is not a function");
        }
    }

    @Test
    void whatCannotCrossIsRefusedWithItsPath() {
        try (JsRuntime js = runtime()) {
            List<Object> cycle = new ArrayList<>();
            cycle.add(Map.of("a", cycle));
            assertThatThrownBy(() -> js.call("id", 1, cycle)).isInstanceOf(JsConversionException.class)
                .hasMessageContaining(
                        "id(): argument 2 of 2 cannot cross to JavaScript: at $[0].a: it has a circular reference");
            assertThatThrownBy(() -> js.call("id", Map.of(1, "x"))).isInstanceOf(JsConversionException.class)
                .hasMessageContaining("only maps with String keys");
            assertThatThrownBy(() -> js.call("id", (JsFunction) args -> null)).isInstanceOf(JsConversionException.class)
                .hasMessageContaining("functions cannot cross");
            assertThatThrownBy(() -> js.call("id", Instant.MAX))
                .hasMessageContaining("outside the range of a JavaScript Date");
            Object deep = "bottom";
            for (int i = 0; i < 1001; i++) {
                deep = List.of(deep);
            }
            Object tooDeep = deep;
            assertThatThrownBy(() -> js.call("id", tooDeep)).isInstanceOf(JsConversionException.class)
                .hasMessageContaining("nested deeper than 1000 levels");
            assertThat(js.call("id", 1)).isEqualTo(1);
        }
    }

    @Test
    void withoutAnObjectMapperRecordsCrossByTheirComponentsAndPojosAreRefused() {
        try (JsRuntimeFactory plain = new UnpooledJsRuntimeFactory(RuntimeConfig.builder().objectMapper(null).build());
                JsRuntime js = plain.create()) {
            js.eval(KIND);
            assertThat(js.call("kind", String.class, new Line("pen", 2)))
                .isEqualTo("Object true item=string pen | quantity=number 2");
            assertThatThrownBy(() -> js.call("id", Map.of("pojo", new Pojo())))
                .isInstanceOf(JsConversionException.class)
                .hasMessageContaining("at $.pojo: a dev.jsrun.CallTest$Pojo is none of the kinds that cross without an "
                        + "object mapper")
                .hasMessageContaining("jackson-databind");
            assertThatThrownBy(() -> js.call("id", Map.of("odd key", List.of(new Object()))))
                .hasMessageContaining("at $[\"odd key\"][0]: a java.lang.Object");
            assertThatThrownBy(() -> js.call("id", new JsType<List<Line>>() {
            }, List.of())).isInstanceOf(JsConversionException.class).hasMessageContaining("without an object mapper");
            assertThatThrownBy(() -> js.call("id", Line.class, Map.of("item", "pen", "quantity", 2)))
                .isInstanceOf(JsConversionException.class)
                .hasMessageContaining("cannot be converted to dev.jsrun.CallTest$Line");
        }
    }

    @Test
    void argumentsAreBoundedByTheSizeLimit() {
        try (JsRuntimeFactory small = new UnpooledJsRuntimeFactory(RuntimeConfig.builder().maxResultSize(1024).build());
                JsRuntime js = small.create()) {
            js.eval(KIND);
            assertThatThrownBy(() -> js.call("id", Arrays.asList(new Integer[10_000])))
                .isInstanceOf(JsConversionException.class)
                .hasMessageContaining("a java.util.Arrays$ArrayList of 10000 items is larger than the argument size "
                        + "limit of 1024 characters allows");
            assertThatThrownBy(() -> js.call("id", "x".repeat(2000)))
                .hasMessageContaining("a string of 2000 characters");
            assertThatThrownBy(() -> js.call("id", Arrays.asList(new String[300]).stream().map(s -> "abcd").toList()))
                .hasMessageContaining("larger than the argument size limit of 1024 characters");
            assertThat(js.call("id", "x".repeat(1000))).isEqualTo("x".repeat(1000));
        }
    }

}
