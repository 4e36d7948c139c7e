package dev.jsrun.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for jsrun.
 */
@ConfigurationProperties("jsrun")
public class JsRunProperties {

    /**
     * Whether to build the JavaScript snapshot and provide a JsRuntimeFactory.
     */
    private boolean enabled = true;

    private final Snapshot snapshot = new Snapshot();

    private final Runtime runtime = new Runtime();

    public boolean isEnabled() {
        return this.enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Snapshot getSnapshot() {
        return this.snapshot;
    }

    public Runtime getRuntime() {
        return this.runtime;
    }

    public static class Snapshot {

        /**
         * Resource locations of the scripts run into the snapshot at startup, in order, such as
         * 'classpath:META-INF/resources/webjars/lodash/4.17.21/lodash.js' or 'file:scripts/setup.js'. A
         * location may contain Ant-style wildcards ('*', '?') when it matches exactly one resource, so that a
         * WebJar's version need not be spelled out.
         */
        private List<String> scripts = new ArrayList<>();

        public List<String> getScripts() {
            return this.scripts;
        }

        public void setScripts(List<String> scripts) {
            this.scripts = scripts;
        }

    }

    public static class Runtime {

        /**
         * Longest time a single evaluation may run before V8 terminates it. Unlimited when not set.
         */
        private Duration timeout;

        public Duration getTimeout() {
            return this.timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }

    }

}
