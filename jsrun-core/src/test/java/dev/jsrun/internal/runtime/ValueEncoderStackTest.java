package dev.jsrun.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.jsrun.JsConversionException;

/**
 * Arguments nested up to the limit are written whatever the caller's stack: one that runs
 * out first hands the writing to a thread with a deep stack. V8 is not involved, so that
 * no script runs on the small stack.
 */
class ValueEncoderStackTest {

    @Test
    void theLimitOfNestingDecidesNotTheCallersStack() throws Exception {
        Object deep = "bottom";
        for (int i = 0; i < ValueEncoder.MAX_DEPTH - 1; i++) {
            deep = List.of(deep);
        }
        Object limit = List.of(deep);
        Object tooDeep = List.of(limit);
        Object[] answers = new Object[2];
        ArgumentChannel channel = new ArgumentChannel();
        // 1,000 levels take three frames each: far more than 64 KB holds
        Thread small = new Thread(null, () -> {
            try {
                ValueEncoder.encodeArguments("f", new Object[] { limit }, channel, 1 << 20, null);
                answers[0] = "written";
            }
            catch (RuntimeException | StackOverflowError ex) {
                answers[0] = ex;
            }
            try {
                ValueEncoder.encodeArguments("f", new Object[] { tooDeep }, channel, 1 << 20, null);
            }
            catch (JsConversionException ex) {
                answers[1] = ex.getMessage();
            }
        }, "small stack", 64 * 1024);
        small.start();
        small.join();
        assertThat(answers[0]).isEqualTo("written");
        assertThat((String) answers[1]).contains("nested deeper than 1000 levels");
    }

    @Test
    void withoutTheDeepStackTheSmallOneRunsOut() throws Exception {
        // the test above means something only if 1,000 levels overflow the small stack
        Object deep = "bottom";
        for (int i = 0; i < ValueEncoder.MAX_DEPTH; i++) {
            deep = List.of(deep);
        }
        Object limit = deep;
        String[] message = new String[1];
        Thread small = new Thread(null, () -> {
            try {
                ValueEncoder.encode("f", new Object[] { limit }, new ArgumentChannel(), 1 << 20, null, true);
            }
            catch (JsConversionException ex) {
                message[0] = ex.getMessage();
            }
        }, "small stack", 64 * 1024);
        small.start();
        small.join();
        assertThat(message[0]).contains("nested deeper than a stack of");
    }

}
