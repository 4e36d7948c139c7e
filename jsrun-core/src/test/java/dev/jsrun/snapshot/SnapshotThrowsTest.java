package dev.jsrun.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.jsrun.JsRuntime;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.Snapshot;
import dev.jsrun.SnapshotBuildException;
import dev.jsrun.SnapshotBuildException.Problem;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/**
 * What a snapshot script throws is looked at before Javet reads it. Without that, a
 * revoked or hostile proxy crashed the JVM (SIGSEGV in Javet's exception conversion), an
 * error whose text passes V8's longest string aborted V8, a huge message ran the Java
 * heap out, and an accessor ran until the script's timeout.
 */
class SnapshotThrowsTest {

    /** Far below the script timeout: nothing here may run user code for long. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"',
            textBlock = """
                    var p = Proxy.revocable({}, {}); p.revoke(); throw p.proxy;                           | it threw a Proxy
                    throw new Proxy({}, { get() { throw 1; }, ownKeys() { throw 2; }, getPrototypeOf() { throw 3; } }); | it threw a Proxy
                    throw { get message() { for (;;) {} } };                                              | it threw an object
                    throw new Error('x'.repeat(2 ** 29 - 24));                                            | it threw an error: xxx
                    throw 'x'.repeat(2 ** 20);                                                            | it threw xxx
                    var e = new Error('m'); e.cause = new Proxy({}, {}); throw e;                         | it threw an error: m
                    var e = new Error('m'); Object.defineProperty(e, 'stack', { get() { for (;;) {} } }); throw e; | it threw an error: m
                            throw 7n ** 100000n;                                                                  | it threw a bigint
                    setTimeout(() => { var p = Proxy.revocable({}, {}); p.revoke(); throw p.proxy; });   | it threw a Proxy
                    """)
    void aValueJavetMustNotReadIsDescribed(String source, String described) {
        SnapshotBuilder builder = new SnapshotBuilder().scriptTimeout(TIMEOUT).executeScript("hostile.js", source);
        long started = System.nanoTime();
        assertThatThrownBy(builder::build).isInstanceOfSatisfying(SnapshotBuildException.class, ex -> {
            assertThat(ex.getProblem()).isEqualTo(Problem.SCRIPT_ERROR);
            assertThat(ex.getScriptName()).isEqualTo("hostile.js");
            assertThat(ex.getJsMessage()).startsWith(described).contains("which jsrun does not read");
            assertThat(ex.getMessage().length()).isLessThan(70_000);
        });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT);
        theNextBuildWorks();
    }

    @Test
    void aCommonJsLibraryThatThrowsAProxyIsDescribed() {
        SnapshotBuilder builder = new SnapshotBuilder().executeCommonJs("lib", "lib.js",
                "module.exports = 1;\nvar p = Proxy.revocable({}, {}); p.revoke(); throw p.proxy;");
        assertThatThrownBy(builder::build).isInstanceOfSatisfying(SnapshotBuildException.class,
                ex -> assertThat(ex.getJsMessage()).startsWith("it threw a Proxy"));
        SnapshotBuilder exporting = new SnapshotBuilder().executeCommonJs("lib", "lib.js",
                "var p = Proxy.revocable({}, {}); p.revoke();\n"
                        + "Object.defineProperty(module, 'exports', { get() { throw p.proxy; } });");
        assertThatThrownBy(exporting::build).isInstanceOfSatisfying(SnapshotBuildException.class,
                ex -> assertThat(ex.getJsMessage()).startsWith("it threw a Proxy"));
    }

    /**
     * A script that replaces the function the catch calls, then throws, or leaves the
     * replacement to the next script or to its timers, still reaches jsrun's function.
     */
    @Test
    void aScriptCannotReplaceWhatTheCatchCalls() {
        String replace = "var p = Proxy.revocable({}, {}); p.revoke();\n"
                + "Object.defineProperty(globalThis, '__jsrun_thrown', { value: (x) => x, configurable: true });\n";
        for (SnapshotBuilder builder : List.of(
                new SnapshotBuilder().executeScript("itself.js", replace + "throw p.proxy;"),
                new SnapshotBuilder().executeScript("first.js", replace + "globalThis.q = p;")
                    .executeScript("second.js", "throw q.proxy;"),
                new SnapshotBuilder().executeScript("timers.js",
                        replace + "setTimeout(() => { throw p.proxy; }); setTimeout(() => {"
                                + " Object.defineProperty(globalThis, '__jsrun_thrown', { value: (x) => x }); });"),
                new SnapshotBuilder().executeCommonJs("lib", "lib.js", replace
                        + "Object.defineProperty(module, 'exports', { get() {"
                        + " Object.defineProperty(globalThis, '__jsrun_thrown', { value: (x) => x }); throw p.proxy; } });"))) {
            assertThatThrownBy(builder::build).isInstanceOfSatisfying(SnapshotBuildException.class,
                    ex -> assertThat(ex.getJsMessage()).startsWith("it threw a Proxy"));
        }
        SnapshotBuilder frozen = new SnapshotBuilder()
            .executeScript("frozen.js",
                    "Object.defineProperty(globalThis, '__jsrun_thrown', { value: (x) => x, configurable: false });")
            .executeScript("next.js", "var p = Proxy.revocable({}, {}); p.revoke(); throw p.proxy;");
        assertThatThrownBy(frozen::build).isInstanceOfSatisfying(SnapshotBuildException.class, ex -> {
            assertThat(ex.getScriptName()).isEqualTo("frozen.js");
            assertThat(ex.getJsMessage()).contains("unchangeable");
        });
        theNextBuildWorks();
    }

