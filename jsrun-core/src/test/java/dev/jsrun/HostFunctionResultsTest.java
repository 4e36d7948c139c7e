package dev.jsrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/** What a host function returns reaches JavaScript as a call's arguments would. */
class HostFunctionResultsTest {

    private static Map<String, Object> nested() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("list", List.of(Map.of("n", 7L)));
        nested.put("array", new Object[] { 1L, "two" });
        return nested;
    }

    @Test
    void javaValuesComeBackAsTheirJavaScriptEquivalents() {
        try (UnpooledJsRuntimeFactory factory = new UnpooledJsRuntimeFactory(RuntimeConfig.defaults());
                JsRuntime js = factory.create()) {
            js.bind("echo", args -> args.get(0));
            js.bind("give", args -> switch ((String) args.get(0)) {
                case "long" -> 5L;
                case "big long" -> Long.MAX_VALUE;
                case "big integer" -> BigInteger.TWO.pow(70);
                case "small big integer" -> BigInteger.TEN;
                case "decimal" -> new BigDecimal("2.5");
                case "float" -> 0.1f;
                case "char" -> 'x';
                case "builder" -> new StringBuilder("built");
                case "enum" -> TimeUnit.SECONDS;
                case "instant" -> Instant.ofEpochMilli(86_400_000L);
                case "date" -> new Date(1_000L);
                case "optional" -> Optional.of(3L);
                case "empty" -> Optional.empty();
                case "set" -> new LinkedHashSet<>(List.of(1L, 2L));
                case "nested" -> nested();
                default -> null;
            });
            assertThat(js.eval("echo(2 ** 40) === 2 ** 40 && echo(2 ** 40) + 1 === 2 ** 40 + 1")).isEqualTo(true);
            assertThat(js.eval("""
                    JSON.stringify([typeof give('long'), give('long') + 1, typeof give('big long'),
                      give('big long') === 2n ** 63n - 1n, give('big integer') === 2n ** 70n, give('small big integer'),
                      give('decimal'), give('float'), give('char'), give('builder'), give('enum'),
                      give('instant') instanceof Date && give('instant').getTime(), give('date').getTime(),
                      give('optional'), give('empty'), Array.isArray(give('set')) && give('set'), give('nested')])
                    """))
                .isEqualTo("[\"number\",6,\"bigint\",true,true,10,2.5,0.1,\"x\",\"built\",\"SECONDS\",86400000,1000,"
                        + "3,null,[1,2],{\"list\":[{\"n\":7}],\"array\":[1,\"two\"]}]");
        }
    }

}
