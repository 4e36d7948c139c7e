package dev.jsrun.snapshot;

import com.caoccao.javet.enums.JSRuntimeType;
import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Host;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.interop.options.V8Flags;
import com.caoccao.javet.interop.options.V8RuntimeOptions;

/**
 * The one place that creates Javet runtimes, so that every runtime gets the same process-wide V8 flags and
 * only verified snapshot bytes ever reach V8.
 */
public final class V8Runtimes {

    static {
        // V8 flags are process-wide and sealed by the first runtime. Javet defaults to --use-strict; libraries
        // and setup scripts are written for sloppy-mode scripts, as browsers and Node run them.
        V8Flags flags = V8RuntimeOptions.V8_FLAGS;
        if (!flags.isSealed()) {
            flags.setUseStrict(false);
        }
    }

    private V8Runtimes() {
    }

    /** A runtime with an empty context, able to produce exactly one snapshot when {@code forSnapshot}. */
    public static V8Runtime fresh(boolean forSnapshot) throws JavetException {
        V8RuntimeOptions options = new V8RuntimeOptions();
        options.setCreateSnapshotEnabled(forSnapshot);
        return V8Host.getV8Instance().createV8Runtime(options);
    }

    /** A runtime restored from a snapshot whose bytes were checked when it was built or read. */
    public static V8Runtime restore(Snapshot snapshot) throws JavetException {
        snapshot.requireCompatible();
        V8RuntimeOptions options = new V8RuntimeOptions();
        options.setSnapshotBlob(snapshot.blob());
        return V8Host.getV8Instance().createV8Runtime(options);
    }

    /** The version of V8 that this JVM runs, such as {@code 14.7.173.18}. */
    public static String v8Version() {
        return JSRuntimeType.V8.getVersion();
    }

    /** The version of Javet, whose build of V8 reads snapshots. */
    public static String javetVersion() {
        return V8Host.getV8Instance().getJavetVersion();
    }

    /** The V8 flags in force; a snapshot only fits a V8 started with the same flags. */
    public static String flags() {
        return V8RuntimeOptions.V8_FLAGS.toString();
    }

}
