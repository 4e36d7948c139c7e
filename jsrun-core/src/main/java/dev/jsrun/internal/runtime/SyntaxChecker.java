package dev.jsrun.internal.runtime;

import java.util.Map;

import com.caoccao.javet.exceptions.BaseJavetScriptingException;
import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.values.reference.IV8Module;
import com.caoccao.javet.values.reference.V8Module;

import dev.jsrun.JsException;
import dev.jsrun.JsSyntaxException;
import dev.jsrun.internal.snapshot.V8Runtimes;

/**
 * Compiles code in a V8 runtime of its own, where no user code ever ran, to learn where
 * it fails to parse or link. JavaScript cannot see the position of a syntax error in code
 * it evaluates, and Javet reads the error object that V8 makes through the context's
 * prototypes and {@code Error.prepareStackTrace}, which user code may have replaced with
 * functions that throw or never return: in a pristine runtime that reading is safe.
 */
final class SyntaxChecker {

    private SyntaxChecker() {
    }

    /**
     * Why {@code source} does not parse as a classic script, or {@code null} when it
     * does.
     */
    static JsException scriptError(String source) {
        try (Checker checker = new Checker()) {
            checker.runtime.getExecutor(source).compileV8Script().close();
            return null;
        }
        catch (BaseJavetScriptingException ex) {
            return JsErrors.syntaxError(ex);
        }
        catch (JavetException ex) {
            return new JsSyntaxException(ex.getMessage(), null, 0, 0, ex);
        }
    }

    /**
     * Why the module {@code name} (with what it imports, from {@code sources}, already
     * rewritten for {@code import()}) does not parse or link, or {@code null} when it
     * does.
     */
    static JsException moduleError(String name, Map<String, String> sources) {
        try (Checker checker = new Checker()) {
            Map<String, V8Module> compiled = new java.util.HashMap<>();
            checker.runtime.setV8ModuleResolver(
                    (runtime, resourceName, referrer) -> compile(runtime, resourceName, sources, compiled));
            V8Module root = compile(checker.runtime, name, sources, compiled);
            if (root == null) {
                return null;
            }
            boolean linked = root.getStatus() != IV8Module.Uninstantiated || root.instantiate();
            for (V8Module module : compiled.values()) {
                module.close();
            }
            if (!linked) {
                return new JsSyntaxException("Cannot link module '" + name + "': one of its imports is missing", name,
                        0, 0, null);
            }
            return null;
        }
        catch (BaseJavetScriptingException ex) {
            return JsErrors.syntaxError(ex);
        }
        catch (JavetException ex) {
            return new JsSyntaxException("in module '" + name + "': " + ex.getMessage(), name, 0, 0, ex);
        }
    }

    private static V8Module compile(V8Runtime runtime, String name, Map<String, String> sources,
            Map<String, V8Module> compiled) throws JavetException {
        V8Module module = compiled.get(name);
        if (module == null) {
            String source = sources.get(name);
            if (source == null) {
                return null;
            }
            module = runtime.getExecutor(source).setResourceName(name).setModule(true).compileV8Module();
            compiled.put(name, module);
        }
        return module;
    }

    /** A fresh runtime without a snapshot, which mixes with any snapshot's runtimes. */
    private static final class Checker implements AutoCloseable {

        private final V8Runtime runtime;

        Checker() throws JavetException {
            this.runtime = V8Runtimes.fresh(false);
        }

        @Override
        public void close() throws JavetException {
            this.runtime.removeV8Modules(true);
            this.runtime.close();
        }

    }

}
