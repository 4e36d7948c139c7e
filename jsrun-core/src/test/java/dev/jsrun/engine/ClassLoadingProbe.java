package dev.jsrun.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.caoccao.javet.interop.options.V8RuntimeOptions;

import dev.jsrun.JsRuntime;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.V8Setup;
import dev.jsrun.pool.PoolSettings;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/**
 * Run in a JVM of its own by {@link V8ProcessTest}: initializes jsrun's classes, the
 * internal ones that start V8 included, and builds configurations, then prints whether V8
 * shows any sign of having started; then creates one runtime and prints the same again.
 */
final class ClassLoadingProbe {

    private static final String[] CLASSES = { "dev.jsrun.RuntimeConfig", "dev.jsrun.V8Setup",
            "dev.jsrun.engine.V8Process", "dev.jsrun.pool.JsRuntimePool", "dev.jsrun.pool.PoolSettings",
            "dev.jsrun.snapshot.SnapshotBuilder", "dev.jsrun.snapshot.SnapshotCache",
            "dev.jsrun.internal.snapshot.V8Runtimes", "dev.jsrun.internal.platform.V8Startup",
            "dev.jsrun.internal.platform.NativeLibrary", "dev.jsrun.internal.runtime.Isolate" };

    private ClassLoadingProbe() {
    }

    public static void main(String[] args) throws Exception {
        for (String name : CLASSES) {
            Class.forName(name, true, ClassLoadingProbe.class.getClassLoader());
        }
        RuntimeConfig.defaults();
        PoolSettings.defaults();
        V8Setup setup = V8Setup.defaults();
        V8Process.v8Version();
        V8Process.javetVersion();
        V8Process.icuVersion();
        System.out.println("PROBE loaded " + signs(setup.nativeLibraryDirectory()));
        try (UnpooledJsRuntimeFactory factory = new UnpooledJsRuntimeFactory(RuntimeConfig.defaults());
                JsRuntime js = factory.create()) {
            js.eval("1");
        }
        System.out.println("PROBE started " + signs(setup.nativeLibraryDirectory()));
        System.out.println("ALIVE");
    }

    private static String signs(Path directory) throws IOException {
        String custom = V8RuntimeOptions.V8_FLAGS.getCustomFlags();
        return "sealed=" + V8RuntimeOptions.V8_FLAGS.isSealed() + " customFlags="
                + ((custom == null || custom.isBlank()) ? "none" : custom.replace(' ', ',')) + " libraryMapped="
                + Files.readString(Path.of("/proc/self/maps")).contains("libjavet") + " setup="
                + V8Process.setup().isPresent() + " directory=" + Files.exists(directory);
    }

}
