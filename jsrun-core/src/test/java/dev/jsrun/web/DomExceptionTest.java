package dev.jsrun.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.jsrun.JsRuntime;
import dev.jsrun.JsRuntimeFactory;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/**
 * DOMException against Node 20's on the same expressions, and where Web IDL and Node part
 * ways, Web IDL.
 */
class DomExceptionTest {

    /** Helpers both sides define before the cases run. */
    private static final String PRELUDE = """
            globalThis.attempt = f => {
              try { return { value: f() }; }
              catch (e) { return { threw: e && e.name, dom: e instanceof DOMException, type: e instanceof TypeError }; }
            };
            globalThis.shape = (o, k) => {
              const d = Object.getOwnPropertyDescriptor(o, k);
              return d === undefined ? null : { get: typeof d.get, set: typeof d.set,
                value: d.value !== null && typeof d.value === 'object' ? typeof d.value : d.value,
                writable: d.writable, enumerable: d.enumerable, configurable: d.configurable };
            };
            globalThis.NAMES = ['IndexSizeError', 'DOMStringSizeError', 'HierarchyRequestError', 'WrongDocumentError',
              'InvalidCharacterError', 'NoDataAllowedError', 'NoModificationAllowedError', 'NotFoundError',
              'NotSupportedError', 'InUseAttributeError', 'InvalidStateError', 'SyntaxError',
              'InvalidModificationError', 'NamespaceError', 'InvalidAccessError', 'ValidationError',
              'TypeMismatchError', 'SecurityError', 'NetworkError', 'AbortError', 'URLMismatchError',
              'QuotaExceededError', 'TimeoutError', 'InvalidNodeTypeError', 'DataCloneError', 'EncodingError',
              'NotReadableError', 'UnknownError', 'ConstraintError', 'DataError', 'TransactionInactiveError',
              'ReadOnlyError', 'VersionError', 'OperationError', 'NotAllowedError', 'OptOutError', 'Error', '',
              'indexSizeError', 'TypeError'];
            """;

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
    void interfaceMatchesNode() throws Exception {
        compareWithNode(List.of("Object.getOwnPropertyNames(DOMException)",
                "Object.getOwnPropertyNames(DOMException.prototype)",
                "[DOMException.name, DOMException.length, typeof DOMException]", "shape(DOMException, 'prototype')",
                "shape(DOMException.prototype, 'constructor').enumerable",
                "['name', 'message', 'code'].map(k => shape(DOMException.prototype, k))",
                "['name', 'message', 'code'].map(k => Object.getOwnPropertyDescriptor(DOMException.prototype, k).get.name)",
                "Object.getOwnPropertyNames(DOMException).filter(k => k.endsWith('_ERR')).map(k => [k, DOMException[k], shape(DOMException, k)])",
                "Object.getOwnPropertyNames(DOMException.prototype).filter(k => k.endsWith('_ERR')).map(k => [k, shape(DOMException.prototype, k)])",
                "shape(DOMException.prototype, Symbol.toStringTag)",
                "Object.getPrototypeOf(DOMException.prototype) === Error.prototype",
                "Object.getPrototypeOf(DOMException) === Function.prototype",
                "Object.keys(DOMException.prototype).length", "attempt(() => DOMException())",
                "attempt(() => DOMException.prototype.name)", "attempt(() => DOMException.prototype.code)",
                "attempt(() => Object.getOwnPropertyDescriptor(DOMException.prototype, 'message').get.call({}))",
                "attempt(() => Object.getOwnPropertyDescriptor(DOMException.prototype, 'name').get.call(new Error('x')))"));
    }

