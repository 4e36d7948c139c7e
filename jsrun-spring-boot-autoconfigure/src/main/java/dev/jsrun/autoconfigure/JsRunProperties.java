package dev.jsrun.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import dev.jsrun.RuntimeConfig;
import dev.jsrun.modules.ModuleSet;
import dev.jsrun.pool.PoolSettings;
import dev.jsrun.snapshot.SnapshotBuilder;

/**
 * Configuration properties for jsrun. Their defaults are jsrun-core's (the
 * {@code DEFAULT_*} constants of {@link RuntimeConfig}, {@link PoolSettings} and
 * {@code V8Setup}), except the timeout, which the core leaves unlimited; the core's
 * builders check every value.
 */
@ConfigurationProperties("jsrun")
public class JsRunProperties {

    /**
     * Whether to build the JavaScript snapshot and provide a JsRuntimeFactory.
     */
    private boolean enabled = true;

    private final Snapshot snapshot = new Snapshot();

    private final Runtime runtime = new Runtime();

    private final Pool pool = new Pool();

    private final NativeLibrary nativeLibrary = new NativeLibrary();

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

    public Pool getPool() {
        return this.pool;
    }

    public NativeLibrary getNativeLibrary() {
        return this.nativeLibrary;
    }

    public static class Snapshot {

        /**
         * Resource locations of the scripts run into the snapshot at startup, in order,
         * such as 'classpath:META-INF/resources/webjars/lodash/4.17.21/lodash.js' or
         * 'file:scripts/setup.js'. A location may contain Ant-style wildcards ('*', '?')
         * when it matches exactly one resource, so that a WebJar's version need not be
         * spelled out.
         */
        private List<String> scripts = new ArrayList<>();

        /**
         * Directory where the built snapshot is stored, keyed by the scripts' content
         * hash and the V8 build, and reused at the next start instead of running the
         * scripts again. No caching when not set.
         */
        private Path cacheDir;

        /**
         * CommonJS packages or files to bake into the snapshot, served by require() in
         * every runtime, such as 'lodash', 'handlebars' or './lib/rules.js'. Resolved
         * with Node's algorithm against the module roots and the npm WebJars on the
         * classpath; loaded before the scripts, which may require() them.
         */
        private List<String> modules = new ArrayList<>();

        /**
         * Directories holding node_modules-style trees (and relative module files) to
         * resolve modules against, before the npm WebJars on the classpath.
         */
        private List<Path> moduleRoots = new ArrayList<>();

        /**
         * Modules (requests or paths) to store as definitions only, initialized on first
         * require() in each runtime, for modules that must not run at build time (timers,
         * random or time-dependent state).
         */
        private List<String> deferModules = new ArrayList<>();

        /**
         * Conditions that package.json 'exports' and 'imports' match when modules are
         * resolved, such as 'browser' or 'require'; 'default' is always added. The first
         * key of a package's conditions object that is listed wins, in the package's key
         * order. With 'browser', the package.json 'browser' field applies too. 'node' is
         * not a default, as the runtimes are not Node.
         */
        private List<String> conditions = new ArrayList<>(ModuleSet.DEFAULT_CONDITIONS);

        /**
         * Whether require() may read modules the snapshot does not hold from the module
         * roots at run time. Runtimes then hold a Java function and are replaced, not
         * reset, when returned to the pool.
         */
        private boolean loadModulesAtRunTime;

        /**
         * Longest time one snapshot script, with the timers it sets for at once, may run
         * at startup before the build stops with the script named (at most 1 day).
         */
        private Duration scriptTimeout = SnapshotBuilder.DEFAULT_SCRIPT_TIMEOUT;

        public Duration getScriptTimeout() {
            return this.scriptTimeout;
        }

        public void setScriptTimeout(Duration scriptTimeout) {
            this.scriptTimeout = scriptTimeout;
        }

        public boolean isLoadModulesAtRunTime() {
            return this.loadModulesAtRunTime;
        }

        public void setLoadModulesAtRunTime(boolean loadModulesAtRunTime) {
            this.loadModulesAtRunTime = loadModulesAtRunTime;
        }

        public List<String> getModules() {
            return this.modules;
        }

        public void setModules(List<String> modules) {
            this.modules = modules;
        }

        public List<Path> getModuleRoots() {
            return this.moduleRoots;
        }

        public void setModuleRoots(List<Path> moduleRoots) {
            this.moduleRoots = moduleRoots;
        }

        public List<String> getConditions() {
            return this.conditions;
        }

        public void setConditions(List<String> conditions) {
            this.conditions = conditions;
        }

        public List<String> getDeferModules() {
            return this.deferModules;
        }

        public void setDeferModules(List<String> deferModules) {
            this.deferModules = deferModules;
        }

