package dev.jsrun.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.jsrun.JsRuntime;
import dev.jsrun.JsRuntimeFactory;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.Snapshot;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/**
 * The bounded Array built-ins ({@code bounded-builtins.js}) behave as Node 20's own on
 * ordinary and edge inputs (holes, negative and NaN indices, -0, getters, proxies and the
 * order of their traps, species, concat spreading), and so do regular expressions over
 * long strings ({@code allocation-guards.js}: replace, match and split with every kind of
 * replacement, flag, lastIndex, exec and species), in a runtime from a snapshot and in
 * one without; the built-ins still look native to libraries.
 */
class BoundedBuiltinsTest {

    private static final String MARKER = "// ---- cases";

    /** A prelude of helpers and one expression per line after it. */
    private record Cases(String prelude, List<String> expressions) {

        static Cases read(String name) {
            String text = resource(name);
            int split = text.indexOf(MARKER);
            return new Cases(text.substring(0, split),
                    text.substring(split + MARKER.length()).lines().filter(line -> !line.isBlank()).toList());
        }

    }

    @ParameterizedTest
    @ValueSource(strings = { "bounded-builtins-cases.js", "long-string-cases.js" })
    void snapshotRuntimesAgreeWithNode(String file) {
        Snapshot snapshot = new SnapshotBuilder().executeScript("ready.js", "globalThis.ready = true;").build();
        try (JsRuntimeFactory factory = new UnpooledJsRuntimeFactory(
                RuntimeConfig.builder().snapshot(snapshot).build())) {
            assertAgreesWithNode(factory, Cases.read(file));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "bounded-builtins-cases.js", "long-string-cases.js" })
    void runtimesWithoutSnapshotAgreeWithNode(String file) {
        try (JsRuntimeFactory factory = new UnpooledJsRuntimeFactory(RuntimeConfig.builder().build())) {
            assertAgreesWithNode(factory, Cases.read(file));
        }
    }

    /**
     * A recording proxy, and an object that acts as a global regular expression with two
     * empty matches.
     */
    private static final String TRACING = "const log = []; function logged(target) { return new Proxy(target, {"
            + " get(t, k, r) { log.push('get ' + String(k)); return Reflect.get(t, k, r); },"
            + " set(t, k, v, r) { log.push('set ' + String(k) + ' ' + String(v)); return Reflect.set(t, k, v, r); } }); }"
            + " function fake() { return logged({ flags: 'g', lastIndex: 0, n: 0,"
            + " exec(s) { return this.n++ < 2 ? { 0: '', length: 1, index: 3, groups: { g: 'G' } } : null; } }); }";

    /**
     * What a regular expression sees of a replace, match or split on a long string, where
     * jsrun runs it, is what V8 shows it on a short one. (Node 20 is an older V8, which
     * still read {@code global} where this one reads {@code flags}, as the specification
     * now says.)
     */
    @ParameterizedTest
    @ValueSource(strings = { "RegExp.prototype[Symbol.replace].call(fake(), TEXT, () => 'F')",
            "RegExp.prototype[Symbol.replace].call(fake(), TEXT, '$&-$1$<g>')", "TEXT.replace(fake(), '$`')",
            "RegExp.prototype[Symbol.match].call(fake(), TEXT)", "RegExp.prototype[Symbol.split].call(fake(), TEXT)",
            "RegExp.prototype[Symbol.split].call(fake(), TEXT, 0)",
            "RegExp.prototype[Symbol.replace].call(logged(/b/g), TEXT, 'x')",
            "RegExp.prototype[Symbol.split].call(logged(/b/y), TEXT, 3)",
            "RegExp.prototype[Symbol.match].call(logged(/b/), TEXT)",
            "const r = /b/g; r.exec = function (s) { log.push('exec ' + this.lastIndex); return null; }; TEXT.replace(r, 'x')",
            "const r = /b/g; r.exec = function (s) { log.push('exec ' + this.lastIndex); return this.lastIndex++ < 2 ? ['b'] : null; };"
                    + " TEXT.match(r)",
            "String.prototype[Symbol.split] = function () { log.push('own split'); return []; };"
                    + " try { TEXT.split('b'); } finally { delete String.prototype[Symbol.split]; }",
            "TEXT.split({ toString() { log.push('toString'); return 'b'; } }, { valueOf() { log.push('valueOf'); return 2; } })",
            "TEXT.replace(/b/g, { toString() { log.push('toString'); return 'x'; }, valueOf() { log.push('valueOf'); return 'y'; } })",
            "log.push('start'); TEXT.replace(/b/g, Symbol('s'))",
            "log.push('start'); RegExp.prototype[Symbol.split].call(/b/, Symbol('s'))",
            "const r = /b/g; r.exec = function () { log.push('exec'); return this.lastIndex++ < 1 ? { 0: 'b', index: 1, 1: Symbol('c'), length: 2 } : null; };"
                    + " TEXT.replace(r, '$1')",
            "const r = /b/g; r.lastIndex = 2n; r.exec = function () { log.push('exec'); return null; }; TEXT.match(r)" })
    void longStringsSeeTheOperationsShortOnesDo(String expression) {
        try (JsRuntimeFactory factory = new UnpooledJsRuntimeFactory(RuntimeConfig.builder().build());
                JsRuntime js = factory.create()) {
            String onShort = traced(js, expression, "'ab1c'");
            assertThat(traced(js, expression, "'ab1c'.repeat(1 << 20)")).isEqualTo(onShort);
        }
    }

