package dev.jsrun.internal.snapshot;

import java.util.ArrayList;
import java.util.List;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.values.reference.V8ValueFunction;
import com.caoccao.javet.values.reference.V8ValueObject;

/**
 * Keeps {@code Intl} objects out of snapshots. An {@code Intl.NumberFormat},
 * {@code Intl.Collator} or any other object backed by ICU holds native memory that V8
 * cannot serialize: one still reachable when the heap is captured (a global, a closure's
 * variable, a library's cache) aborts the process. While the scripts run,
 * {@code intl-guard.js} notes each such object with a weak reference and the script that
 * made it; before the capture, after a full garbage collection, any that is still alive
 * fails the build with the script and the constructor named. Objects made and dropped
 * during the build, and Intl calls that keep nothing (such as {@code toLocaleString}),
 * are fine. A {@code FinalizationRegistry} that objects were registered with is noted the
 * same way, since V8 aborts the capture of one.
 */
public final class IntlObjects implements AutoCloseable {

    /** One Intl object alive at capture: what made it and in which script (or module). */
    public record Alive(String constructor, String script) {
    }

    /**
     * {@code intl-guard.js}: evaluates to the function that returns the guard.
     */
    public static final String GUARD = GuestScripts.load(IntlObjects.class, "intl-guard.js");

    private V8ValueObject guard;

    private IntlObjects(V8ValueObject guard) {
        this.guard = guard;
    }

    /**
     * Starts noting the Intl objects made in {@code runtime}, where no script ran yet; a
     * no-op without Intl.
     */
    public static IntlObjects watch(V8Runtime runtime) throws JavetException {
        try (V8ValueFunction prepare = runtime.getExecutor(GUARD).setResourceName("jsrun:intl-guard.js").execute()) {
            Object guard = prepare.call(null);
            return new IntlObjects(guard instanceof V8ValueObject object ? object : null);
        }
    }

    /** Attributes the Intl objects made from now on to the script {@code name}. */
    public void script(String name) throws JavetException {
        if (this.guard != null) {
            this.guard.invokeVoid("script", name);
        }
    }

    /**
     * Puts the original constructors back, collects garbage, and returns the Intl objects
     * still alive. Releases the guard, since V8 captures no heap while Java holds a
     * reference into it.
     */
    public List<Alive> alive(V8Runtime runtime) throws JavetException {
        if (this.guard == null) {
            return List.of();
        }
        try {
            this.guard.invokeVoid("restore");
            // weak references keep their targets until the end of the job that made them
            runtime.await();
            runtime.lowMemoryNotification();
            return aliveOf(this.guard.invokeString("alive"));
        }
        finally {
            close();
        }
    }

    /** The objects the guard's {@code alive()} reports, in the order it noted them. */
    public static List<Alive> aliveOf(String found) {
        List<Alive> alive = new ArrayList<>();
        if (!found.isEmpty()) {
            for (String entry : found.split("\u0001")) {
                int at = entry.indexOf('\u0000');
                alive.add(new Alive(entry.substring(0, at), entry.substring(at + 1)));
            }
        }
        return alive;
    }

    @Override
    public void close() throws JavetException {
        if (this.guard != null) {
            V8ValueObject held = this.guard;
            this.guard = null;
            held.close();
        }
    }

}