        public List<String> getScripts() {
            return this.scripts;
        }

        public void setScripts(List<String> scripts) {
            this.scripts = scripts;
        }

        public Path getCacheDir() {
            return this.cacheDir;
        }

        public void setCacheDir(Path cacheDir) {
            this.cacheDir = cacheDir;
        }

    }

    public static class Runtime {

        /**
         * Longest time a single evaluation may run before V8 terminates it with a
         * JsTimeoutException (at most 24 days).
         */
        private Duration timeout = Duration.ofSeconds(5);

        /**
         * V8 heap limit of each runtime; a script that reaches it is terminated with a
         * JsHeapLimitException. V8 takes it as a process-wide flag fixed by the first
         * runtime of the JVM. When not set, the default applies if no runtime exists yet,
         * and the limit in force otherwise.
         */
        private DataSize maxHeapSize;

        /**
         * Extra V8 flags for every runtime of the JVM, separated by spaces, such as
         * --incremental-marking. They go before jsrun's own, which give way to them where
         * they decide the same thing, except --no-extensible-ro-snapshot, which is always
         * set. V8 takes flags only before the first runtime of the JVM exists.
         */
        private String v8Flags;

        /**
         * Name of the logger that receives JavaScript's console output.
         */
        private String consoleLogger = RuntimeConfig.DEFAULT_CONSOLE_LOGGER;

        /**
         * Most characters one result may take on its way out of V8 (a string its length,
         * a number its digits, an array or object a few characters per item); a larger
         * result fails with a JsConversionException. The same bound applies to the
         * arguments of Java functions bound into a runtime.
         */
        private DataSize maxResultSize = DataSize.ofBytes(RuntimeConfig.DEFAULT_MAX_RESULT_SIZE);

        /**
         * Most memory outside the V8 heap (array buffers, typed arrays, WebAssembly
         * memories) one runtime may hold; an allocation or an evaluation past it fails
         * with a JsExternalMemoryLimitException. It also caps every WebAssembly memory of
         * the JVM, fixed by the first runtime.
         */
        private DataSize maxExternalMemory = DataSize.ofBytes(RuntimeConfig.DEFAULT_MAX_EXTERNAL_MEMORY);

        public Duration getTimeout() {
            return this.timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }

        public DataSize getMaxHeapSize() {
            return this.maxHeapSize;
        }

        public void setMaxHeapSize(DataSize maxHeapSize) {
            this.maxHeapSize = maxHeapSize;
        }

        public String getV8Flags() {
            return this.v8Flags;
        }

        public void setV8Flags(String v8Flags) {
            this.v8Flags = v8Flags;
        }

        public String getConsoleLogger() {
            return this.consoleLogger;
        }

        public DataSize getMaxResultSize() {
            return this.maxResultSize;
        }

        public void setMaxResultSize(DataSize maxResultSize) {
            this.maxResultSize = maxResultSize;
        }

        public DataSize getMaxExternalMemory() {
            return this.maxExternalMemory;
        }

        public void setMaxExternalMemory(DataSize maxExternalMemory) {
            this.maxExternalMemory = maxExternalMemory;
        }

        public void setConsoleLogger(String consoleLogger) {
            this.consoleLogger = consoleLogger;
        }

    }

    public static class Pool {

        /**
         * Name of the pool, used in messages and as the 'pool' tag of its metrics.
         */
        private String name = PoolSettings.DEFAULT_NAME;

        /**
         * Most runtimes the pool holds, borrowed and idle together.
         */
        private int maxSize = PoolSettings.DEFAULT_MAX_SIZE;

        /**
         * Idle runtimes the pool keeps restored and ready, also filled at startup.
         */
        private int minIdle = PoolSettings.DEFAULT_MIN_IDLE;

        /**
         * Longest time acquire() waits for a free runtime before it throws
         * JsRuntimePoolExhaustedException (at most 24 days).
         */
        private Duration maxWait = PoolSettings.DEFAULT_MAX_WAIT;

        /**
         * Time after which idle runtimes beyond min-idle are disposed of (at most 24
         * days).
         */
        private Duration idleTimeout = PoolSettings.DEFAULT_IDLE_TIMEOUT;

        /**
         * How often idle runtimes are checked for eviction and min-idle is restored (at
         * most 24 days).
         */
        private Duration evictionInterval = PoolSettings.DEFAULT_EVICTION_INTERVAL;

        /**
         * Borrowers a runtime serves before it is replaced by a fresh one; 0 for no
         * limit.
         */
        private int maxUses = PoolSettings.DEFAULT_MAX_USES;

        /**
         * On shutdown, how long to wait for borrowed runtimes to be returned. After it,
         * the scripts still running are terminated and the pool lends no more runtimes:
         * waiting borrowers are turned away. At most 24 days.
         */
        private Duration shutdownTimeout = PoolSettings.DEFAULT_SHUTDOWN_TIMEOUT;

