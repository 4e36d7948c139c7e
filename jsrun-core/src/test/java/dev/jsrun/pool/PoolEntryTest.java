package dev.jsrun.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.jsrun.JsTimeoutException;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.internal.runtime.Isolate;
import dev.jsrun.pool.PoolEntry.State;

/**
 * A pool entry's life: the moves it may make, the ones it refuses, and why it was
 * discarded.
 */
class PoolEntryTest {

    private final List<Isolate> isolates = new ArrayList<>();

    private final List<PoolEntry> returned = new ArrayList<>();

    private final List<PoolEntry> cleaned = new ArrayList<>();

    @AfterEach
    void closeIsolates() {
        this.isolates.forEach(Isolate::close);
    }

    private PoolEntry entry() {
        Isolate isolate = Isolate.restore(RuntimeConfig.defaults());
        this.isolates.add(isolate);
        return new PoolEntry(isolate, this.returned::add, this.cleaned::add);
    }

    @Test
    void aPlainBorrowGoesBorrowedCleaningIdle() {
        PoolEntry entry = entry();
        assertThat(entry.state()).isEqualTo(State.IDLE);
        entry.lend(null, 42);
        assertThat(entry.state()).isEqualTo(State.BORROWED);
        assertThat(entry.borrowedAt()).isEqualTo(42);
        assertThat(entry.scope()).isNull();
        entry.release().accept(entry.isolate());
        assertThat(this.returned).containsExactly(entry);
        entry.startCleaning(State.BORROWED);
        entry.cleaning().run();
        assertThat(this.cleaned).containsExactly(entry);
        entry.cleaned();
        assertThat(entry.state()).isEqualTo(State.IDLE);
        assertThat(entry.borrows()).isEqualTo(1);
        assertThat(entry.borrowsSinceReset()).isZero();
    }

    @Test
    void aScopeGetsItsParkedEntryBackUntilItIsCleaned() {
        PoolEntry entry = entry();
        entry.lend("a", 1);
        entry.park();
        assertThat(entry.state()).isEqualTo(State.PARKED);
        entry.lendAgain(2);
        entry.park();
        entry.lendAgain(3);
        assertThat(entry.scope()).isEqualTo("a");
        assertThat(entry.borrows()).isEqualTo(3);
        assertThat(entry.borrowsSinceReset()).isEqualTo(3);
        assertThat(entry.borrowedAt()).isEqualTo(3);
        entry.park();
        // taken from its scope for somebody else
        entry.startCleaning(State.PARKED);
        entry.cleaned();
        entry.lend(null, 4);
        assertThat(entry.scope()).isNull();
        assertThat(entry.borrows()).isEqualTo(4);
        assertThat(entry.borrowsSinceReset()).isEqualTo(1);
    }

    @Test
    void anEntryIsDiscardedOnceFromAnyStateAndNeverLentAgain() {
        for (State from : EnumSet.complementOf(EnumSet.of(State.DISCARDED))) {
            PoolEntry entry = entryIn(from);
            entry.discard(from, DiscardReason.MAX_USES);
            assertThat(entry.state()).isEqualTo(State.DISCARDED);
            assertThat(entry.discardReason()).isEqualTo(DiscardReason.MAX_USES);
            assertThatIllegalStateException().isThrownBy(() -> entry.discard(State.DISCARDED, DiscardReason.CLOSED));
            assertThatIllegalStateException().isThrownBy(() -> entry.discard(from, DiscardReason.CLOSED));
            assertThatIllegalStateException().isThrownBy(() -> entry.lend(null, 0));
            assertThat(entry.discardReason()).as("the first reason stays").isEqualTo(DiscardReason.MAX_USES);
        }
    }

    @Test
    void theTableAllowsExactlyThePoolsMoves() {
        Map<State, EnumSet<State>> allowed = new EnumMap<>(State.class);
        allowed.put(State.IDLE, EnumSet.of(State.BORROWED, State.DISCARDED));
        allowed.put(State.BORROWED, EnumSet.of(State.PARKED, State.CLEANING, State.DISCARDED));
        allowed.put(State.PARKED, EnumSet.of(State.BORROWED, State.CLEANING, State.DISCARDED));
        allowed.put(State.CLEANING, EnumSet.of(State.IDLE, State.DISCARDED));
        allowed.put(State.DISCARDED, EnumSet.noneOf(State.class));
        for (State from : State.values()) {
            for (State to : State.values()) {
                assertThat(to.follows(from)).as("%s -> %s", from, to).isEqualTo(allowed.get(from).contains(to));
            }
        }
    }

