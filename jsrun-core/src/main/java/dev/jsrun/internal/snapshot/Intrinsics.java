package dev.jsrun.internal.snapshot;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;

/**
 * The built-ins jsrun's guest code relies on, recorded ({@code intrinsics.js}) before any
 * script of the application runs: first thing in a snapshot build, so the snapshot
 * carries the originals even if its scripts replace them, and in a context without a
 * snapshot before the host installs. The host takes the record away before user code
 * runs. Just before the record, the same call makes the Array built-ins whose loops V8
 * never interrupts stop for termination ({@code bounded-builtins.js}), so the snapshot's
 * scripts, and the libraries that keep references to those methods, see the bounded ones.
 * Then comes the web platform ({@link WebPlatform}), and last the host's JavaScript half
 * ({@code host.js}), built here so that a snapshot carries it and each fresh context only
 * readies it.
 */
public final class Intrinsics {

    /**
     * The hidden global that carries the record from the snapshot to the host of each
     * context.
     */
    public static final String GLOBAL = "__jsrun_intrinsics";

    /**
     * The hidden global that carries the host's {@code ready} function from the snapshot
     * to each context, which calls it once and so takes it away.
     */
    public static final String HOST_GLOBAL = "__jsrun_host";

    /** The allocation guards' controls, until the host takes them away. */
    public static final String GUARDS_GLOBAL = "__jsrun_guards";

    /** The resource name of the host's frames, which error stacks leave out. */
    public static final String HOST_RESOURCE = "jsrun:host";

    /**
     * The resource name of the bounded built-ins' frames, which jsrun leaves out of the
     * stack traces it reports.
     */
    public static final String BUILTINS_RESOURCE = "jsrun:builtins";

    private static final String SCRIPT = GuestScripts.load(Intrinsics.class, "intrinsics.js");

    private static final String BUILTINS = GuestScripts.load(Intrinsics.class, "bounded-builtins.js");

    /**
     * The checks in front of allocating built-ins, installed right after the record (see
     * allocation-guards.js).
     */
    private static final String GUARDS = GuestScripts.load(Intrinsics.class, "allocation-guards.js");

    private static final String HOST = GuestScripts.load(Intrinsics.class, "host.js");

    /**
     * Whether the record, the guards, the web platform and the host are all in the
     * context.
     */
    private static final String RECORDED = "typeof " + GLOBAL + " !== 'undefined'"
            + " && typeof __jsrun_guards !== 'undefined' && " + WebPlatform.INSTALLED + " && typeof " + HOST_GLOBAL
            + " !== 'undefined'";

    private Intrinsics() {
    }

    /**
     * Bounds the Array built-ins, records the built-ins, guards the allocating ones and
     * builds the web platform and the host in the current context, each unless it is
     * there already.
     */
    public static void record(V8Runtime runtime) throws JavetException {
        // asked first, so that readying a context restored from a snapshot does not hand
        // V8 the scripts' whole text again
        if (runtime.getExecutor(RECORDED).executeBoolean()) {
            return;
        }
        runtime.getExecutor(BUILTINS).setResourceName(BUILTINS_RESOURCE).executeVoid();
        runtime.getExecutor(SCRIPT).setResourceName("jsrun:intrinsics").executeVoid();
        runtime.getExecutor(GUARDS).setResourceName("jsrun:guards").executeVoid();
        WebPlatform.install(runtime);
        runtime.getExecutor(HOST).setResourceName(HOST_RESOURCE).executeVoid();
    }

    /**
     * The guest scripts' text, which a snapshot's identity includes: a snapshot made with
     * other ones is rebuilt.
     */
    public static String guestScripts() {
        return BUILTINS + "\n" + SCRIPT + "\n" + GUARDS + "\n" + WebPlatform.script() + "\n" + HOST;
    }

}
