package dev.jsrun.internal.runtime;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.reference.V8ValueFunction;
import com.caoccao.javet.values.reference.V8ValueObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import dev.jsrun.JsObjectMapper;
import dev.jsrun.internal.snapshot.Intrinsics;

/**
 * The JavaScript half of the host ({@code host.js}), built with the intrinsics (so a
 * snapshot carries it) and readied in every fresh context before user code runs. It
 * evaluates code and turns results and errors into text inside V8, under the evaluation's
 * deadline, so that no user value ever reaches Javet's converters (a revoked proxy or a
 * throwing stack formatter there aborts the JVM); {@code import()} requests and
 * {@code console} output queue up in it, and Java serves them after each call into the
 * runtime (V8 mode has no event loop). Java holds the one function readying returned,
 * through which it asks for every operation, so nothing jsrun calls after user code is
 * reachable from user code.
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

    private static final int MAX_LOG_ENTRIES = 1_000;

    private static final int MAX_LOG_CHARS = 1 << 20;

    /**
     * Error names, messages and stacks longer than this are cut: they go into exception
     * messages and logs.
     */
    static final int MAX_ERROR_TEXT = 64 * 1024;

    // The host's operations, numbered as host.js numbers them; the two files change
    // together.
    private static final int STEP = 0;

    private static final int CANCEL_TASKS = 1;

    private static final int PENDING_TASKS = 2;

    private static final int RUN = 3;

    private static final int RUN_ASYNC = 4;

    private static final int TAKE_SETTLED = 5;

    private static final int TAKE = 6;

    private static final int SETTLE_IMPORT = 7;

    private static final int FAIL_IMPORT = 8;

    private static final int REGISTER = 9;

    private static final int MODULE_STATS = 10;

    private static final int ADOPT = 11;

    private static final int HOST_READING = 12;

    private static final int CALL = 13;

    private static final int CALL_ASYNC = 14;

    private static final Logger modulesLogger = LoggerFactory.getLogger("dev.jsrun.modules");

    private final V8Runtime runtime;

    private final Logger console;

    /** The host's one function, {@code host(operation, ...arguments)}; V8 thread only. */
    private V8ValueFunction host;

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
     * Readies the JavaScript half in the current context, where {@link Intrinsics#record}
     * has built it; needed again after every reset.
     */
    void install() throws JavetException {
        this.arguments.attach(this.runtime);
        // each context draws its random numbers from a key of its own, never one a
        // snapshot carries; one character per byte, which JavaScript reads back without
        // any decoder
        byte[] seed = new byte[32];
        SEEDS.nextBytes(seed);
        java.time.Instant origin = java.time.Instant.now();
        try (V8ValueFunction ready = this.runtime.getExecutor(Intrinsics.HOST_GLOBAL).execute()) {
            // in one crossing, in the order of ready's parameters; the limit as a double,
            // so that JavaScript gets a number rather than a BigInt
            this.host = ready.call(null, MAX_LOG_ENTRIES, MAX_LOG_CHARS, MAX_ERROR_TEXT, this.maxResultSize,
                    (double) this.maxExternalMemory, IMPORT_FUNCTION, modulesLogger.isDebugEnabled(),
                    new String(seed, java.nio.charset.StandardCharsets.ISO_8859_1),
                    origin.toEpochMilli() + (origin.getNano() % 1_000_000) / 1e6, this.arguments.shared());
        }
    }

    /**
     * Runs the context's next ready task (a timer or a message): {@link #RAN} when one
     * ran, {@link #IDLE} when nothing is set or queued, else the ms until the next timer
     * is due; an error no one caught comes as the host's text for it.
     */
    V8Value step() throws JavetException {
        return this.host.call(null, STEP);
    }

    /**
     * Drops every timer and queued message of the context; answers how many there were,
     * as 'timers;messages'.
     */
    String cancelTasks() throws JavetException {
        this.tasksPending = false;
        this.uncaughtPending = false;
        return this.host.callString(null, CANCEL_TASKS);
    }

    /** How many timers are set and messages queued, as 'timers;messages'. */
    String pendingTasks() throws JavetException {
        return this.host.callString(null, PENDING_TASKS);
    }

    /**
     * Evaluates {@code code} as a global script; the value is a primitive or the host's
     * text for it.
     */
    V8Value run(String code) throws JavetException {
        return this.host.call(null, RUN, code);
    }

    /**
     * As {@link #run}, except that a thenable result answers {@code "p"} and settles as
     * {@code id} later.
     */
    V8Value runAsync(String code, int id) throws JavetException {
        return this.host.call(null, RUN_ASYNC, code, id);
    }

    /**
     * Calls the function at {@code path} (property names from {@code globalThis}, joined
     * by dots) with {@code args} as {@link ValueEncoder} turns them into JavaScript
     * values; the value is what {@link #run} gives.
     * @throws dev.jsrun.JsConversionException for an argument that cannot cross
     */
    V8Value call(String path, Object[] args, JsObjectMapper mapper) throws JavetException {
        ValueEncoder.encodeArguments(path, args, this.arguments, this.maxResultSize, mapper);
        return this.arguments.send(this.runtime, this.host, CALL, null, path, args == null ? 0 : args.length);
    }

    /**
     * As {@link #call}, except that a thenable result answers {@code "p"} and settles as
     * {@code id} later.
     */
    V8Value callAsync(String path, Object[] args, JsObjectMapper mapper, int id) throws JavetException {
        ValueEncoder.encodeArguments(path, args, this.arguments, this.maxResultSize, mapper);
        return this.arguments.send(this.runtime, this.host, CALL_ASYNC, id, path, args == null ? 0 : args.length);
    }

    /**
     * The promises of {@link #runAsync} that settled since the last time, as the host's
     * text.
     */
    String takeSettled() throws JavetException {
        return this.host.callString(null, TAKE_SETTLED);
    }

    /** The module statistics as text, or an empty string without modules. */
    String moduleStats() throws JavetException {
        return this.host.callString(null, MODULE_STATS);
    }

    /** Lets {@code import()} find a module by this name. */
    void register(String name) throws JavetException {
        this.host.callVoid(null, REGISTER, name);
    }

    /**
     * Publishes the Java function bound on {@code holder} as {@code name}: as a global,
     * or handed to the module bundle when it is the run-time module loader. The holder is
     * emptied, so only the wrapper, which encodes the arguments inside V8, can call it.
     */
    void adopt(String name, V8ValueObject holder, boolean moduleLoader) throws JavetException {
        this.host.callVoid(null, ADOPT, name, holder, moduleLoader);
    }

    /**
     * While set, error stacks are formatted by jsrun rather than by a user's
     * {@code Error.prepareStackTrace}.
     */
    void hostReading(boolean reading) throws JavetException {
        this.host.callVoid(null, HOST_READING, reading);
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
            Queue queue = new Queue(this.host.callString(null, TAKE));
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
        this.host.callVoid(null, SETTLE_IMPORT, id, namespace, evaluation);
    }

    /**
     * Rejects the {@code import()} request {@code id} with a new error of {@code type}.
     */
    void failImport(int id, String type, String message) throws JavetException {
        this.host.callVoid(null, FAIL_IMPORT, id, type, message);
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
        if (this.host != null) {
            this.host.close();
            this.host = null;
        }
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
