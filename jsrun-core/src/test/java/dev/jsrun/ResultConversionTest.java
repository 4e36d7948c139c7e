package dev.jsrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

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

}
