package dev.jsrun.autoconfigure;

import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import dev.jsrun.ModuleStats;
import dev.jsrun.Snapshot;
import dev.jsrun.engine.V8Process;
import dev.jsrun.pool.JsRuntimePool;
import dev.jsrun.pool.PoolStats;

/**
 * Reads the pool's state without borrowing a runtime: UP while it lends runtimes or can
 * restore them, busy or not (the figures say how busy); DOWN, with the reason, when it is
 * closed or shutting down, or when its last attempt to restore a runtime from the
 * snapshot failed.
 */
public class JsRunHealthIndicator extends AbstractHealthIndicator {

    private final Snapshot snapshot;

    private final JsRuntimePool pool;

    public JsRunHealthIndicator(Snapshot snapshot, JsRuntimePool pool) {
        super("JavaScript runtime health check failed");
        this.snapshot = snapshot;
        this.pool = pool;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("v8Version", this.snapshot.v8Version())
            .withDetail("icu", V8Process.icuVersion().orElse("none"))
            .withDetail("snapshot.size", this.snapshot.size())
            .withDetail("snapshot.scripts",
                    this.snapshot.scriptNames().stream().map(JsRunHealthIndicator::fileName).toList())
            .withDetail("snapshot.builtIn", this.snapshot.buildTime().toMillis() + " ms");
        PoolStats stats = this.pool.stats();
        builder.withDetail("pool", stats.name())
            .withDetail("active", stats.active())
            .withDetail("idle", stats.idle())
            .withDetail("pending", stats.pending())
            .withDetail("cleaning", stats.cleaning())
            .withDetail("max", stats.max());
        dev.jsrun.pool.ScopeStats scopes = this.pool.scopeStats();
        if (this.pool.settings().scope() != null || scopes.hits() + scopes.parked() > 0) {
            builder.withDetail("scopes", Map.of("held", scopes.scopes(), "runtimes", scopes.parked(), "hits",
                    scopes.hits(), "switches", scopes.switches()));
        }
        ModuleStats modules = this.pool.moduleStats();
        if (modules.definitions() > 0) {
            builder.withDetail("modules",
                    Map.of("exports", modules.exports(), "definitions", modules.definitions(), "exportHits",
                            modules.exportHits(), "definitionHits", modules.definitionHits(), "misses",
                            modules.misses()));
        }
        String problem = problem();
        if (problem == null) {
            builder.up();
        }
        else {
            builder.down().withDetail("reason", problem);
        }
    }

    /**
     * A script's file name without its location, which may be a path on the server's file
     * system.
     */
    private static String fileName(String location) {
        String name = location.replace('\\', '/');
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf(':')) + 1);
    }

    private String problem() {
        if (!this.pool.isOpen()) {
            return "pool '" + this.pool.settings().name() + "' is closed or shutting down";
        }
        if (this.pool.restoreFailure() != null) {
            // the failure's message stays in the pool's log: it may name files callers
            // should not see
            return "pool '" + this.pool.settings().name() + "' cannot restore runtimes from the snapshot: its last "
                    + "attempt failed (the pool's log says why)";
        }
        return null;
    }

}
