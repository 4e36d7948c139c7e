package dev.jsrun.internal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real loads of V8's native library, each in a JVM of its own. */
class NativeLibraryLoadTest {

    @TempDir
    Path dir;

    @Test
    void aSecondJvmLoadsTheFileTheFirstExtracted() throws Exception {
        Path natives = this.dir.resolve("natives");
        Map<String, String> first = probe(List.of("-D" + NativeLibrary.DIRECTORY_PROPERTY + "=" + natives), "loaded");
        Map<String, String> second = probe(List.of("-D" + NativeLibrary.DIRECTORY_PROPERTY + "=" + natives), "loaded");

        assertThat(first.get("result")).isEqualTo("42");
        assertThat(first.get("file")).startsWith(natives + File.separator + "javet-5.0.6-")
            .endsWith("libjavet-v8-linux-x86_64-i18n.v.5.0.6.so");
        assertThat(second.get("file")).isEqualTo(first.get("file"));
        assertThat(second.get("inode")).as("the same file, not a rewrite").isEqualTo(first.get("inode"));
        assertThat(first.get("intl")).isEqualTo("1.234,5");
        assertThat(first.get("icu")).as("ICU's data beside the library")
            .isEqualTo(Path.of(first.get("file")).resolveSibling("icudt77l.dat").toString());
        assertThat(second.get("icuInode")).as("the same data file, not a rewrite").isEqualTo(first.get("icuInode"));
        assertThat(second.get("modified")).isEqualTo(first.get("modified"));
        try (Stream<Path> entries = Files.list(natives)) {
            assertThat(entries).hasSize(1);
        }
    }

