package dev.jsrun.internal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import com.caoccao.javet.interop.loader.JavetLibLoader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.jsrun.NativeLibraryException;
import dev.jsrun.NativeLibraryException.Problem;
import dev.jsrun.NativePlatform;

/**
 * Extraction of the real V8 native from its jar, without loading it (a JVM loads it
 * once).
 */
class ExtractedLibraryTest {

    private static final NativePlatform PLATFORM = NativePlatform.current();

    private static final String VERSION = NativeLibrary.javetVersion();

    private static final String FILE_NAME = PLATFORM.libraryFileName(VERSION).orElseThrow();

    private static final URL RESOURCE = NativeLibrary.locate(PLATFORM, VERSION, JavetLibLoader.class.getClassLoader());

    @TempDir
    Path dir;

    private Path extract() {
        return ExtractedLibrary.extract(RESOURCE, FILE_NAME, VERSION, this.dir, PLATFORM,
                PLATFORM.dependency(VERSION).orElseThrow());
    }

    @Test
    void aSecondStartReusesTheFileWithoutWritingIt() throws IOException {
        Path first = extract();
        Object inode = Files.getAttribute(first, "unix:ino");
        FileTime written = Files.getLastModifiedTime(first);
        assertThat(first.getFileName()).hasToString(FILE_NAME);
        assertThat(first.getParent().getFileName().toString()).matches("javet-5\\.0\\.6-[0-9a-f]{8}");
        assertThat(Files.size(first)).isGreaterThan(30_000_000);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first))).isEqualTo("r-x------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.getParent())))
            .isEqualTo("rwx------");

        Path second = extract();

        assertThat(second).isEqualTo(first);
        assertThat(Files.getAttribute(second, "unix:ino")).as("same inode: not rewritten").isEqualTo(inode);
        assertThat(Files.getLastModifiedTime(second)).isEqualTo(written);
        assertThat(files(first.getParent())).containsExactly(FILE_NAME);
    }

    @Test
    void aDamagedFileIsReplacedNotTrusted() throws IOException {
        Path file = extract();
        Object inode = Files.getAttribute(file, "unix:ino");
        long size = Files.size(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        try (RandomAccessFile damage = new RandomAccessFile(file.toFile(), "rw")) {
            damage.seek(size / 2);
            damage.write(new byte[] { 1, 2, 3, 4 });
        }
        ExtractedLibrary.Checksum expected = ExtractedLibrary.Checksum.of(RESOURCE);
        assertThat(expected.matches(file)).isFalse();

        Path again = extract();

        assertThat(again).isEqualTo(file);
        assertThat(Files.getAttribute(again, "unix:ino")).as("a new file").isNotEqualTo(inode);
        assertThat(expected.matches(again)).isTrue();
        assertThat(files(again.getParent())).containsExactly(FILE_NAME);
    }

    @Test
    void aTruncatedFileIsReplaced() throws IOException {
        Path file = extract();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        try (RandomAccessFile cut = new RandomAccessFile(file.toFile(), "rw")) {
            cut.setLength(1000);
        }
        assertThat(Files.size(extract())).isEqualTo(ExtractedLibrary.Checksum.of(RESOURCE).size());
    }

    @Test
    void jvmsStartingTogetherGetOneWholeFile() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                results.add(pool.submit((Callable<Path>) this::extract));
            }
            for (Future<Path> result : results) {
                assertThat(ExtractedLibrary.Checksum.of(RESOURCE).matches(result.get())).isTrue();
            }
            assertThat(files(results.get(0).get().getParent())).as("no temporary file left").containsExactly(FILE_NAME);
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void foldersOfOtherVersionsAndDeadWritersAreRemovedButNothingElse() throws IOException {
        Path old = Files.createDirectories(this.dir.resolve("javet-5.0.5-0badc0de"));
        Files.writeString(old.resolve("libjavet-v8-linux-x86_64.v.5.0.5.so"), "old");
        Path recent = Files.createDirectories(this.dir.resolve("javet-5.0.7-12345678"));
        Files.writeString(recent.resolve("libjavet-v8-linux-x86_64.v.5.0.7.so"), "another JVM is loading it");
        Path foreign = Files.createDirectories(this.dir.resolve("javet-notes"));
        Files.writeString(foreign.resolve("README.txt"), "not jsrun's");
        Path userFile = Files.writeString(this.dir.resolve("keep.txt"), "not jsrun's");
        FileTime hourAgo = FileTime.from(Instant.now().minusSeconds(3600));
        Files.setLastModifiedTime(old, hourAgo);
        Files.setLastModifiedTime(foreign, hourAgo);

        Path file = extract();
        Path deadWriter = Files.writeString(file.getParent().resolve(FILE_NAME + ".123.tmp"), "half");
        Files.setLastModifiedTime(deadWriter, hourAgo);
        Path liveWriter = Files.writeString(file.getParent().resolve(FILE_NAME + ".456.tmp"), "writing");
        extract();

        assertThat(old).doesNotExist();
        assertThat(recent).as("younger than a minute: may be in use").exists();
        assertThat(foreign.resolve("README.txt")).exists();
        assertThat(userFile).exists();
        assertThat(deadWriter).doesNotExist();
        assertThat(liveWriter).exists();
        assertThat(file).exists();
    }

    @Test
    void aDirectoryOthersMayWriteIsRefused() throws IOException {
        Path shared = Files.createDirectories(this.dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatExceptionOfType(NativeLibraryException.class)
            .isThrownBy(() -> ExtractedLibrary.extract(RESOURCE, FILE_NAME, VERSION, shared, PLATFORM, "x"))
            .satisfies(ex -> {
                assertThat(ex.getProblem()).isEqualTo(Problem.DIRECTORY_NOT_PRIVATE);
                assertThat(ex.getDirectory()).isEqualTo(shared);
                assertThat(ex.getMessage()).contains("writable by others (rwxrwxrwx)",
                        NativeLibrary.DIRECTORY_PROPERTY);
            });
    }

    @Test
    void aStickyDirectoryLikeTmpMayBeSharedBecauseTheVersionFolderIsPrivate() throws IOException {
        Path tmpLike = Files.createDirectories(this.dir.resolve("tmp-like"));
        Files.setAttribute(tmpLike, "unix:mode", 01777);
        Path file = ExtractedLibrary.extract(RESOURCE, FILE_NAME, VERSION, tmpLike, PLATFORM, "x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
            .isEqualTo("rwx------");
    }

    @Test
    void aReadOnlyDirectoryGivesTheDirectoryTheCauseAndTheProperty() throws Exception {
        Path readOnly = Files.createDirectories(this.dir.resolve("read-only"));
        boolean root = "root".equals(System.getProperty("user.name"));
        // root ignores permission bits, but not the immutable attribute
        Assumptions.assumeTrue(
                root ? run("chattr", "+i", readOnly.toString()) : readOnly.toFile().setWritable(false, false),
                "cannot make a directory read-only here");
        try {
            assertThatExceptionOfType(NativeLibraryException.class)
                .isThrownBy(() -> ExtractedLibrary.extract(RESOURCE, FILE_NAME, VERSION, readOnly, PLATFORM, "x"))
                .satisfies(ex -> {
                    assertThat(ex.getProblem()).isEqualTo(Problem.DIRECTORY_NOT_WRITABLE);
                    assertThat(ex.getDirectory()).isEqualTo(readOnly);
                    assertThat(ex.getMessage()).contains("Cannot write V8's native library to " + readOnly,
                            "Operation not permitted", NativeLibrary.DIRECTORY_PROPERTY);
                });
        }
        finally {
            if (root) {
                run("chattr", "-i", readOnly.toString());
            }
            readOnly.toFile().setWritable(true, true);
        }
    }

    @Test
    void aLibraryExtractedBeforehandIsUsedFromAReadOnlyDirectory() throws Exception {
        Path file = extract();
        boolean root = "root".equals(System.getProperty("user.name"));
        Assumptions.assumeTrue(!root || run("chattr", "+i", file.getParent().toString()), "no chattr here");
        try {
            assertThat(extract()).isEqualTo(file);
        }
        finally {
            if (root) {
                run("chattr", "-i", file.getParent().toString());
            }
        }
    }

    private static boolean run(String... command) throws Exception {
        try {
            return new ProcessBuilder(command).inheritIO().start().waitFor() == 0;
        }
        catch (IOException ex) {
            return false;
        }
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).toList();
        }
    }

}
