package dev.jsrun.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * A recursion with no end, in JavaScript or inside V8's parsers and built-ins, is a
 * RangeError on every thread of the JVM's default stack size, and the JVM lives, with the
 * default thread stack and when {@code -Xss} gives threads less:
 * {@link DeepRecursionProbe} in JVMs of their own.
 */
class DeepRecursionTest {

    @Test
    void onThreadsOfTheUsualStackV8IsToldWhatJavaLeaves() throws Exception {
        assertRangeErrors(ForkedJvm.run(DeepRecursionProbe.class, List.of()), "768");
    }

    @Test
    void onSmallerThreadStacksV8IsToldHalfOfThem() throws Exception {
        assertRangeErrors(ForkedJvm.run(DeepRecursionProbe.class, List.of("-Xss512k")), "256");
    }

    @Test
    void onMuchSmallerThreadStacksToo() throws Exception {
        assertRangeErrors(ForkedJvm.run(DeepRecursionProbe.class, List.of("-Xss320k")), "160");
    }

    private static void assertRangeErrors(ForkedJvm.Output output, String stackSize) {
        List<String> cases = new ArrayList<>(
                List.of("mainThread", "thread0", "thread" + DeepRecursionProbe.JAVA_FRAMES));
        cases.addAll(DeepRecursionProbe.NATIVE.keySet());
        for (String name : cases) {
            Map<String, String> probe = output.probe(name);
            assertThat(probe.get("error")).as("%s: %s", name, probe).isEqualTo("JsException");
            assertThat(probe.get("message")).as(name).contains("RangeError:_Maximum_call_stack_size_exceeded");
            assertThat(probe.get("next")).as("the next borrower after %s", name).isEqualTo("42");
        }
        assertThat(output.probe("flags").get("stackSize")).isEqualTo(stackSize);
    }

}
