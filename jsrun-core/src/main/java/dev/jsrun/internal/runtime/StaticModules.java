package dev.jsrun.internal.runtime;

import java.util.HashMap;
import java.util.Map;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.interop.callback.IV8ModuleResolver;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.reference.IV8Module;
import com.caoccao.javet.values.reference.V8Module;

import dev.jsrun.JsException;

/**
 * ES modules registered by name on one runtime: the resolver for static {@code import}
 * between them, and the loader behind dynamic {@code import()}, which V8 mode does not
 * support natively. Source code reaches V8 with {@code import(} calls rewritten to
 * {@value HostBridge#IMPORT_FUNCTION}{@code (}; JavaScript queues the requests in the
 * {@link HostBridge} and Java serves them here. A module is parsed and linked in a
 * pristine runtime first ({@link SyntaxChecker}), so compiling and linking it here cannot
 * fail with an error object that Javet would read through the context's possibly hostile
 * prototypes.
 */
final class StaticModules implements IV8ModuleResolver {

    private final V8Runtime runtime;

    private final HostBridge bridge;

    private final Map<String, String> sources = new HashMap<>();

    private final Map<String, V8Module> compiled = new HashMap<>();

    StaticModules(V8Runtime runtime, HostBridge bridge) {
        this.runtime = runtime;
        this.bridge = bridge;
        runtime.setV8ModuleResolver(this);
    }

    void add(String name, String source) throws JavetException {
        if (this.compiled.containsKey(name)) {
            throw new IllegalStateException("module '" + name + "' was already imported in this runtime; "
                    + "add modules before the first import that needs them");
        }
        this.sources.put(name, DynamicImportRewriter.rewrite(source, HostBridge.IMPORT_FUNCTION));
        this.bridge.register(name);
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

    /**
     * Serves the queued {@code import()} request {@code id} for the module {@code name}.
     */
    void serve(int id, String name) throws JavetException {
        if (!this.sources.containsKey(name)) {
            this.bridge.failImport(id, "Error", "Cannot find module '" + name + "'");
            return;
        }
        if (!this.compiled.containsKey(name)) {
            JsException problem = SyntaxChecker.moduleError(name, this.sources);
            if (problem != null) {
                this.bridge.failImport(id, "SyntaxError", "in module '" + name + "': " + problem.getErrorMessage()
                        + (problem.getLine() > 0 ? " (" + name + ":" + problem.getLine() + ")" : ""));
                return;
            }
        }
        V8Module module = module(name);
        if (module.getStatus() == IV8Module.Uninstantiated && !module.instantiate()) {
            this.bridge.failImport(id, "Error", "Cannot link module '" + name + "': one of its imports is missing");
            return;
        }
        try (V8Value namespace = module.getNamespace(); V8Value evaluation = module.evaluate()) {
            this.bridge.settleImport(id, namespace, evaluation);
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
            module = this.runtime.getExecutor(source).setResourceName(name).setModule(true).compileV8Module();
            this.compiled.put(name, module);
        }
        return module;
    }

}
