package dev.jsrun.internal.snapshot;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.values.reference.V8ValueFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the regular expressions that live in a snapshot share their compiled code across
 * contexts.
 * <p>
 * V8 compiles a regular expression on its first use and keeps the code with that object.
 * Every context restored from a snapshot (a new runtime, or a pooled runtime after its
 * reset) gets its own copies of the snapshot's regular expressions, without code: a
 * library such as marked, which builds about seventy of them when it loads, would
 * recompile them all on every borrower's first call. Regular expressions created by
 * running code do not have this problem: V8 looks their pattern up in a per-isolate cache
 * first.
 * <p>
 * So before the heap is captured, a walk records the regular expressions reachable from
 * the global object in a hidden, configurable global; and in every fresh context
 * {@link #RELINK} takes that record away again and re-initialises each one with its own
 * pattern and flags ({@code RegExp.prototype.compile}), which goes through that cache.
 * The first context of an isolate compiles them once; every later one reuses the code.
 * Patterns, flags and {@code lastIndex} stay as they were.
 * <p>
 * The walk runs none of the scripts' code: it reads own data properties through property
 * descriptors and never calls a getter or setter, recognises maps and sets by V8's
 * internal brand rather than {@code instanceof}, skips proxies without touching a trap
 * (while the scripts run, {@code Proxy} records the proxies it creates), and uses only
 * built-ins it took before the first script. Regular expressions reachable only through
 * getters, proxies or closures are not shared and keep the old behaviour.
 */
public final class SharedRegExps implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(SharedRegExps.class);

    /**
     * The hidden global that carries the record from the snapshot to the first script of
     * each context.
     */
    public static final String GLOBAL = "__jsrun_regexps";

    /**
     * At most this many objects are visited when collecting, so a pathological object
     * graph cannot stall a build.
     */
    static final int MAX_VISITED = 500_000;

    /**
     * Evaluates to the function that prepares a snapshot runtime and returns the walk.
     */
    static final String PREPARE = GuestScripts.load(SharedRegExps.class, "shared-regexps.js");

    /**
     * Run first in every fresh context: removes the hidden global and points each
     * recorded regular expression at the isolate's compiled code for its pattern;
     * evaluates to how many it relinked.
     */
    public static final String RELINK = GuestScripts.load(SharedRegExps.class, "shared-regexps-relink.js") + "(this, '"
            + GLOBAL + "')";

    private V8ValueFunction walk;

    private SharedRegExps(V8ValueFunction walk) {
        this.walk = walk;
    }

    /**
     * Readies a snapshot runtime in which no script ran yet; {@link #collect()} after the
     * last script. An optimisation only: should this fail, the snapshot is built without
     * the record.
     */
    public static SharedRegExps prepare(V8Runtime runtime) {
        try (V8ValueFunction prepare = runtime.getExecutor(PREPARE)
            .setResourceName("jsrun:shared-regexps.js")
            .execute()) {
            return new SharedRegExps(prepare.call(null, GLOBAL, MAX_VISITED));
        }
        catch (JavetException | ClassCastException ex) {
            logger.debug("Could not prepare to record the snapshot's regular expressions: {}", ex.getMessage());
            return new SharedRegExps(null);
        }
    }

    /**
     * Puts back the original {@code Proxy} and records the regular expressions; returns
     * how many. Releases the walk, since V8 captures no heap while Java holds a reference
     * into it.
     */
    public int collect() {
        if (this.walk == null) {
            return 0;
        }
        try {
            return this.walk.callInteger(null);
        }
        catch (JavetException ex) {
            logger.debug("Could not record the snapshot's regular expressions: {}", ex.getMessage());
            return 0;
        }
        finally {
            close();
        }
    }

    @Override
    public void close() {
        if (this.walk != null) {
            try {
                this.walk.close();
            }
            catch (JavetException ex) {
                logger.debug("Could not release the regular expression walk: {}", ex.getMessage());
            }
            this.walk = null;
        }
    }

}
