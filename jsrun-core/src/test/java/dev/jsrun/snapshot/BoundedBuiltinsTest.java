package dev.jsrun.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.jsrun.JsRuntime;
import dev.jsrun.JsRuntimeFactory;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.runtime.UnpooledJsRuntimeFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bounded Array built-ins ({@code bounded-builtins.js}) behave as Node 20's own on ordinary and edge inputs
 * (holes, negative and NaN indices, -0, getters, proxies and the order of their traps, species, concat spreading),
 * in a runtime from a snapshot and in one without, and still look native to libraries.
 */
class BoundedBuiltinsTest {

    private static final String MARKER = "// ---- cases";

    private static String prelude;

    private static List<String> cases;

    @BeforeAll
    static void readCases() {
        String text = resource("bounded-builtins-cases.js");
        int split = text.indexOf(MARKER);
        prelude = text.substring(0, split);
        cases = text.substring(split + MARKER.length()).lines().filter(line -> !line.isBlank()).toList();
    }

    @Test
    void snapshotRuntimesAgreeWithNode() {
        Snapshot snapshot = new SnapshotBuilder().executeScript("ready.js", "globalThis.ready = true;").build();
        try (JsRuntimeFactory factory = new UnpooledJsRuntimeFactory(RuntimeConfig.builder().snapshot(snapshot).build())) {
            assertAgreesWithNode(factory);
        }
    }

    @Test
    void runtimesWithoutSnapshotAgreeWithNode() {
        try (JsRuntimeFactory factory = new UnpooledJsRuntimeFactory(RuntimeConfig.builder().build())) {
            assertAgreesWithNode(factory);
        }
    }

    @Test
    void methodsStillLookNative() {
        try (JsRuntimeFactory factory = new UnpooledJsRuntimeFactory(RuntimeConfig.builder().build());
                JsRuntime js = factory.create()) {
            assertThat(js.eval("Function.prototype.toString.call(Array.prototype.indexOf)"))
                .isEqualTo("function indexOf() { [native code] }");
            // the test lodash's _.isNative makes, from the source of a method that is still V8's own
            assertThat(js.eval("const source = Function.prototype.toString; const pattern = RegExp('^' + source"
                    + ".call(Object.prototype.hasOwnProperty).replace(/[\\\\^$.*+?()[\\]{}|]/g, '\\\\$&')"
                    + ".replace(/hasOwnProperty|(function).*?(?=\\\\\\()| for .+?(?=\\\\\\])/g, '$1.*?') + '$');"
                    + "['indexOf', 'join', 'sort', 'map', 'reduce', 'fill'].every(name => pattern.test(source.call("
                    + "Array.prototype[name]))) && pattern.test(source.call(Proxy))")).isEqualTo(true);
            assertThat(js.eval("Object.keys(Array.prototype).length + ':' + Array.prototype.join.name + ':'"
                    + " + Array.prototype.reduce.length")).isEqualTo("0:join:1");
        }
    }

    @Test
    void stackTracesShowNoFrameOfJsrun() {
        try (JsRuntimeFactory factory = new UnpooledJsRuntimeFactory(RuntimeConfig.builder().build());
                JsRuntime js = factory.create()) {
            assertThat(js.evalAsync("Array.prototype.forEach.call({ length: 2, 1: 1 }, x => { throw new Error('in callback'); })"))
                .failsWithin(5, TimeUnit.SECONDS)
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause()
                .satisfies(error -> assertThat(error.getMessage()).contains("in callback").doesNotContain("jsrun:"));
        }
    }

    private static void assertAgreesWithNode(JsRuntimeFactory factory) {
        List<String> expected = node();
        List<String> actual = new ArrayList<>();
        for (String expression : cases) {
            try (JsRuntime js = factory.create()) {
                actual.add(String.valueOf(js.eval(prelude + "\n" + wrapped(expression))));
            }
        }
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            if (!actual.get(i).equals(expected.get(i))) {
                differences.add(cases.get(i) + "\n  jsrun: " + actual.get(i) + "\n  node:  " + expected.get(i));
            }
        }
        assertThat(differences).as("cases where jsrun and Node disagree").isEmpty();
    }

    private static String wrapped(String expression) {
        return "(() => { try { return JSON.stringify(repr(" + expression + ")); } catch (e) { return 'throws ' "
                + "+ e.constructor.name; } })()";
    }

    private static List<String> node() {
        Assumptions.assumeTrue(nodeAvailable(), "node is not installed");
        StringBuilder script = new StringBuilder(prelude).append("\nconst results = [];\n");
        for (String expression : cases) {
            script.append("results.push(").append(wrapped(expression)).append(");\n");
        }
        script.append("process.stdout.write(results.join('\\n'));\n");
        try {
            Path file = Files.createTempFile("jsrun-bounded-builtins", ".js");
            try {
                Files.writeString(file, script);
                Process process = new ProcessBuilder("node", file.toString()).redirectErrorStream(true).start();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(process.exitValue()).as(out).isZero();
                List<String> lines = out.lines().toList();
                assertThat(lines).hasSize(cases.size());
                return lines;
            }
            finally {
                Files.deleteIfExists(file);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static boolean nodeAvailable() {
        try {
            return new ProcessBuilder("node", "--version").start().waitFor() == 0;
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String resource(String name) {
        try (InputStream in = BoundedBuiltinsTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
