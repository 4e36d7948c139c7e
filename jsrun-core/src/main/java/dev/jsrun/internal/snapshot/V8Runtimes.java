package dev.jsrun.internal.snapshot;

import com.caoccao.javet.enums.JSRuntimeType;
import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.interop.options.V8RuntimeOptions;

import dev.jsrun.Snapshot;
import dev.jsrun.internal.platform.NativeLibrary;
import dev.jsrun.internal.platform.V8Startup;

/**
 * The one place that creates Javet runtimes, so that every runtime runs in a V8 started
 * from the setup in force (see {@link V8Startup}) and only verified snapshot bytes ever
 * reach V8.
 */
public final class V8Runtimes {

    private V8Runtimes() {
    }

    /**
     * A runtime with an empty context, able to produce exactly one snapshot when
     * {@code forSnapshot}.
     */
    public static V8Runtime fresh(boolean forSnapshot) throws JavetException {
        V8RuntimeOptions options = new V8RuntimeOptions();
        options.setCreateSnapshotEnabled(forSnapshot);
        return V8Startup.host().createV8Runtime(options);
    }

    /**
     * A runtime restored from a snapshot whose bytes were checked when it was built or
     * read. Runtimes of any snapshots, and runtimes without one, may be open at once.
     */
    public static V8Runtime restore(Snapshot snapshot) throws JavetException {
        SnapshotImage image = SnapshotImage.of(snapshot);
        image.requireCompatible();
        V8RuntimeOptions options = new V8RuntimeOptions();
        options.setSnapshotBlob(image.blob());
        return V8Startup.host().createV8Runtime(options);
    }

    /**
     * The version of V8 that this JVM runs, such as {@code 14.7.173.18}, with
     * {@code -i18n} for the build with ICU: the two builds cannot read each other's
     * snapshots.
     */
    public static String v8Version() {
        JSRuntimeType type = NativeLibrary.runtimeType();
        return type.getVersion() + (type.isI18nEnabled() ? "-i18n" : "");
    }

    /**
     * {@code intl-defaults.js}: evaluates to the locale and the time zone, a space
     * between them.
     */
    private static final String INTL_DEFAULTS = GuestScripts.load(V8Runtimes.class, "intl-defaults.js");

    /**
     * The default locale and time zone of V8 with ICU, a space between them, read in a
     * throwaway runtime (which starts V8 when nothing did).
     */
    public static String localeAndTimeZone() throws JavetException {
        try (V8Runtime runtime = fresh(false)) {
            return runtime.getExecutor(INTL_DEFAULTS).setResourceName("jsrun:intl-defaults.js").executeString();
        }
    }

    /** The version of Javet, whose build of V8 reads snapshots. */
    public static String javetVersion() {
        return V8Startup.host().getJavetVersion();
    }

    /**
     * The V8 flags in force; a snapshot only fits a V8 started with the same flags.
     * Asking starts V8 with the default setup when nothing started it before, since until
     * then no flags are in force.
     */
    public static String flags() {
        return V8Startup.flags();
    }

}
