package dev.jsrun.autoconfigure;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import dev.jsrun.JsRuntime;
import dev.jsrun.modules.ModuleStats;
import dev.jsrun.pool.JsRuntimePool;
import dev.jsrun.pool.JsRuntimePoolExhaustedException;
import dev.jsrun.pool.PoolStats;
import dev.jsrun.snapshot.Snapshot;

/**
 * UP when a runtime restored from the snapshot can be borrowed and evaluates JavaScript; DOWN, with the
 * reason, when the pool is closed, exhausted or cannot restore runtimes.
 */
public class JsRunHealthIndicator extends AbstractHealthIndicator {

    private static final Duration PROBE_WAIT = Duration.ofSeconds(1);

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
            .withDetail("snapshot.size", this.snapshot.size())
            .withDetail("snapshot.scripts", this.snapshot.scriptNames())
            .withDetail("snapshot.builtIn", this.snapshot.buildTime().toMillis() + " ms");
        String problem = probe();
        PoolStats stats = this.pool.stats();
        builder.withDetail("pool", stats.name())
            .withDetail("active", stats.active())
            .withDetail("idle", stats.idle())
            .withDetail("pending", stats.pending())
            .withDetail("max", stats.max());
        ModuleStats modules = this.pool.moduleStats();
        if (modules.definitions() > 0) {
            builder.withDetail("modules", Map.of("exports", modules.exports(), "definitions", modules.definitions(),
                    "exportHits", modules.exportHits(), "definitionHits", modules.definitionHits(), "misses",
                    modules.misses()));
        }
        if (problem == null) {
            builder.up();
        }
        else {
            builder.down().withDetail("reason", problem);
        }
    }

    private String probe() {
        if (!this.pool.isOpen()) {
            return "pool '" + this.pool.settings().name() + "' is closed or shutting down";
        }
        try (JsRuntime js = this.pool.acquire(PROBE_WAIT)) {
            Object two = js.eval("1 + 1");
            return Integer.valueOf(2).equals(two) ? null : "probe evaluated 1 + 1 to " + two;
        }
        catch (JsRuntimePoolExhaustedException ex) {
            return "no runtime became free within " + PROBE_WAIT.toMillis() + " ms: the pool is exhausted";
        }
        catch (RuntimeException ex) {
            return ex.getMessage();
        }
    }

}
