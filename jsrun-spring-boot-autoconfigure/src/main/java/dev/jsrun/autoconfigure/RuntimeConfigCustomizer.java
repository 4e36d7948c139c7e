package dev.jsrun.autoconfigure;

import dev.jsrun.RuntimeConfig;

/**
 * Callback that adjusts how the pool's runtimes are made, for example to bind a Java
 * function into every runtime with
 * {@link RuntimeConfig.Builder#hostFunction(String, dev.jsrun.JsFunction)}.
 */
@FunctionalInterface
public interface RuntimeConfigCustomizer {

    void customize(RuntimeConfig.Builder builder);

}