    @Test
    void aMoveFromAStateTheEntryIsNotInFailsLoudlyAndChangesNothing() {
        PoolEntry idle = entry();
        assertIllegal(idle, idle::park, "from BORROWED to PARKED when it is IDLE");
        assertIllegal(idle, () -> idle.lendAgain(0), "from PARKED to BORROWED when it is IDLE");
        assertIllegal(idle, idle::cleaned, "from CLEANING to IDLE when it is IDLE");
        assertIllegal(idle, () -> idle.startCleaning(State.BORROWED), "from BORROWED to CLEANING when it is IDLE");

        PoolEntry borrowed = entryIn(State.BORROWED);
        assertIllegal(borrowed, () -> borrowed.lend("a", 0), "from IDLE to BORROWED when it is BORROWED");
        assertIllegal(borrowed, () -> borrowed.startCleaning(State.PARKED), "from PARKED to CLEANING");
        assertIllegal(borrowed, () -> borrowed.discard(State.IDLE, DiscardReason.CLOSED), "when it is BORROWED");

        PoolEntry cleaning = entryIn(State.CLEANING);
        assertIllegal(cleaning, () -> cleaning.lend(null, 0), "from IDLE to BORROWED when it is CLEANING");
        assertIllegal(cleaning, cleaning::park, "from BORROWED to PARKED when it is CLEANING");
    }

    @Test
    void aMoveTheTableForbidsFailsEvenFromTheStateTheEntryIsIn() {
        PoolEntry idle = entry();
        assertIllegal(idle, () -> idle.startCleaning(State.IDLE), "from IDLE to CLEANING when it is IDLE");
    }

    @Test
    void twoOwnersOfOneEntryAreCaught() {
        // two borrowers of a scope handed the same parked entry: only the first gets it
        PoolEntry entry = entryIn(State.PARKED);
        entry.lendAgain(1);
        assertIllegal(entry, () -> entry.lendAgain(2), "from PARKED to BORROWED when it is BORROWED");
        assertThat(entry.borrowedAt()).isEqualTo(1);
    }

    @Test
    void reasonsKeepTheTagsTheMetricsShow() {
        Map<DiscardReason, String> tags = new EnumMap<>(DiscardReason.class);
        Arrays.stream(DiscardReason.values()).forEach(reason -> tags.put(reason, reason.tag()));
        assertThat(tags).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(Map.entry(DiscardReason.TIMEOUT, "timeout"),
                Map.entry(DiscardReason.TERMINATED, "terminated"), Map.entry(DiscardReason.HEAP_LIMIT, "heap limit"),
                Map.entry(DiscardReason.EXTERNAL_MEMORY_LIMIT, "external memory limit"),
                Map.entry(DiscardReason.UNANSWERED_MEASUREMENT, "unanswered memory measurement"),
                Map.entry(DiscardReason.CLOSED, "closed"),
                Map.entry(DiscardReason.HOST_FUNCTIONS, "host functions bound"),
                Map.entry(DiscardReason.MAX_USES, "max-uses reached"),
                Map.entry(DiscardReason.TIMERS_NOT_CANCELLED, "timers could not be cancelled"),
                Map.entry(DiscardReason.RESET_FAILED, "reset failed"),
                Map.entry(DiscardReason.IDLE_EVICTED, "idle-timeout reached"),
                Map.entry(DiscardReason.POOL_CLOSED, "pool closed")));
        assertThat(EnumSet.allOf(DiscardReason.class)).filteredOn(DiscardReason::isFault)
            .containsExactlyInAnyOrder(DiscardReason.TIMEOUT, DiscardReason.TERMINATED, DiscardReason.HEAP_LIMIT,
                    DiscardReason.EXTERNAL_MEMORY_LIMIT, DiscardReason.UNANSWERED_MEASUREMENT);
    }

    @Test
    void theDamageIsWhatV8ToldOrThatTheRuntimeWasClosed() {
        PoolEntry healthy = entry();
        assertThat(healthy.damage()).isNull();

        PoolEntry timedOut = entry();
        assertThatThrownBy(() -> timedOut.isolate().eval("while (true) {}", Duration.ofMillis(20)))
            .isInstanceOf(JsTimeoutException.class);
        assertThat(timedOut.isolate().fault()).isEqualTo(Isolate.Fault.TIMEOUT);
        assertThat(timedOut.damage()).isEqualTo(DiscardReason.TIMEOUT);

        PoolEntry closed = entry();
        closed.isolate().close();
        assertThat(closed.damage()).isEqualTo(DiscardReason.CLOSED);
    }

    /** A new entry moved the pool's way to {@code state}. */
    private PoolEntry entryIn(State state) {
        PoolEntry entry = entry();
        switch (state) {
            case IDLE -> {
            }
            case BORROWED -> entry.lend(null, 0);
            case PARKED -> {
                entry.lend("a", 0);
                entry.park();
            }
            case CLEANING -> {
                entry.lend(null, 0);
                entry.startCleaning(State.BORROWED);
            }
            case DISCARDED -> entry.discard(State.IDLE, DiscardReason.POOL_CLOSED);
        }
        assertThat(entry.state()).isEqualTo(state);
        return entry;
    }

    private static void assertIllegal(PoolEntry entry, Runnable move, String message) {
        State before = entry.state();
        assertThatIllegalStateException().isThrownBy(move::run)
            .withMessageContaining(message)
            .withMessageContaining("a bug in jsrun's pool");
        assertThat(entry.state()).as("unchanged").isEqualTo(before);
    }

}
