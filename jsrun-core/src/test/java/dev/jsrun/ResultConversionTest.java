package dev.jsrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/**
 * The values that issue 16 measured coming back wrong from {@code eval}, each as it must
 * come back.
 */
class ResultConversionTest {

    private static JsRuntimeFactory factory;

    @BeforeAll
    static void start() {
        factory = new UnpooledJsRuntimeFactory(RuntimeConfig.defaults());
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    @Test
    void objectsWithIntegerLikeKeysBecomeMapsWithStringKeys() {
        try (JsRuntime js = factory.create()) {
            assertThat(js.eval("({3: 'x'})")).isEqualTo(Map.of("3", "x"));
            // what _.groupBy(['one', 'two', 'three'], 'length') returns: integer keys
            // first, in ascending order
            @SuppressWarnings("unchecked")
            Map<String, Object> grouped = (Map<String, Object>) js
                .eval("const g = {}; for (const w of ['one', 'two', 'three']) (g[w.length] ||= []).push(w); g");
            assertThat(grouped).containsExactly(entry("3", List.of("one", "two")), entry("5", List.of("three")));
        }
    }

    @Test
    void wrapperObjectsBecomeTheirPrimitives() {
        try (JsRuntime js = factory.create()) {
            assertThat(js.eval("new String('ab')")).isEqualTo("ab");
            assertThat(js.eval("new Number(2.5)")).isEqualTo(2.5);
            assertThat(js.eval("new Boolean(false)")).isEqualTo(false);
            assertThat(js.eval("Object(7n)")).isEqualTo(7L);
        }
    }

    @Test
    void typedArraysAndViewsBecomeTheirOwnElements() {
        try (JsRuntime js = factory.create()) {
            assertThat(js.eval("new Float64Array([1.5, -0, NaN])")).isEqualTo(new double[] { 1.5, -0.0, Double.NaN });
            assertThat(js.eval("new Uint8Array(new ArrayBuffer(1000), 10, 2).fill(7)")).isEqualTo(new byte[] { 7, 7 });
            assertThat(js.eval("const b = new ArrayBuffer(1000); new Uint8Array(b)[21] = 9; new DataView(b, 20, 2)"))
                .isEqualTo(new byte[] { 0, 9 });
            assertThat(js.eval("new Int32Array(new ArrayBuffer(1000), 8, 2).fill(-1)")).isEqualTo(new int[] { -1, -1 });
        }
    }

    @Test
    void invalidDatesBecomeNull() {
        try (JsRuntime js = factory.create()) {
            assertThat(js.eval("new Date(NaN)")).isNull();
            assertThat(js.eval("({ at: new Date('not a date') })"))
                .isEqualTo(java.util.Collections.singletonMap("at", null));
        }
    }

    @Test
    void bigIntsBecomeLongOrBigInteger() {
        try (JsRuntime js = factory.create()) {
            assertThat(js.eval("2n ** 63n - 1n")).isEqualTo(Long.MAX_VALUE);
            assertThat(js.eval("2n ** 64n")).isEqualTo(BigInteger.TWO.pow(64));
            assertThat(js.eval("[-(2n ** 70n)]")).isEqualTo(List.of(BigInteger.TWO.pow(70).negate()));
        }
    }

    @Test
    void integralNumbersAndBigIntsBecomeBigIntegers() {
        try (JsRuntime js = factory.create()) {
            assertThat(js.eval("5n", BigInteger.class)).isEqualTo(BigInteger.valueOf(5));
            assertThat(js.eval("-(2n ** 63n)", BigInteger.class)).isEqualTo(BigInteger.TWO.pow(63).negate());
            assertThat(js.eval("2n ** 70n", BigInteger.class)).isEqualTo(BigInteger.TWO.pow(70));
            assertThat(js.eval("42", BigInteger.class)).isEqualTo(BigInteger.valueOf(42));
            assertThat(js.eval("2 ** 40", BigInteger.class)).isEqualTo(BigInteger.TWO.pow(40));
            // a double past the safe integers is still exactly the integer it holds
            assertThat(js.eval("2 ** 70", BigInteger.class)).isEqualTo(BigInteger.TWO.pow(70));
            assertThat(js.eval("-0", BigInteger.class)).isEqualTo(BigInteger.ZERO);
            for (String notIntegral : new String[] { "1.5", "NaN", "Infinity", "-Infinity", "'5'" }) {
                assertThatThrownBy(() -> js.eval(notIntegral, BigInteger.class)).as(notIntegral)
                    .isInstanceOf(JsConversionException.class)
                    .hasMessageContaining("cannot be converted to java.math.BigInteger");
            }
        }
    }

    @Test
    void finiteNumbersBecomeBigDecimalsOfTheDigitsJavaScriptPrints() throws Exception {
        assumeTrue(NodeJson.available(), "node is not installed");
        List<String> numbers = List.of("0.1", "0.1 + 0.2", "1 / 3", "-2.5e-7", "123456789.125", "1e21", "2 ** 70",
                "Number.MAX_VALUE", "Number.MIN_VALUE", "-Number.MAX_SAFE_INTEGER", "100", "-0");
        List<String> printed = NodeJson.stringify(numbers);
        try (JsRuntime js = factory.create()) {
            for (int i = 0; i < numbers.size(); i++) {
                BigDecimal decimal = js.eval(numbers.get(i), BigDecimal.class);
                assertThat(decimal).as(numbers.get(i)).isEqualByComparingTo(new BigDecimal(printed.get(i)));
                // adding 0.0 makes -0 the 0 a BigDecimal holds
                assertThat(decimal.doubleValue()).as(numbers.get(i))
                    .isEqualTo(js.eval(numbers.get(i), Double.class) + 0.0);
            }
            assertThat(js.eval("0.1", BigDecimal.class)).isEqualTo(new BigDecimal("0.1"));
            assertThat(js.eval("100", BigDecimal.class)).isEqualTo(new BigDecimal("100"));
            assertThat(js.eval("2n ** 70n", BigDecimal.class)).isEqualTo(new BigDecimal(BigInteger.TWO.pow(70)));
            for (String notFinite : new String[] { "NaN", "Infinity", "-Infinity" }) {
                assertThatThrownBy(() -> js.eval(notFinite, BigDecimal.class)).as(notFinite)
                    .isInstanceOf(JsConversionException.class)
                    .hasMessageContaining("cannot be converted to java.math.BigDecimal");
            }
        }
    }

    @Test
    void aBigIntThatDoesNotFitIsRefusedAsABigInt() {
        try (JsRuntime js = factory.create()) {
            assertThatThrownBy(() -> js.eval("2n ** 63n", Long.class)).isInstanceOf(JsConversionException.class)
                .hasMessage("JavaScript value 9223372036854775808n (bigint) cannot be converted to java.lang.Long");
            assertThatThrownBy(() -> js.eval("2n ** 62n", Integer.class)).isInstanceOf(JsConversionException.class)
                .hasMessage("JavaScript value 4611686018427387904n (bigint) cannot be converted to java.lang.Integer");
            assertThatThrownBy(() -> js.eval("2 ** 40", Integer.class)).isInstanceOf(JsConversionException.class)
                .hasMessage("JavaScript value 1099511627776 (number) cannot be converted to java.lang.Integer");
            // a small BigInt arrives as a Long, which a number of its size never is
            assertThatThrownBy(() -> js.eval("5n", Boolean.class)).isInstanceOf(JsConversionException.class)
                .hasMessage("JavaScript value 5n (bigint) cannot be converted to java.lang.Boolean");
            assertThatThrownBy(() -> js.eval("5", Boolean.class)).isInstanceOf(JsConversionException.class)
                .hasMessage("JavaScript value 5 (number) cannot be converted to java.lang.Boolean");
        }
    }

    @Test
    void aResultThatCannotCrossSaysWhereAsAnArgumentDoes() {
        try (JsRuntime js = factory.create()) {
            assertThatThrownBy(() -> js.eval("(() => { const o = { list: [] }; o.list.push(o); return o; })()"))
                .isInstanceOf(JsConversionException.class)
                .hasMessage(
                        "The JavaScript value cannot be converted to Java: at $.list[0]: it has a circular reference");
        }
    }

    @Test
    void integerTypesTakeExactIntegralValuesOnly() {
        try (JsRuntime js = factory.create()) {
            // the largest double below 2^63, and -2^63, are exact longs; 2^63 is none
            assertThat(js.eval("2 ** 63 - 1024", Long.class)).isEqualTo(Long.MAX_VALUE - 1023);
            assertThat(js.eval("-(2 ** 63)", Long.class)).isEqualTo(Long.MIN_VALUE);
            assertThat(js.eval("2n ** 63n - 1n", long.class)).isEqualTo(Long.MAX_VALUE);
            assertThat(js.eval("-0", Long.class)).isEqualTo(0L);
            assertThat(js.eval("2 ** 31 - 1", Integer.class)).isEqualTo(Integer.MAX_VALUE);
            assertThat(js.eval("-(2 ** 31)", int.class)).isEqualTo(Integer.MIN_VALUE);
            assertThat(js.eval("-(2n ** 31n)", Integer.class)).isEqualTo(Integer.MIN_VALUE);
            assertThat(js.eval("-32768", Short.class)).isEqualTo(Short.MIN_VALUE);
            assertThat(js.eval("32767n", short.class)).isEqualTo(Short.MAX_VALUE);
            assertThat(js.eval("-128", Byte.class)).isEqualTo(Byte.MIN_VALUE);
            assertThat(js.eval("127n", byte.class)).isEqualTo(Byte.MAX_VALUE);
            Object[][] refused = { { "2 ** 63", Long.class }, { "-(2 ** 63) - 2048", Long.class },
                    { "2 ** 64", long.class }, { "1e300", Long.class }, { "Infinity", Long.class },
                    { "NaN", Long.class }, { "0.5", Long.class }, { "2n ** 63n", Long.class },
                    { "2 ** 31", Integer.class }, { "-(2 ** 31) - 1", Integer.class }, { "2n ** 31n", int.class },
                    { "2 ** 53 + 2", Integer.class }, { "2 ** 64", Integer.class }, { "32768", Short.class },
                    { "-32769n", Short.class }, { "2 ** 63", short.class }, { "128", Byte.class },
                    { "-129n", Byte.class }, { "2 ** 64", byte.class }, { "1.5", Byte.class } };
            for (Object[] value : refused) {
                Class<?> type = (Class<?>) value[1];
                assertThatThrownBy(() -> js.eval((String) value[0], type)).as("%s as %s", value[0], type)
                    .isInstanceOf(JsConversionException.class)
                    .hasMessageContaining("cannot be converted to " + type.getName());
            }
        }
    }

}
