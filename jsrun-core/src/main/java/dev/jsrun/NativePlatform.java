package dev.jsrun;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The operating system, processor and C library this JVM runs on, and the Javet native
 * that fits them. Javet publishes V8 natives for Linux (glibc) x86_64 and arm64, macOS
 * x86_64 and arm64, and Windows x86_64, each without ICU ({@code javet-v8-linux-arm64})
 * and with it ({@code javet-v8-linux-x86_64-i18n}, which has {@code Intl} and Unicode
 * property escapes in regular expressions). jsrun depends on the ICU native where its
 * build can resolve one, and takes whichever of the two the classpath holds.
 *
 * @param os {@code linux}, {@code macos}, {@code windows}, or the JVM's {@code os.name}
 * when it is none of these
 * @param arch {@code x86_64}, {@code arm64}, or the JVM's {@code os.arch} when it is
 * neither
 * @param musl whether the C library is musl (Alpine Linux), for which Javet publishes no
 * native
 */
public record NativePlatform(String os, String arch, boolean musl) {

    /** The Maven group of Javet's natives. */
    public static final String GROUP_ID = "com.caoccao.javet";

    private static final List<String> SUPPORTED = List.of("linux-x86_64", "linux-arm64", "macos-x86_64", "macos-arm64",
            "windows-x86_64");

    /**
     * The platforms whose ICU native jsrun-core depends on; the others get the native
     * without ICU.
     */
    private static final List<String> WITH_INTL = List.of("linux-x86_64");

    /**
     * The platform of this JVM, from {@code os.name}, {@code os.arch} and, on Linux, the
     * C library it runs on.
     */
    public static NativePlatform current() {
        String osName = System.getProperty("os.name", "");
        boolean linux = osName.toLowerCase(Locale.ROOT).startsWith("linux");
        return of(osName, System.getProperty("os.arch", ""),
                linux && runsOnMusl(Path.of("/proc/self/maps"), Path.of("/lib")));
    }

    /**
     * The platform that a JVM reporting these {@code os.name} and {@code os.arch} values
     * runs on.
     */
    public static NativePlatform of(String osName, String osArch, boolean musl) {
        return new NativePlatform(os(osName), arch(osArch), musl);
    }

    private static String os(String osName) {
        String name = osName.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("linux")) {
            return "linux";
        }
        if (name.startsWith("mac") || name.startsWith("darwin")) {
            return "macos";
        }
        if (name.startsWith("windows")) {
            return "windows";
        }
        return osName.trim();
    }

    private static String arch(String osArch) {
        return switch (osArch.trim().toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x86-64", "x64", "em64t" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            default -> osArch.trim();
        };
    }

    /**
     * Whether this process runs on musl: the dynamic loader mapped into the process
     * tells, and when the process map cannot be read, the presence of musl's loader in
     * {@code libDir}.
     */
    static boolean runsOnMusl(Path processMaps, Path libDir) {
        try {
            for (String line : Files.readAllLines(processMaps)) {
                if (line.contains("/ld-musl-") || line.contains("/libc.musl-")) {
                    return true;
                }
            }
            return false;
        }
        catch (IOException | RuntimeException ex) {
            try (DirectoryStream<Path> loaders = Files.newDirectoryStream(libDir, "ld-musl-*")) {
                return loaders.iterator().hasNext();
            }
            catch (IOException | RuntimeException none) {
                return false;
            }
        }
    }

    /** Whether Javet publishes a V8 native for this platform. */
    public boolean supported() {
        return !this.musl && SUPPORTED.contains(this.os + "-" + this.arch);
    }

    /**
     * Whether the native that jsrun-core depends on for this platform is the one with
     * ICU.
     */
    public boolean intlByDefault() {
        return WITH_INTL.contains(this.os + "-" + this.arch);
    }

    /**
     * The artifact of the native jsrun-core depends on, such as
     * {@code javet-v8-linux-arm64}; empty when there is none.
     */
    public Optional<String> artifactId() {
        return artifactId(intlByDefault());
    }

    /**
     * The artifact of Javet's native with ICU or without, such as
     * {@code javet-v8-linux-x86_64-i18n}; empty when there is none.
     */
    public Optional<String> artifactId(boolean intl) {
        return supported() ? Optional.of("javet-v8-" + this.os + "-" + this.arch + (intl ? "-i18n" : ""))
                : Optional.empty();
    }

    /**
     * The Maven coordinates of the native to add, such as
     * {@code com.caoccao.javet:javet-v8-linux-arm64:5.0.6}.
     */
    public Optional<String> dependency(String javetVersion) {
        return dependency(javetVersion, intlByDefault());
    }

    /** The Maven coordinates of the native with ICU or without. */
    public Optional<String> dependency(String javetVersion, boolean intl) {
        return artifactId(intl).map(artifact -> GROUP_ID + ":" + artifact + ":" + javetVersion);
    }

    /**
     * The library file inside the default native's jar, such as
     * {@code libjavet-v8-macos-arm64.v.5.0.6.dylib}.
     */
    public Optional<String> libraryFileName(String javetVersion) {
        return libraryFileName(javetVersion, intlByDefault());
    }

    /** The library file inside the jar of the native with ICU or without. */
    public Optional<String> libraryFileName(String javetVersion, boolean intl) {
        String extension = switch (this.os) {
            case "macos" -> "dylib";
            case "windows" -> "dll";
            default -> "so";
        };
        return artifactId(intl).map(artifact -> "lib" + artifact + ".v." + javetVersion + "." + extension);
    }

    /** The platform as a person would name it, such as {@code linux arm64 (glibc)}. */
    @Override
    public String toString() {
        return this.os + " " + this.arch + ("linux".equals(this.os) ? (this.musl ? " (musl)" : " (glibc)") : "");
    }

}
