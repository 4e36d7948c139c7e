package dev.jsrun.internal.runtime;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.reference.V8ValueArray;
import com.caoccao.javet.values.reference.V8ValueFunction;
import com.caoccao.javet.values.reference.V8ValueObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import dev.jsrun.JsObjectMapper;
import dev.jsrun.internal.snapshot.GuestScripts;

/**
 * The JavaScript half of the host ({@code host.js}), installed in every fresh context
 * before user code runs. It evaluates code and turns results and errors into text inside
 * V8, under the evaluation's deadline, so that no user value ever reaches Javet's
 * converters (a revoked proxy or a throwing stack formatter there aborts the JVM);
 * {@code import()} requests and {@code console} output queue up in it, and Java serves
 * them after each call into the runtime (V8 mode has no event loop). Java holds the
 * functions it returned, so nothing jsrun calls after user code is reachable from user
 * code.
 * <p>
 * No Java function is bound for the host's own needs: V8 may collect such a function
 * while a context reset deserializes the next context, and then call back into a runtime
 * it can no longer find. Most calls queue nothing, and asking JavaScript after each of
 * them would cost a call into V8, so the first request after the queue was taken also
 * rejects a promise nobody handles: V8 reports that to the runtime's promise-reject
 * callback, which {@link Isolate} turns into {@link #signal()}. That callback belongs to
 * the isolate, not to a context, so it survives resets. A rejection of the application's
 * own only costs one look at an empty queue.
 */
public final class HostBridge {

    /**
     * The host function name of the run-time module loader, which the module bundle's
     * {@code require()} calls.
     */
    public static final String MODULE_LOADER = "__jsrun_load_module";

    static final String IMPORT_FUNCTION = "__jsrun_import";

    /** The resource name of the host's frames, which error stacks leave out. */
    static final String RESOURCE_NAME = "jsrun:host";

    private static final String SOURCE = GuestScripts.load(HostBridge.class, "host.js");

    private static final int MAX_LOG_ENTRIES = 1_000;

    private static final int MAX_LOG_CHARS = 1 << 20;

    /**
     * Error names, messages and stacks longer than this are cut: they go into exception
     * messages and logs.
     */
    private static final int MAX_ERROR_TEXT = 64 * 1024;

    /** How many functions the host's installer returns, in the order of host.js. */
    private static final int FUNCTIONS = 15;

    private static final Logger modulesLogger = LoggerFactory.getLogger("dev.jsrun.modules");

    private final V8Runtime runtime;

    private final Logger console;

    private V8ValueFunction run;

    private V8ValueFunction runAsync;

    private V8ValueFunction takeSettled;

    private V8ValueFunction take;

    private V8ValueFunction settleImport;

    private V8ValueFunction failImport;

    private V8ValueFunction register;

    private V8ValueFunction moduleStats;

    private V8ValueFunction adopt;

    private V8ValueFunction setHostReading;

    private V8ValueFunction call;

    private V8ValueFunction callAsync;

    private V8ValueFunction step;

    private V8ValueFunction cancelTasks;

    private V8ValueFunction pendingTasks;

    /** What {@link #step} answers when a task ran, and when nothing is left to run. */
    static final int RAN = -2;
    static final int IDLE = -1;

    private static final java.security.SecureRandom SEEDS = new java.security.SecureRandom();

    /**
     * Set when JavaScript may have queued something since the last {@link #serve}; V8
     * thread only.
     */
    private boolean signalled;

    /**
     * Set when the event loop said it has work, until a step finds none; V8 thread only.
     */
    private boolean tasksPending;

    /**
     * Set when JavaScript reported an error nobody caught, until a step throws it; V8
     * thread only.
     */
    private boolean uncaughtPending;

    private final int maxResultSize;

    private final long maxExternalMemory;

    /** How the arguments of calls reach the context's host. */
    private final ArgumentChannel arguments = new ArgumentChannel();

    HostBridge(V8Runtime runtime, Logger console, int maxResultSize, long maxExternalMemory) {
        this.runtime = runtime;
        this.console = console;
        this.maxResultSize = maxResultSize;
        this.maxExternalMemory = maxExternalMemory;
    }

