package dev.jsrun.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Memory outside the V8 heap is limited per runtime, and no single allocation gets past
 * the heap limit: the probes of {@link MemoryProbes}, run in a JVM of their own, which
 * must stay alive through all of them.
 */
class MemoryLimitsTest {

    private static ForkedJvm.Output output;

    @BeforeAll
    static void runProbes() throws Exception {
        output = ForkedJvm.run(MemoryProbes.class, List.of());
    }

    @Test
    void everyCaseLeavesThePoolServingTheSnapshotState() {
        for (String name : MemoryProbes.CASES.keySet()) {
            assertThat(output.probe(name).get("next")).as("next borrower after %s", name).isEqualTo("true");
        }
    }

    @Test
    void buffersPastTheExternalLimitEndTheEvaluationWithinItsTimeout() {
        for (String name : List.of("buffersHeld", "buffersFilled", "buffersHeldSlowly", "typedArraysCopied",
                "oneHugeBuffer", "oneHugeTypedArray", "subclassedBuffer", "resizableBufferGrown", "bufferTransferred",
                "wasmMemoryGrown", "wasmMemoryInitial", "lengthAsString", "lengthAsObject", "arrayLikeSource",
                "manyShortEvaluations")) {
            Map<String, String> probe = output.probe(name);
            assertThat(probe.get("exception")).as("%s: %s", name, probe).isEqualTo("JsExternalMemoryLimitException");
            assertThat(probe.get("reason")).as(name).isEqualTo("EXTERNAL_MEMORY_LIMIT");
            assertThat(probe.get("message")).as(name)
                .contains("external_memory_limit_of_256_MB")
                .contains("RuntimeConfig.Builder.maxExternalMemory")
                .doesNotContain("jsrun.");
            assertThat(Long.parseLong(probe.get("ms"))).as("%s took (ms), timeout %s", name, MemoryProbes.TIMEOUT)
                .isLessThan(MemoryProbes.TIMEOUT.toMillis());
        }
        assertThat(output.probe("oneHugeBuffer").get("message")).contains("new_ArrayBuffer_of_3000000000_bytes");
    }

    @Test
    void residentMemoryStaysNearTheExternalLimit() {
        // 3 GB asked for in several ways against a 256 MB limit; the process started at
        // well under 200 MB
        for (String name : List.of("buffersHeld", "buffersFilled", "buffersHeldSlowly", "typedArraysCopied",
                "wasmMemoryGrown")) {
            assertThat(Long.parseLong(output.probe(name).get("peakRssMb"))).as("peak RSS (MB) after %s", name)
                .isLessThan(700);
        }
    }

    @Test
    void webAssemblyMemoryGrownFromCompiledCodeStopsAtTheLimit() {
        // memory.grow answers -1 past the cap V8 was given; 4001 pages of 64 KiB stay
        // within 256 MB
        assertThat(output.probe("wasmGrownFromCode").get("value")).isEqualTo("[-1,1,262209536]");
    }

    @Test
    void buffersWithinTheLimitWorkAsBefore() {
        assertThat(output.probe("temporaryBuffers").get("value")).isEqualTo("1000000000");
        assertThat(output.probe("bufferWithinLimit").get("value")).isEqualTo("100000003");
        // the length is converted once, as V8 alone would
        assertThat(output.probe("lengthConvertedOnce").get("value")).isEqualTo("9");
    }

    @Test
    void aRefusalTheScriptCatchesIsAnOrdinaryRangeError() {
        // as when V8 itself cannot allocate: code that retries with less keeps working
        assertThat(output.probe("refusalCaught").get("value")).isEqualTo("true");
    }

    @Test
    void checkedConstructorsAndMethodsBehaveAsV8s() {
        // the same expression in Node 20 gives this line
        assertThat(output.probe("constructorsAsBefore").get("value"))
            .isEqualTo("true,true,true,true,Uint8Array,3,true,2,4,true,true,a|b,3,3,function,2");
    }

    @Test
    void singleAllocationsPastTheHeapLimitEndWithTheHeapLimitException() {
        for (String name : List.of("doubleArray2pow26", "upperCaseOfLongString", "lowerCaseOfTwoByteString",
                "stringifyLongString")) {
            Map<String, String> probe = output.probe(name);
            assertThat(probe.get("exception")).as("%s: %s", name, probe).isEqualTo("JsHeapLimitException");
            assertThat(probe.get("reason")).as(name).isEqualTo("HEAP_LIMIT");
            assertThat(probe.get("message")).as(name).contains("V8_heap_limit_of").doesNotContain("jsrun.");
        }
    }

    @Test
    void arraysLongerThanV8CanHoldAreRangeErrorsOrTheHeapLimit() {
        for (String name : List.of("splitIntoCharacters", "splitOnSeparator", "globalMatch", "jsonParseOfLongArray")) {
            Map<String, String> probe = output.probe(name);
            assertThat(probe.get("exception")).as("%s: %s", name, probe).isIn("JsHeapLimitException", "JsException");
            if ("JsException".equals(probe.get("exception"))) {
                assertThat(probe.get("name")).as(name).isEqualTo("RangeError");
            }
        }
        assertThat(output.probe("splitIntoCharacters").get("message")).contains("Invalid_array_length");
    }

    @Test
    void copiesOfHugeArrayLikesRunInterruptiblyUntilATimeoutOrTheHeapLimit() {
        // V8's own methods size one store by the receiver's length and abort the process
        // past 2 ** 27 elements
        for (String name : List.of("toSortedOfHugeArrayLike", "toReversedOfHugeArrayLike", "withOfHugeArrayLike",
                "sortOfHugeArrayLike", "toSplicedOfHugeArrayLike")) {
            Map<String, String> probe = output.probe(name);
            assertThat(probe.get("exception")).as("%s: %s", name, probe)
                .isIn("JsHeapLimitException", "JsTimeoutException");
            assertThat(Long.parseLong(probe.get("ms"))).as("%s: %s", name, probe)
                .isLessThan(MemoryProbes.COPY_TIMEOUT.toMillis() + 1000);
            assertThat(probe.get("next")).as(name).isEqualTo("true");
        }
    }

}
