package dev.jsrun.internal.snapshot;

import java.util.List;

import com.caoccao.javet.enums.JSRuntimeType;
import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Host;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.interop.options.V8Flags;
import com.caoccao.javet.interop.options.V8RuntimeOptions;

import dev.jsrun.Snapshot;
import dev.jsrun.internal.platform.NativeLibrary;

/**
 * The one place that creates Javet runtimes, so that every runtime gets the same process-wide V8 flags and
 * only verified snapshot bytes ever reach V8.
 */
public final class V8Runtimes {

    /** Set to {@code true} to let V8 use its TurboFan optimizer; see {@link #flags()} for the price. */
    public static final String TURBOFAN_PROPERTY = "jsrun.v8.turbofan";

    /** Calls before V8 optimizes a function with Maglev; jsrun sets it unless the custom V8 flags do. */
    private static final String MAGLEV_INVOCATIONS_FLAG = "--invocation-count-for-maglev";

    /** The old generation's size, in MB, before V8's first full GC; jsrun sets it unless the custom V8 flags do. */
    private static final String INITIAL_OLD_SPACE_FLAG = "--initial-old-space-size";

    /** The most 64 KiB pages any WebAssembly memory may have; jsrun sets it unless the custom V8 flags do. */
    private static final String WASM_PAGES_FLAG = "--wasm-max-mem-pages";

    /** jsrun turns incremental marking off unless the custom V8 flags mention it. */
    private static final String INCREMENTAL_MARKING_FLAG = "incremental-marking";

    /** Keeps custom snapshots out of the read-only heap that all runtimes of the process share; not negotiable. */
    private static final String FIXED_READ_ONLY_HEAP_FLAG = "--no-extensible-ro-snapshot";

    /** The custom V8 flags that came from outside jsrun: Javet's options as first found, then {@link #addFlags}. */
    private static String givenFlags = "";

    /** The WebAssembly page cap in force; declared before the static block that uses it. */
    private static long wasmPages = dev.jsrun.RuntimeConfig.DEFAULT_MAX_EXTERNAL_MEMORY >> 16;

    static {
        // V8 flags are process-wide and sealed by the first runtime. Javet defaults to --use-strict; libraries
        // and setup scripts are written for sloppy-mode scripts, as browsers and Node run them.
        V8Flags flags = V8RuntimeOptions.V8_FLAGS;
        if (!flags.isSealed()) {
            flags.setUseStrict(false);
            givenFlags = custom(flags);
            addDefaults(flags);
        }
    }

    /** Appends jsrun's flags to the given ones, except where the given ones decide for themselves. */
    private static void addDefaults(V8Flags flags) {
        if (!Boolean.getBoolean(TURBOFAN_PROPERTY) && !givenFlags.contains("turbofan")) {
            // TurboFan drops the interrupt checks of loops that call built-ins (JSON.stringify, Array.fill),
            // so V8 may never honour a termination request: a timeout overruns by seconds and a heap bomb
            // grows past every limit until V8 aborts the JVM. Ignition, Sparkplug and Maglev keep them.
            append(flags, "--no-turbofan");
        }
        // A pooled runtime starts every borrower from a fresh context, where each regular expression runs
        // for the first time: compiling it at once instead of interpreting it first made a 10 KB
        // marked.parse on a fresh context 35% faster (21 -> 14 ms) and cost nothing when warm.
        if (!givenFlags.contains("regexp-tier-up")) {
            append(flags, "--no-regexp-tier-up");
        }
        // Each fresh context starts every function without Maglev code. At V8's default of 400 calls, a
        // borrower's single marked.parse or template render already sends functions to Maglev, whose
        // background compiles are thrown away with the context and take the CPU other borrowers need:
        // two threads borrowing did no more work than one. At 2000, pooled marked.parse throughput rose
        // 1.8x (1 thread) and 2x (2 threads); a runtime kept open reaches Maglev a little later and
        // runs as fast once there.
        if (!givenFlags.contains(MAGLEV_INVOCATIONS_FLAG + "=")) {
            append(flags, MAGLEV_INVOCATIONS_FLAG + "=2000");
        }
        // Every reset leaves the previous context behind as garbage: a busy runtime allocates a snapshot's
        // worth of heap per borrower. V8's first full GC waits for an old generation of ~100 MB, and while
        // incremental marking runs, the contexts that resets allocate survive it as floating garbage, so
        // each runtime of a busy pool held ~100 MB of heap and far more resident memory. With a small
        // initial old generation and atomic full GCs (still parallel), the cleaner's resets trigger the
        // collections and the heap stays within a few MB of what is live; resets got no slower.
        if (!givenFlags.contains(INITIAL_OLD_SPACE_FLAG) && !givenFlags.contains("--initial-heap-size")) {
            append(flags, INITIAL_OLD_SPACE_FLAG + "=8");
        }
        if (!givenFlags.contains(INCREMENTAL_MARKING_FLAG)) {
            append(flags, "--no-" + INCREMENTAL_MARKING_FLAG);
        }
        // WebAssembly memories live outside the heap and grow from inside compiled code, where no script check
        // sees them: V8 itself caps each one at the external memory limit.
        if (!givenFlags.contains(WASM_PAGES_FLAG)) {
            append(flags, WASM_PAGES_FLAG + "=" + wasmPages);
        }
        // V8 sets up one read-only heap per process from the first runtime's snapshot and shares it with every
        // later runtime. By default a custom snapshot moves its own immutable objects into that heap, so a
        // runtime of another snapshot, or one without a snapshot, reads the wrong objects there: wrong results,
        // a loop no termination reaches, an abort. Kept out of it, every snapshot fits the same shared heap.
        append(flags, FIXED_READ_ONLY_HEAP_FLAG);
    }

