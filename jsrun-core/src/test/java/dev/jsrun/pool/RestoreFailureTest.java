package dev.jsrun.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import dev.jsrun.JsRuntime;
import dev.jsrun.JsRuntimeUnavailableException;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.snapshot.SnapshotBuilder;

/**
 * The pool tells, without a borrow, whether its last attempt to restore a runtime failed.
 */
class RestoreFailureTest {

    @Test
    void aFailedRestoreIsKnownUntilOneSucceeds() {
        AtomicBoolean failing = new AtomicBoolean(true);
        RuntimeConfig config = RuntimeConfig.builder()
            .snapshot(new SnapshotBuilder().build())
            .hostFunction("failing", arguments -> failing.get())
            .build();
        PoolSettings settings = PoolSettings.builder()
            .minIdle(0)
            .maxSize(1)
            .warmUp("if (failing()) throw new Error('restores fail for now');")
            .build();
        try (JsRuntimePool pool = new JsRuntimePool(config, settings)) {
            assertThat(pool.restoreFailure()).as("before any restore").isNull();
            assertThatThrownBy(pool::acquire)
                .isInstanceOfSatisfying(JsRuntimeUnavailableException.class,
                        ex -> assertThat(ex.reason()).isEqualTo(JsRuntimeUnavailableException.Reason.WARM_UP_FAILED))
                .hasMessageContaining("restores fail for now");
            assertThat(pool.restoreFailure()).hasMessageContaining("restores fail for now");
            failing.set(false);
            try (JsRuntime js = pool.acquire()) {
                assertThat(js.eval("1 + 1")).isEqualTo(2);
            }
            assertThat(pool.restoreFailure()).isNull();
        }
    }

}
