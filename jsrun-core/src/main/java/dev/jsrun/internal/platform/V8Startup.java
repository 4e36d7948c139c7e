package dev.jsrun.internal.platform;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.caoccao.javet.interop.V8Host;
import com.caoccao.javet.interop.options.V8Flags;
import com.caoccao.javet.interop.options.V8RuntimeOptions;
import com.sun.management.HotSpotDiagnosticMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.jsrun.Setting;
import dev.jsrun.V8Setup;

/**
 * Starts V8 once per JVM from a {@link V8Setup}: sets its process-wide flags, then loads
 * the native library, which seals them. Every runtime jsrun creates gets its host here,
 * so a V8 that nobody configured starts with the defaults as the first runtime is
 * created, not as a class loads.
 */
public final class V8Startup {

    private static final Logger logger = LoggerFactory.getLogger(V8Startup.class);

    /**
     * Calls before V8 optimizes a function with Maglev; jsrun sets it unless the custom
     * V8 flags do.
     */
    private static final String MAGLEV_INVOCATIONS_FLAG = "--invocation-count-for-maglev";

    /**
     * The old generation's size, in MB, before V8's first full GC; jsrun sets it unless
     * the custom V8 flags do.
     */
    private static final String INITIAL_OLD_SPACE_FLAG = "--initial-old-space-size";

    /**
     * The most 64 KiB pages any WebAssembly memory may have; jsrun sets it unless the
     * custom V8 flags do.
     */
    private static final String WASM_PAGES_FLAG = "--wasm-max-mem-pages";

    /**
     * The stack, in KB, that V8 may use below the point where a thread enters it; jsrun
     * sets it from the JVM's thread stack size unless the custom V8 flags do.
     */
    private static final String STACK_SIZE_FLAG = "--stack-size";

    /** V8's own default for {@value #STACK_SIZE_FLAG}, in KB. */
    static final int V8_STACK_KB = 984;

    /**
     * What a thread's stack keeps, in KB, besides V8's part: the Java frames below the
     * call and the JVM's guard zones.
     */
    static final int JAVA_STACK_KB = 256;

    /** jsrun turns incremental marking off unless the custom V8 flags mention it. */
    private static final String INCREMENTAL_MARKING_FLAG = "incremental-marking";

    /**
     * Keeps custom snapshots out of the read-only heap that all runtimes of the process
     * share; not negotiable.
     */
    private static final String FIXED_READ_ONLY_HEAP_FLAG = "--no-extensible-ro-snapshot";

    private static volatile V8Setup inForce;

    /**
     * The custom flags that Javet's options held before jsrun first touched them, set by
     * other code.
     */
    private static String javetFlags;

    /**
     * The custom flags V8 started with, those of Javet's options and of the setup, after
     * jsrun's own.
     */
    private static String givenFlags = "";

    private V8Startup() {
    }

    /**
     * Starts V8 with {@code setup} unless it runs already, and returns the setup in
     * force: {@code setup} itself when this call started V8.
     * @throws dev.jsrun.NativeLibraryException when the native library cannot be loaded
     * (V8 is then not started)
     */
    public static V8Setup start(V8Setup setup) {
        V8Setup started = inForce;
        return (started != null) ? started : startOnce(setup);
    }

    /** The setup V8 started with; empty before the first runtime or configuration. */
    public static Optional<V8Setup> inForce() {
        return Optional.ofNullable(inForce);
    }

    /**
     * Javet's V8 host, after starting V8 with the default setup if nothing started it
     * before.
     */
    public static V8Host host() {
        start(V8Setup.defaults());
        return V8Host.getInstance(NativeLibrary.runtimeType());
    }

    /**
     * The V8 flags in force, after starting V8 with the default setup if nothing started
     * it before.
     */
    public static String flags() {
        start(V8Setup.defaults());
        return V8RuntimeOptions.V8_FLAGS.toString();
    }

    private static synchronized V8Setup startOnce(V8Setup setup) {
        if (inForce != null) {
            return inForce;
        }
        V8Flags flags = V8RuntimeOptions.V8_FLAGS;
        if (flags.isSealed()) {
            // only code that creates Javet runtimes without jsrun gets here first; V8
            // keeps what it started with
            logger
                .warn("V8 was started before jsrun, by another user of Javet, so jsrun's V8 setup ({}) does not apply: "
                        + "V8 runs with {}", setup, flags);
        }
        else {
            if (javetFlags == null) {
                javetFlags = withoutReadOnlyHeapUndo(custom(flags));
            }
            givenFlags = (javetFlags.isBlank() ? "" : javetFlags.trim() + " ") + setup.v8Flags();
            givenFlags = givenFlags.trim();
            // Javet defaults to --use-strict; libraries and setup scripts are written for
            // sloppy-mode scripts, as browsers and Node run them
            flags.setUseStrict(false);
            flags.setCustomFlags(compose(givenFlags, setup, stackSizeKb(threadStackKb())));
            flags.setMaxHeapSize(heapMegabytes(setup.maxHeapSize()));
        }
        NativeLibrary.load(setup.nativeLibraryDirectory());
        inForce = setup;
        return setup;
    }