    @Test
    void instancesMatchNode() throws Exception {
        compareWithNode(List.of("NAMES.map(n => [n, new DOMException('m', n).code, new DOMException('m', n).name])",
                "(() => { const e = new DOMException(); return [e.name, e.message, e.code]; })()",
                "(() => { const e = new DOMException(undefined, undefined); return [e.name, e.message]; })()",
                "(() => { const e = new DOMException(null, null); return [e.name, e.message, e.code]; })()",
                "(() => { const e = new DOMException(12, 3.5); return [e.name, e.message]; })()",
                "(() => { const e = new DOMException({ toString() { return 'm' } }); return [e.name, e.message, e.code]; })()",
                "(() => { const e = new DOMException('m', 'SyntaxError'); return [Object.prototype.toString.call(e), e instanceof Error, e instanceof DOMException]; })()",
                "(() => { const e = new DOMException('m', 'SyntaxError'); return [String(e), e.toString(), Error.prototype.toString.call(e)]; })()",
                "String(new DOMException())", "String(new DOMException('only message'))",
                "String(new DOMException('', 'OnlyName'))",
                "(() => { const e = new DOMException('boom', 'NotFoundError'); return [typeof e.stack, e.stack.split('\\n')[0]]; })()",
                "(() => { const e = new DOMException('boom'); return e.stack.split('\\n')[0]; })()",
                "(() => { const e = new DOMException('m', 'AbortError'); return [Object.getOwnPropertyNames(e), Object.keys(e), Object.hasOwn(e, 'message'), Object.hasOwn(e, 'name')]; })()",
                "JSON.stringify(new DOMException('m', 'AbortError'))",
                "(() => { const e = new DOMException('m'); return [e.INDEX_SIZE_ERR, e.DATA_CLONE_ERR, e.ABORT_ERR]; })()",
                "attempt(() => new DOMException(Symbol('s')))", "attempt(() => new DOMException('m', Symbol('s')))",
                "(() => { class E extends DOMException { constructor() { super('sub', 'TimeoutError'); } } const e = new E(); "
                        + "return [e.name, e.message, e.code, e instanceof E, e instanceof DOMException, e instanceof Error, "
                        + "Object.prototype.toString.call(e), Object.getPrototypeOf(Object.getPrototypeOf(e)) === DOMException.prototype, "
                        + "e.stack.split('\\n')[0]]; })()",
                "(() => { const e = new DOMException('m', 'AbortError'); e.name = 'x'; return [e.name, Object.hasOwn(e, 'name')]; })()",
                "(() => { 'use strict'; const e = new DOMException('m', 'AbortError'); try { e.code = 1; return 'assigned'; } catch (x) { return x.name; } })()",
                "(() => { const e = new DOMException('m', 'AbortError'); return Object.getPrototypeOf(e) === DOMException.prototype; })()",
                "(() => { try { throw new DOMException('thrown', 'InvalidStateError'); } catch (e) { return [e.name, e.message, e.code]; } })()"));
    }

    @Test
    void followsWebIdlWhereNodeTakesAnOptionsBag() {
        // Web IDL's constructor takes the name as a DOMString; Node 20 also reads { name,
        // cause } from an object
        try (JsRuntime js = factory.create()) {
            assertThat(js.eval("new DOMException('m', { name: 'AbortError' }).name")).isEqualTo("[object Object]");
            assertThat(js.eval("'cause' in new DOMException('m', { name: 'AbortError', cause: 1 })")).isEqualTo(false);
            assertThat(js.eval("""
                    const e = new DOMException({ toString() { return 'm'; } }, { toString() { return 'AbortError'; } });
                    [e.name, e.message, e.code].join()
                    """)).isEqualTo("AbortError,m,20");
        }
    }

    @Test
    void isARealErrorWhoseStackStartsAtTheCaller() {
        try (JsRuntime js = factory.create()) {
            assertThat(js.eval("Error.isError(new DOMException('m'))")).isEqualTo(true);
            assertThat(js
                .eval("function where() { return new DOMException('x', 'AbortError'); } where().stack.split('\\n')[1]"))
                .asString()
                .contains("at where");
            assertThat(js.eval("new DOMException('x').stack")).asString().doesNotContain("jsrun:web");
        }
    }

    @Test
    void keepsWorkingWhenScriptsReplaceBuiltIns() {
        try (JsRuntime js = factory.create()) {
            assertThat(js.eval("""
                    Error.captureStackTrace = () => { throw new Error('replaced'); };
                    Reflect.construct = () => { throw new Error('replaced'); };
                    String = () => 'replaced';
                    const e = new DOMException('still', 'AbortError');
                    [e.name, e.message, e.code].join()
                    """)).isEqualTo("AbortError,still,20");
        }
    }

    private static void compareWithNode(List<String> expressions) throws Exception {
        NodeScripts.compare(factory, PRELUDE, expressions);
    }

}
