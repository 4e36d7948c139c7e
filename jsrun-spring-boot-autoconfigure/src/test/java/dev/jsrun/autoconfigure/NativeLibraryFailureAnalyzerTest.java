package dev.jsrun.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.jsrun.NativeLibraryException;
import dev.jsrun.NativePlatform;
// only the core's lookup for a platform this machine is not makes the exception a Mac or Alpine would get
import dev.jsrun.internal.platform.NativeLibrary;

/**
 * The failure banner when V8's native library cannot load, first from the exception
 * jsrun-core throws, then from applications started in JVMs of their own (the library
 * loads once per JVM).
 */
class NativeLibraryFailureAnalyzerTest {

    @TempDir
    Path dir;

    @Test
    void aMissingNativeNamesThePlatformAndTheArtifactToAdd() {
        NativeLibraryException missing = catchThrowableOfType(NativeLibraryException.class, () -> NativeLibrary
            .locate(NativePlatform.of("Mac OS X", "aarch64", false), "5.0.6", getClass().getClassLoader()));

        FailureAnalysis analysis = new NativeLibraryFailureAnalyzer()
            .analyze(new BeanCreationException("jsrunSnapshot", "creation failed", missing));

        assertThat(analysis.getDescription()).contains("Platform: macos arm64",
                "Native: com.caoccao.javet:javet-v8-macos-arm64:5.0.6", "libjavet-v8-macos-arm64.v.5.0.6.dylib");
        assertThat(analysis.getAction()).contains("Add the dependency com.caoccao.javet:javet-v8-macos-arm64:5.0.6");
    }

    @Test
    void alpineIsToldThatNoNativeExists() {
        NativeLibraryException alpine = catchThrowableOfType(NativeLibraryException.class,
                () -> NativeLibrary.locate(NativePlatform.of("Linux", "amd64", true), "5.0.6", null));

        FailureAnalysis analysis = new NativeLibraryFailureAnalyzer().analyze(alpine);

        assertThat(analysis.getDescription()).contains("Platform: linux x86_64 (musl)",
                "Native: none published for this platform");
        assertThat(analysis.getAction()).contains("glibc-based image");
    }

    @Test
    void aGravitonServerGetsTheBannerAtStartup() throws Exception {
        String output = start(List.of("-Dos.arch=aarch64"), "--jsrun.native-library.directory=" + this.dir);

        assertThat(output)
            .contains("APPLICATION FAILED TO START", "V8's native library (Javet 5.0.6) cannot be loaded.",
                    "Platform: linux arm64 (glibc)", "Native: com.caoccao.javet:javet-v8-linux-arm64:5.0.6",
                    "Add the dependency com.caoccao.javet:javet-v8-linux-arm64:5.0.6")
            .doesNotContain("<null>");
    }

    @Test
    void withoutIcuDataTheBannerNamesTheArtifactToAddBeforeV8Loads() throws Exception {
        String classPath = java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> !entry.contains("jsrun-icu-data"))
            .collect(java.util.stream.Collectors.joining(File.pathSeparator));

        String output = startWithClassPath(List.of(), List.of(), classPath,
                "--jsrun.native-library.directory=" + this.dir);

        assertThat(output)
            .contains("APPLICATION FAILED TO START", "V8's native library (Javet 5.0.6) cannot be loaded.",
                    "Native: com.caoccao.javet:javet-v8-linux-x86_64-i18n:5.0.6",
                    "needs ICU's data, but dev/jsrun/icu/icudt77l.dat is not on the classpath",
                    "Add the dependency dev.jsrun:jsrun-icu-data")
            .doesNotContain("<null>", "SIGSEGV", "Fatal error");
    }

    @Test
    void aReadOnlyDirectoryGetsABannerNamingItTheCauseAndTheProperty() throws Exception {
        Path readOnly = Files.createDirectories(this.dir.resolve("read-only"));
        boolean root = "root".equals(System.getProperty("user.name"));
        // root ignores permission bits, but not the immutable attribute
        Assumptions.assumeTrue(
                root ? run("chattr", "+i", readOnly.toString()) : readOnly.toFile().setWritable(false, false),
                "cannot make a directory read-only here");
        try {
            String output = start(List.of(), "--jsrun.native-library.directory=" + readOnly);

            assertThat(output).contains("APPLICATION FAILED TO START", "Directory: " + readOnly,
                    "Cannot write V8's native library to " + readOnly + " (Operation not permitted)",
                    "Set 'jsrun.native-library.directory' to a writable directory");
        }
        finally {
            if (root) {
                run("chattr", "-i", readOnly.toString());
            }
            readOnly.toFile().setWritable(true, true);
        }
    }

    @Test
    void aNoexecDirectoryGetsABannerNamingItTheCauseAndTheProperty() throws Exception {
        Path mount = Files.createDirectories(this.dir.resolve("noexec"));
        Assumptions.assumeTrue(run("unshare", "-m", "sh", "-c", "mount -t tmpfs tmpfs '" + mount + "'"),
                "needs unshare and mount rights (root with CAP_SYS_ADMIN)");
        // a private mount namespace keeps the noexec mount invisible to every other
        // process
        List<String> wrapper = List.of("unshare", "-m", "sh", "-c",
                "mount -t tmpfs -o noexec,size=128m,mode=700 tmpfs '" + mount + "' && exec \"$0\" \"$@\"");

        String output = start(wrapper, List.of(), "--jsrun.native-library.directory=" + mount);

        assertThat(output).contains("APPLICATION FAILED TO START", "Directory: " + mount + "/javet-5.0.6-",
                "its file system is mounted noexec", "failed to map segment from shared object",
                "Set 'jsrun.native-library.directory' to a directory on a file system that allows running code.");
    }

    @Test
    void theConfiguredDirectoryServesTheApplication() throws Exception {
        Path natives = this.dir.resolve("natives");

        String output = start(List.of(), "--jsrun.native-library.directory=" + natives,
                "--jsrun.runtime.v8-flags=--stack-size=900", "--jsrun.runtime.max-heap-size=64MB");

        assertThat(output).as("V8's flags still apply: the library loads with the first runtime")
            .contains("STARTED 42 flags: ")
            .contains("--stack-size=900", "--max-heap-size=64", "--no-turbofan")
            .doesNotContain("--use-strict");
        try (var folders = Files.list(natives)) {
            assertThat(folders.map(path -> path.getFileName().toString())).singleElement()
                .satisfies(name -> assertThat(name).startsWith("javet-5.0.6-"));
        }
    }

    private static String start(List<String> jvmOptions, String... args) throws Exception {
        return start(List.of(), jvmOptions, args);
    }

    private static String start(List<String> wrapper, List<String> jvmOptions, String... args) throws Exception {
        return startWithClassPath(wrapper, jvmOptions, System.getProperty("java.class.path"), args);
    }

    private static String startWithClassPath(List<String> wrapper, List<String> jvmOptions, String classPath,
            String... args) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new ArrayList<>(wrapper);
        command.addAll(List.of(java, "-Xmx256m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, NativeLibraryApp.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] bytes = process.getInputStream().readAllBytes();
        boolean finished = process.waitFor(2, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = new String(bytes, StandardCharsets.UTF_8);
        assertThat(finished).as("application finished; output:%n%s", output).isTrue();
        return output;
    }

    private static boolean run(String... command) throws InterruptedException {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor() == 0;
        }
        catch (IOException ex) {
            return false;
        }
    }

}