    /**
     * The custom flags V8 starts with: jsrun's first, except those the given flags
     * decide, then the given ones. V8 ignores every flag after one it does not know, so a
     * user's unknown flag can only drop the user's own later flags, never jsrun's.
     * @param given the flags of Javet's options and of the setup
     * @param stack the {@value #STACK_SIZE_FLAG} to set, or 0 for V8's own
     */
    static String compose(String given, V8Setup setup, int stack) {
        List<String> flags = new ArrayList<>(defaults(given, setup, stack));
        if (!given.isBlank()) {
            flags.add(given.trim());
        }
        return String.join(" ", flags);
    }

    /**
     * jsrun's flags, except where the given ones decide for themselves.
     */
    private static List<String> defaults(String given, V8Setup setup, int stack) {
        List<String> flags = new ArrayList<>();
        if (!setup.turbofan() && !given.contains("turbofan")) {
            // TurboFan drops the interrupt checks of loops that call built-ins
            // (JSON.stringify, Array.fill), so V8 may never honour a termination request:
            // a timeout overruns by seconds and a heap bomb grows past every limit until
            // V8 aborts the JVM. Ignition, Sparkplug and Maglev keep them.
            flags.add("--no-turbofan");
        }
        // A pooled runtime starts every borrower from a fresh context, where each regular
        // expression runs for the first time: compiling it at once instead of
        // interpreting it first made a marked.parse on a fresh context markedly faster
        // and cost nothing when warm.
        if (!given.contains("regexp-tier-up")) {
            flags.add("--no-regexp-tier-up");
        }
        // Each fresh context starts every function without Maglev code. At V8's default
        // of 400 calls, a borrower's single marked.parse or template render already sends
        // functions to Maglev, whose background compiles are thrown away with the context
        // and take the CPU other borrowers need: two threads borrowing did no more work
        // than one. At 2000 the CPU stays with the borrowers, and a runtime kept open
        // reaches Maglev a little later and runs as fast once there.
        if (!given.contains(MAGLEV_INVOCATIONS_FLAG + "=")) {
            flags.add(MAGLEV_INVOCATIONS_FLAG + "=2000");
        }
        // Every reset leaves the previous context behind as garbage: a busy runtime
        // allocates a snapshot's worth of heap per borrower. V8's first full GC waits for
        // a large old generation, and while incremental marking runs, the contexts that
        // resets allocate survive it as floating garbage, so each runtime of a busy pool
        // held far more heap and resident memory than was live. With a small initial old
        // generation and atomic full GCs (still parallel), the cleaner's resets trigger
        // the collections and the heap stays within a few MB of what is live; resets got
        // no slower.
        if (!given.contains(INITIAL_OLD_SPACE_FLAG) && !given.contains("--initial-heap-size")) {
            flags.add(INITIAL_OLD_SPACE_FLAG + "=8");
        }
        if (!given.contains(INCREMENTAL_MARKING_FLAG)) {
            flags.add("--no-" + INCREMENTAL_MARKING_FLAG);
        }
        // V8 takes each thread that runs JavaScript to have 984 KB of stack below
        // the point where it enters V8. A thread of the JVM's default 1 MB, a few
        // hundred Java frames deep, has less: a deep recursion in a built-in ran into
        // the JVM's guard zone (a StackOverflowError out of the call), and on a smaller
        // thread off its stack (a dead JVM). So V8 gets the thread stack less what Java
        // keeps, and at least half of it.
        if (stack > 0 && !given.contains(STACK_SIZE_FLAG)) {
            flags.add(STACK_SIZE_FLAG + "=" + stack);
        }
        // WebAssembly memories live outside the heap and grow from inside compiled code,
        // where no script check
        // sees them: V8 itself caps each one.
        if (!given.contains(WASM_PAGES_FLAG)) {
            flags.add(WASM_PAGES_FLAG + "=" + wasmPages(setup.maxWasmMemory()));
        }
        // V8 sets up one read-only heap per process from the first runtime's snapshot and
        // shares it with every later runtime. By default a custom snapshot moves its own
        // immutable objects into that heap, so a runtime of another snapshot, or one
        // without a snapshot, reads the wrong objects there: wrong results, a loop no
        // termination reaches, an abort. Kept out of it, every snapshot fits the same
        // shared heap. No given flag undoes it: the setup refuses one, and Javet's
        // options lose theirs.
        flags.add(FIXED_READ_ONLY_HEAP_FLAG);
        return flags;
    }