    private static String traced(JsRuntime js, String expression, String text) {
        return String.valueOf(js.eval("(() => { " + TRACING + " const TEXT = " + text + "; let outcome;" + " try { "
                + expression + "; outcome = 'returned'; } catch (e) { outcome = 'throws ' + e.constructor.name; }"
                + " return log.join(',') + ' | ' + outcome; })()"));
    }

    @Test
    void methodsStillLookNative() {
        try (JsRuntimeFactory factory = new UnpooledJsRuntimeFactory(RuntimeConfig.builder().build());
                JsRuntime js = factory.create()) {
            assertThat(js.eval("Function.prototype.toString.call(Array.prototype.indexOf)"))
                .isEqualTo("function indexOf() { [native code] }");
            // the test lodash's _.isNative makes, from the source of a method that is
            // still V8's own
            assertThat(js.eval("const source = Function.prototype.toString; const pattern = RegExp('^' + source"
                    + ".call(Object.prototype.hasOwnProperty).replace(/[\\\\^$.*+?()[\\]{}|]/g, '\\\\$&')"
                    + ".replace(/hasOwnProperty|(function).*?(?=\\\\\\()| for .+?(?=\\\\\\])/g, '$1.*?') + '$');"
                    + "['indexOf', 'join', 'sort', 'map', 'reduce', 'fill'].every(name => pattern.test(source.call("
                    + "Array.prototype[name]))) && pattern.test(source.call(Proxy))"))
                .isEqualTo(true);
            assertThat(js.eval("Object.keys(Array.prototype).length + ':' + Array.prototype.join.name + ':'"
                    + " + Array.prototype.reduce.length"))
                .isEqualTo("0:join:1");
            // the guarded allocating built-ins too, constructors reached through their
            // prototypes included, and those each context guards again
            assertThat(
                    js.eval("""
                            const shown = Function.prototype.toString;
                            const typed = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
                              'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
                              'Float16Array', 'ArrayBuffer', 'SharedArrayBuffer'].filter(name => typeof globalThis[name] === 'function');
                            const methods = [[JSON, 'parse'], [String.prototype, 'normalize'], [String.prototype, 'split'],
                              [String.prototype, 'replaceAll'], [String.prototype, 'toLocaleUpperCase'],
                              [String.prototype, 'toLocaleLowerCase'], [RegExp.prototype, Symbol.match],
                              [RegExp.prototype, Symbol.replace], [RegExp.prototype, Symbol.split], [ArrayBuffer.prototype, 'resize'],
                              [ArrayBuffer.prototype, 'transfer'], [ArrayBuffer.prototype, 'transferToFixedLength'],
                              [SharedArrayBuffer.prototype, 'grow'], [WebAssembly, 'Memory'], [WebAssembly.Memory.prototype, 'grow']]
                              .concat(typed.map(name => [globalThis, name]), typed.map(name => [globalThis[name].prototype, 'constructor']));
                            methods.filter(([holder, key]) => typeof holder[key] === 'function')
                              .map(([holder, key]) => {
                                const name = typeof key === 'symbol' ? '[' + key.description + ']'
                                  : key === 'constructor' ? holder.constructor.name : key;
                                return [name, shown.call(holder[key])];
                              })
                              .filter(([name, text]) => text !== 'function ' + name + '() { [native code] }')
                              .map(([name, text]) => name + ' shows ' + text).join('; ')
                            """))
                .isEqualTo("");
        }
    }

    @Test
    void stackTracesShowNoFrameOfJsrun() {
        try (JsRuntimeFactory factory = new UnpooledJsRuntimeFactory(RuntimeConfig.builder().build());
                JsRuntime js = factory.create()) {
            assertThat(js.evalAsync(
                    "Array.prototype.forEach.call({ length: 2, 1: 1 }, x => { throw new Error('in callback'); })"))
                .failsWithin(5, TimeUnit.SECONDS)
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause()
                .satisfies(error -> assertThat(error.getMessage()).contains("in callback").doesNotContain("jsrun:"));
        }
    }

    private static void assertAgreesWithNode(JsRuntimeFactory factory, Cases cases) {
        List<String> expected = node(cases);
        List<String> actual = new ArrayList<>();
        for (String expression : cases.expressions()) {
            try (JsRuntime js = factory.create()) {
                actual.add(String.valueOf(js.eval(cases.prelude() + "\n" + wrapped(expression))));
            }
        }
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < cases.expressions().size(); i++) {
            if (!actual.get(i).equals(expected.get(i))) {
                differences
                    .add(cases.expressions().get(i) + "\n  jsrun: " + actual.get(i) + "\n  node:  " + expected.get(i));
            }
        }
        assertThat(differences).as("cases where jsrun and Node disagree").isEmpty();
    }

    private static String wrapped(String expression) {
        return "(() => { try { return JSON.stringify(repr(" + expression + ")); } catch (e) { return 'throws ' "
                + "+ e.constructor.name; } })()";
    }

    private static List<String> node(Cases cases) {
        Assumptions.assumeTrue(nodeAvailable(), "node is not installed");
        StringBuilder script = new StringBuilder(cases.prelude()).append("\nconst results = [];\n");
        for (String expression : cases.expressions()) {
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
                assertThat(lines).hasSize(cases.expressions().size());
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
