package dev.jsrun.snapshot;

import dev.jsrun.JsRuntime;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.V8Setup;
import dev.jsrun.engine.V8Process;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/**
 * Run in a JVM of its own by {@link V8FlagsTest}: adds V8 flags before the first runtime,
 * then uses one.
 */
public final class AddedFlags {

    private AddedFlags() {
    }

    public static void main(String[] args) {
        V8Process.configure(V8Setup.builder().v8Flags(args[0]).build());
        try (UnpooledJsRuntimeFactory factory = new UnpooledJsRuntimeFactory(RuntimeConfig.builder().build());
                JsRuntime js = factory.create()) {
            System.out.println("result=" + js.eval("[1, 2, 3].map(x => x * 2).join()"));
        }
        System.out.println("flags=" + V8Process.flags());
    }

}
