package dev.jsrun.internal.modules;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.jsrun.JsRuntime;
import dev.jsrun.internal.runtime.IsolateRuntime;
import dev.jsrun.internal.snapshot.GuestScripts;
import dev.jsrun.internal.snapshot.IntlObjects;

/**
 * The doctor's use of the snapshot builder's {@code intl-guard.js}: while the probe
 * initializes the modules, each Intl object is attributed to the module being
 * initialized; afterwards, what is still reachable after a full collection names the
 * modules whose exports or closures keep one, which the snapshot could not hold.
 */
final class IntlGuard {

    /**
     * Installs the guard as a hidden global; evaluates to whether this V8 has Intl at
     * all.
     */
    static final String INSTALL = GuestScripts.load(IntlGuard.class, "intl-guard-install.js") + "(" + IntlObjects.GUARD
            + ")";

    private IntlGuard() {
    }

    /**
     * The modules that keep an Intl object, with the constructor of the first one, after
     * the probe ran.
     */
    static Map<String, String> kept(JsRuntime js) {
        js.eval("__jsrun_intl_guard.restore()");
        if (js instanceof IsolateRuntime runtime) {
            runtime.collectGarbage();
        }
        Map<String, String> kept = new LinkedHashMap<>();
        for (IntlObjects.Alive alive : IntlObjects.aliveOf((String) js.eval("__jsrun_intl_guard.alive()"))) {
            if (!alive.script().isEmpty()) {
                kept.putIfAbsent(alive.script(), alive.constructor());
            }
        }
        return kept;
    }

}
