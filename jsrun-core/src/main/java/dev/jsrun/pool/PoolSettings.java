package dev.jsrun.pool;

import java.time.Duration;
import java.util.Objects;

import dev.jsrun.InvalidSettingException;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.Setting;

/**
 * How a {@link JsRuntimePool} sizes and maintains itself. The defaults are the
 * {@code DEFAULT_*} constants, with a cleaner thread per available processor (at most
 * max-size), no scope for plain {@code acquire()} and no warm-up script. Every duration
 * is at most {@link RuntimeConfig#MAX_DURATION} (24 days). A value the builder refuses is
 * an {@link InvalidSettingException} naming the setting and the values allowed.
 */
public final class PoolSettings {

    /** The default {@link Builder#name(String)}. */
    public static final String DEFAULT_NAME = "jsrun";

    /** The default {@link Builder#maxSize(int)}. */
    public static final int DEFAULT_MAX_SIZE = 8;

    /** The default {@link Builder#minIdle(int)}. */
    public static final int DEFAULT_MIN_IDLE = 2;

    /** The default {@link Builder#maxWait(Duration)}: 5 seconds. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(5);

    /** The default {@link Builder#idleTimeout(Duration)}: 10 minutes. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);

    /** The default {@link Builder#evictionInterval(Duration)}: 30 seconds. */
    public static final Duration DEFAULT_EVICTION_INTERVAL = Duration.ofSeconds(30);

    /** The default {@link Builder#maxUses(int)}: no limit. */
    public static final int DEFAULT_MAX_USES = 0;

    /** The default {@link Builder#shutdownTimeout(Duration)}: 10 seconds. */
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

    /** The default {@link Builder#scopeMaxUses(int)}. */
    public static final int DEFAULT_SCOPE_MAX_USES = 10_000;

    private final String name;

    private final int maxSize;

    private final int minIdle;

    private final Duration maxWait;

    private final Duration idleTimeout;

    private final Duration evictionInterval;

    private final int maxUses;

    private final Duration shutdownTimeout;

    private final int cleanerThreads;

    private final String warmUp;

    private final String scope;

    private final int scopeMaxUses;

    private PoolSettings(Builder builder) {
        this.name = builder.name;
        this.maxSize = builder.maxSize;
        this.minIdle = builder.minIdle;
        this.maxWait = builder.maxWait;
        this.idleTimeout = builder.idleTimeout;
        this.evictionInterval = builder.evictionInterval;
        this.maxUses = builder.maxUses;
        this.shutdownTimeout = builder.shutdownTimeout;
        this.cleanerThreads = (builder.cleanerThreads > 0) ? builder.cleanerThreads
                : Math.min(builder.maxSize, Runtime.getRuntime().availableProcessors());
        this.warmUp = builder.warmUp;
        this.scope = builder.scope;
        this.scopeMaxUses = builder.scopeMaxUses;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static PoolSettings defaults() {
        return builder().build();
    }

    /** The pool's name, used in messages and as the {@code pool} tag of its metrics. */
    public String name() {
        return this.name;
    }

    /** Most runtimes the pool holds, borrowed and idle together. */
    public int maxSize() {
        return this.maxSize;
    }

    /** Idle runtimes the pool keeps ready, restored ahead of demand. */
    public int minIdle() {
        return this.minIdle;
    }

    /** Longest {@code acquire()} waits for a free runtime before it throws. */
    public Duration maxWait() {
        return this.maxWait;
    }

    /** Idle runtimes beyond {@code minIdle} are disposed of after this long unused. */
    public Duration idleTimeout() {
        return this.idleTimeout;
    }

    /**
     * How often idle runtimes are checked for eviction and {@code minIdle} is restored.
     */
    public Duration evictionInterval() {
        return this.evictionInterval;
    }

    /** A runtime is replaced after serving this many borrowers; 0 for never. */
    public int maxUses() {
        return this.maxUses;
    }

    /**
     * On close, how long to wait for borrowed runtimes to come back before terminating
     * them.
     */
    public Duration shutdownTimeout() {
        return this.shutdownTimeout;
    }

    /**
     * Threads that reset returned runtimes to the snapshot state, off the borrowers'
     * path. One core resets only so many runtimes per second (~700 of a lodash +
     * handlebars + marked snapshot), so by default there is one per available processor,
     * and no more than max-size. All but the first work only while borrowers wait for a
     * runtime (none idle, or a borrower waiting), so that they leave the cores to the
     * borrowers otherwise.
     */
    public int cleanerThreads() {
        return this.cleanerThreads;
    }

    /**
     * JavaScript run on every fresh or reset runtime before it is handed out, or
     * {@code null}.
     */
    public String warmUp() {
        return this.warmUp;
    }

    /**
     * The scope that plain {@code acquire()} borrows in, or {@code null} (the default)
     * for a runtime in the snapshot's state on every borrow; see
     * {@link JsRuntimePool#acquire(String)}.
     */
    public String scope() {
        return this.scope;
    }

    /**
     * Borrows of one scope a runtime serves before it is reset to the snapshot's state.
     */
    public int scopeMaxUses() {
        return this.scopeMaxUses;
    }

    @Override
    public String toString() {
        return "PoolSettings[name=" + this.name + ", maxSize=" + this.maxSize + ", minIdle=" + this.minIdle
                + ", maxWait=" + this.maxWait + ", idleTimeout=" + this.idleTimeout + ", maxUses=" + this.maxUses
                + (this.scope != null ? ", scope=" + this.scope : "") + ", scopeMaxUses=" + this.scopeMaxUses + "]";
    }

    public static final class Builder {

        private String name = DEFAULT_NAME;

        private int maxSize = DEFAULT_MAX_SIZE;

        private int minIdle = DEFAULT_MIN_IDLE;

        private Duration maxWait = DEFAULT_MAX_WAIT;

        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;

        private Duration evictionInterval = DEFAULT_EVICTION_INTERVAL;

        private int maxUses = DEFAULT_MAX_USES;

        private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;

        /** 0: one per available processor, at most max-size. */
        private int cleanerThreads;

        private String warmUp;

        private String scope;

        private int scopeMaxUses = DEFAULT_SCOPE_MAX_USES;

        private Builder() {
        }

        /**
         * Makes plain {@code acquire()} borrow in {@code scope}: each borrower may see
         * what earlier borrowers of the pool left, so only for an application whose
         * scripts are all its own. {@code null} or blank: none.
         */
        public Builder scope(String scope) {
            this.scope = (scope == null || scope.isBlank()) ? null : scope;
            return this;
        }

        /**
         * Borrows of one scope a runtime serves before it is reset, so that state cannot
         * grow without bound.
         */
        public Builder scopeMaxUses(int scopeMaxUses) {
            requireAtLeast(Setting.SCOPE_MAX_USES, scopeMaxUses, 1);
            this.scopeMaxUses = scopeMaxUses;
            return this;
        }

        /**
         * JavaScript that the cleaner runs on every fresh or reset runtime before handing
         * it out, such as one typical call: a reset context runs code without type
         * feedback, so the borrower's first call would be the slow one. It must leave no
         * global state behind: borrowers see what it leaves.
         */
        public Builder warmUp(String warmUp) {
            this.warmUp = (warmUp == null || warmUp.isBlank()) ? null : warmUp;
            return this;
        }

        public Builder name(String name) {
            if (name == null || name.isBlank()) {
                throw new InvalidSettingException(Setting.POOL_NAME, name, null, false, null, "must name the pool");
            }
            this.name = name;
            return this;
        }

        public Builder maxSize(int maxSize) {
            requireAtLeast(Setting.MAX_SIZE, maxSize, 1);
            this.maxSize = maxSize;
            return this;
        }

        public Builder minIdle(int minIdle) {
            if (minIdle < 0) {
                throw minIdleOutOfRange(minIdle);
            }
            this.minIdle = minIdle;
            return this;
        }

        public Builder maxWait(Duration maxWait) {
            this.maxWait = requireNotNegative(Setting.MAX_WAIT, maxWait);
            return this;
        }

        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = requirePositive(Setting.IDLE_TIMEOUT, idleTimeout);
            return this;
        }

        public Builder evictionInterval(Duration evictionInterval) {
            this.evictionInterval = requirePositive(Setting.EVICTION_INTERVAL, evictionInterval);
            return this;
        }

        public Builder maxUses(int maxUses) {
            if (maxUses < 0) {
                throw new InvalidSettingException(Setting.MAX_USES, maxUses, 0, false, null,
                        "must not be negative (0 means no limit)");
            }
            this.maxUses = maxUses;
            return this;
        }

        public Builder shutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = requireNotNegative(Setting.SHUTDOWN_TIMEOUT, shutdownTimeout);
            return this;
        }

