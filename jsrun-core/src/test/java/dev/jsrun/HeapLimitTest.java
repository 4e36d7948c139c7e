package dev.jsrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * 100 heap bombs in a row through a pool, in a forked JVM: each is a
 * JsHeapLimitException, the JVM lives, the pool serves correct results in between, and
 * memory comes back.
 */
class HeapLimitTest {

    @Test
    void hundredBombsInARowLeaveTheJvmAndThePoolServing() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                HeapBombs.class.getName(), "100", "32"))
            .redirectErrorStream(true)
            .start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("bombs finished in time; output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("exit code (134 or 133: V8 aborted the JVM); output:%n%s", output).isZero();
        Matcher summary = Pattern
            .compile("bombs=(\\d+) heapLimit=(\\d+) other=(\\d+) correct=(\\d+) rssWarmMb=(\\d+) rssEndMb=(\\d+)")
            .matcher(output);
        assertThat(summary.find()).as(output).isTrue();
        assertThat(summary.group(2)).isEqualTo("100");
        assertThat(summary.group(4)).isEqualTo("100");
        long warm = Long.parseLong(summary.group(5));
        long end = Long.parseLong(summary.group(6));
        // every bomb grows a V8 heap to its 32 MB limit; disposed runtimes must give that
        // memory back
        assertThat(end).as("RSS after 100 bombs vs after the first 14").isLessThan(warm + 96);
    }

}
