package dev.jsrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.caoccao.javet.enums.JSRuntimeType;
import com.caoccao.javet.interop.loader.JavetLibLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.jsrun.NativeLibraryException.Problem;
import dev.jsrun.internal.platform.NativeLibrary;

class NativePlatformTest {

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Linux       | amd64   | javet-v8-linux-x86_64-i18n | libjavet-v8-linux-x86_64-i18n.v.5.0.6.so
            Linux       | x86_64  | javet-v8-linux-x86_64-i18n | libjavet-v8-linux-x86_64-i18n.v.5.0.6.so
            Linux       | aarch64 | javet-v8-linux-arm64    | libjavet-v8-linux-arm64.v.5.0.6.so
            Mac OS X    | aarch64 | javet-v8-macos-arm64    | libjavet-v8-macos-arm64.v.5.0.6.dylib
            Mac OS X    | x86_64  | javet-v8-macos-x86_64   | libjavet-v8-macos-x86_64.v.5.0.6.dylib
            Darwin      | arm64   | javet-v8-macos-arm64    | libjavet-v8-macos-arm64.v.5.0.6.dylib
            Windows 11  | amd64   | javet-v8-windows-x86_64 | libjavet-v8-windows-x86_64.v.5.0.6.dll
            Windows 11  | aarch64 | -                       | -
            Linux       | arm     | -                       | -
            Linux       | x86     | -                       | -
            Linux       | riscv64 | -                       | -
            Linux       | ppc64le | -                       | -
            FreeBSD     | amd64   | -                       | -
            SunOS       | sparcv9 | -                       | -
            """)
    void mapsWhatTheJvmReportsToJavetsArtifact(String osName, String osArch, String artifact, String fileName) {
        NativePlatform platform = NativePlatform.of(osName, osArch, false);
        assertThat(platform.artifactId()).as("%s", platform).isEqualTo(java.util.Optional.ofNullable(artifact));
        assertThat(platform.libraryFileName("5.0.6")).isEqualTo(java.util.Optional.ofNullable(fileName));
        assertThat(platform.supported()).isEqualTo(artifact != null);
        assertThat(platform.dependency("5.0.6"))
            .isEqualTo(java.util.Optional.ofNullable(artifact).map(a -> "com.caoccao.javet:" + a + ":5.0.6"));
    }

    @Test
    void eachPlatformHasANativeWithIcuAndOneWithout() {
        NativePlatform mac = NativePlatform.of("Mac OS X", "aarch64", false);
        assertThat(mac.intlByDefault()).isFalse();
        assertThat(mac.artifactId(true)).contains("javet-v8-macos-arm64-i18n");
        assertThat(mac.libraryFileName("5.0.6", true)).contains("libjavet-v8-macos-arm64-i18n.v.5.0.6.dylib");
        NativePlatform linux = NativePlatform.of("Linux", "amd64", false);
        assertThat(linux.intlByDefault()).isTrue();
        assertThat(linux.dependency("5.0.6", false)).contains("com.caoccao.javet:javet-v8-linux-x86_64:5.0.6");
    }

    @Test
    void muslHasNoNativeEvenOnAPublishedProcessor() {
        assertThat(NativePlatform.of("Linux", "amd64", true).supported()).isFalse();
        assertThat(NativePlatform.of("Linux", "aarch64", true).artifactId()).isEmpty();
        assertThat(NativePlatform.of("Linux", "amd64", true)).hasToString("linux x86_64 (musl)");
    }

    @Test
    void thisJvmsPlatformNamesTheFileJavetLooksFor() throws Exception {
        NativePlatform current = NativePlatform.current();
        assertThat(current.libraryFileName(NativeLibrary.javetVersion()))
            .contains(new JavetLibLoader(NativeLibrary.runtimeType()).getLibFileName());
        assertThat(NativeLibrary.runtimeType())
            .isEqualTo(current.intlByDefault() ? JSRuntimeType.V8I18n : JSRuntimeType.V8);
        assertThat(NativeLibrary.javetVersion()).isEqualTo("5.0.6");
    }

    @Test
    void muslIsToldByTheLoaderMappedIntoTheProcess(@TempDir Path dir) throws IOException {
        Path glibcMaps = Files.writeString(dir.resolve("glibc-maps"),
                "7f00-7f01 r-xp 00000000 08:01 123 /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2\n");
        Path muslMaps = Files.writeString(dir.resolve("musl-maps"),
                "7f00-7f01 r-xp 00000000 08:01 123 /lib/ld-musl-x86_64.so.1\n");
        Path emptyLib = Files.createDirectory(dir.resolve("lib"));
        Path muslLib = Files.createDirectory(dir.resolve("musl-lib"));
        Files.createFile(muslLib.resolve("ld-musl-aarch64.so.1"));

        assertThat(NativePlatform.runsOnMusl(glibcMaps, muslLib)).isFalse();
        assertThat(NativePlatform.runsOnMusl(muslMaps, emptyLib)).isTrue();
        assertThat(NativePlatform.runsOnMusl(dir.resolve("unreadable"), muslLib)).isTrue();
        assertThat(NativePlatform.runsOnMusl(dir.resolve("unreadable"), emptyLib)).isFalse();
        assertThat(NativePlatform.runsOnMusl(Path.of("/proc/self/maps"), Path.of("/lib"))).as("this glibc JVM")
            .isFalse();
    }

    @Test
    void aPlatformWhoseNativeIsMissingNamesTheDependencyToAdd() {
        NativePlatform graviton = NativePlatform.of("Linux", "aarch64", false);
        assertThatExceptionOfType(NativeLibraryException.class)
            .isThrownBy(() -> NativeLibrary.locate(graviton, "5.0.6", getClass().getClassLoader()))
            .satisfies(ex -> {
                assertThat(ex.getProblem()).isEqualTo(Problem.NOT_ON_CLASSPATH);
                assertThat(ex.getDependency()).isEqualTo("com.caoccao.javet:javet-v8-linux-arm64:5.0.6");
                assertThat(ex.getMessage()).contains("linux arm64 (glibc)", "libjavet-v8-linux-arm64.v.5.0.6.so",
                        "Add the dependency com.caoccao.javet:javet-v8-linux-arm64:5.0.6",
                        "<artifactId>javet-v8-linux-arm64</artifactId>");
            });
        NativePlatform mac = NativePlatform.of("Mac OS X", "aarch64", false);
        assertThatExceptionOfType(NativeLibraryException.class)
            .isThrownBy(() -> NativeLibrary.locate(mac, "5.0.6", getClass().getClassLoader()))
            .withMessageContaining("com.caoccao.javet:javet-v8-macos-arm64:5.0.6");
    }

    @Test
    void alpineAndUnpublishedPlatformsSayWhereJsrunRuns() {
        assertThatExceptionOfType(NativeLibraryException.class)
            .isThrownBy(() -> NativeLibrary.locate(NativePlatform.of("Linux", "amd64", true), "5.0.6", null))
            .satisfies(ex -> {
                assertThat(ex.getProblem()).isEqualTo(Problem.UNSUPPORTED_PLATFORM);
                assertThat(ex.getDependency()).isNull();
                assertThat(ex.getMessage()).contains("no V8 native library for linux x86_64 (musl)",
                        "glibc-based image");
            });
        assertThatExceptionOfType(NativeLibraryException.class)
            .isThrownBy(() -> NativeLibrary.locate(NativePlatform.of("Windows 11", "aarch64", false), "5.0.6", null))
            .withMessageContaining("for windows arm64")
            .withMessageContaining("windows x86_64");
    }

    @Test
    void theNativeOfThisMachineIsFound() {
        assertThat(NativeLibrary.locate(NativePlatform.current(), "5.0.6", JavetLibLoader.class.getClassLoader()))
            .isNotNull();
    }

}
