package dev.jsrun.hostile;

import dev.jsrun.JsRuntime;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.internal.platform.V8Startup;
import dev.jsrun.pool.JsRuntimePool;
import dev.jsrun.pool.PoolSettings;

/**
 * A recursion with no end, evaluated on the main thread and on threads of the JVM's
 * default stack size (deep in Java frames or not), in a JVM of its own whose {@code -Xss}
 * the test chooses. Prints per case what the caller got and whether the next borrower
 * could still evaluate, then the {@code --stack-size} V8 runs with; see
 * {@link DeepRecursionTest}.
 */
public final class DeepRecursionProbe {

    static final String RECURSION = "(function f(n) { return n === 0 ? 0 : f(n - 1) + 1; })(1e7)";

    /**
     * Java frames between the thread's start and the evaluation, as a web request has.
     */
    static final int JAVA_FRAMES = 400;

    private DeepRecursionProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (JsRuntimePool pool = new JsRuntimePool(RuntimeConfig.builder().build(),
                PoolSettings.builder().maxSize(1).minIdle(1).build())) {
            report("mainThread", pool);
            for (int frames : new int[] { 0, JAVA_FRAMES }) {
                Thread thread = new Thread(() -> nested(frames, () -> report("thread" + frames, pool)));
                thread.start();
                thread.join();
            }
        }
        String flag = "none";
        for (String part : V8Startup.flags().split("\\s+")) {
            if (part.startsWith("--stack-size=")) {
                flag = part.substring("--stack-size=".length());
            }
        }
        System.out.println("PROBE flags stackSize=" + flag);
        System.out.println("ALIVE");
    }

    private static void nested(int frames, Runnable task) {
        if (frames == 0) {
            task.run();
            return;
        }
        nested(frames - 1, task);
    }

    private static void report(String name, JsRuntimePool pool) {
        String error;
        String message;
        try (JsRuntime js = pool.acquire()) {
            js.eval(RECURSION);
            error = "none";
            message = "";
        }
        catch (RuntimeException ex) {
            error = ex.getClass().getSimpleName();
            message = String.valueOf(ex.getMessage()).replaceAll("\\s+", "_");
        }
        Object next;
        try (JsRuntime js = pool.acquire()) {
            next = js.eval("6 * 7");
        }
        System.out.println("PROBE " + name + " error=" + error + " message=" + message + " next=" + next);
    }

}