        public Builder cleanerThreads(int cleanerThreads) {
            requireAtLeast(Setting.CLEANER_THREADS, cleanerThreads, 1);
            this.cleanerThreads = cleanerThreads;
            return this;
        }

        public PoolSettings build() {
            if (this.minIdle > this.maxSize) {
                throw minIdleOutOfRange(this.minIdle);
            }
            return new PoolSettings(this);
        }

        /**
         * The range of min-idle reaches max-size as it stands; {@link #build()} checks
         * again against the last.
         */
        private InvalidSettingException minIdleOutOfRange(int minIdle) {
            return new InvalidSettingException(Setting.MIN_IDLE, minIdle, 0, false, this.maxSize,
                    "must be from 0 to maxSize (" + this.maxSize + ")");
        }

        private static void requireAtLeast(Setting setting, int value, int minimum) {
            if (value < minimum) {
                throw new InvalidSettingException(setting, value, minimum, false, null, "must be at least " + minimum);
            }
        }

        private static Duration requirePositive(Setting setting, Duration value) {
            Objects.requireNonNull(value, setting.apiName());
            if (value.isNegative() || value.isZero()) {
                throw new InvalidSettingException(setting, value, Duration.ZERO, true, RuntimeConfig.MAX_DURATION,
                        "must be positive");
            }
            return requireAtMostMaxDuration(setting, value, true);
        }

        private static Duration requireNotNegative(Setting setting, Duration value) {
            Objects.requireNonNull(value, setting.apiName());
            if (value.isNegative()) {
                throw new InvalidSettingException(setting, value, Duration.ZERO, false, RuntimeConfig.MAX_DURATION,
                        "must not be negative");
            }
            return requireAtMostMaxDuration(setting, value, false);
        }

        /**
         * Longer durations overflow the pool's arithmetic in nanoseconds and
         * milliseconds.
         */
        private static Duration requireAtMostMaxDuration(Setting setting, Duration value, boolean positive) {
            if (value.compareTo(RuntimeConfig.MAX_DURATION) > 0) {
                throw new InvalidSettingException(setting, value, Duration.ZERO, positive, RuntimeConfig.MAX_DURATION,
                        "must be at most " + RuntimeConfig.MAX_DURATION + " (24 days)");
            }
            return value;
        }

    }

}
