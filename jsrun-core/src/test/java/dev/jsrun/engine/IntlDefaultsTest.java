package dev.jsrun.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.jsrun.JsRuntime;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/**
 * {@code intl-defaults.js}: the default locale and time zone V8 reports, as every runtime
 * of this JVM sees them.
 */
class IntlDefaultsTest {

    @Test
    void theDefaultsAreWhatARuntimeSees() {
        V8Process.IntlDefaults defaults = V8Process.intlDefaults().orElseThrow();
        assertThat(defaults.locale()).matches("[a-z]{2,3}(-[A-Za-z0-9]+)*");
        assertThat(defaults.timeZone()).isNotBlank().doesNotContain(" ");
        try (UnpooledJsRuntimeFactory runtimes = new UnpooledJsRuntimeFactory(RuntimeConfig.defaults());
                JsRuntime js = runtimes.create()) {
            assertThat(js.eval("[new Intl.DateTimeFormat().resolvedOptions().locale,"
                    + " new Intl.DateTimeFormat().resolvedOptions().timeZone]"))
                .isEqualTo(List.of(defaults.locale(), defaults.timeZone()));
        }
        assertThat(V8Process.intlDefaults()).containsSame(defaults);
    }

}
