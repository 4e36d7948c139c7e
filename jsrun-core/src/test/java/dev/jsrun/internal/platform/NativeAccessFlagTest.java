package dev.jsrun.internal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * On JDK 24 and later, Javet's {@code System::load} prints a restricted-method warning
 * unless the JVM runs with {@code --enable-native-access=ALL-UNNAMED}, the flag the
 * README documents; JDK 17 accepts the flag as well. The newer JDK is the one named by
 * the system property {@code jsrun.test.jdk24}, or one under /usr/lib/jvm.
 */
class NativeAccessFlagTest {

    private static final String WARNING = "WARNING: java.lang.System::load has been called by com.caoccao.javet";

    @Test
    void theFlagSilencesTheRestrictedMethodWarningOfNewJdks() throws Exception {
        Optional<Path> jdk = newJdk();
        Assumptions.assumeTrue(jdk.isPresent(), "no JDK 24+ here");
        String java = jdk.get().resolve("bin/java").toString();

        assertThat(probe(java, List.of())).contains(WARNING, "PROBE loaded result=42");
        assertThat(probe(java, List.of("--enable-native-access=ALL-UNNAMED"))).contains("PROBE loaded result=42")
            .doesNotContain("WARNING");
    }

    @Test
    void jdk17AcceptsTheFlag() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        assertThat(probe(java, List.of("--enable-native-access=ALL-UNNAMED"))).contains("PROBE loaded result=42")
            .doesNotContain("WARNING");
    }

    private static String probe(String java, List<String> options) throws Exception {
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m"));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), NativeLoadProbe.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] bytes = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String output = new String(bytes, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static Optional<Path> newJdk() throws IOException {
        String named = System.getProperty("jsrun.test.jdk24");
        if (named != null) {
            return Optional.of(Path.of(named));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        Pattern version = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);
        try (DirectoryStream<Path> homes = Files.newDirectoryStream(jvms)) {
            for (Path home : homes) {
                Path release = home.resolve("release");
                if (Files.isRegularFile(release) && Files.isExecutable(home.resolve("bin/java"))) {
                    Matcher major = version.matcher(Files.readString(release));
                    if (major.find() && Integer.parseInt(major.group(1)) >= 24) {
                        return Optional.of(home);
                    }
                }
            }
        }
        return Optional.empty();
    }

}
