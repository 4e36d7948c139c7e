package dev.jsrun.modules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.jsrun.JsRuntime;
import dev.jsrun.runtime.IsolateRuntime;

/**
 * The doctor's use of the snapshot builder's {@code intl-guard.js}: while the probe initializes the modules,
 * each Intl object is attributed to the module being initialized; afterwards, what is still reachable after a
 * full collection names the modules whose exports or closures keep one, which the snapshot could not hold.
 */
final class IntlGuard {

    /** Installs the guard as a hidden global; evaluates to whether this V8 has Intl at all. */
    static final String INSTALL = "(function () { var guard = " + read() + "(); if (guard === null) return false;"
            + " Object.defineProperty(globalThis, '__jsrun_intl_guard', { value: guard, configurable: true });"
            + " return true; })()";

    private IntlGuard() {
    }

    /** The modules that keep an Intl object, with the constructor of the first one, after the probe ran. */
    static Map<String, String> kept(JsRuntime js) {
        js.eval("__jsrun_intl_guard.restore()");
        if (js instanceof IsolateRuntime runtime) {
            runtime.collectGarbage();
        }
        String found = (String) js.eval("__jsrun_intl_guard.alive()");
        Map<String, String> kept = new LinkedHashMap<>();
        if (!found.isEmpty()) {
            for (String entry : found.split("\u0001")) {
                int at = entry.indexOf('\u0000');
                String module = entry.substring(at + 1);
                if (!module.isEmpty()) {
                    kept.putIfAbsent(module, entry.substring(0, at));
                }
            }
        }
        return kept;
    }

    private static String read() {
        try (InputStream in = IntlGuard.class.getResourceAsStream("/dev/jsrun/snapshot/intl-guard.js")) {
            if (in == null) {
                throw new IllegalStateException("jsrun-core is missing its resource dev/jsrun/snapshot/intl-guard.js");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