    /**
     * Caps every WebAssembly memory of this JVM at {@code bytes}, the external memory limit of its runtimes
     * (see {@link dev.jsrun.RuntimeConfig.Builder#maxExternalMemory(long)}); V8 takes the cap only as a
     * process-wide flag, so call this before any runtime exists. Without a call the cap is the default limit.
     * @throws IllegalStateException when runtimes already exist with another cap
     */
    public static synchronized void limitExternalMemory(long bytes) {
        long pages = Math.max(1, bytes >> 16);
        if (pages == wasmPages || givenFlags.contains(WASM_PAGES_FLAG)) {
            return;
        }
        V8Flags flags = V8RuntimeOptions.V8_FLAGS;
        if (flags.isSealed()) {
            throw new IllegalStateException("Cannot cap WebAssembly memories at " + (bytes >> 20) + " MB: V8 flags are "
                    + "fixed once the first runtime of the JVM exists (current cap: " + (wasmPages >> 4) + " MB). Set the "
                    + "external memory limit before any runtime is created.");
        }
        String current = WASM_PAGES_FLAG + "=" + wasmPages;
        wasmPages = pages;
        flags.setCustomFlags(custom(flags).replace(current, WASM_PAGES_FLAG + "=" + wasmPages));
    }

    /**
     * Adds V8 flags (space-separated, each starting with {@code --}) for every runtime of this JVM. They go
     * before jsrun's own, and jsrun leaves out those of its defaults that they decide: a flag that mentions
     * {@code turbofan}, {@code regexp-tier-up}, {@code incremental-marking}, the Maglev invocation count or
     * the initial heap size. V8 takes flags only before the first runtime of the JVM exists.
     * @throws IllegalArgumentException when a flag does not start with {@code --}
     * @throws IllegalStateException when runtimes exist already and one of the flags is not in force
     */
    public static synchronized void addFlags(String extra) {
        if (extra == null || extra.isBlank()) {
            return;
        }
        List<String> wanted = List.of(extra.trim().split("\\s+"));
        for (String flag : wanted) {
            if (!flag.startsWith("--")) {
                throw new IllegalArgumentException("'" + flag + "' is not a V8 flag: V8 flags start with --, such as"
                        + " --incremental-marking");
            }
            if (flag.replace('_', '-').contains("extensible-ro-snapshot") && !flag.equals(FIXED_READ_ONLY_HEAP_FLAG)) {
                throw new IllegalArgumentException("jsrun does not take the V8 flag '" + flag + "': with it, runtimes "
                        + "of different snapshots, or with and without a snapshot, corrupt each other in one process. "
                        + "Leave it out.");
            }
        }
        V8Flags flags = V8RuntimeOptions.V8_FLAGS;
        if (List.of(custom(flags).trim().split("\\s+")).containsAll(wanted)) {
            return;
        }
        if (flags.isSealed()) {
            throw new IllegalStateException("Cannot add the V8 flags '" + extra.trim() + "': V8 flags are fixed once the "
                    + "first runtime of the JVM exists (in force: " + flags() + "). Add them before any runtime is "
                    + "created.");
        }
        givenFlags = givenFlags.isBlank() ? String.join(" ", wanted) : givenFlags + " " + String.join(" ", wanted);
        flags.setCustomFlags(givenFlags);
        addDefaults(flags);
    }

    private V8Runtimes() {
    }

    private static String custom(V8Flags flags) {
        return (flags.getCustomFlags() != null) ? flags.getCustomFlags() : "";
    }