        /**
         * Threads that reset returned runtimes to the snapshot state, off the borrowers'
         * path. Defaults to the number of available processors, at most max-size. All but
         * the first work only while borrowers wait for a runtime.
         */
        private Integer cleanerThreads;

        /**
         * JavaScript run on every fresh or reset runtime before it is handed out,
         * typically one representative call, so that borrowers do not run cold code. It
         * must leave no global state behind.
         */
        private String warmUp;

        /**
         * Scope that plain acquire() borrows in: a borrower then gets back the runtime an
         * earlier borrower of the pool left, unreset and warm, with its globals and
         * caches, instead of one in the snapshot's state. Only for an application whose
         * scripts are all its own. Unset (the default): a clean runtime on every borrow.
         * JsRuntimeFactory.acquire(scope) borrows in a scope of the caller's choosing
         * either way.
         */
        private String scope;

        /**
         * Borrows of one scope a runtime serves before it is reset to the snapshot's
         * state, so that what a scope keeps cannot grow without bound.
         */
        private int scopeMaxUses = PoolSettings.DEFAULT_SCOPE_MAX_USES;

        public String getScope() {
            return this.scope;
        }

        public void setScope(String scope) {
            this.scope = scope;
        }

        public int getScopeMaxUses() {
            return this.scopeMaxUses;
        }

        public void setScopeMaxUses(int scopeMaxUses) {
            this.scopeMaxUses = scopeMaxUses;
        }

        public String getWarmUp() {
            return this.warmUp;
        }

        public void setWarmUp(String warmUp) {
            this.warmUp = warmUp;
        }

        public String getName() {
            return this.name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public int getMaxSize() {
            return this.maxSize;
        }

        public void setMaxSize(int maxSize) {
            this.maxSize = maxSize;
        }

        public int getMinIdle() {
            return this.minIdle;
        }

        public void setMinIdle(int minIdle) {
            this.minIdle = minIdle;
        }

        public Duration getMaxWait() {
            return this.maxWait;
        }

        public void setMaxWait(Duration maxWait) {
            this.maxWait = maxWait;
        }

        public Duration getIdleTimeout() {
            return this.idleTimeout;
        }

        public void setIdleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
        }

        public Duration getEvictionInterval() {
            return this.evictionInterval;
        }

        public void setEvictionInterval(Duration evictionInterval) {
            this.evictionInterval = evictionInterval;
        }

        public int getMaxUses() {
            return this.maxUses;
        }

        public void setMaxUses(int maxUses) {
            this.maxUses = maxUses;
        }

        public Duration getShutdownTimeout() {
            return this.shutdownTimeout;
        }

        public void setShutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
        }

        public Integer getCleanerThreads() {
            return this.cleanerThreads;
        }

        public void setCleanerThreads(Integer cleanerThreads) {
            this.cleanerThreads = cleanerThreads;
        }

        /**
         * The pool's settings, checked by their builder; a duration set empty keeps the
         * default.
         * @throws InvalidJsRunPropertyException when a value is refused
         */
        PoolSettings toSettings() {
            return SettingProperties.check(() -> {
                PoolSettings.Builder builder = PoolSettings.builder()
                    .name(this.name)
                    .maxSize(this.maxSize)
                    .minIdle(this.minIdle)
                    .maxUses(this.maxUses)
                    .warmUp(this.warmUp)
                    .scope(JsRunPropertiesValidator.scope(this.scope))
                    .scopeMaxUses(this.scopeMaxUses);
                if (this.maxWait != null) {
                    builder.maxWait(this.maxWait);
                }
                if (this.idleTimeout != null) {
                    builder.idleTimeout(this.idleTimeout);
                }
                if (this.evictionInterval != null) {
                    builder.evictionInterval(this.evictionInterval);
                }
                if (this.shutdownTimeout != null) {
                    builder.shutdownTimeout(this.shutdownTimeout);
                }
                if (this.cleanerThreads != null) {
                    builder.cleanerThreads(this.cleanerThreads);
                }
                return builder.build();
            });
        }

    }

    public static class NativeLibrary {

        /**
         * Directory that V8's native library (~40 MB) is extracted to and loaded from,
         * once per version: an identical file already there is reused, and older
         * versions' folders are removed. It must allow running code (not mounted noexec)
         * and be writable only by the application's user; a read-only directory works
         * when the library was extracted into it beforehand. Defaults to
         * 'jsrun-native-<user>' under java.io.tmpdir.
         */
        private Path directory;

        public Path getDirectory() {
            return this.directory;
        }

        public void setDirectory(Path directory) {
            this.directory = directory;
        }

    }

}