    /**
     * Installs the JavaScript half in the current context; needed again after every
     * reset.
     */
    void install() throws JavetException {
        this.arguments.attach(this.runtime);
        V8Value[] functions = new V8Value[FUNCTIONS];
        try (V8ValueFunction installer = this.runtime.getExecutor(SOURCE).setResourceName(RESOURCE_NAME).execute();
                V8ValueObject options = this.runtime.createV8ValueObject()) {
            // each context draws its random numbers from a key of its own, never one a
            // snapshot carries; one character per byte, which JavaScript reads back
            // without any decoder
            byte[] seed = new byte[32];
            SEEDS.nextBytes(seed);
            java.time.Instant origin = java.time.Instant.now();
            // in one crossing, as every crossing costs as much as a few of these stores
            options.set("maxLogEntries", MAX_LOG_ENTRIES, "maxLogChars", MAX_LOG_CHARS, "maxErrorText", MAX_ERROR_TEXT,
                    "maxResultSize", this.maxResultSize,
                    // a double, so that JavaScript gets a number rather than a BigInt
                    "maxExternalMemory", (double) this.maxExternalMemory, "importFunction", IMPORT_FUNCTION,
                    "traceModules", modulesLogger.isDebugEnabled(), "seed",
                    new String(seed, java.nio.charset.StandardCharsets.ISO_8859_1), "timeOrigin",
                    origin.toEpochMilli() + (origin.getNano() % 1_000_000) / 1e6, "arguments", this.arguments.shared());
            try (V8ValueArray api = installer.call(null, options)) {
                api.batchGet(functions, 0, FUNCTIONS);
            }
        }
        this.step = (V8ValueFunction) functions[0];
        this.cancelTasks = (V8ValueFunction) functions[1];
        this.pendingTasks = (V8ValueFunction) functions[2];
        this.run = (V8ValueFunction) functions[3];
        this.runAsync = (V8ValueFunction) functions[4];
        this.takeSettled = (V8ValueFunction) functions[5];
        this.take = (V8ValueFunction) functions[6];
        this.settleImport = (V8ValueFunction) functions[7];
        this.failImport = (V8ValueFunction) functions[8];
        this.register = (V8ValueFunction) functions[9];
        this.moduleStats = (V8ValueFunction) functions[10];
        this.adopt = (V8ValueFunction) functions[11];
        this.setHostReading = (V8ValueFunction) functions[12];
        this.call = (V8ValueFunction) functions[13];
        this.callAsync = (V8ValueFunction) functions[14];
    }

    /**
     * Runs the context's next ready task (a timer or a message): {@link #RAN} when one
     * ran, {@link #IDLE} when nothing is set or queued, else the ms until the next timer
     * is due; an error no one caught comes as the host's text for it.
     */
    V8Value step() throws JavetException {
        return this.step.call(null);
    }

    /**
     * Drops every timer and queued message of the context; answers how many there were,
     * as 'timers;messages'.
     */
    String cancelTasks() throws JavetException {
        this.tasksPending = false;
        this.uncaughtPending = false;
        return this.cancelTasks.callString(null);
    }

    /** How many timers are set and messages queued, as 'timers;messages'. */
    String pendingTasks() throws JavetException {
        return this.pendingTasks.callString(null);
    }

    /**
     * Evaluates {@code code} as a global script; the value is a primitive or the host's
     * text for it.
     */
    V8Value run(String code) throws JavetException {
        return this.run.call(null, code);
    }

    /**
     * As {@link #run}, except that a thenable result answers {@code "p"} and settles as
     * {@code id} later.
     */
    V8Value runAsync(String code, int id) throws JavetException {
        return this.runAsync.call(null, code, id);
    }

    /**
     * Calls the function at {@code path} (property names from {@code globalThis}, joined
     * by dots) with {@code args} as {@link ValueEncoder} turns them into JavaScript
     * values; the value is what {@link #run} gives.
     * @throws dev.jsrun.JsConversionException for an argument that cannot cross
     */
    V8Value call(String path, Object[] args, JsObjectMapper mapper) throws JavetException {
        ValueEncoder.encodeArguments(path, args, this.arguments, this.maxResultSize, mapper);
        return this.arguments.send(this.runtime, this.call, null, path, args == null ? 0 : args.length);
    }

    /**
     * As {@link #call}, except that a thenable result answers {@code "p"} and settles as
     * {@code id} later.
     */
    V8Value callAsync(String path, Object[] args, JsObjectMapper mapper, int id) throws JavetException {
        ValueEncoder.encodeArguments(path, args, this.arguments, this.maxResultSize, mapper);
        return this.arguments.send(this.runtime, this.callAsync, id, path, args == null ? 0 : args.length);
    }

    /**
     * The promises of {@link #runAsync} that settled since the last time, as the host's
     * text.
     */
    String takeSettled() throws JavetException {
        return this.takeSettled.callString(null);
    }

    /** The module statistics as text, or an empty string without modules. */
    String moduleStats() throws JavetException {
        return this.moduleStats.callString(null);
    }

    /** Lets {@code import()} find a module by this name. */
    void register(String name) throws JavetException {
        this.register.callVoid(null, name);
    }

    /**
     * Publishes the Java function bound on {@code holder} as {@code name}: as a global,
     * or handed to the module bundle when it is the run-time module loader. The holder is
     * emptied, so only the wrapper, which encodes the arguments inside V8, can call it.
     */
    void adopt(String name, V8ValueObject holder, boolean moduleLoader) throws JavetException {
        this.adopt.callVoid(null, name, holder, moduleLoader);
    }

