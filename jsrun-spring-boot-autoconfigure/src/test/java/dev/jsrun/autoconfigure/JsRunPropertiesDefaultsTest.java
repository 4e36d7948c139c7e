package dev.jsrun.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.jsrun.RuntimeConfig;
import dev.jsrun.pool.PoolSettings;

/**
 * The properties' defaults are jsrun-core's: a property left unset configures the core as
 * the core would configure itself. The one exception is the timeout, which the core
 * leaves unlimited.
 */
class JsRunPropertiesDefaultsTest {

    private final JsRunProperties properties = new JsRunProperties();

    @Test
    void poolPropertiesDefaultToThePoolsDefaults() {
        PoolSettings fromProperties = this.properties.getPool().toSettings();
        PoolSettings core = PoolSettings.defaults();
        assertThat(fromProperties).usingRecursiveComparison().isEqualTo(core);
        assertThat(fromProperties.maxSize()).isEqualTo(PoolSettings.DEFAULT_MAX_SIZE);
        assertThat(fromProperties.maxWait()).isEqualTo(PoolSettings.DEFAULT_MAX_WAIT);
    }

    @Test
    void runtimePropertiesDefaultToTheRuntimeConfigsDefaults() {
        JsRunProperties.Runtime runtime = this.properties.getRuntime();
        RuntimeConfig core = RuntimeConfig.defaults();
        assertThat(runtime.getMaxResultSize().toBytes()).isEqualTo(core.maxResultSize());
        assertThat(runtime.getMaxExternalMemory().toBytes()).isEqualTo(core.maxExternalMemory());
        assertThat(runtime.getConsoleLogger()).isEqualTo(core.consoleLogger());
        // unset: the core's default heap limit applies, or the one a V8 running already
        // has
        assertThat(runtime.getMaxHeapSize()).isNull();
        assertThat(runtime.getV8Flags()).isNull();
        assertThat(this.properties.getNativeLibrary().getDirectory()).isNull();
        // a request must not hang a Spring application's thread forever
        assertThat(core.timeout()).isEmpty();
        assertThat(runtime.getTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

}
