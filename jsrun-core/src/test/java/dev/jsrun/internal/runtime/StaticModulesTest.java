package dev.jsrun.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.jsrun.JsException;
import dev.jsrun.JsRuntime;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;

class StaticModulesTest {

    private JsRuntime js;

    @BeforeEach
    void open() {
        this.js = new UnpooledJsRuntimeFactory(RuntimeConfig.defaults()).create();
    }

    @AfterEach
    void close() {
        this.js.close();
    }

    private Object await(String code) throws Exception {
        return this.js.evalAsync(code).get(5, TimeUnit.SECONDS);
    }

    @Test
    void modulesImportEachOtherStatically() throws Exception {
        this.js.addStaticModule("math", "export const PI = 3.14; export function square(x) { return x * x; }");
        this.js.addStaticModule("geometry",
                "import { PI, square } from 'math'; export const area = r => PI * square(r);");
        assertThat(await("import('geometry').then(g => g.area(2))")).isEqualTo(12.56);
    }

    @Test
    void moduleIsEvaluatedOnceAndSharedBetweenImports() throws Exception {
        this.js.addStaticModule("counter",
                "globalThis.loads = (globalThis.loads || 0) + 1; export const state = { n: 0 };");
        Object result = await("(async () => { const a = await import('counter'); const b = await import('counter');"
                + " a.state.n++; return [a === b, b.state.n, loads]; })()");
        assertThat(result).isEqualTo(List.of(true, 1, 1));
    }

    @Test
    void defaultExportAndTopLevelAwait() throws Exception {
        this.js.addStaticModule("config", "const value = await Promise.resolve(7); export default { value };");
        assertThat(await("import('config').then(m => m.default.value)")).isEqualTo(7);
    }

    @Test
    void modulesMayImportDynamically() throws Exception {
        this.js.addStaticModule("lazy", "export const v = 'lazy';");
        this.js.addStaticModule("eager", "export async function load() { return (await import('lazy')).v; }");
        assertThat(await("import('eager').then(m => m.load())")).isEqualTo("lazy");
    }

    @Test
    void importTextInStringsAndCommentsIsLeftAlone() throws Exception {
        assertThat(await("(async () => { /* import('x') */ return 'import(\"y\")' + `${'import'}(z)`; })()"))
            .isEqualTo("import(\"y\")import(z)");
    }

    @Test
    void missingModuleRejectsWithAClearError() {
        assertThatThrownBy(() -> await("import('nowhere')")).isInstanceOf(ExecutionException.class)
            .cause()
            .isInstanceOfSatisfying(JsException.class, ex -> {
                assertThat(ex.getErrorMessage()).contains("Cannot find module 'nowhere'").contains("addStaticModule");
            });
    }

    @Test
    void missingStaticImportRejects() {
        this.js.addStaticModule("needy", "import { x } from 'absent'; export const y = x;");
        assertThatThrownBy(() -> await("import('needy')")).isInstanceOf(ExecutionException.class)
            .hasCauseInstanceOf(JsException.class);
    }

    @Test
    void syntaxErrorInModuleRejectsWithItsName() {
        this.js.addStaticModule("broken", "export const = 1;");
        assertThatThrownBy(() -> await("import('broken')")).isInstanceOf(ExecutionException.class)
            .cause()
            .isInstanceOfSatisfying(JsException.class, ex -> {
                assertThat(ex.getErrorName()).isEqualTo("SyntaxError");
                assertThat(ex.getErrorMessage()).contains("broken");
            });
    }

    @Test
    void throwingModuleRejectsWithItsError() {
        this.js.addStaticModule("thrower", "throw new RangeError('at load');");
        assertThatThrownBy(() -> await("import('thrower')")).isInstanceOf(ExecutionException.class)
            .cause()
            .isInstanceOfSatisfying(JsException.class, ex -> {
                assertThat(ex.getErrorName()).isEqualTo("RangeError");
                assertThat(ex.getErrorMessage()).isEqualTo("at load");
            });
    }

    @Test
    void hostLoaderIsNotReachableFromScripts() throws Exception {
        assertThat(this.js.eval("typeof __jsrun_host_load")).isEqualTo("undefined");
        assertThat(this.js.eval("Object.keys(globalThis).includes('__jsrun_import')")).isEqualTo(false);
        this.js.eval("__jsrun_import = null");
        this.js.addStaticModule("m", "export const ok = true;");
        assertThat(await("import('m').then(m => m.ok)")).isEqualTo(true);
        assertThat(this.js.eval("({ a: 1 })")).isEqualTo(Map.of("a", 1));
    }

}
