package dev.jsrun.internal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * V8's stack size follows the JVM's thread stack: what Java keeps comes off it, at least
 * half is left to V8, and V8's own default stays where it fits.
 */
class V8StackSizeTest {

    @Test
    void theThreadStackLessWhatJavaKeepsAtLeastHalfOfIt() {
        assertThat(V8Startup.stackSizeKb(1024)).isEqualTo(768);
        assertThat(V8Startup.stackSizeKb(1200)).isEqualTo(944);
        assertThat(V8Startup.stackSizeKb(512)).isEqualTo(256);
        assertThat(V8Startup.stackSizeKb(320)).isEqualTo(160);
    }

    @Test
    void v8KeepsItsOwnWhereItFitsOrTheSizeIsUnknown() {
        assertThat(V8Startup.stackSizeKb(V8Startup.V8_STACK_KB + V8Startup.JAVA_STACK_KB)).isZero();
        assertThat(V8Startup.stackSizeKb(8192)).isZero();
        assertThat(V8Startup.stackSizeKb(0)).isZero();
    }

    @Test
    void theJvmSaysHowLargeItsThreadsAre() {
        // surefire's JVM runs with the default thread stack of this platform
        assertThat(V8Startup.threadStackKb()).isGreaterThan(0);
    }

}
