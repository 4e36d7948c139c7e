package dev.jsrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.jsrun.pool.DiscardReason;
import dev.jsrun.pool.JsRuntimePool;
import dev.jsrun.pool.PoolListener;
import dev.jsrun.pool.PoolSettings;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/**
 * JavaScript reaches nothing of the host unless the application binds it; console goes to
 * SLF4J.
 */
class SandboxTest {

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
    void noJavaFileNetworkEnvironmentOrProcess() {
        try (JsRuntime js = factory.create()) {
            for (String name : new String[] { "java", "javax", "Packages", "JavaImporter", "Java", "require", "fetch",
                    "XMLHttpRequest", "WebSocket", "load", "loadWithNewGlobal", "quit", "exit", "print", "readFile",
                    "module", "exports", "Deno", "Bun", "Buffer", "importScripts", "setImmediate" }) {
                assertThat(js.eval("typeof " + name)).as(name).isEqualTo("undefined");
            }
            assertThatThrownBy(() -> js.eval("require('fs')")).isInstanceOfSatisfying(JsException.class,
                    ex -> assertThat(ex.getErrorName()).isEqualTo("ReferenceError"));
            // process is there for libraries that read process.env.NODE_ENV, and holds
            // nothing else
            assertThat(js
                .eval("Object.keys(process).join() + ':' + Object.keys(process.env).join() + ':' + process.env.HOME"))
                .isEqualTo("env:NODE_ENV:undefined");
            assertThatThrownBy(() -> js.eval("java.lang.System.exit(1)")).isInstanceOf(JsException.class);
            assertThatThrownBy(() -> js.eval("Packages.java.io.File")).isInstanceOf(JsException.class);
        }
    }

    @Test
    void importOfNodeBuiltInsFails() {
        try (JsRuntime js = factory.create()) {
            for (String module : new String[] { "fs", "node:fs", "child_process", "http", "os" }) {
                assertThatThrownBy(() -> js.evalAsync("import('" + module + "')").get(5, TimeUnit.SECONDS)).as(module)
                    .isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("Cannot find module '" + module + "'");
            }
            js.addStaticModule("probe", "import fs from 'fs'; export default fs;");
            assertThatThrownBy(() -> js.evalAsync("import('probe')").get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);
        }
    }

    @Test
    void consoleWritesToTheJsrunConsoleLogger() {
        String output = StdoutCapture.of(() -> {
            try (JsRuntime js = factory.create()) {
                js.eval("console.log('hello', 42, { a: [1] }); console.warn('careful'); console.error(new TypeError('bad'));"
                        + " console.debug('details')");
            }
        });
        assertThat(output).contains("INFO jsrun.console - hello 42 {\"a\":[1]}")
            .contains("WARN jsrun.console - careful")
            .contains("ERROR jsrun.console - TypeError: bad")
            .contains("DEBUG jsrun.console - details");
    }

    @Test
    void consoleOutputIsWrittenByTheCallThatMadeItWhateverTheScriptDoesToPromises() {
        String output = StdoutCapture.of(() -> {
            try (JsRuntime js = factory.create()) {
                js.eval("Promise.reject(new Error('unhandled')); console.log('one')");
                System.out.println("after call 1");
                js.eval("console.log('two'); console.log('three')");
                System.out.println("after call 2");
                assertThat(js.eval("Promise.reject(1); 7")).isEqualTo(7);
                js.eval("Promise = function () { }; Promise.reject = () => null; console.log('four')");
                System.out.println("after call 3");
                js.eval("console.log('five')");
                System.out.println("after call 4");
            }
        });
        assertThat(output).containsSubsequence("- one", "after call 1", "- two", "- three", "after call 2", "- four",
                "after call 3", "- five", "after call 4");
    }

    @Test
    void consoleOutputOfAsyncCodeIsWrittenToo() throws Exception {
        String output = StdoutCapture.of(() -> {
            try (JsRuntime js = factory.create()) {
                js.evalAsync("(async () => { await null; console.info('after await'); })()").get(5, TimeUnit.SECONDS);
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        });
        assertThat(output).contains("INFO jsrun.console - after await");
    }

    @Test
    void consoleLoggerNameIsConfigurable() {
        RuntimeConfig config = RuntimeConfig.builder().consoleLogger("scripts.audit").build();
        String output = StdoutCapture.of(() -> {
            try (JsRuntimeFactory custom = new UnpooledJsRuntimeFactory(config); JsRuntime js = custom.create()) {
                js.eval("console.info('audited')");
            }
        });
        assertThat(output).contains("INFO scripts.audit - audited");
    }

    @Test
    void boundFunctionsAreTheOnlyWayOut() {
        try (JsRuntime js = factory.create()) {
            js.bind("lookupPrice", args -> Map.of("sku", args.get(0), "price", 9.5));
            js.bind("fail", args -> {
                throw new IllegalStateException("no stock");
            });
            assertThat(js.eval("lookupPrice('A-1').price * 2")).isEqualTo(19);
            assertThat(js.eval("lookupPrice('A-1').sku")).isEqualTo("A-1");
            assertThatThrownBy(() -> js.eval("fail()")).isInstanceOfSatisfying(JsException.class,
                    ex -> assertThat(ex.getErrorMessage()).isEqualTo("fail: no stock"));
            assertThat(js.eval("try { fail(); } catch (e) { e.message }")).isEqualTo("fail: no stock");
            assertThatThrownBy(() -> js.bind("not a name", args -> null)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void pooledRuntimeWithBoundFunctionsIsReplacedSoTheNextBorrowerNeverSeesThem() throws Exception {
        try (JsRuntimePool pool = new JsRuntimePool(RuntimeConfig.defaults(),
                PoolSettings.builder().maxSize(1).minIdle(1).build())) {
            List<DiscardReason> discarded = new java.util.concurrent.CopyOnWriteArrayList<>();
            pool.addListener(new PoolListener() {
                @Override
                public void discarded(DiscardReason reason) {
                    discarded.add(reason);
                }
            });
            try (JsRuntime js = pool.acquire()) {
                js.bind("secret", args -> "s3cr3t");
                assertThat(js.eval("secret()")).isEqualTo("s3cr3t");
            }
            try (JsRuntime js = pool.acquire()) {
                assertThat(js.eval("typeof secret")).isEqualTo("undefined");
            }
            assertThat(discarded).containsExactly(DiscardReason.HOST_FUNCTIONS);
        }
    }

    @Test
    void configuredHostFunctionsAreBoundIntoEveryRuntimeAgain() throws Exception {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        RuntimeConfig config = RuntimeConfig.builder().hostFunction("tick", args -> calls.incrementAndGet()).build();
        try (JsRuntimePool pool = new JsRuntimePool(config, PoolSettings.builder().maxSize(1).minIdle(1).build())) {
            for (int i = 1; i <= 3; i++) {
                try (JsRuntime js = pool.acquire()) {
                    assertThat(js.eval("globalThis.mine = (globalThis.mine || 0) + 1; tick()")).isEqualTo(i);
                    assertThat(js.eval("mine")).isEqualTo(1);
                }
            }
        }
    }

}
