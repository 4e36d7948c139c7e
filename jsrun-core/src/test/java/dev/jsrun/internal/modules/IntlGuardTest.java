package dev.jsrun.internal.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.jsrun.JsRuntime;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/**
 * {@code intl-guard-install.js}: the snapshot builder's Intl guard, installed for the
 * doctor as a hidden global.
 */
class IntlGuardTest {

    @Test
    void theGuardNamesTheScriptsWhoseIntlObjectsStayReachable() {
        try (UnpooledJsRuntimeFactory runtimes = new UnpooledJsRuntimeFactory(RuntimeConfig.defaults());
                JsRuntime js = runtimes.create()) {
            assertThat(js.eval(IntlGuard.INSTALL)).isEqualTo(true);
            assertThat(js.eval("[typeof __jsrun_intl_guard, Object.keys(globalThis).includes('__jsrun_intl_guard')]"))
                .isEqualTo(List.of("object", false));
            js.eval("__jsrun_intl_guard.script('keeps.js'); globalThis.kept = new Intl.NumberFormat('de');"
                    + " __jsrun_intl_guard.script('drops.js'); new Intl.Collator('de').compare('a', 'b');"
                    + " __jsrun_intl_guard.script('');");
            assertThat(IntlGuard.kept(js)).isEqualTo(Map.of("keeps.js", "Intl.NumberFormat"));
            // restored: what is made from now on is not noted
            assertThat(js.eval("new Intl.NumberFormat('de').format(1234.5)")).isEqualTo("1.234,5");
        }
    }

}