    @Test
    void errorsThrownAgainKeepWhereTheyWereMade() {
        assertThatThrownBy(new SnapshotBuilder().executeScript("timer.js", "setTimeout(() => {\n  null.x;\n});")::build)
            .isInstanceOfSatisfying(SnapshotBuildException.class, ex -> {
                assertThat(ex.getLine()).isEqualTo(2);
                assertThat(ex.getColumn()).isEqualTo(8);
                assertThat(ex.getJsMessage()).startsWith("TypeError: Cannot read properties of null");
            });
        assertThatThrownBy(new SnapshotBuilder().executeScript("first.js",
                "var e = new Error('m'); e.code = 'E'; throw e;")::build)
            .isInstanceOfSatisfying(SnapshotBuildException.class, ex -> {
                assertThat(ex.getLine()).isEqualTo(1);
                assertThat(ex.getColumn()).isEqualTo(9);
                assertThat(ex.getJsMessage()).isEqualTo("Error: m");
            });
    }

    @Test
    void everyLineTerminatorCounts() {
        assertThatThrownBy(new SnapshotBuilder().executeScript("lines.js", "const a = 1;\r\u2028\r\n  null.x;")::build)
            .isInstanceOfSatisfying(SnapshotBuildException.class, ex -> {
                assertThat(ex.getLine()).isEqualTo(4);
                // V8 places a failed property read at the property
                assertThat(ex.getColumn()).isEqualTo(8);
            });
    }

    @Test
    void scriptsInTheCatchDeclareWhatTheyDeclareAlone() {
        Snapshot snapshot = new SnapshotBuilder()
            .executeScript("sloppy.js", "var counter = 1;\nfunction next() { return ++counter; }\nthis.self = this;")
            .executeScript("strict.js", "'use strict';\nvar strictness = (function () { return this; })();")
            .executeScript("strictFunctions.js", "'use strict';\nfunction helper() { return 'helped'; }")
            .executeScript("lexical.js", "const fixed = 'fixed';\nclass Shape {}")
            .executeScript("collision.js", "var shared = 1;\nfunction shared() {}")
            .build();
        try (UnpooledJsRuntimeFactory factory = new UnpooledJsRuntimeFactory(
                RuntimeConfig.builder().snapshot(snapshot).build()); JsRuntime js = factory.create()) {
            assertThat(js.eval("next() + ':' + (self === globalThis) + ':' + strictness + ':' + helper()"))
                .isEqualTo("2:true:undefined:helped");
            assertThat(js.eval("fixed + ':' + typeof Shape + ':' + typeof __jsrun_thrown"))
                .isEqualTo("fixed:function:undefined");
            assertThat(js.eval("Object.getOwnPropertyDescriptor(globalThis, 'counter').configurable")).isEqualTo(false);
            assertThat(js.eval("typeof shared")).isEqualTo("number");
        }
    }

    private static void theNextBuildWorks() {
        Snapshot snapshot = new SnapshotBuilder().executeScript("fine.js", "globalThis.fine = 40 + 2;").build();
        try (UnpooledJsRuntimeFactory factory = new UnpooledJsRuntimeFactory(
                RuntimeConfig.builder().snapshot(snapshot).build()); JsRuntime js = factory.create()) {
            assertThat(js.eval("fine")).isEqualTo(42);
        }
    }

}
