package dev.jsrun.hostile;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.jsrun.JsRuntime;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.internal.platform.V8Startup;
import dev.jsrun.pool.JsRuntimePool;
import dev.jsrun.pool.PoolSettings;

/**
 * A recursion with no end, evaluated on the main thread and on threads of the JVM's
 * default stack size (deep in Java frames or not), and recursions inside V8's parsers and
 * built-ins, in a JVM of its own whose {@code -Xss} the test chooses. Prints per case
 * what the caller got and whether the next borrower could still evaluate, then the
 * {@code --stack-size} V8 runs with; see {@link DeepRecursionTest}.
 */
public final class DeepRecursionProbe {

    static final String RECURSION = "(function f(n) { return n === 0 ? 0 : f(n - 1) + 1; })(1e7)";

    /**
     * Java frames between the thread's start and the evaluation, as a web request has.
     */
    static final int JAVA_FRAMES = 400;

    /**
     * Recursions inside V8's own C++ and built-ins, each run on a thread
     * {@link #JAVA_FRAMES} deep: by name, the code.
     */
    static final Map<String, String> NATIVE = new LinkedHashMap<>();

    static {
        NATIVE.put("parser", "(0, eval)('['.repeat(1e5) + ']'.repeat(1e5))");
        NATIVE.put("functionParser", "Function('return ' + '('.repeat(1e5) + '1' + ')'.repeat(1e5))()");
        NATIVE.put("arrayToString",
                "(() => { let a = []; for (let i = 0; i < 1e6; i++) a = [a]; return String(a).length; })()");
        NATIVE.put("arrayFlat",
                "(() => { let a = []; for (let i = 0; i < 1e6; i++) a = [a]; return a.flat(Infinity).length; })()");
        NATIVE.put("proxyChain", "(() => { let p = {}; for (let i = 0; i < 1e5; i++) p = new Proxy(p, {});"
                + " return Object.getPrototypeOf(p); })()");
    }

    private DeepRecursionProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (JsRuntimePool pool = new JsRuntimePool(RuntimeConfig.builder().build(),
                PoolSettings.builder().maxSize(1).minIdle(1).build())) {
            report("mainThread", pool, RECURSION);
            for (int frames : new int[] { 0, JAVA_FRAMES }) {
                run(() -> nested(frames, () -> report("thread" + frames, pool, RECURSION)));
            }
            run(() -> nested(JAVA_FRAMES, () -> NATIVE.forEach((name, code) -> report(name, pool, code))));
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

    /** Runs the task on a new thread of the JVM's default stack size. */
    private static void run(Runnable task) throws InterruptedException {
        Thread thread = new Thread(task);
        thread.start();
        thread.join();
    }

    private static void nested(int frames, Runnable task) {
        if (frames == 0) {
            task.run();
            return;
        }
        nested(frames - 1, task);
    }

    private static void report(String name, JsRuntimePool pool, String code) {
        String error;
        String message;
        try (JsRuntime js = pool.acquire()) {
            js.eval(code);
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
