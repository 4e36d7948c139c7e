package dev.jsrun.pool;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.jsrun.JsRuntime;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.Snapshot;
import dev.jsrun.WebJars;
import dev.jsrun.snapshot.SnapshotBuilder;

/**
 * Every borrow of a pooled runtime ends in a reset that leaves a whole context behind as
 * garbage. The heap of a busy runtime must stay near what is live, not fill up with old
 * contexts (see the GC flags in {@code V8Startup}).
 */
class BusyRuntimeHeapTest {

    private static final int BORROWS = 300;

    private static final long HEAP_BOUND = 32L << 20;

    @Test
    void aRuntimeResetForEveryBorrowerKeepsItsHeapNearWhatIsLive() {
        Snapshot snapshot = new SnapshotBuilder().executeScript("lodash.js", WebJars.read("lodash", "lodash.min.js"))
            .build();
        long highest = 0;
        try (JsRuntimePool pool = new JsRuntimePool(RuntimeConfig.builder().snapshot(snapshot).build(),
                PoolSettings.builder().minIdle(1).maxSize(1).build())) {
            for (int i = 0; i < BORROWS; i++) {
                try (JsRuntime js = pool.acquire()) {
                    assertThat(js.eval("_.range(100).map(String).join().length")).isEqualTo(289);
                }
                // the heap as of the last reset; the next borrow waits for the one
                // running now
                highest = Math.max(highest, pool.stats().heapUsed());
            }
        }
        // V8's defaults let this heap reach ~110 MB before its first full GC
        assertThat(highest).as("highest heap used of a runtime reset %d times", BORROWS).isLessThan(HEAP_BOUND);
    }

}
