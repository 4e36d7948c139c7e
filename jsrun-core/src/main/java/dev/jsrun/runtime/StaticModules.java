package dev.jsrun.runtime;

import java.util.HashMap;
import java.util.Map;

import com.caoccao.javet.exceptions.BaseJavetScriptingException;
import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.interop.callback.IV8ModuleResolver;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.reference.IV8Module;
import com.caoccao.javet.values.reference.V8Module;
import com.caoccao.javet.values.reference.V8ValueArray;
import com.caoccao.javet.values.reference.V8ValueObject;

/**
 * ES modules registered by name on one runtime: the resolver for static {@code import} between them, and
 * the loader behind dynamic {@code import()}, which V8 mode does not support natively. Source code reaches V8
 * with {@code import(} calls rewritten to {@value #IMPORT_FUNCTION}{@code (}.
 * <p>
 * No Java function is bound into JavaScript: V8 would collect such a function during a context reset and
 * call back into a runtime it can no longer find, which crashes the JVM. Instead {@code import()} queues a
 * request in JavaScript and Java serves the queue after each call into the runtime, acting as the event loop
 * that V8 mode lacks.
 */
final class StaticModules implements IV8ModuleResolver {

    static final String IMPORT_FUNCTION = "__jsrun_import";

    private static final String INSTALLER = "(() => {"
            + " const known = new Set(); const queue = [];"
            + " const host = {"
            + "  queue,"
            + "  register: name => { known.add(name); },"
            + "  settle: (request, namespace, evaluation) => {"
            + "   Promise.resolve(evaluation).then(() => request.resolve(namespace), request.reject); },"
            + "  fail: (request, type, message) => {"
            + "   request.reject(new (type === 'SyntaxError' ? SyntaxError : Error)(message)); } };"
            + " Object.defineProperty(globalThis, '" + IMPORT_FUNCTION + "', { value: function (specifier) {"
            + "  const name = String(specifier);"
            + "  if (!known.has(name)) {"
            + "   return Promise.reject(new Error(\"Cannot find module '\" + name"
            + "    + \"': add it with JsRuntime.addStaticModule(name, source) before importing it\")); }"
            + "  return new Promise((resolve, reject) => { queue.push({ name, resolve, reject }); }); } });"
            + " return host; })()";

    private final V8Runtime runtime;
    private final Map<String, String> sources = new HashMap<>();
    private final Map<String, V8Module> compiled = new HashMap<>();
    private V8ValueObject host;

    StaticModules(V8Runtime runtime) {
        this.runtime = runtime;
        runtime.setV8ModuleResolver(this);
    }

    /** Installs the JavaScript side of {@code import()} in the current context; needed again after a reset. */
    void install() throws JavetException {
        this.host = this.runtime.getExecutor(INSTALLER).setResourceName("jsrun:modules").execute();
    }

    void add(String name, String source) throws JavetException {
        if (this.compiled.containsKey(name)) {
            throw new IllegalStateException("module '" + name + "' was already imported in this runtime; "
                    + "add modules before the first import that needs them");
        }
        this.sources.put(name, source);
        this.host.invokeVoid("register", name);
    }

    /** Forgets every module and the JavaScript side, for a runtime that goes back to its snapshot state. */
    void clear() throws JavetException {
        for (V8Module module : this.compiled.values()) {
            module.close();
        }
        this.compiled.clear();
        this.sources.clear();
        this.runtime.removeV8Modules(true);
        if (this.host != null) {
            this.host.close();
            this.host = null;
        }
    }

    /**
     * Serves the {@code import()} requests that JavaScript queued, and those the served modules queue in
     * turn, until none is left.
     */
    void serveImports() throws JavetException {
        if (this.sources.isEmpty()) {
            // nothing can be imported: JavaScript rejects every request itself
            return;
        }
        while (true) {
            try (V8ValueArray queue = this.host.get("queue")) {
                int length = queue.getLength();
                if (length == 0) {
                    return;
                }
                try (V8ValueArray batch = queue.invoke("splice", 0, length)) {
                    for (int i = 0; i < length; i++) {
                        try (V8ValueObject request = batch.get(i)) {
                            serve(request);
                        }
                    }
                }
            }
        }
    }

    private void serve(V8ValueObject request) throws JavetException {
        String name = request.getString("name");
        try {
            V8Module module = module(name);
            if (module == null) {
                this.host.invokeVoid("fail", request, "Error", "Cannot find module '" + name + "'");
                return;
            }
            if (module.getStatus() == IV8Module.Uninstantiated && !module.instantiate()) {
                this.host.invokeVoid("fail", request, "Error",
                        "Cannot link module '" + name + "': one of its imports is missing");
                return;
            }
            try (V8Value namespace = module.getNamespace(); V8Value evaluation = module.evaluate()) {
                this.host.invokeVoid("settle", request, namespace, evaluation);
            }
        }
        catch (BaseJavetScriptingException ex) {
            this.host.invokeVoid("fail", request, "SyntaxError",
                    "in module '" + name + "': " + ex.getScriptingError().getMessage());
        }
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

}
