package dev.jsrun.runtime;

import java.util.HashMap;
import java.util.Map;

import com.caoccao.javet.enums.V8ValueErrorType;
import com.caoccao.javet.exceptions.BaseJavetScriptingException;
import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.interop.callback.IJavetDirectCallable;
import com.caoccao.javet.interop.callback.IV8ModuleResolver;
import com.caoccao.javet.interop.callback.JavetCallbackContext;
import com.caoccao.javet.interop.callback.JavetCallbackType;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.reference.IV8Module;
import com.caoccao.javet.values.reference.V8Module;
import com.caoccao.javet.values.reference.V8ValueArray;
import com.caoccao.javet.values.reference.V8ValueGlobalObject;

/**
 * ES modules registered by name on one runtime: the resolver for static {@code import} between them, and the
 * host loader behind dynamic {@code import()}, which V8 mode does not support natively. Source code reaches
 * V8 with {@code import(} calls rewritten to {@value #IMPORT_FUNCTION}{@code (}.
 */
final class StaticModules implements IV8ModuleResolver {

    static final String IMPORT_FUNCTION = "__jsrun_import";

    private static final String LOADER = "__jsrun_host_load";

    /** Keeps the Java loader out of reach of scripts: only the promise-returning wrapper stays visible. */
    private static final String INSTALLER = "(() => {"
            + "const load = globalThis." + LOADER + "; delete globalThis." + LOADER + ";"
            + "Object.defineProperty(globalThis, '" + IMPORT_FUNCTION + "', { value: function (specifier) {"
            + "  try { const loaded = load(String(specifier)); return Promise.resolve(loaded[1]).then(() => loaded[0]); }"
            + "  catch (e) { return Promise.reject(e); } } });"
            + "})();";

    private final V8Runtime runtime;
    private final Map<String, String> sources = new HashMap<>();
    private final Map<String, V8Module> compiled = new HashMap<>();

    StaticModules(V8Runtime runtime) {
        this.runtime = runtime;
        runtime.setV8ModuleResolver(this);
    }

    /** Binds the loader into the current context; needed again after every context reset. */
    void install() throws JavetException {
        // Javet drops the callback context itself once V8 collects the function; removing it by hand while V8
        // may still collect the function (a context reset does) makes V8 call into a freed Java object.
        try (V8ValueGlobalObject global = this.runtime.getGlobalObject()) {
            global.bindFunction(new JavetCallbackContext(LOADER, JavetCallbackType.DirectCallNoThisAndResult,
                    (IJavetDirectCallable.NoThisAndResult<Exception>) this::load));
        }
        this.runtime.getExecutor(INSTALLER).setResourceName("jsrun:modules").executeVoid();
    }

    void add(String name, String source) {
        if (this.compiled.containsKey(name)) {
            throw new IllegalStateException("module '" + name + "' was already imported in this runtime; "
                    + "add modules before the first import that needs them");
        }
        this.sources.put(name, source);
    }

    /** Forgets every module, for a runtime that goes back to its snapshot state. */
    void clear() throws JavetException {
        for (V8Module module : this.compiled.values()) {
            module.close();
        }
        this.compiled.clear();
        this.sources.clear();
        this.runtime.removeV8Modules(true);
    }

    @Override
    public IV8Module resolve(V8Runtime v8Runtime, String resourceName, IV8Module referrer) throws JavetException {
        return module(resourceName);
    }

    private V8Module module(String name) throws JavetException {
        V8Module module = this.compiled.get(name);
        if (module == null) {
            String source = this.sources.get(name);
            if (source == null) {
                return null;
            }
            module = this.runtime.getExecutor(DynamicImportRewriter.rewrite(source, IMPORT_FUNCTION))
                .setResourceName(name)
                .setModule(true)
                .compileV8Module();
            this.compiled.put(name, module);
        }
        return module;
    }

    /** Returns {@code [namespace, evaluation promise]}, or throws a JavaScript error. */
    private V8Value load(V8Value... args) throws JavetException {
        String name = args.length == 0 ? "undefined" : String.valueOf(args[0]);
        try {
            V8Module module = module(name);
            if (module == null) {
                return fail(V8ValueErrorType.Error, "Cannot find module '" + name
                        + "': add it with JsRuntime.addStaticModule(name, source) before importing it");
            }
            if (module.getStatus() == IV8Module.Uninstantiated && !module.instantiate()) {
                return fail(V8ValueErrorType.Error, "Cannot link module '" + name + "': one of its imports is missing");
            }
            V8ValueArray result = this.runtime.createV8ValueArray();
            try (V8Value namespace = module.getNamespace(); V8Value evaluation = module.evaluate()) {
                result.push(namespace, evaluation);
            }
            return result;
        }
        catch (BaseJavetScriptingException ex) {
            String message = ex.getScriptingError().getMessage();
            return fail(V8ValueErrorType.SyntaxError, "in module '" + name + "': " + message);
        }
    }

    private V8Value fail(V8ValueErrorType type, String message) throws JavetException {
        this.runtime.throwError(type, message);
        return this.runtime.createV8ValueUndefined();
    }

}