    /**
     * While set, error stacks are formatted by jsrun rather than by a user's
     * {@code Error.prepareStackTrace}.
     */
    void hostReading(boolean reading) throws JavetException {
        this.setHostReading.callVoid(null, reading);
    }

    /**
     * Notes that JavaScript rejected a promise nobody handles, which it does when it
     * starts a new queue.
     */
    void signal() {
        this.signalled = true;
    }

    /**
     * Serves what JavaScript queued, until nothing is left (serving a module may log or
     * import more); costs nothing when no promise went unhandled since the last time.
     */
    /**
     * Whether the context's event loop has timers or messages that no step has run out of
     * yet.
     */
    boolean tasksPending() {
        return this.tasksPending;
    }

    /** Whether an error nobody caught waits for the next step to throw it. */
    boolean uncaughtPending() {
        return this.uncaughtPending;
    }

    /** A step threw: the error that waited first, if one did. */
    void uncaughtThrown() {
        this.uncaughtPending = false;
    }

    /** The last step found nothing set or queued. */
    void tasksIdle() {
        this.tasksPending = false;
    }

    void serve(StaticModules modules) throws JavetException {
        while (this.signalled) {
            this.signalled = false;
            Queue queue = new Queue(this.take.callString(null));
            int logs = queue.count();
            int dropped = queue.count();
            for (int i = 0; i < logs; i++) {
                char kind = queue.kind();
                log(kind, queue.text());
            }
            if (dropped > 0) {
                this.console.warn("{} console messages were dropped: more than {} entries or {} characters between two "
                        + "calls into the runtime", dropped, MAX_LOG_ENTRIES, MAX_LOG_CHARS);
            }
            int imports = queue.count();
            for (int i = 0; i < imports; i++) {
                int id = queue.count();
                modules.serve(id, queue.text());
            }
            int woke = queue.count();
            if ((woke & 1) != 0) {
                this.tasksPending = true;
            }
            if ((woke & 2) != 0) {
                this.uncaughtPending = true;
            }
        }
    }

    /**
     * Resolves the {@code import()} request {@code id} once {@code evaluation} (the
     * module's) settles.
     */
    void settleImport(int id, V8Value namespace, V8Value evaluation) throws JavetException {
        this.settleImport.callVoid(null, id, namespace, evaluation);
    }

    /**
     * Rejects the {@code import()} request {@code id} with a new error of {@code type}.
     */
    void failImport(int id, String type, String message) throws JavetException {
        this.failImport.callVoid(null, id, type, message);
    }

    private void log(char kind, String line) {
        if (kind == 'M') {
            modulesLogger.debug(line);
            return;
        }
        Level level = switch (kind) {
            case 'W' -> Level.WARN;
            case 'E' -> Level.ERROR;
            case 'D' -> Level.DEBUG;
            case 'T' -> Level.TRACE;
            default -> Level.INFO;
        };
        if (this.console.isEnabledForLevel(level)) {
            this.console.atLevel(level).log(line);
        }
    }

    /** Releases the JavaScript half before the context goes away. */
    void clear() throws JavetException {
        this.arguments.detach();
        this.signalled = false;
        this.tasksPending = false;
        this.uncaughtPending = false;
        for (V8Value value : new V8Value[] { this.run, this.runAsync, this.takeSettled, this.take, this.settleImport,
                this.failImport, this.register, this.moduleStats, this.adopt, this.setHostReading, this.call,
                this.callAsync, this.step, this.cancelTasks, this.pendingTasks }) {
            if (value != null) {
                value.close();
            }
        }
        this.run = null;
        this.runAsync = null;
        this.takeSettled = null;
        this.take = null;
        this.settleImport = null;
        this.failImport = null;
        this.register = null;
        this.moduleStats = null;
        this.adopt = null;
        this.setHostReading = null;
        this.call = null;
        this.callAsync = null;
        this.step = null;
        this.cancelTasks = null;
        this.pendingTasks = null;
    }

    /** Reads the host's queue text: counts end in ';', texts are length-prefixed. */
    static final class Queue {

        private final String text;

        private int at;

        Queue(String text) {
            this.text = text;
        }

        int count() {
            int end = this.text.indexOf(';', this.at);
            int value = Integer.parseInt(this.text, this.at, end, 10);
            this.at = end + 1;
            return value;
        }

        char kind() {
            return this.text.charAt(this.at++);
        }

        String text() {
            int end = this.text.indexOf(':', this.at);
            int length = Integer.parseInt(this.text, this.at, end, 10);
            String value = this.text.substring(end + 1, end + 1 + length);
            this.at = end + 1 + length;
            return value;
        }

    }

}
