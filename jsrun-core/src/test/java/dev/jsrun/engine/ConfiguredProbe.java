package dev.jsrun.engine;

import java.nio.file.Path;

import com.caoccao.javet.interop.options.V8RuntimeOptions;

import dev.jsrun.JsRuntime;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.V8Setup;
import dev.jsrun.pool.JsRuntimePool;
import dev.jsrun.pool.PoolSettings;

/**
 * Run in a JVM of its own by {@link V8ProcessTest}: configures V8, uses it, then asks for
 * the same setup and for two others, printing {@code PROBE} lines.
 */
final class ConfiguredProbe {

    private ConfiguredProbe() {
    }

    public static void main(String[] args) {
        V8Setup setup = V8Setup.builder()
            .v8Flags("--stack-size=900")
            .maxHeapSize(64L << 20)
            .nativeLibraryDirectory(Path.of(args[0]))
            .build();
        System.out.println("PROBE before setup=" + V8Process.setup().isPresent() + " sealed="
                + V8RuntimeOptions.V8_FLAGS.isSealed());
        V8Process.configure(setup);
        long heapLimit;
        try (JsRuntimePool pool = new JsRuntimePool(RuntimeConfig.defaults(),
                PoolSettings.builder().minIdle(0).maxSize(1).build()); JsRuntime js = pool.acquire()) {
            js.eval("1");
            heapLimit = pool.stats().heapLimit();
        }
        System.out.println("PROBE configured setup=" + V8Process.setup().filter(setup::equals).isPresent() + " sealed="
                + V8RuntimeOptions.V8_FLAGS.isSealed() + " heapLimit=" + heapLimit + " flags="
                + V8Process.flags().replace(' ', ','));
        System.out.println("PROBE again refused=" + refusal(setup.toBuilder().build()));
        System.out.println("PROBE other " + refusal(setup.toBuilder().maxHeapSize(128L << 20).build()));
        System.out.println("PROBE directory "
                + refusal(setup.toBuilder().nativeLibraryDirectory(Path.of(args[0], "other")).build()));
        System.out.println("ALIVE");
    }

    private static String refusal(V8Setup setup) {
        try {
            V8Process.configure(setup);
            return "none";
        }
        catch (V8AlreadyStartedException ex) {
            return "setting=" + ex.getSetting() + " requested=" + ex.getRequested() + " inForce=" + ex.getInForce();
        }
    }

}
