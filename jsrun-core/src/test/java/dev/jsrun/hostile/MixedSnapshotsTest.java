package dev.jsrun.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runtimes of different snapshots, of two builds of one snapshot, and without a snapshot,
 * open at once in every order: V8 shares one read-only heap per process, and a snapshot
 * that extended it made the other runtimes read the wrong objects (wrong results, endless
 * loops past every timeout, aborts in the orders below).
 */
class MixedSnapshotsTest {

    @ParameterizedTest
    @ValueSource(strings = { "12", "21e", "e1a2", "1ae", "b1e2", "e2b1a" })
    void runtimesOfAnySnapshotsWorkSideBySide(String order) throws Exception {
        Map<String, String> probe = ForkedJvm.run(MixedSnapshotsProbe.class, List.of(), order).probe(order);
        int n = order.length();
        assertThat(probe.get("checks")).isEqualTo(String.valueOf(n * (n + 1) / 2));
        // each endless loop ended by its 50 ms timeout, not by the probe's 5 s one
        assertThat(Long.parseLong(probe.get("slowestTimeoutMs"))).isLessThan(4000);
    }

}
