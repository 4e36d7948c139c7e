package dev.jsrun.pool;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link JsRuntimePool} sizes and maintains itself. Defaults: name {@code jsrun}, max-size 8,
 * min-idle 2, max-wait 5 s, idle-timeout 10 min, eviction-interval 30 s, max-uses unlimited,
 * shutdown-timeout 10 s, a cleaner thread per available processor (at most max-size), no scope for plain
 * {@code acquire()}, and 10,000 borrows of one scope before a scoped runtime is reset.
 */
public final class PoolSettings {

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

    /** How often idle runtimes are checked for eviction and {@code minIdle} is restored. */
    public Duration evictionInterval() {
        return this.evictionInterval;
    }

    /** A runtime is replaced after serving this many borrowers; 0 for never. */
    public int maxUses() {
        return this.maxUses;
    }

    /** On close, how long to wait for borrowed runtimes to come back before terminating them. */
    public Duration shutdownTimeout() {
        return this.shutdownTimeout;
    }

    /**
     * Threads that reset returned runtimes to the snapshot state, off the borrowers' path. One core resets
     * only so many runtimes per second (~700 of a lodash + handlebars + marked snapshot), so by default there
     * is one per available processor, and no more than max-size. All but the first work only while borrowers
     * wait for a runtime (none idle, or a borrower waiting), so that they leave the cores to the borrowers
     * otherwise.
     */
    public int cleanerThreads() {
        return this.cleanerThreads;
    }

    /** JavaScript run on every fresh or reset runtime before it is handed out, or {@code null}. */
    public String warmUp() {
        return this.warmUp;
    }

    /**
     * The scope that plain {@code acquire()} borrows in, or {@code null} (the default) for a runtime in the
     * snapshot's state on every borrow; see {@link JsRuntimePool#acquire(String)}.
     */
    public String scope() {
        return this.scope;
    }

    /** Borrows of one scope a runtime serves before it is reset to the snapshot's state. */
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

        private String name = "jsrun";
        private int maxSize = 8;
        private int minIdle = 2;
        private Duration maxWait = Duration.ofSeconds(5);
        private Duration idleTimeout = Duration.ofMinutes(10);
        private Duration evictionInterval = Duration.ofSeconds(30);
        private int maxUses;
        private Duration shutdownTimeout = Duration.ofSeconds(10);
        /** 0: one per available processor, at most max-size. */
        private int cleanerThreads;
        private String warmUp;
        private String scope;
        private int scopeMaxUses = 10_000;

        private Builder() {
        }

        /**
         * Makes plain {@code acquire()} borrow in {@code scope}: each borrower may see what earlier borrowers of
         * the pool left, so only for an application whose scripts are all its own. {@code null} or blank: none.
         */
        public Builder scope(String scope) {
            this.scope = (scope == null || scope.isBlank()) ? null : scope;
            return this;
        }

        /** Borrows of one scope a runtime serves before it is reset, so that state cannot grow without bound. */
        public Builder scopeMaxUses(int scopeMaxUses) {
            if (scopeMaxUses < 1) {
                throw new IllegalArgumentException("scope-max-uses must be at least 1, was " + scopeMaxUses);
            }
            this.scopeMaxUses = scopeMaxUses;
            return this;
        }

        /**
         * JavaScript that the cleaner runs on every fresh or reset runtime before handing it out, such as one
         * typical call: a reset context runs code without type feedback (a 10 KB marked.parse took 2.9 ms on
         * a fresh context, 1.8 ms warm). It must leave no global state behind: borrowers see what it leaves.
         */
        public Builder warmUp(String warmUp) {
            this.warmUp = (warmUp == null || warmUp.isBlank()) ? null : warmUp;
            return this;
        }

        public Builder name(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("pool name must not be blank");
            }
            this.name = name;
            return this;
        }

        public Builder maxSize(int maxSize) {
            if (maxSize < 1) {
                throw new IllegalArgumentException("max-size must be at least 1, was " + maxSize);
            }
            this.maxSize = maxSize;
            return this;
        }

        public Builder minIdle(int minIdle) {
            if (minIdle < 0) {
                throw new IllegalArgumentException("min-idle must not be negative, was " + minIdle);
            }
            this.minIdle = minIdle;
            return this;
        }

        public Builder maxWait(Duration maxWait) {
            this.maxWait = requireNotNegative("max-wait", maxWait);
            return this;
        }

        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = requirePositive("idle-timeout", idleTimeout);
            return this;
        }

        public Builder evictionInterval(Duration evictionInterval) {
            this.evictionInterval = requirePositive("eviction-interval", evictionInterval);
            return this;
        }

        public Builder maxUses(int maxUses) {
            if (maxUses < 0) {
                throw new IllegalArgumentException("max-uses must not be negative (0 means unlimited), was " + maxUses);
            }
            this.maxUses = maxUses;
            return this;
        }

        public Builder shutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = requireNotNegative("shutdown-timeout", shutdownTimeout);
            return this;
        }

        public Builder cleanerThreads(int cleanerThreads) {
            if (cleanerThreads < 1) {
                throw new IllegalArgumentException("cleaner-threads must be at least 1, was " + cleanerThreads);
            }
            this.cleanerThreads = cleanerThreads;
            return this;
        }

        public PoolSettings build() {
            if (this.minIdle > this.maxSize) {
                throw new IllegalArgumentException(
                        "min-idle (" + this.minIdle + ") must not exceed max-size (" + this.maxSize + ")");
            }
            return new PoolSettings(this);
        }

        private static Duration requirePositive(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }

        private static Duration requireNotNegative(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, was " + value);
            }
            return value;
        }

    }

}
