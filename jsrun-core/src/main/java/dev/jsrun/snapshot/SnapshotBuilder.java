package dev.jsrun.snapshot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import com.caoccao.javet.exceptions.BaseJavetScriptingException;
import com.caoccao.javet.exceptions.JavetCompilationException;
import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.interop.executors.IV8Executor;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.reference.V8ValueFunction;
import com.caoccao.javet.values.reference.V8ValueObject;
import com.caoccao.javet.values.reference.V8ValueProxy;

import dev.jsrun.InvalidSettingException;
import dev.jsrun.JsException;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.Setting;
import dev.jsrun.Snapshot;
import dev.jsrun.SnapshotBuildException;
import dev.jsrun.SnapshotBuildException.Problem;
import dev.jsrun.internal.js.TopLevel;
import dev.jsrun.internal.runtime.Isolate;
import dev.jsrun.internal.runtime.JsErrors;
import dev.jsrun.internal.runtime.Watchdog;
import dev.jsrun.internal.snapshot.GuestScripts;
import dev.jsrun.internal.snapshot.IntlObjects;
import dev.jsrun.internal.snapshot.Intrinsics;
import dev.jsrun.internal.snapshot.SharedRegExps;
import dev.jsrun.internal.snapshot.SnapshotImage;
import dev.jsrun.internal.snapshot.V8Runtimes;
import dev.jsrun.internal.snapshot.WebPlatform;

/**
 * Runs scripts, in order, in a fresh V8 context and captures the resulting heap as a
 * {@link Snapshot}.
 *
 * <pre>{@code
 * Snapshot snapshot = new SnapshotBuilder()
 *         .executeCommonJs("_", "lodash.js", lodashSource)
 *         .executeScript("setup.js", "globalThis.add = (a, b) => a + b;")
 *         .build();
 * }</pre>
 *
 * Scripts run as classic scripts, not ES modules. Bind no Java functions here: V8 cannot
 * snapshot them.
 */
public final class SnapshotBuilder {

    private static final String ESM_ADVICE = "Snapshot scripts run as classic scripts, not ES modules: load the "
            + "library's CommonJS or UMD build instead (for example dist/*.js or *.umd.js rather than *.esm.js / *.mjs)";

    /**
     * The global the catch around each script calls; deleted before the heap is captured.
     */
    private static final String THROWN_GLOBAL = "__jsrun_thrown";

    /** Runs the timers due, what they throw looked at as a script's throws are. */
    private static final String STEP = "{const handOn = " + THROWN_GLOBAL + "; try { " + WebPlatform.GLOBAL
            + ".step(); } catch (thrown) { throw handOn(thrown); }}";

    /**
     * {@code pending.js}: a function of the event loop's controls that says what a script
     * left pending.
     */
    private static final String PENDING = GuestScripts.load(SnapshotBuilder.class, "pending.js");

    /**
     * {@code thrown.js}: defines the function that the catch around each script hands
     * what it caught to, before Javet reads it.
     */
    private static final String THROWN = GuestScripts.load(SnapshotBuilder.class, "thrown.js");

    /** Starts what {@code thrown.js} hands on in place of a value Javet must not read. */
    private static final String UNREAD_MARKER = "\u0000jsrun:unread\u0000";

    /**
     * What the catch around a script calls, taken before the script runs: a script that
     * replaces the global changes nothing for its own catch.
     */
    private static final String HAND_ON = "__jsrun_handOn";

    private static final String TRY = "{const " + HAND_ON + " = " + THROWN_GLOBAL + "; try {";

    private static final String STRICT_TRY = "'use strict';" + TRY;

    private static final String CATCH = "\n} catch (thrown) { throw " + HAND_ON + "(thrown); }}";

    /**
     * {@code commonjs.js}: the wrapper of {@link #executeCommonJs}, cut where the
     * library's source goes.
     */
    private static final String[] COMMONJS = GuestScripts.split(GuestScripts.load(SnapshotBuilder.class, "commonjs.js"),
            "commonjs.js", "/* source */");

    /** What the event loop's step answers when a task ran, and when nothing is left. */
    private static final double RAN = -2;

    private static final double IDLE = -1;