    /**
     * Javet's custom flags without those that undo {@value #FIXED_READ_ONLY_HEAP_FLAG},
     * which would come after it.
     */
    private static String withoutReadOnlyHeapUndo(String javet) {
        List<String> kept = new ArrayList<>();
        for (String flag : javet.trim().split("\\s+")) {
            if (flag.replace('_', '-').contains("extensible-ro-snapshot") && !flag.equals(FIXED_READ_ONLY_HEAP_FLAG)) {
                logger.warn("Ignoring the V8 flag {} of Javet's options: runtimes of different snapshots would "
                        + "corrupt each other", flag);
            }
            else if (!flag.isEmpty()) {
                kept.add(flag);
            }
        }
        return String.join(" ", kept);
    }

    /**
     * The first setting of {@code wanted} that the V8 running already cannot take, or
     * empty when it runs with all of them (flags count as taken when they are among those
     * in force, jsrun's own included).
     */
    public static Optional<Conflict> conflict(V8Setup wanted) {
        V8Setup current = inForce;
        if (current == null || current.equals(wanted)) {
            return Optional.empty();
        }
        String flags = V8RuntimeOptions.V8_FLAGS.toString();
        if (!wanted.v8Flags().isEmpty()
                && !List.of(flags.trim().split("\\s+")).containsAll(List.of(wanted.v8Flags().split(" ")))) {
            return Optional.of(new Conflict(Setting.V8_FLAGS, wanted.v8Flags(), flags));
        }
        if (heapMegabytes(wanted.maxHeapSize()) != heapMegabytes(current.maxHeapSize())) {
            return Optional.of(new Conflict(Setting.MAX_HEAP_SIZE, wanted.maxHeapSize(), current.maxHeapSize()));
        }
        if (wasmPages(wanted.maxWasmMemory()) != wasmPages(current.maxWasmMemory())
                && !givenFlags.contains(WASM_PAGES_FLAG)) {
            return Optional.of(new Conflict(Setting.MAX_WASM_MEMORY, wanted.maxWasmMemory(), current.maxWasmMemory()));
        }
        if (wanted.turbofan() != current.turbofan() && !givenFlags.contains("turbofan")) {
            return Optional.of(new Conflict(Setting.TURBOFAN, wanted.turbofan(), current.turbofan()));
        }
        if (!wanted.nativeLibraryDirectory().equals(current.nativeLibraryDirectory())) {
            return Optional.of(new Conflict(Setting.NATIVE_LIBRARY_DIRECTORY, wanted.nativeLibraryDirectory(),
                    current.nativeLibraryDirectory()));
        }
        return Optional.empty();
    }

    /** A setting asked for that differs from the one V8 runs with. */
    public record Conflict(Setting setting, Object wanted, Object inForce) {
    }

    /**
     * The {@value #STACK_SIZE_FLAG} for threads of {@code threadStack} KB, or 0 when V8's
     * own default fits them (or their size is unknown).
     */
    static int stackSizeKb(int threadStack) {
        if (threadStack <= 0) {
            return 0;
        }
        int stack = Math.max(threadStack / 2, threadStack - JAVA_STACK_KB);
        return (stack < V8_STACK_KB) ? stack : 0;
    }

    /**
     * The stack, in KB, of a thread the JVM starts without asking for a size
     * ({@code -Xss}), or 0 when the JVM does not say or leaves it to a system limit.
     */
    static int threadStackKb() {
        try {
            String value = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption("ThreadStackSize")
                .getValue();
            int kb = (int) Math.min(Integer.MAX_VALUE, Long.parseLong(value));
            // 0 leaves it to the system: 1 MB on Windows, the process's stack limit
            // elsewhere
            return (kb == 0 && System.getProperty("os.name", "").startsWith("Windows")) ? 1024 : kb;
        }
        catch (RuntimeException | LinkageError ex) {
            return 0;
        }
    }

    /** The heap limit as V8 takes it: whole megabytes, rounded up. */
    private static int heapMegabytes(long bytes) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (bytes + (1 << 20) - 1) >> 20));
    }

    private static long wasmPages(long bytes) {
        return Math.max(1, bytes >> 16);
    }

    private static String custom(V8Flags flags) {
        return (flags.getCustomFlags() != null) ? flags.getCustomFlags() : "";
    }

}