    private static void append(V8Flags flags, String flag) {
        String custom = custom(flags);
        flags.setCustomFlags(custom.isBlank() ? flag : custom + " " + flag);
    }

    /** A runtime with an empty context, able to produce exactly one snapshot when {@code forSnapshot}. */
    public static V8Runtime fresh(boolean forSnapshot) throws JavetException {
        V8RuntimeOptions options = new V8RuntimeOptions();
        options.setCreateSnapshotEnabled(forSnapshot);
        return host().createV8Runtime(options);
    }

    /**
     * A runtime restored from a snapshot whose bytes were checked when it was built or read. Runtimes of any
     * snapshots, and runtimes without one, may be open at once.
     */
    public static V8Runtime restore(Snapshot snapshot) throws JavetException {
        SnapshotImage image = SnapshotImage.of(snapshot);
        image.requireCompatible();
        V8RuntimeOptions options = new V8RuntimeOptions();
        options.setSnapshotBlob(image.blob());
        return host().createV8Runtime(options);
    }

    /**
     * The version of V8 that this JVM runs, such as {@code 14.7.173.18}, with {@code -i18n} for the build with
     * ICU: the two builds cannot read each other's snapshots.
     */
    public static String v8Version() {
        JSRuntimeType type = NativeLibrary.runtimeType();
        return type.getVersion() + (type.isI18nEnabled() ? "-i18n" : "");
    }

    /**
     * The default locale and time zone of this JVM's V8 with ICU, as its runtimes see them: read from the
     * process's environment ({@code LC_ALL}, {@code LANG}, {@code TZ}, {@code /etc/localtime}), which V8 offers
     * no flag to change. Empty without ICU.
     *
     * @param locale a BCP 47 tag such as {@code en-US}
     * @param timeZone an IANA zone such as {@code Europe/Berlin}, or {@code UTC}
     */
    public record IntlDefaults(String locale, String timeZone) {
    }

    /** {@code intl-defaults.js}: evaluates to the locale and the time zone, a space between them. */
    private static final String INTL_DEFAULTS = GuestScripts.load(V8Runtimes.class, "intl-defaults.js");

    private static IntlDefaults intlDefaults;

    /** The default locale and time zone of V8's runtimes, read once in a throwaway runtime; empty without ICU. */
    public static synchronized java.util.Optional<IntlDefaults> intlDefaults() {
        if (!NativeLibrary.intl()) {
            return java.util.Optional.empty();
        }
        if (intlDefaults == null) {
            try (V8Runtime runtime = fresh(false)) {
                String both = runtime.getExecutor(INTL_DEFAULTS).setResourceName("jsrun:intl-defaults.js")
                        .executeString();
                int space = both.indexOf(' ');
                intlDefaults = new IntlDefaults(both.substring(0, space), both.substring(space + 1));
            }
            catch (JavetException ex) {
                throw new IllegalStateException("V8 could not report its default locale and time zone: " + ex.getMessage(), ex);
            }
        }
        return java.util.Optional.of(intlDefaults);
    }

    /** The version of Javet, whose build of V8 reads snapshots. */
    public static String javetVersion() {
        return host().getJavetVersion();
    }

    /** Javet's V8 host, after jsrun has put the native library where it may load and checked that it did. */
    private static V8Host host() {
        return NativeLibrary.host();
    }

    /**
     * The V8 flags in force; a snapshot only fits a V8 started with the same flags. By default they include
     * {@code --no-turbofan}, so that termination (timeouts, heap limits) always takes effect; CPU-heavy
     * trusted code can opt back in with the system property {@value #TURBOFAN_PROPERTY}{@code =true}.
     */
    public static String flags() {
        return V8RuntimeOptions.V8_FLAGS.toString();
    }

    /**
     * Limits the V8 heap of every runtime in this JVM. V8 takes heap limits only as process-wide flags fixed
     * by the first runtime, so call this before any runtime exists.
     * @throws IllegalStateException when runtimes already exist with another limit
     */
    public static synchronized void limitHeap(long bytes) {
        int megabytes = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (bytes + (1 << 20) - 1) >> 20));
        V8Flags flags = V8RuntimeOptions.V8_FLAGS;
        if (flags.getMaxHeapSize() == megabytes) {
            return;
        }
        if (flags.isSealed()) {
            throw new IllegalStateException("Cannot limit the V8 heap to " + megabytes + " MB: V8 flags are fixed once the "
                    + "first runtime of the JVM exists (current limit: "
                    + (flags.getMaxHeapSize() == 0 ? "V8's default" : flags.getMaxHeapSize() + " MB")
                    + "). Set the limit before any runtime is created.");
        }
        flags.setMaxHeapSize(megabytes);
    }

}
