package dev.jsrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.jsrun.pool.UnpooledJsRuntimeFactory;

class JsRuntimeTest {

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
    void convertsPrimitives() {
        try (JsRuntime js = factory.create()) {
            assertThat(js.eval("undefined")).isNull();
            assertThat(js.eval("null")).isNull();
            assertThat(js.eval("1 === 1")).isEqualTo(true);
            assertThat(js.eval("'héllo' + 1")).isEqualTo("héllo1");
            assertThat(js.eval("40 + 2")).isEqualTo(42);
            assertThat(js.eval("1.5 * 2")).isEqualTo(3);
            assertThat(js.eval("2 ** 40")).isEqualTo(1L << 40);
            assertThat(js.eval("-(2 ** 31)")).isEqualTo(Integer.MIN_VALUE);
            assertThat(js.eval("2 ** 31")).isEqualTo(1L << 31);
            assertThat(js.eval("0.1 + 0.2")).isEqualTo(0.1 + 0.2);
            assertThat(js.eval("2 ** 60")).isEqualTo(Math.pow(2, 60));
            assertThat(js.eval("NaN")).isEqualTo(Double.NaN);
            assertThat(js.eval("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(js.eval("-0")).isEqualTo(-0.0d);
            assertThat(js.eval("123n")).isEqualTo(123L);
        }
    }

    @Test
    void convertsArraysAndObjectsInPropertyOrder() {
        try (JsRuntime js = factory.create()) {
            assertThat(js.eval("[1, 'a', null, [true]]"))
                .isEqualTo(java.util.Arrays.asList(1, "a", null, List.of(true)));
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) js
                .eval("({ z: 1, a: { b: [2.5] }, m: undefined, f() {} })");
            assertThat(map).containsExactly(entry("z", 1), entry("a", Map.of("b", List.of(2.5))), entry("m", null));
            assertThat(map.keySet()).containsExactly("z", "a", "m");
            assertThat(js.eval("new Map([['k', 1]])")).isEqualTo(Map.of("k", 1));
            assertThat(js.eval("new Set([3, 1])")).isEqualTo(new java.util.LinkedHashSet<>(List.of(3, 1)));
            assertThat(js.eval("new Date(0)")).isEqualTo(java.time.Instant.EPOCH);
        }
    }

    @Test
    void refusesCircularValuesWithTheirPath() {
        try (JsRuntime js = factory.create()) {
            assertThatThrownBy(() -> js.eval("const o = { a: { b: {} } }; o.a.b.back = o; o"))
                .isInstanceOf(JsConversionException.class)
                .hasMessageContaining("circular")
                .hasMessageContaining("$.a.b.back");
        }
    }

    @Test
    void convertsToRequestedType() {
        try (JsRuntime js = factory.create()) {
            assertThat(js.eval("6 * 7", Integer.class)).isEqualTo(42);
            assertThat(js.eval("6 * 7", Long.class)).isEqualTo(42L);
            assertThat(js.eval("6 * 7", Double.class)).isEqualTo(42.0);
            assertThat(js.eval("6 * 7", int.class)).isEqualTo(42);
            assertThat(js.eval("'x'", String.class)).isEqualTo("x");
            assertThat(js.eval("[1]", List.class)).isEqualTo(List.of(1));
            assertThatThrownBy(() -> js.eval("1.5", Integer.class)).isInstanceOf(JsConversionException.class)
                .hasMessageContaining("1.5")
                .hasMessageContaining("java.lang.Integer");
            assertThatThrownBy(() -> js.eval("'a'", Integer.class)).isInstanceOf(JsConversionException.class)
                .hasMessageContaining("string");
        }
    }

    @Test
    void thrownErrorBecomesJsExceptionWithNameMessageAndPosition() {
        try (JsRuntime js = factory.create()) {
            assertThatThrownBy(() -> js.eval("const x = 1;\nnull.foo;")).isInstanceOfSatisfying(JsException.class,
                    ex -> {
                        assertThat(ex.getErrorName()).isEqualTo("TypeError");
                        assertThat(ex.getErrorMessage()).contains("Cannot read properties of null");
                        assertThat(ex.getLine()).isEqualTo(2);
                        assertThat(ex.getColumn()).isEqualTo(6);
                        assertThat(ex.getJsStack()).contains("TypeError");
                    });
            assertThatThrownBy(() -> js.eval("throw new RangeError('too big')"))
                .isInstanceOfSatisfying(JsException.class, ex -> {
                    assertThat(ex.getErrorName()).isEqualTo("RangeError");
                    assertThat(ex.getErrorMessage()).isEqualTo("too big");
                    assertThat(ex.getMessage()).startsWith("RangeError: too big");
                });
            assertThatThrownBy(() -> js.eval("let = ;")).isInstanceOfSatisfying(JsException.class, ex -> {
                assertThat(ex.getErrorName()).isEqualTo("SyntaxError");
                assertThat(ex.getLine()).isEqualTo(1);
            });
        }
    }

    @Test
    void evalAsyncCompletesWhenThePromiseSettles() throws Exception {
        try (JsRuntime js = factory.create()) {
            assertThat(js.evalAsync("Promise.resolve(41).then(x => x + 1)").get(5, TimeUnit.SECONDS)).isEqualTo(42);
            assertThat(js.evalAsync("(async () => { await null; return [1, 2]; })()").get(5, TimeUnit.SECONDS))
                .isEqualTo(List.of(1, 2));
            assertThat(js.evalAsync("'plain'").get(5, TimeUnit.SECONDS)).isEqualTo("plain");
            assertThatThrownBy(
                    () -> js.evalAsync("(async () => { throw new TypeError('nope'); })()").get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(JsException.class, ex -> {
                    assertThat(ex.getErrorName()).isEqualTo("TypeError");
                    assertThat(ex.getErrorMessage()).isEqualTo("nope");
                });
        }
    }

    @Test
    void aPromiseSettlesOnceTheTimersItWaitsForHaveRun() throws Exception {
        try (JsRuntime js = factory.create()) {
            var future = js.evalAsync("new Promise(resolve => setTimeout(() => resolve('later'), 10))");
            assertThat(future.get(5, TimeUnit.SECONDS)).isEqualTo("later");
            assertThatThrownBy(() -> js.evalAsync("new Promise(resolve => { globalThis.done = resolve; })").get())
                .hasCauseInstanceOf(JsException.class)
                .hasMessageContaining("can never settle");
        }
    }

    @Test
    void syncEvalOfAPromiseSaysToUseEvalAsync() {
        try (JsRuntime js = factory.create()) {
            assertThatThrownBy(() -> js.eval("Promise.resolve(1)")).isInstanceOf(JsConversionException.class)
                .hasMessageContaining("evalAsync");
        }
    }

    @Test
    void timeoutTerminatesRunawayCode() {
        try (JsRuntime js = factory.create()) {
            assertThatThrownBy(() -> js.eval("while (true) {}", Duration.ofMillis(100))).isInstanceOfSatisfying(
                    JsTimeoutException.class, ex -> assertThat(ex.getTimeout()).isEqualTo(Duration.ofMillis(100)));
            assertThat(js.eval("1 + 1")).isEqualTo(2);
        }
    }

    @Test
    void moduleStatisticsStayReadableAfterATimeout() {
        try (JsRuntime js = factory.create()) {
            assertThatThrownBy(() -> js.eval("while (true) {}", Duration.ofMillis(50)))
                .isInstanceOf(JsTimeoutException.class);
            assertThat(js.moduleStats()).isEqualTo(dev.jsrun.ModuleStats.NONE);
        }
    }

    @Test
    void configuredTimeoutAppliesToEveryEval() {
        RuntimeConfig config = RuntimeConfig.builder().timeout(Duration.ofMillis(100)).build();
        try (JsRuntimeFactory limited = new UnpooledJsRuntimeFactory(config); JsRuntime js = limited.create()) {
            assertThatThrownBy(() -> js.eval("for (;;) {}")).isInstanceOf(JsTimeoutException.class);
        }
    }

    @Test
    void useAfterCloseIsAClearError() {
        JsRuntime js = factory.create();
        js.close();
        js.close();
        assertThat(js.isClosed()).isTrue();
        assertThatThrownBy(() -> js.eval("1")).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> js.addStaticModule("m", "")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void javaScriptReachesNoHostApi() {
        try (JsRuntime js = factory.create()) {
            for (String name : new String[] { "java", "Packages", "JavaImporter", "require", "fetch", "XMLHttpRequest",
                    "load", "module", "Deno", "Bun" }) {
                assertThat(js.eval("typeof " + name)).as(name).isEqualTo("undefined");
            }
        }
    }

    @Test
    void scriptsRunInSloppyModeLikeBrowsersAndNode() {
        try (JsRuntime js = factory.create()) {
            assertThat(js.eval("(function () { return this === globalThis; })()")).isEqualTo(true);
            assertThat(js.eval("undeclared = 5; undeclared")).isEqualTo(5);
        }
    }

}
