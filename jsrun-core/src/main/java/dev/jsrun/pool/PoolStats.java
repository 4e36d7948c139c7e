package dev.jsrun.pool;

/**
 * A moment's view of a {@link JsRuntimePool}.
 *
 * @param name the pool's name
 * @param active runtimes borrowed by callers
 * @param idle runtimes clean and ready to hand out
 * @param pending callers waiting for a runtime
 * @param cleaning returned runtimes being reset to the snapshot state
 * @param max the most runtimes the pool may hold
 * @param min the idle runtimes the pool keeps ready
 * @param heapUsed V8 heap in use summed over the pool's runtimes, in bytes
 * @param heapLimit V8 heap limits summed over the pool's runtimes, in bytes
 * @param externalMemory memory outside the V8 heap (array buffers, WebAssembly memories)
 * summed over the pool's runtimes as of their last restore or reset, in bytes
 * @param externalMemoryLimit external memory limits summed over the pool's runtimes, in
 * bytes
 */
public record PoolStats(String name, int active, int idle, int pending, int cleaning, int max, int min, long heapUsed,
        long heapLimit, long externalMemory, long externalMemoryLimit) {

    @Override
    public String toString() {
        return "pool '" + this.name + "': active=" + this.active + ", idle=" + this.idle + ", pending=" + this.pending
                + ", cleaning=" + this.cleaning + ", max=" + this.max;
    }

}
