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
 * What ordinary array code costs through jsrun's bounded Array built-ins: one
 * {@code eval} runs 1,000 calls of one method on small arrays (10 numbers, 10 strings;
 * {@code arguments} of 3 values for {@code sliceArguments}), or 20 calls on an array of
 * 100,000 numbers ({@code large*}), or one call on an array of 1,000,000 numbers
 * ({@code million*}: longer than the bounded built-ins hand to V8's own method directly).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class ArrayBuiltinsBenchmark extends SnapshotEvalBenchmark {

    private static final String SETUP = "globalThis.numbers = [5, 3, 9, 1, 7, 2, 8, 6, 4, 0];"
            + " globalThis.words = ['pear', 'fig', 'apple', 'kiwi', 'plum', 'lime', 'date', 'yuzu', 'sloe', 'nut'];"
            + " globalThis.large = Array.from({ length: 100000 }, (_, i) => (i * 7919) % 100003);"
            + " globalThis.million = Array.from({ length: 1000000 }, (_, i) => i);"
            + " globalThis.repeat = (n, f) => { let r; for (let i = 0; i < n; i++) { r = f(i); } return r; };"
            + " globalThis.args = function () { return Array.prototype.slice.call(arguments); };";

    @Param({ "indexOf", "includes", "join", "sort", "map", "reduce", "slice", "sliceArguments", "largeIndexOf",
            "largeJoin", "largeSort", "millionIndexOf", "millionJoin", "millionSlice", "millionMap" })
    public String operation;

    @Override
    protected String setupScript() {
        return SETUP;
    }

    @Override
    protected String code() {
        return switch (this.operation) {
            case "indexOf" -> "repeat(1000, i => numbers.indexOf(i % 12))";
            case "includes" -> "repeat(1000, i => words.includes('kiwi'))";
            case "join" -> "repeat(1000, i => words.join(',')).length";
            case "sort" -> "repeat(1000, i => words.slice().sort())[0]";
            case "map" -> "repeat(1000, i => numbers.map(x => x + i))[0]";
            case "reduce" -> "repeat(1000, i => numbers.reduce((a, b) => a + b, i))";
            case "slice" -> "repeat(1000, i => numbers.slice(2, 8)).length";
            case "sliceArguments" -> "repeat(1000, i => args(i, 2, 3)).length";
            case "largeIndexOf" -> "repeat(20, i => large.indexOf(-1))";
            case "largeJoin" -> "repeat(20, i => large.join(',')).length";
            case "largeSort" -> "repeat(20, i => large.slice().sort((a, b) => a - b))[0]";
            case "millionIndexOf" -> "million.indexOf(-1)";
            case "millionJoin" -> "million.join(',').length";
            case "millionSlice" -> "million.slice(1).length";
            case "millionMap" -> "million.map(x => x + 1).length";
            default -> throw new IllegalArgumentException(this.operation);
        };
    }

}
