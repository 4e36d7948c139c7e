package dev.jsrun.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Values and errors that cross into Java, and scripts that tamper with jsrun's own
 * globals, as an attacker would send them: the JVM lives (the probe runs in a JVM of its
 * own), every caller gets the exception that names the problem within its 1 s timeout,
 * and the next borrower finds the snapshot's state.
 */
class HostileValuesTest {

    /**
     * A timeout fires after 1 s; this much more covers a loaded machine, not a missed
     * termination.
     */
    private static final long TIMEOUT_BOUND_MS = 1_000 + 400;

    private static ForkedJvm.Output output;

    @BeforeAll
    static void runProbes() throws Exception {
        output = ForkedJvm.run(ValueProbes.class, List.of());
    }

    @Test
    void everyCaseLeavesThePoolServingTheSnapshotState() {
        for (String name : ValueProbes.CASES.keySet()) {
            Map<String, String> probe = output.probe(name);
            assertThat(probe.get("next")).as("%s: the next borrower's check, %s", name, probe).isEqualTo("true");
            long bound = ValueProbes.READ_IN_FULL.contains(name) ? ValueProbes.READ_IN_FULL_TIMEOUT.toMillis() + 400
                    : TIMEOUT_BOUND_MS;
            assertThat(Long.parseLong(probe.get("ms"))).as("%s took, in ms: %s", name, probe).isLessThan(bound);
        }
    }

    @Test
    void valuesThatV8OrJavetWouldAbortOnAreConversionErrors() {
        conversion("revokedProxy", "revoked");
        conversion("revokedProxyInside", "$.a[1]");
        conversion("ownKeysThrows", "Error:_k");
        conversion("getTrapThrows", "RangeError:_g");
        conversion("getOwnPropertyDescriptorThrows", "threw_1");
        conversion("toStringTagTrapThrows", "threw_2");
    }

    @Test
    void resultsAreBoundedBeforeTheyLeaveV8() {
        conversion("holeyMaxLength", "4294967295_items");
        conversion("lengthSetToMax", "2147483647_items");
        conversion("tenGigabytesOfStrings", "$[1]");
        conversion("hugeString", "268435456_characters");
        conversion("deepNesting", "deeper_than_1000_levels");
        conversion("hugeTypedArray", "result_size_limit");
        conversion("hugeBytes", "67108864_bytes");
        assertThat(output.probe("mapGrowingWhileRead").get("value")).startsWith("{0=0,o={x=1}");
        // encoding ten million items, or building 3 million keys, may outlast the timeout
        // on a busy machine; either
        // way the caller is told within it
        assertThat(output.probe("tenMillionItems").get("exception")).isIn("JsTimeoutException",
                "JsConversionException");
        assertThat(output.probe("manyKeys").get("exception")).isIn("JsTimeoutException", "JsConversionException");
        assertThat(output.probe("hugeMap").get("exception")).isIn("JsTimeoutException", "JsConversionException");
        assertThat(output.probe("hugeSet").get("exception")).isIn("JsTimeoutException", "JsConversionException");
        // each Map is within the limit, all twenty are not
        assertThat(output.probe("mapsOverTheLimitTogether").get("message")).contains("result_size_limit");
    }

    @Test
    void readingAnErrorRunsNoUserCodeOutsideTheTimeout() {
        for (String name : List.of("prepareStackTraceThrows", "prepareStackTraceLoops",
                "prepareStackTraceReturnsProxy")) {
            Map<String, String> probe = output.probe(name);
            assertThat(probe.get("exception")).as(name).isEqualTo("JsException");
            assertThat(probe.get("message")).as(name).startsWith("TypeError:_Cannot_read_properties_of_null");
        }
        assertThat(output.probe("prepareStackTraceDefinedNonConfigurable").get("message"))
            .contains("prepareStackTrace");
        assertThat(output.probe("throwRevokedProxy").get("exception")).isEqualTo("JsException");
        assertThat(output.probe("throwProxyWithTraps").get("exception")).isEqualTo("JsException");
        timeout("throwLoopingToString");
        timeout("throwErrorWithLoopingStack");
        assertThat(output.probe("throwErrorWithThrowingName").get("message")).startsWith("Error:_n");
        assertThat(output.probe("throwHugeArray").get("message")).startsWith("Error:_1,1,1");
        // reading them as text joins 2 ** 30 indices (within the timeout) or 2 ** 32 - 1
        // (too long a string: RangeError)
        timeout("throwHugeArrayLike");
        assertThat(output.probe("throwSparseArray").get("exception")).isEqualTo("JsException");
        assertThat(output.probe("throwHugeMessage").get("exception")).isEqualTo("JsException");
        assertThat(output.probe("syntaxErrorWithHostileErrorPrototype").get("message"))
            .startsWith("Error:_Unexpected_token");
        assertThat(output.probe("nestedSyntaxErrorDoesNotParse").get("message"))
            .isEqualTo("SyntaxError:_Unexpected_token_';'_(at_<eval>:1:7)");
    }

    @Test
    void gettersThatNeverReturnEndAtTheTimeout() {
        timeout("loopingGetter");
        timeout("loopingGetterDeep");
        timeout("resolveWithLoopingGetter");
        timeout("thenableThatLoops");
        timeout("importWithLoopingSpecifier");
        timeout("hostFunctionWithLoopingGetter");
    }

    @Test
    void jsrunsOwnStateCannotBeReplacedByScripts() {
        assertThat(output.probe("replacedBuiltins").get("value"))
            .startsWith("{list=[1,2],map={k=[1]},when=1970-01-01T00:00:00Z," + "bytes=[D");
        assertThat(output.probe("replacedPromise").get("value")).isEqualTo("42");
        assertThat(output.probe("fakeModuleStats").get("value")).isEqualTo("1");
        timeout("replacedImportAndConsole");
    }

    @Test
    void promisesAndHostFunctionsGetTheSameProtection() {
        assertThat(output.probe("rejectWithRevokedProxy").get("exception")).isEqualTo("JsException");
        assertThat(output.probe("resolveWithRevokedProxy").get("message")).contains("revoked");
        assertThat(output.probe("rejectLater").get("exception")).isEqualTo("JsException");
        assertThat(output.probe("hostFunctionWithRevokedProxy").get("message"))
            .contains("echo():_its_arguments_cannot_reach_Java")
            .contains("revoked");
        assertThat(output.probe("hostFunctionWithCycle").get("message"))
            .contains("$[0].o:_it_has_a_circular_reference");
        assertThat(output.probe("hostFunctionWithValues").get("value")).isEqualTo("list1:[[1,a,{b=true}]]");
    }

    private static void conversion(String name, String mentions) {
        Map<String, String> probe = output.probe(name);
        assertThat(probe.get("exception")).as("%s: %s", name, probe).isEqualTo("JsConversionException");
        assertThat(probe.get("message")).as(name).contains(mentions);
    }

    private static void timeout(String name) {
        Map<String, String> probe = output.probe(name);
        assertThat(probe.get("exception")).as("%s: %s", name, probe).isEqualTo("JsTimeoutException");
    }

}
