package dev.jsrun.pool;

import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.function.Consumer;

import dev.jsrun.internal.runtime.Isolate;

/**
 * One runtime of a {@link JsRuntimePool} and where it is in its life. Every change of
 * state goes through {@link #moveTo}, which refuses a move {@link State#follows} does not
 * allow, or one from a state the entry is no longer in: two threads that both believe
 * they own a runtime are a bug in the pool, and fail loudly.
 * <p>
 * The counts and the scope are written only by the thread the last move gave the entry to
 * (its borrower, its cleaner), right after that move, so they need no synchronisation of
 * their own.
 */
final class PoolEntry {

    /** Where an entry is. A new entry starts {@link #IDLE}. */
    enum State {

        /** Clean, in the pool's idle queue or being handed out from it. */
        IDLE,

        /** Lent to a borrower that has not closed its handle yet. */
        BORROWED,

        /**
         * Given back by a borrower of a scope, and kept unreset for that scope's next
         * borrower.
         */
        PARKED,

        /** With a cleaner thread, which resets it and runs the pool's warm-up script. */
        CLEANING,

        /** Disposed of, or about to be: never lent again. */
        DISCARDED;

        /**
         * Whether an entry may move to this state from {@code previous}: the one table of
         * the pool's moves.
         */
        boolean follows(State previous) {
            return switch (this) {
                case IDLE -> previous == CLEANING;
                case BORROWED -> previous == IDLE || previous == PARKED;
                case PARKED -> previous == BORROWED;
                case CLEANING -> previous == BORROWED || previous == PARKED;
                case DISCARDED -> previous != DISCARDED;
            };
        }

    }

    private static final AtomicReferenceFieldUpdater<PoolEntry, State> STATE = AtomicReferenceFieldUpdater
        .newUpdater(PoolEntry.class, State.class, "state");

    private final Isolate isolate;

    /**
     * What every handle on this runtime calls when closed: made once, so a borrow
     * allocates only the handle.
     */
    private final Consumer<Isolate> release;

    /** The cleaner's task for this runtime, made once for the same reason. */
    private final Runnable cleaning;

    private volatile State state = State.IDLE;

    private int borrows;

    private int borrowsSinceReset;

    private String scope;

    private long borrowedAt;

    private DiscardReason discardReason;

    /**
     * An entry for a freshly restored {@code isolate}; the pool's {@code giveBack} runs
     * when a borrower closes its handle, {@code clean} on a cleaner thread.
     */
    PoolEntry(Isolate isolate, Consumer<PoolEntry> giveBack, Consumer<PoolEntry> clean) {
        this.isolate = isolate;
        this.release = returned -> giveBack.accept(this);
        this.cleaning = () -> clean.accept(this);
    }

    Isolate isolate() {
        return this.isolate;
    }

    State state() {
        return this.state;
    }

    /**
     * Lends the clean runtime to a plain borrower ({@code scope} null) or to a scope's
     * first borrower.
     */
    void lend(String scope, long now) {
        moveTo(State.IDLE, State.BORROWED);
        this.borrows++;
        this.borrowsSinceReset = 1;
        this.scope = scope;
        this.borrowedAt = now;
    }

    /** Lends the parked runtime again, unreset, to the next borrower of its scope. */
    void lendAgain(long now) {
        moveTo(State.PARKED, State.BORROWED);
        this.borrows++;
        this.borrowsSinceReset++;
        this.borrowedAt = now;
    }

    /** Keeps the returned runtime for its scope. */
    void park() {
        moveTo(State.BORROWED, State.PARKED);
    }

    /**
     * Hands the runtime, returned ({@code from} borrowed) or taken from its scope
     * (parked), to a cleaner.
     */
    void startCleaning(State from) {
        moveTo(from, State.CLEANING);
    }

    /** The cleaner reset the runtime: it is clean and goes back to the idle queue. */
    void cleaned() {
        moveTo(State.CLEANING, State.IDLE);
        this.borrowsSinceReset = 0;
    }

    /**
     * The runtime, {@code from} the state its caller took it in, is disposed of for
     * {@code reason}.
     */
    void discard(State from, DiscardReason reason) {
        moveTo(from, State.DISCARDED);
        this.discardReason = reason;
    }

    /**
     * Why the runtime can serve nobody again, whatever the pool's settings, or
     * {@code null}: V8 stopped it, or it was closed.
     */
    DiscardReason damage() {
        Isolate.Fault fault = this.isolate.fault();
        if (fault != null) {
            return switch (fault) {
                case TIMEOUT -> DiscardReason.TIMEOUT;
                case TERMINATED -> DiscardReason.TERMINATED;
                case HEAP_LIMIT -> DiscardReason.HEAP_LIMIT;
                case EXTERNAL_MEMORY_LIMIT -> DiscardReason.EXTERNAL_MEMORY_LIMIT;
                case UNANSWERED_MEASUREMENT -> DiscardReason.UNANSWERED_MEASUREMENT;
            };
        }
        return this.isolate.isClosed() ? DiscardReason.CLOSED : null;
    }

    /**
     * Borrowers served since the runtime was restored, each borrow of a scope counted.
     */
    int borrows() {
        return this.borrows;
    }

    /**
     * Borrowers served since the runtime was last restored or reset: more than one only
     * in a scope.
     */
    int borrowsSinceReset() {
        return this.borrowsSinceReset;
    }

    /**
     * The scope the runtime serves or last served, or {@code null} when that was a plain
     * borrower.
     */
    String scope() {
        return this.scope;
    }

    /** When the current borrower got the runtime, in {@link System#nanoTime()}. */
    long borrowedAt() {
        return this.borrowedAt;
    }

    /** Why the runtime was discarded, or {@code null} while it is not. */
    DiscardReason discardReason() {
        return this.discardReason;
    }

    Consumer<Isolate> release() {
        return this.release;
    }

    Runnable cleaning() {
        return this.cleaning;
    }

    private void moveTo(State from, State to) {
        if (!to.follows(from) || !STATE.compareAndSet(this, from, to)) {
            throw new IllegalStateException("A pool entry cannot move from " + from + " to " + to + " when it is "
                    + this.state + " (a bug in jsrun's pool; please report it)");
        }
    }

    @Override
    public String toString() {
        return "PoolEntry[" + this.state + ", borrows=" + this.borrows
                + ((this.scope != null) ? ", scope=" + this.scope : "")
                + ((this.discardReason != null) ? ", discarded: " + this.discardReason.tag() : "") + "]";
    }

}