    /**
     * Tasks a script may run at load before the build takes it for a loop that never
     * ends.
     */
    private static final int MAX_STEPS = 100_000;

    /** How long one script may run, its timers due at load included, by default. */
    public static final Duration DEFAULT_SCRIPT_TIMEOUT = Duration.ofSeconds(60);

    /**
     * The longest {@link #scriptTimeout} there is, so that no clock arithmetic overflows.
     */
    public static final Duration MAX_SCRIPT_TIMEOUT = Duration.ofDays(1);

    private final List<Script> scripts = new ArrayList<>();

    private Duration scriptTimeout = DEFAULT_SCRIPT_TIMEOUT;

    /**
     * Stops the build when one script, with the timers it sets for at once, runs longer
     * than this (a loop that never ends, for one): {@link #DEFAULT_SCRIPT_TIMEOUT} unless
     * set, at most {@link #MAX_SCRIPT_TIMEOUT}.
     */
    public SnapshotBuilder scriptTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_SCRIPT_TIMEOUT) > 0) {
            throw new InvalidSettingException(Setting.SCRIPT_TIMEOUT, timeout, Duration.ZERO, true, MAX_SCRIPT_TIMEOUT,
                    "must be positive and at most " + MAX_SCRIPT_TIMEOUT.toDays() + " day");
        }
        this.scriptTimeout = timeout;
        return this;
    }

    /** Runs {@code source} as a classic script; its globals end up in the snapshot. */
    public SnapshotBuilder executeScript(String name, String source) {
        this.scripts.add(Script.of(requireName(name), Objects.requireNonNull(source, "source"), null));
        return this;
    }

    /**
     * Runs a CommonJS (or UMD) library with {@code module} and {@code exports} in scope
     * and publishes its {@code module.exports} as {@code globalThis[globalName]}. A
     * {@code require()} inside the library fails: load its dependencies first and reach
     * them as globals.
     */
    public SnapshotBuilder executeCommonJs(String globalName, String name, String source) {
        if (globalName == null || globalName.isBlank()) {
            throw new IllegalArgumentException("globalName must not be blank");
        }
        this.scripts.add(Script.of(requireName(name), Objects.requireNonNull(source, "source"), globalName));
        return this;
    }

    /** The names of the scripts added so far, in order. */
    public List<String> scriptNames() {
        return this.scripts.stream().map(Script::name).toList();
    }

    /**
     * Runs every script in a new snapshot-enabled runtime, captures the heap and disposes
     * the runtime.
     * @throws SnapshotBuildException when a script does not parse or throws
     */
    public Snapshot build() {
        long started = System.nanoTime();
        byte[] blob;
        String v8Version;
        // One snapshot per snapshot-enabled runtime: a second createSnapshot() aborts the
        // process.
        try (V8Runtime runtime = V8Runtimes.fresh(true)) {
            v8Version = V8Runtimes.v8Version();
            HeapLimit heap = new HeapLimit(runtime);
            long externalLimit = ready(runtime);
            try (ThrowWatch watch = ThrowWatch.start(runtime);
                    IntlObjects intl = IntlObjects.watch(runtime);
                    SharedRegExps regExps = SharedRegExps.prepare(runtime)) {
                for (int index = 0; index < this.scripts.size(); index++) {
                    Script script = this.scripts.get(index);
                    intl.script(script.name());
                    SnapshotBuildException failed = null;
                    try (Watchdog.Deadline deadline = Watchdog.start(runtime, this.scriptTimeout, externalLimit)) {
                        try {
                            run(runtime, script, watch);
                            runTasks(runtime, script, watch);
                        }
                        catch (SnapshotBuildException ex) {
                            RuntimeException stop = stopped(script, deadline, heap, externalLimit, ex);
                            if (stop != ex) {
                                throw stop;
                            }
                            failed = ex;
                        }
                        catch (RuntimeException ex) {
                            throw stopped(script, deadline, heap, externalLimit, ex);
                        }
                    }
                    if (failed != null) {
                        throw placed(index, failed);
                    }
                    refuseProxiedGlobal(runtime, script);
                    refuseSealedGlobal(runtime, script);
                }
                watch.stop();
                regExps.collect();
                refuseIntlObjects(intl.alive(runtime));
            }
            blob = capture(runtime);
        }
        catch (JavetException ex) {
            throw new IllegalStateException("V8 failed to start or stop a snapshot runtime: " + ex.getMessage(), ex);
        }
        Duration buildTime = Duration.ofNanos(System.nanoTime() - started);
        return new SnapshotImage(blob, v8Version, V8Runtimes.javetVersion(), V8Runtimes.flags(), scriptNames(),
                contentHash(), Instant.now(), buildTime);
    }

    /**
     * Records the built-ins and sets the guards' limit outside the heap: a snapshot's
     * buffers would be copied into every runtime, so they get the default limit of one,
     * which is returned.
     */
    private static long ready(V8Runtime runtime) throws JavetException {
        Intrinsics.record(runtime);
        long externalLimit = RuntimeConfig.defaults().maxExternalMemory();
        runtime.getExecutor(Intrinsics.GUARDS_GLOBAL + ".setLimit(" + externalLimit + ")").executeVoid();
        return externalLimit;
    }

    /**
     * The failure with the position where the script threw, when jsrun's catch threw it
     * again without one: an error made in a runtime that captures a snapshot records no
     * stack to find it in.
     */
    private SnapshotBuildException placed(int index, SnapshotBuildException failure) {
        if (failure.getProblem() != Problem.SCRIPT_ERROR || failure.getLine() > 0
                || !(failure.getCause() instanceof JsException) || this.scripts.get(index).prefixLength() == 0) {
            return failure;
        }
        int[] position = locate(index, failure.getJsMessage());
        if (position == null) {
            return failure;
        }
        return new SnapshotBuildException(failure.getProblem(), failure.getScriptName(), position[0], position[1],
                failure.getJsMessage(), failure.getAdvice(), failure.getCause());
    }

    /**
     * What stopped a script: the timeout, the heap limit or memory outside the heap when
     * one of them ended it, else the failure itself.
     */
    private RuntimeException stopped(Script script, Watchdog.Deadline deadline, HeapLimit heap, long externalLimit,
            RuntimeException failure) {
        if (heap.reached) {
            return new SnapshotBuildException(Problem.HEAP_LIMIT, script.name(), 0, 0,
                    "it needs more than the V8 heap limit of " + (heap.limit >> 20) + " MB",
                    "Keep less in the heap while the script loads, or raise the heap limit (V8Setup.Builder.maxHeapSize, "
                            + "jsrun.runtime.max-heap-size in Spring Boot)",
                    failure);
        }
        if (deadline.expired()) {
            return new SnapshotBuildException(Problem.TIMEOUT, script.name(), 0, 0,
                    "it ran longer than " + this.scriptTimeout.toMillis() + " ms, the limit of one snapshot script",
                    "Make the script finish (a loop that never ends, or timers that keep setting timers, runs "
                            + "forever), or raise SnapshotBuilder.scriptTimeout (jsrun.snapshot.script-timeout in "
                            + "Spring Boot)",
                    failure);
        }
        if (deadline.externalMemory() > 0) {
            return new SnapshotBuildException(Problem.SCRIPT_ERROR, script.name(), 0, 0,
                    "it holds " + (deadline.externalMemory() >> 20) + " MB outside the V8 heap, more than the "
                            + (externalLimit >> 20) + " MB every runtime restored from the snapshot may hold",
                    "Allocate large buffers when a function runs rather than while the script loads", failure);
        }
        return failure;
    }

    /**
     * Without this callback V8 aborts the process when a script exhausts the heap; with
     * it, V8 stops the script and is given the headroom to unwind.
     */
    private static final class HeapLimit {

        private volatile boolean reached;

        private volatile long limit;

        HeapLimit(V8Runtime runtime) {
            runtime.setNearHeapLimitCallback((currentLimit, initialLimit) -> {
                this.reached = true;
                this.limit = initialLimit;
                runtime.terminateExecution();
                return currentLimit + Math.max(currentLimit / 2, Isolate.HEAP_HEADROOM);
            });
        }

    }

    private static void run(V8Runtime runtime, Script script, ThrowWatch watch) {
        watch.define(script);
        try {
            if (script.globalName() == null) {
                try {
                    executor(runtime, script).executeVoid();
                }
                catch (JavetCompilationException ex) {
                    if (script.prefixLength() == 0) {
                        throw ex;
                    }
                    // in a block a function may not share a name with a var: the script
                    // runs as it is
                    executor(runtime, script.alone()).executeVoid();
                }
                return;
            }
            try (V8Value publish = executor(runtime, script).execute()) {
                if (!(publish instanceof V8ValueFunction function)) {
                    throw new SnapshotBuildException(Problem.SCRIPT_ERROR, script.name(), 0, 0,
                            "it does not run as a CommonJS module: its "
                                    + "source closes the function jsrun wraps it in",
                            "Pass the library's source as its package " + "ships it, or load it with executeScript",
                            null);
                }
                watch.define(script);
                function.callVoid(null, script.globalName());
            }
        }
        catch (BaseJavetScriptingException ex) {
            throw failure(script, ex);
        }
        catch (JavetException ex) {
            throw new SnapshotBuildException(Problem.ENGINE_FAILURE, script.name(), 0, 0, ex.getMessage(), null, ex);
        }
        catch (OutOfMemoryError ex) {
            throw tooLongToRead(script, ex);
        }
    }

    /**
     * Javet copies the whole text of what a script threw into the Java heap before jsrun
     * can cut it; when that one copy does not fit, the build still names the script.
     */
    private static SnapshotBuildException tooLongToRead(Script script, OutOfMemoryError ex) {
        return new SnapshotBuildException(Problem.SCRIPT_ERROR, script.name(), 0, 0,
                "it threw a value whose text is too long for the Java heap to hold",
                "Throw an Error with a shorter message", ex);
    }

    /**
     * The script's code under its own name, its columns on the first line counted from
     * the script's first character rather than from jsrun's wrapper.
     */
    private static IV8Executor executor(V8Runtime runtime, Script script) throws JavetException {
        IV8Executor executor = runtime.getExecutor(script.code()).setResourceName(script.name());
        executor.getV8ScriptOrigin().setResourceColumnOffset(-script.prefixLength());
        return executor;
    }

    /**
     * The function {@code thrown.js} defines for the catch around each script, defined
     * again before each script and each round of timers, so that what one script does to
     * the global reaches no other catch.
     */
    private static final class ThrowWatch implements AutoCloseable {

        private final V8Runtime runtime;

        private final V8ValueFunction define;

        private boolean stopped;

        private ThrowWatch(V8Runtime runtime, V8ValueFunction define) {
            this.runtime = runtime;
            this.define = define;
        }

        static ThrowWatch start(V8Runtime runtime) throws JavetException {
            try (V8ValueFunction make = runtime.getExecutor(THROWN).setResourceName(WebPlatform.RESOURCE).execute()) {
                ThrowWatch watch = new ThrowWatch(runtime,
                        make.call(null, THROWN_GLOBAL, JsErrors.MAX_TEXT, UNREAD_MARKER));
                watch.define(null);
                return watch;
            }
        }

        /**
         * Defines the global again before {@code script} runs code; one that a script
         * made unchangeable stops the build.
         */
        void define(Script script) {
            JavetException failure = null;
            try {
                if (this.define.callBoolean(null)) {
                    return;
                }
            }
            catch (JavetException ex) {
                failure = ex;
            }
            if (script != null) {
                // sealing or freezing the global object has its own refusal
                refuseSealedGlobal(this.runtime, script);
            }
            throw new SnapshotBuildException(Problem.SCRIPT_ERROR, script == null ? "(snapshot)" : script.name(), 0, 0,
                    "it, or a script before it, made jsrun's global " + THROWN_GLOBAL + " unchangeable",
                    "Leave the globals whose names start with __jsrun_ alone", failure);
        }

        /** Leaves the heap as the scripts left it, without the catch's helper. */
        void stop() throws JavetException {
            this.stopped = true;
            this.define.close();
            this.runtime.getExecutor("delete globalThis." + THROWN_GLOBAL).executeVoid();
        }

        @Override
        public void close() throws JavetException {
            if (!this.stopped) {
                this.stopped = true;
                this.define.close();
            }
        }

    }

    /**
     * Where the script at {@code index} threw {@code jsMessage}, found by running the
     * scripts again in a runtime that records stacks (one that captures a snapshot does
     * not, and cannot hold the stacks it would record); null when that run does not fail
     * there alike.
     */
    private int[] locate(int index, String jsMessage) {
        try (V8Runtime runtime = V8Runtimes.fresh(false)) {
            new HeapLimit(runtime);
            long externalLimit = ready(runtime);
            try (ThrowWatch watch = ThrowWatch.start(runtime)) {
                for (int i = 0; i <= index; i++) {
                    Script script = this.scripts.get(i);
                    try (Watchdog.Deadline deadline = Watchdog.start(runtime, this.scriptTimeout, externalLimit)) {
                        run(runtime, script, watch);
                        runTasks(runtime, script, watch);
                    }
                    catch (SnapshotBuildException ex) {
                        boolean alike = i == index && ex.getLine() > 0 && jsMessage.equals(ex.getJsMessage());
                        return alike ? new int[] { ex.getLine(), ex.getColumn() } : null;
                    }
                }
            }
            return null;
        }
        catch (JavetException | RuntimeException ex) {
            return null;
        }
    }

    /**
     * Runs the timers and messages a script left that are due at once, as a call does; a
     * timer still set after that would be captured in every runtime's heap and fire in
     * none, so the build stops.
     */
    private static void runTasks(V8Runtime runtime, Script script, ThrowWatch watch) {
        try {
            for (int steps = 0;; steps++) {
                watch.define(script);
                double answer = ((Number) runtime.getExecutor(STEP)
                    .setResourceName(WebPlatform.RESOURCE)
                    .executeObject()).doubleValue();
                if (answer == RAN && steps < MAX_STEPS) {
                    continue;
                }
                if (answer >= 0 && answer <= 1 && steps < MAX_STEPS) {
                    Thread.sleep(1);
                    continue;
                }
                if (answer == IDLE) {
                    return;
                }
                String pending = pending(runtime);
                throw new SnapshotBuildException(Problem.PENDING_TASKS, script.name(), 0, 0,
                        "it leaves " + pending
                                + " when the heap is captured; they would be copied into every runtime and never run",
                        "Set timers and post messages when a function runs rather than while the script loads", null);
            }
        }
        catch (BaseJavetScriptingException ex) {
            throw failure(script, ex);
        }
        catch (JavetException ex) {
            throw new SnapshotBuildException(Problem.ENGINE_FAILURE, script.name(), 0, 0, ex.getMessage(), null, ex);
        }
        catch (OutOfMemoryError ex) {
            throw tooLongToRead(script, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new SnapshotBuildException(Problem.ENGINE_FAILURE, script.name(), 0, 0,
                    "interrupted while its timers ran", null, ex);
        }
    }

    /** What the event loop still holds, in words, as {@code pending.js} puts it. */
    private static String pending(V8Runtime runtime) throws JavetException {
        try (V8ValueFunction describe = runtime.getExecutor(PENDING).setResourceName(WebPlatform.RESOURCE).execute();
                V8Value web = runtime.getGlobalObject().get(WebPlatform.GLOBAL)) {
            return describe.callString(null, web);
        }
    }

    /**
     * A proxy in the global object's prototype chain makes some snapshots abort the
     * process when V8 restores them (with a proxy kept as a Map key, for one), so the
     * build stops at the script that put it there. The chain is read with the recorded
     * Reflect.getPrototypeOf, and Java sees a proxy for what it is, so none of its traps
     * runs.
     */
    private static void refuseProxiedGlobal(V8Runtime runtime, Script script) {
        try (V8ValueFunction prototypeOf = runtime.getExecutor(Intrinsics.GLOBAL + ".getPrototypeOf")
            .setResourceName(WebPlatform.RESOURCE)
            .execute()) {
            V8Value link = prototypeOf.call(null, runtime.getGlobalObject());
            for (int depth = 0; depth < 64 && link instanceof V8ValueObject; depth++) {
                if (link instanceof V8ValueProxy) {
                    link.close();
                    throw new SnapshotBuildException(Problem.PROXIED_GLOBAL, script.name(), 0, 0,
                            "it puts a Proxy into "
                                    + "the global object's prototype chain, which V8 cannot reliably restore from a snapshot",
                            "Install the proxy when the runtime is used (for example in PoolSettings.Builder.warmUp or the "
                                    + "first call), not while a snapshot script loads",
                            null);
                }
                V8Value next = prototypeOf.call(null, link);
                link.close();
                link = next;
            }
            link.close();
        }
        catch (JavetException ex) {
            throw new SnapshotBuildException(Problem.ENGINE_FAILURE, script.name(), 0, 0,
                    "V8 could not read the global " + "object's prototype chain: " + ex.getMessage(), null, ex);
        }
    }

    /**
     * A context restored from a snapshot whose global object is not extensible crashes
     * the process on its first use, so the build stops at the script that sealed it.
     */
    private static void refuseSealedGlobal(V8Runtime runtime, Script script) {
        try (V8ValueFunction isExtensible = runtime.getExecutor(Intrinsics.GLOBAL + ".isExtensible")
            .setResourceName(WebPlatform.RESOURCE)
            .execute()) {
            if (!isExtensible.callBoolean(null, runtime.getGlobalObject())) {
                throw new SnapshotBuildException(Problem.SEALED_GLOBAL, script.name(), 0, 0,
                        "it makes the global object non-extensible (Object.preventExtensions, seal or freeze), "
                                + "which V8 cannot restore a runtime from",
                        "Seal or freeze the global object when the runtime is used (for example in "
                                + "PoolSettings.Builder.warmUp or the first call), not while a snapshot script loads",
                        null);
            }
        }
        catch (JavetException ex) {
            throw new SnapshotBuildException(Problem.ENGINE_FAILURE, script.name(), 0, 0,
                    "V8 could not tell whether the global object is extensible: " + ex.getMessage(), null, ex);
        }
    }

    /**
     * V8 aborts the process when it serializes an object backed by ICU, so the build
     * stops before it tries.
     */
    private static void refuseIntlObjects(List<IntlObjects.Alive> alive) {
        if (alive.isEmpty()) {
            return;
        }
        for (IntlObjects.Alive registry : alive) {
            if (registry.constructor().equals("FinalizationRegistry")) {
                throw new SnapshotBuildException(Problem.FINALIZATION_REGISTRY, registry.script(), 0, 0,
                        "it leaves a FinalizationRegistry that objects were registered with reachable when the heap "
                                + "is captured; V8 aborts the capture of one",
                        "Create the registry, or register objects with it, when a function runs rather than while "
                                + "the script loads",
                        null);
            }
        }
        IntlObjects.Alive first = alive.get(0);
        String more = (alive.size() > 1)
                ? " (and " + (alive.size() - 1) + " more Intl object" + (alive.size() > 2 ? "s" : "") + ": "
                        + alive.stream()
                            .skip(1)
                            .limit(5)
                            .map(a -> a.constructor() + " from '" + a.script() + "'")
                            .distinct()
                            .collect(java.util.stream.Collectors.joining(", "))
                        + ")"
                : "";
        throw new SnapshotBuildException(Problem.INTL_OBJECT, first.script(), 0, 0,
                "it leaves an object made by " + first.constructor() + " reachable when the heap is captured" + more
                        + "; V8 cannot put Intl objects into a snapshot",
                "Create Intl objects when they are first used (lazily, inside a function) rather than while the script "
                        + "loads, or load the script at run time instead of into the snapshot",
                null);
    }

    private static byte[] capture(V8Runtime runtime) {
        try {
            return runtime.createSnapshot();
        }
        catch (JavetException ex) {
            throw new SnapshotBuildException(Problem.CAPTURE_REFUSED, "(snapshot)", 0, 0,
                    "V8 refused to capture the heap: " + ex.getMessage(),
                    "Snapshot scripts must not leave Java-bound functions or compiled modules behind", ex);
        }
    }

    private static SnapshotBuildException failure(Script script, BaseJavetScriptingException ex) {
        JsException error = JsErrors.from(ex);
        String message = error.getErrorName() + ": " + error.getErrorMessage();
        String unread = error.getErrorMessage() == null ? null : unread(error.getErrorMessage());
        if (unread != null) {
            return new SnapshotBuildException(Problem.SCRIPT_ERROR, script.name(), 0, 0,
                    "it threw " + unread + ", which jsrun does not read: only a thrown value that can be read without "
                            + "running script code, and whose texts are at most " + JsErrors.MAX_TEXT
                            + " characters, is",
                    "Throw an Error with a short message", null);
        }
        int line = error.getLine();
        int column = error.getColumn();
        int lines = script.lines();
        if (line > lines || !script.name().equals(error.getResourceName())) {
            // jsrun's catch threw it again, or a timer's did: an error tells where it was
            // made by its stack's first frame in the script's own lines (later ones are
            // jsrun's wrapper, such as the require() it refuses), any other value not at
            // all
            int[] frame = JsErrors.frameIn(error.getJsStack(), script.name(), lines);
            line = frame == null ? 0 : frame[0];
            column = frame == null ? 0 : frame[1];
        }
        boolean module = isModuleSyntax(message);
        return new SnapshotBuildException(module ? Problem.ES_MODULE : Problem.SCRIPT_ERROR, script.name(), line,
                column, message, module ? ESM_ADVICE : null, error);
    }

    /**
     * What {@code thrown.js} said of a value it did not hand on; null for any other
     * message.
     */
    private static String unread(String message) {
        return message.startsWith(UNREAD_MARKER) ? message.substring(UNREAD_MARKER.length()) : null;
    }

    static boolean isModuleSyntax(String message) {
        return message.contains("Cannot use import statement outside a module")
                || message.contains("Unexpected token 'export'")
                || message.contains("Cannot use 'import.meta' outside a module")
                || message.contains("await is only valid in async functions and the top level bodies of modules");
    }

    /**
     * SHA-256 (hex) over the scripts added so far and the guest scripts jsrun runs before
     * them: the identity of the snapshot they would build.
     */
    public String contentHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(Intrinsics.guestScripts().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update((THROWN + CATCH).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            for (Script script : this.scripts) {
                digest.update(script.name().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(String.valueOf(script.globalName()).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(script.source().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("script name must not be blank");
        }
        return name;
    }

    /** A script and the wrappers it runs in, worked out when the snapshot is built. */
    private static final class Script {

        private final String name;

        private final String source;

        private final String globalName;

        /** The prefix and suffix, or null before the first build reads them. */
        private volatile String[] wrappers;

        private Script(String name, String source, String globalName, String[] wrappers) {
            this.name = name;
            this.source = source;
            this.globalName = globalName;
            this.wrappers = wrappers;
        }

        static Script of(String name, String source, String globalName) {
            return new Script(name, source, globalName, null);
        }

        String name() {
            return this.name;
        }

        String source() {
            return this.source;
        }

        String globalName() {
            return this.globalName;
        }

        /**
         * A script in a try block whose catch looks at what it threw before Javet does,
         * when its code means the same in a block; a CommonJS library always, in its
         * wrapper. Read from the script's tokens on first use, so that a snapshot read
         * from its file tokenizes no source.
         */
        private String[] wrappers() {
            String[] known = this.wrappers;
            if (known == null) {
                if (this.globalName != null) {
                    known = new String[] { TRY + COMMONJS[0], COMMONJS[1] + CATCH };
                }
                else {
                    TopLevel top = TopLevel.of(this.source);
                    known = !top.isBlockable() ? new String[] { "", "" }
                            : new String[] { top.isStrict() ? STRICT_TRY : TRY, CATCH };
                }
                this.wrappers = known;
            }
            return known;
        }

        /**
         * The wrappers share line 1 with the script, so reported lines stay the script's
         * own.
         */
        int prefixLength() {
            return wrappers()[0].length();
        }

        /** The number of lines of the script's own source. */
        int lines() {
            int lines = 1;
            for (int at = 0; at < this.source.length(); at++) {
                char c = this.source.charAt(at);
                // JavaScript's line terminators, CR LF counted once
                if (c == '\n' || c == '\u2028' || c == '\u2029'
                        || (c == '\r' && (at + 1 == this.source.length() || this.source.charAt(at + 1) != '\n'))) {
                    lines++;
                }
            }
            return lines;
        }

        /** The plain script without the catch around it. */
        Script alone() {
            return new Script(this.name, this.source, null, new String[] { "", "" });
        }

        /** What V8 runs: the source in its wrappers. */
        String code() {
            String[] around = wrappers();
            return around[0] + this.source + around[1];
        }

    }

}