    @Test
    void aDamagedDataFileIsReplacedBeforeV8ReadsIt() throws Exception {
        Path natives = this.dir.resolve("natives");
        Map<String, String> first = probe(List.of("-D" + NativeLibrary.DIRECTORY_PROPERTY + "=" + natives), "loaded");
        Path data = Path.of(first.get("icu"));
        data.toFile().setWritable(true, true);
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(data,
                java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[4096]), 1 << 20);
        }

        Map<String, String> second = probe(List.of("-D" + NativeLibrary.DIRECTORY_PROPERTY + "=" + natives), "loaded");

        assertThat(second.get("icu")).isEqualTo(first.get("icu"));
        assertThat(second.get("icuInode")).as("written anew").isNotEqualTo(first.get("icuInode"));
        assertThat(second.get("intl")).isEqualTo("1.234,5");
    }

    @Test
    void withoutIcuDataTheNativeWithIcuIsRefusedBeforeItLoads() throws Exception {
        String classPath = java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> !entry.contains("jsrun-icu-data"))
            .collect(java.util.stream.Collectors.joining(File.pathSeparator));
        Output output = run(List.of(), List.of("-D" + NativeLibrary.DIRECTORY_PROPERTY + "=" + this.dir), classPath);

        Map<String, String> failed = output.probe("failed");
        assertThat(failed.get("problem")).isEqualTo("ICU_DATA_MISSING");
        assertThat(output.text()).contains("dev/jsrun/icu/icudt77l.dat is not on the classpath",
                "dev.jsrun:jsrun-icu-data", "com.caoccao.javet:javet-v8-linux-x86_64:5.0.6");
    }

    @Test
    void icuDataThatIsNotWhatItsBuildRecordedIsRefused() throws Exception {
        Path fake = Files.createDirectories(this.dir.resolve("fake/dev/jsrun/icu"));
        Files.write(fake.resolve("icudt77l.dat"), new byte[1000]);
        try (java.io.InputStream real = NativeLibrary.class.getClassLoader()
            .getResourceAsStream("dev/jsrun/icu/icudt77l.dat.sha256")) {
            Files.write(fake.resolve("icudt77l.dat.sha256"), real.readAllBytes());
        }
        String classPath = this.dir.resolve("fake") + File.pathSeparator + System.getProperty("java.class.path");
        Output output = run(List.of(),
                List.of("-D" + NativeLibrary.DIRECTORY_PROPERTY + "=" + this.dir.resolve("natives")), classPath);

        assertThat(output.probe("failed").get("problem")).isEqualTo("ICU_DATA_MISSING");
        assertThat(output.text()).contains("icudt77l.dat", "its SHA-256 is not the one its build recorded",
                "Check that the jar of dev.jsrun:jsrun-icu-data is whole");
    }

    @Test
    void byDefaultTheLibraryGoesToAUserFolderUnderTmpAndJavetWritesNothing() throws Exception {
        Map<String, String> loaded = probe(List.of("-Djava.io.tmpdir=" + this.dir), "loaded");

        String user = System.getProperty("user.name").replaceAll("[^A-Za-z0-9._-]", "_");
        assertThat(loaded.get("file"))
            .startsWith(this.dir.resolve("jsrun-native-" + user) + File.separator + "javet-5.0.6-");
        assertThat(this.dir.resolve("javet")).as("Javet's own per-process copy").doesNotExist();
    }

    @Test
    void aGravitonServerIsToldWhichNativeToAdd() throws Exception {
        // the JVM reports aarch64 as on an arm64 Linux machine; only the x86_64 native is
        // on the classpath
        Map<String, String> failed = probe(
                List.of("-Dos.arch=aarch64", "-D" + NativeLibrary.DIRECTORY_PROPERTY + "=" + this.dir), "failed");
        assertThat(failed.get("problem")).isEqualTo("NOT_ON_CLASSPATH");
        assertThat(failed.get("dependency")).isEqualTo("com.caoccao.javet:javet-v8-linux-arm64:5.0.6");
        try (Stream<Path> entries = Files.list(this.dir)) {
            assertThat(entries).as("nothing extracted").isEmpty();
        }
    }

    @Test
    void anAppleSiliconMacIsToldWhichNativeToAdd() throws Exception {
        Map<String, String> failed = probe(List.of("-Dos.name=Mac OS X", "-Dos.arch=aarch64"), "failed");
        assertThat(failed.get("problem")).isEqualTo("NOT_ON_CLASSPATH");
        assertThat(failed.get("dependency")).isEqualTo("com.caoccao.javet:javet-v8-macos-arm64:5.0.6");
    }

    @Test
    void aNoexecDirectoryIsNamedWithItsCause() throws Exception {
        Path mount = Files.createDirectories(this.dir.resolve("noexec"));
        // a private mount namespace keeps the noexec mount invisible to every other
        // process
        List<String> wrapper = List.of("unshare", "-m", "sh", "-c",
                "mount -t tmpfs -o noexec,size=128m,mode=700 tmpfs '" + mount + "' && exec \"$0\" \"$@\"");
        Assumptions.assumeTrue(canRun("unshare", "-m", "sh", "-c", "mount -t tmpfs tmpfs '" + mount + "'"),
                "needs unshare and mount rights (root with CAP_SYS_ADMIN)");

        Output output = run(wrapper, List.of("-D" + NativeLibrary.DIRECTORY_PROPERTY + "=" + mount));

        Map<String, String> failed = output.probe("failed");
        assertThat(failed.get("problem")).isEqualTo("DIRECTORY_NOT_EXECUTABLE");
        assertThat(failed.get("directory")).startsWith(mount.toString());
        assertThat(output.text()).contains("its file system is mounted noexec", NativeLibrary.DIRECTORY_PROPERTY,
                "failed to map segment from shared object");
    }

    private static Map<String, String> probe(List<String> jvmOptions, String name) throws Exception {
        return run(List.of(), jvmOptions).probe(name);
    }

    private static boolean canRun(String... command) throws InterruptedException {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor() == 0;
        }
        catch (IOException ex) {
            return false;
        }
    }

    private static Output run(List<String> wrapper, List<String> jvmOptions) throws Exception {
        return run(wrapper, jvmOptions, System.getProperty("java.class.path"));
    }

    private static Output run(List<String> wrapper, List<String> jvmOptions, String classPath) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new ArrayList<>(wrapper);
        command.addAll(List.of(java, "-Xmx256m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, NativeLoadProbe.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] bytes = process.getInputStream().readAllBytes();
        boolean finished = process.waitFor(2, TimeUnit.MINUTES);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("probe finished; output:%n%s", text).isTrue();
        assertThat(process.exitValue()).as("exit code; output:%n%s", text).isZero();
        assertThat(text).contains("ALIVE");
        return new Output(text);
    }

    private record Output(String text) {

        Map<String, String> probe(String name) {
            Matcher line = Pattern.compile("^PROBE " + name + " (.*)$", Pattern.MULTILINE).matcher(this.text);
            assertThat(line.find()).as("PROBE %s in:%n%s", name, this.text).isTrue();
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher field = Pattern.compile("(\\w+)=(\\S*)").matcher(line.group(1));
            while (field.find()) {
                fields.put(field.group(1), field.group(2));
            }
            return fields;
        }

    }

}
