/**
 * jsrun's core: V8 runtimes restored from startup snapshots, pooled. The exported packages are the API;
 * {@code dev.jsrun.internal.*} is not, and may change in any release. On the class path, where Spring Boot
 * applications run it, the jar works the same.
 */
module dev.jsrun.core {

    requires com.caoccao.javet;
    requires org.apache.commons.pool2;
    requires org.slf4j;
    requires static tools.jackson.databind;
    // the JVM's thread stack size, which V8's stack limit must fit; without the module
    // V8 keeps its own
    requires static jdk.management;

    exports dev.jsrun;
    exports dev.jsrun.engine;
    exports dev.jsrun.modules;
    exports dev.jsrun.pool;
    exports dev.jsrun.snapshot;

}
