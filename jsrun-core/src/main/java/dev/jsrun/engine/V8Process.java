package dev.jsrun.engine;

import java.util.Optional;

import com.caoccao.javet.exceptions.JavetException;

import dev.jsrun.V8Setup;
import dev.jsrun.internal.platform.NativeLibrary;
import dev.jsrun.internal.platform.V8Startup;
import dev.jsrun.internal.snapshot.V8Runtimes;

/**
 * The V8 of this JVM: started once, with one {@link V8Setup}, and what it runs. Call
 * {@link #configure} before creating any runtime to choose the setup; without it, the
 * first runtime (or the first question about the flags in force) starts V8 with
 * {@link V8Setup#defaults()}. Loading a class of jsrun starts nothing.
 * <p>
 * For example, before building snapshots or pools: <pre>{@code
 * V8Process.configure(V8Setup.builder().maxHeapSize(512L << 20).v8Flags("--stack-size=900").build());
 * }</pre>
 */
public final class V8Process {

    private static IntlDefaults intlDefaults;

    private V8Process() {
    }

    /**
     * Starts V8 with {@code setup}: sets its flags and heap limit, extracts and loads the
     * native library. Calling it again, or after V8 started with the defaults, does
     * nothing when V8 already runs with these settings (flags count when they are among
     * those in force, jsrun's own included).
     * @throws V8AlreadyStartedException when V8 runs already with another setting, which
     * it names
     * @throws dev.jsrun.NativeLibraryException when the native library cannot be loaded;
     * V8 is then not started, and a later call may try again
     */
    public static void configure(V8Setup setup) {
        if (V8Startup.start(setup) != setup) {
            V8Startup.conflict(setup).ifPresent(conflict -> {
                throw new V8AlreadyStartedException(conflict.setting(), conflict.wanted(), conflict.inForce());
            });
        }
    }

    /**
     * The setup V8 runs with; empty while no runtime has started it and
     * {@link #configure} was not called.
     */
    public static Optional<V8Setup> setup() {
        return V8Startup.inForce();
    }

    /**
     * The V8 flags in force, jsrun's own included; a snapshot only fits a V8 started with
     * the same flags. Asking starts V8 with the default setup when nothing started it
     * before.
     */
    public static String flags() {
        return V8Runtimes.flags();
    }

    /**
     * The version of Javet on the class path, which its native library must carry too;
     * starts nothing.
     */
    public static String javetVersion() {
        return NativeLibrary.javetVersion();
    }

    /**
     * The version of V8 this JVM runs, such as {@code 14.7.173.18}, with {@code -i18n}
     * for the build with ICU: the two builds cannot read each other's snapshots. Starts
     * nothing.
     */
    public static String v8Version() {
        return V8Runtimes.v8Version();
    }

    /**
     * The version of ICU in this JVM's V8, such as {@code 77.1}; empty for the native
     * without ICU. Starts nothing.
     */
    public static Optional<String> icuVersion() {
        return NativeLibrary.icuVersion();
    }

    /**
     * The default locale and time zone of V8's runtimes, read once in a throwaway runtime
     * (which starts V8 when nothing did); empty without ICU.
     */
    public static synchronized Optional<IntlDefaults> intlDefaults() {
        if (!NativeLibrary.intl()) {
            return Optional.empty();
        }
        if (intlDefaults == null) {
            try {
                String both = V8Runtimes.localeAndTimeZone();
                int space = both.indexOf(' ');
                intlDefaults = new IntlDefaults(both.substring(0, space), both.substring(space + 1));
            }
            catch (JavetException ex) {
                throw new IllegalStateException(
                        "V8 could not report its default locale and time zone: " + ex.getMessage(), ex);
            }
        }
        return Optional.of(intlDefaults);
    }

    /**
     * The default locale and time zone of this JVM's V8 with ICU, as its runtimes see
     * them: read from the process's environment ({@code LC_ALL}, {@code LANG},
     * {@code TZ}, {@code /etc/localtime}), which V8 offers no flag to change, so
     * {@code -Duser.timezone} and {@code -Duser.language} do not reach it.
     *
     * @param locale a BCP 47 tag such as {@code en-US}
     * @param timeZone an IANA zone such as {@code Europe/Berlin}, or {@code UTC}
     */
    public record IntlDefaults(String locale, String timeZone) {
    }

}
