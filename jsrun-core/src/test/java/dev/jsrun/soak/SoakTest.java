package dev.jsrun.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 4 threads x 100,000 evaluations against a pool of 2, in a forked JVM ({@link Soak}):
 * every checked result is exact, every JavaScript error, timeout and heap bomb surfaces
 * as its own exception type, no runtime stays borrowed or in cleaning afterwards, and RSS
 * at the end is within 10% of RSS after the first 10%. The child's Java heap is fixed and
 * pre-touched so that RSS growth reflects native (V8) memory only.
 */
class SoakTest {

    private static final Pattern SUMMARY = Pattern.compile("soak evals=(\\d+) wrong=(\\d+) errors=(\\d+)/(\\d+) "
            + "timeouts=(\\d+)/(\\d+) bombs=(\\d+)/(\\d+) leases=(\\d+) restored=(\\d+) active=(\\d+) cleaning=(\\d+) "
            + "idle=(\\d+) rssWarmKb=(\\d+) rssEndKb=(\\d+) seconds=([\\d.]+) hostile=(\\d+)/(\\d+) tampered=(\\d+)/(\\d+)");

    @Test
    void fourThreadsHundredThousandEvaluationsEachStayCorrectAndBounded(@TempDir Path workDir) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process process = new ProcessBuilder(List.of(java, "-Xms64m", "-Xmx64m", "-XX:+AlwaysPreTouch",
                "-XX:ErrorFile=" + workDir.resolve("hs_err_pid%p.log"), "-cp", System.getProperty("java.class.path"),
                Soak.class.getName(), "4", "100000"))
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("soak.log").toFile())
            .start();
        boolean finished = process.waitFor(6, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(workDir.resolve("soak.log"), StandardCharsets.UTF_8);
        Matcher summary = SUMMARY.matcher(output);
        boolean found = summary.find();
        System.out.println(found ? summary.group() : "soak printed no summary");
        String report = output.lines().limit(200).collect(Collectors.joining("\n")) + crashReport(workDir);
        assertThat(finished).as("soak finished within 6 minutes; output:%n%s", report).isTrue();
        assertThat(process.exitValue()).as("exit code (134, 133 or 139: V8 crashed the JVM); output:%n%s", report)
            .isZero();
        assertThat(found).as(report).isTrue();
        assertThat(summary.group(1)).as("evaluations").isEqualTo("400000");
        assertThat(summary.group(2)).as("wrong results or unexpected exceptions").isEqualTo("0");
        assertThat(summary.group(3)).as("JavaScript errors seen as JsException")
            .isEqualTo(summary.group(4))
            .isEqualTo("8000");
        assertThat(summary.group(5)).as("timeouts seen as JsTimeoutException")
            .isEqualTo(summary.group(6))
            .isEqualTo("200");
        assertThat(summary.group(7)).as("heap bombs seen as JsHeapLimitException")
            .isEqualTo(summary.group(8))
            .isEqualTo("40");
        assertThat(summary.group(17)).as("hostile values and allocations seen as the exception each must give")
            .isEqualTo(summary.group(18))
            .isEqualTo("400");
        assertThat(summary.group(19)).as("borrowers that tampered with jsrun's state")
            .isEqualTo(summary.group(20))
            .isEqualTo("132");
        assertThat(summary.group(11)).as("runtimes still borrowed").isEqualTo("0");
        assertThat(summary.group(12)).as("runtimes still being cleaned").isEqualTo("0");
        long warm = Long.parseLong(summary.group(14));
        long end = Long.parseLong(summary.group(15));
        assertThat(end).as("RSS at the end (KiB) vs after the first 10%% (%d KiB)", warm).isLessThan(warm + warm / 10);
    }

    /**
     * The "Problematic frame" and Java frames of any hs_err file the child left behind.
     */
    static String crashReport(Path workDir) throws IOException {
        StringBuilder report = new StringBuilder();
        try (Stream<Path> files = Files.list(workDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("hs_err")).toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
                report.append("\n--- ").append(file.getFileName()).append('\n');
                boolean frames = false;
                for (String line : lines) {
                    if (line.startsWith("# Problematic frame:") || line.startsWith("Java frames:")) {
                        frames = true;
                    }
                    else if (line.isBlank()) {
                        frames = false;
                    }
                    if (frames || line.startsWith("# ")) {
                        report.append(line).append('\n');
                    }
                }
            }
        }
        return report.toString();
    }

}
