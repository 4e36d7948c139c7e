package dev.jsrun.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What string and regular expression code costs through jsrun's guards: one {@code eval}
 * runs 1,000 calls of one operation on a 1 KB text, or one call on a 1 MB text
 * ({@code long*}, longer than the guards hand to V8's own regular expression loops) or on
 * a 4 MB one ({@code huge*}, longer than they hand to V8's split by a string).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class StringBuiltinsBenchmark extends SnapshotEvalBenchmark {

    private static final String SETUP = "globalThis.text = 'The <b>quick</b> brown & fox jumps over the lazy dog.\\n'.repeat(19);"
            + " globalThis.longText = text.repeat(1024); globalThis.hugeText = longText.repeat(4);"
            + " globalThis.entities = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };"
            + " globalThis.repeat = (n, f) => { let r; for (let i = 0; i < n; i++) { r = f(i); } return r; };";

    @Param({ "replace", "replaceFunction", "match", "splitRegExp", "splitString", "longReplace", "longReplaceFunction",
            "longMatch", "longSplitRegExp", "hugeSplitString" })
    public String operation;

    @Override
    protected String setupScript() {
        return SETUP;
    }

    @Override
    protected String code() {
        return switch (this.operation) {
            case "replace" -> "repeat(1000, i => text.replace(/o/g, '0')).length";
            case "replaceFunction" -> "repeat(1000, i => text.replace(/[<>&]/g, c => entities[c])).length";
            case "match" -> "repeat(1000, i => text.match(/\\w+/g)).length";
            case "splitRegExp" -> "repeat(1000, i => text.split(/\\s+/)).length";
            case "splitString" -> "repeat(1000, i => text.split(' ')).length";
            case "longReplace" -> "longText.replace(/o/g, '0').length";
            case "longReplaceFunction" -> "longText.replace(/[<>&]/g, c => entities[c]).length";
            case "longMatch" -> "longText.match(/\\w+/g).length";
            case "longSplitRegExp" -> "longText.split(/\\s+/).length";
            case "hugeSplitString" -> "hugeText.split(' ').length";
            default -> throw new IllegalArgumentException(this.operation);
        };
    }

}
