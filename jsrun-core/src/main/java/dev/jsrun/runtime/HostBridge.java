package dev.jsrun.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.values.reference.V8ValueArray;
import com.caoccao.javet.values.reference.V8ValueFunction;
import com.caoccao.javet.values.reference.V8ValueObject;

/**
 * The JavaScript half of the host: {@code import()} requests and {@code console} output queue up in a
 * JavaScript object, and Java serves them after each call into the runtime (V8 mode has no event loop).
 * No Java function is bound into JavaScript: V8 may collect such a function while a context reset
 * deserializes the next context, and then call back into a runtime it can no longer find, which crashes the
 * JVM.
 * <p>
 * Most calls queue nothing, and asking JavaScript after each of them would cost a call into V8. So the first
 * request after the queue was taken also rejects a promise nobody handles: V8 reports that to the runtime's
 * promise-reject callback, which {@link Isolate} turns into {@link #signal()}. That callback belongs to the
 * isolate, not to a context, so it survives resets. A rejection of the application's own only costs one look
 * at an empty queue.
 */
final class HostBridge {

    static final String IMPORT_FUNCTION = "__jsrun_import";

    private static final int MAX_LOG_ENTRIES = 1_000;

    private static final String INSTALLER = "((traceModules) => {"
            + " const host = { pending: 0, queue: [], logs: [], dropped: 0 };"
            // an async function's promise is V8's own, whatever the snapshot did to the global Promise
            + " const signal = async () => { throw 0; };"
            + " const queued = () => { if (host.pending++ === 0) signal(); };"
            + " const known = new Set();"
            + " host.register = name => { known.add(name); };"
            + " host.settle = (request, namespace, evaluation) => {"
            + "  Promise.resolve(evaluation).then(() => request.resolve(namespace), request.reject); };"
            + " host.fail = (request, type, message) => {"
            + "  request.reject(new (type === 'SyntaxError' ? SyntaxError : Error)(message)); };"
            + " host.take = () => { const taken = [host.queue, host.logs, host.dropped];"
            + "  host.queue = []; host.logs = []; host.dropped = 0; host.pending = 0; return taken; };"
            + " Object.defineProperty(globalThis, '" + IMPORT_FUNCTION + "', { value: function (specifier) {"
            + "  const name = String(specifier);"
            + "  if (!known.has(name)) {"
            + "   return Promise.reject(new Error(\"Cannot find module '\" + name"
            + "    + \"': add it with JsRuntime.addStaticModule(name, source) before importing it\")); }"
            + "  return new Promise((resolve, reject) => { host.queue.push({ name, resolve, reject }); queued(); }); } });"
            + " const text = value => {"
            + "  if (typeof value === 'string') return value;"
            + "  if (value instanceof Error) return value.stack || String(value);"
            + "  try { const json = JSON.stringify(value); return json === undefined ? String(value) : json; }"
            + "  catch (e) { return String(value); } };"
            + " const print = level => function (...args) {"
            + "  if (host.logs.length < " + (MAX_LOG_ENTRIES * 2) + ") host.logs.push(level, args.map(text).join(' '));"
            + "  else host.dropped++;"
            + "  queued(); };"
            + " globalThis.console = { log: print('INFO'), info: print('INFO'), warn: print('WARN'),"
            + "  error: print('ERROR'), debug: print('DEBUG'), trace: print('TRACE') };"
            + " if (traceModules) Object.defineProperty(globalThis, '__jsrun_trace', { value: print('MODULES') });"
            + " return host; })";

    private static final Logger modulesLogger = LoggerFactory.getLogger("dev.jsrun.modules");

    private final V8Runtime runtime;
    private final Logger console;
    private V8ValueObject host;
    /** Set when JavaScript may have queued something since the last {@link #serve}; V8 thread only. */
    private boolean signalled;

    HostBridge(V8Runtime runtime, Logger console) {
        this.runtime = runtime;
        this.console = console;
    }

    /** Installs the JavaScript half in the current context; needed again after every reset. */
    void install() throws JavetException {
        try (V8ValueFunction installer = this.runtime.getExecutor(INSTALLER).setResourceName("jsrun:host").execute()) {
            this.host = installer.call(null, modulesLogger.isDebugEnabled());
        }
    }

    V8ValueObject host() {
        return this.host;
    }

    /** Notes that JavaScript rejected a promise nobody handles, which it does when it starts a new queue. */
    void signal() {
        this.signalled = true;
    }

    /**
     * Serves what JavaScript queued, until nothing is left (serving a module may log or import more); costs
     * nothing when no promise went unhandled since the last time.
     */
    void serve(StaticModules modules) throws JavetException {
        while (this.signalled) {
            this.signalled = false;
            try (V8ValueArray taken = this.host.invoke("take")) {
                try (V8ValueArray logs = taken.get(1)) {
                    log(logs, taken.getInteger(2));
                }
                try (V8ValueArray queue = taken.get(0)) {
                    modules.serve(queue);
                }
            }
        }
    }

    private void log(V8ValueArray logs, int dropped) throws JavetException {
        int length = logs.getLength();
        for (int i = 0; i + 1 < length; i += 2) {
            String kind = logs.getString(i);
            if ("MODULES".equals(kind)) {
                modulesLogger.debug(logs.getString(i + 1));
                continue;
            }
            Level level = Level.valueOf(kind);
            if (this.console.isEnabledForLevel(level)) {
                this.console.atLevel(level).log(logs.getString(i + 1));
            }
        }
        if (dropped > 0) {
            this.console.warn("{} console messages were dropped: more than {} between two calls into the runtime",
                    dropped, MAX_LOG_ENTRIES);
        }
    }

    /** Releases the JavaScript half before the context goes away. */
    void clear() throws JavetException {
        this.signalled = false;
        if (this.host != null) {
            this.host.close();
            this.host = null;
        }
    }

}
