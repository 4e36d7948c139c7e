package dev.jsrun.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a probe's {@code main} in a JVM of its own: should a protection regress, V8 aborts
 * that process, not the test run. A probe prints one
 * {@code PROBE <name> <key>=<value>...} line per case and {@code ALIVE} last.
 */
public final class ForkedJvm {

    private static final Pattern LINE = Pattern.compile("^PROBE (\\S+)(.*)$", Pattern.MULTILINE);

    private static final Pattern FIELD = Pattern.compile("(\\w+)=(\\S*)");

    private ForkedJvm() {
    }

    /**
     * The output of a probe that exited 0 and printed {@code ALIVE}; fails the test
     * otherwise.
     */
    public static Output run(Class<?> probe, List<String> jvmOptions, String... args) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), probe.getName()));
        command.addAll(List.of(args));
        // the output goes to a file, so that a probe that hangs cannot block the test
        // reading it
        Path log = Files.createTempFile("jsrun-probe-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // a fixed mmap threshold: otherwise glibc, once large buffers were freed, serves
        // 1 MB buffers from its heap and keeps them resident after V8 frees them, so a
        // probe's resident memory would count glibc's cache, not V8's
        builder.environment().put("MALLOC_MMAP_THRESHOLD_", "131072");
        Process process = builder.start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        assertThat(finished).as("probe finished in time; output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("exit code (134 or 133: V8 aborted the JVM); output:%n%s", output).isZero();
        assertThat(output).as("the probe's last word").contains("ALIVE");
        return new Output(output);
    }

    /** What a probe printed. */
    public record Output(String text) {

        /**
         * The fields of the {@code PROBE <name>} line; fails when the probe printed none.
         */
        public java.util.Map<String, String> probe(String name) {
            Matcher line = LINE.matcher(this.text);
            while (line.find()) {
                if (line.group(1).equals(name)) {
                    java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
                    Matcher field = FIELD.matcher(line.group(2));
                    while (field.find()) {
                        fields.put(field.group(1), field.group(2));
                    }
                    return fields;
                }
            }
            throw new AssertionError("no line 'PROBE " + name + "' in:\n" + this.text);
        }

    }

}
