package dev.jsrun.internal.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;

import dev.jsrun.NativeLibraryException;
import dev.jsrun.NativeLibraryException.Problem;
import dev.jsrun.NativePlatform;

/**
 * Puts the native library from the classpath into
 * {@code <directory>/javet-<version>-<crc32>/}: an identical file already there is
 * reused, a damaged one is replaced, and the file appears at once and whole (written
 * beside it, then renamed), so JVMs starting together never load a half-written library.
 */
final class ExtractedLibrary {

    static final String FOLDER_PREFIX = "javet-";

    /**
     * A folder or temporary file younger than this may belong to a JVM that is starting
     * right now.
     */
    private static final Duration STALE_AFTER = Duration.ofMinutes(1);

    private static final Set<PosixFilePermission> PRIVATE_FOLDER = PosixFilePermissions.fromString("rwx------");

    private static final Set<PosixFilePermission> LIBRARY_FILE = PosixFilePermissions.fromString("r-x------");

    private static final Set<PosixFilePermission> DATA_FILE = PosixFilePermissions.fromString("r--------");

    private final NativePlatform platform;

    private final String dependency;

    private ExtractedLibrary(NativePlatform platform, String dependency) {
        this.platform = platform;
        this.dependency = dependency;
    }

    /**
     * The path of the library {@code fileName} taken from {@code resource} under
     * {@code directory}, written only when no identical copy is there; folders that jsrun
     * wrote for other versions are removed.
     */
    static Path extract(URL resource, String fileName, String version, Path directory, NativePlatform platform,
            String dependency) {
        return new ExtractedLibrary(platform, dependency).extract(resource, fileName, version,
                directory.toAbsolutePath());
    }

    private Path extract(URL resource, String fileName, String version, Path directory) {
        Checksum expected;
        try {
            expected = Checksum.of(resource);
        }
        catch (IOException ex) {
            throw new NativeLibraryException(Problem.LOAD_FAILED, this.platform, this.dependency, directory,
                    "Cannot read " + fileName + " from the classpath (" + resource + "): " + ex.getMessage() + ".",
                    "Check that the jar of " + this.dependency + " is whole.", ex);
        }
        Path folder = directory.resolve(FOLDER_PREFIX + version + "-" + expected.hex());
        Path file = folder.resolve(fileName);
        if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            requirePrivate(directory);
            requirePrivate(folder);
            if (expected.matches(file)) {
                markInUse(folder);
                removeStale(directory, folder);
                return file;
            }
        }
        try {
            createPrivate(directory);
            createPrivate(folder);
        }
        catch (IOException ex) {
            throw notWritable(directory, ex);
        }
        requirePrivate(directory);
        requirePrivate(folder);
        try {
            write(resource, expected, folder, file);
        }
        catch (IOException ex) {
            throw notWritable(folder, ex);
        }
        removeStale(directory, folder);
        return file;
    }

    private static void createPrivate(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (Files.getFileStore(existingParent(dir)).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PRIVATE_FOLDER));
        }
        else {
            Files.createDirectories(dir);
        }
    }

    /**
     * The path of the data file {@code fileName} taken from {@code resource} into
     * {@code folder} (the native library's), written only when no identical copy is
     * there, and checked against {@code sha256} as it is.
     */
    static Path extractData(URL resource, String fileName, String sha256, Path folder, NativePlatform platform,
            String dependency) {
        return new ExtractedLibrary(platform, dependency).extractData(resource, fileName, sha256,
                folder.toAbsolutePath());
    }

    private Path extractData(URL resource, String fileName, String sha256, Path folder) {
        Checksum expected;
        try {
            expected = Checksum.of(resource);
        }
        catch (IOException ex) {
            throw damaged(resource, fileName, ex.getMessage(), ex);
        }
        Path file = folder.resolve(fileName);
        if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            requirePrivate(folder);
            if (expected.matches(file)) {
                return file;
            }
        }
        try {
            createPrivate(folder);
        }
        catch (IOException ex) {
            throw notWritable(folder, ex);
        }
        requirePrivate(folder);
        try {
            write(resource, expected, sha256, DATA_FILE, folder, file);
        }
        catch (DamagedResource ex) {
            throw damaged(resource, fileName, ex.getMessage(), ex);
        }
        catch (IOException ex) {
            throw notWritable(folder, ex);
        }
        return file;
    }

    private NativeLibraryException damaged(URL resource, String fileName, String reason, Throwable cause) {
        return new NativeLibraryException(Problem.ICU_DATA_MISSING, this.platform, this.dependency, null,
                "Cannot take " + fileName + " from the classpath (" + resource + "): " + reason + ".",
                "Check that the jar of dev.jsrun:jsrun-icu-data is whole: download it again.", cause);
    }

    private static Path existingParent(Path dir) {
        Path parent = dir;
        while (parent != null && !Files.exists(parent)) {
            parent = parent.getParent();
        }
        return (parent != null) ? parent : dir.getRoot();
    }

    private void write(URL resource, Checksum expected, Path folder, Path file) throws IOException {
        write(resource, expected, null, LIBRARY_FILE, folder, file);
    }

    private void write(URL resource, Checksum expected, String sha256, Set<PosixFilePermission> permissions,
            Path folder, Path file) throws IOException {
        Path temp = Files.createTempFile(folder, file.getFileName() + ".", ".tmp");
        try {
            java.security.MessageDigest digest = sha256(sha256);
            CRC32 crc = new CRC32();
            long size = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = resource.openStream();
                    OutputStream out = Files.newOutputStream(temp, StandardOpenOption.TRUNCATE_EXISTING)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    crc.update(buffer, 0, n);
                    if (digest != null) {
                        digest.update(buffer, 0, n);
                    }
                    out.write(buffer, 0, n);
                    size += n;
                }
            }
            if (size != expected.size() || crc.getValue() != expected.crc()) {
                throw new DamagedResource("the file read from the classpath (" + size + " bytes) does not match its "
                        + "checksum in the jar");
            }
            if (digest != null
                    && !java.util.HexFormat.of().formatHex(digest.digest()).equalsIgnoreCase(sha256.trim())) {
                throw new DamagedResource("its SHA-256 is not the one its build recorded");
            }
            PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
            if (view != null) {
                view.setPermissions(permissions);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            catch (IOException ex) {
                // Windows keeps a loaded library locked; another JVM may have put the
                // same file there first.
                if (!expected.matches(file)) {
                    throw ex;
                }
            }
        }
        finally {
            Files.deleteIfExists(temp);
        }
    }

    private static java.security.MessageDigest sha256(String expected) {
        if (expected == null) {
            return null;
        }
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        }
        catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * A file on the classpath whose bytes are not those its jar or its build recorded.
     */
    private static final class DamagedResource extends IOException {

        private static final long serialVersionUID = 1L;

        DamagedResource(String message) {
            super(message);
        }

    }

    /**
     * Refuses a directory that others may write to: they could replace the library with
     * code of their own.
     */
    private void requirePrivate(Path dir) {
        PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return;
        }
        try {
            PosixFileAttributes attributes = view.readAttributes();
            Set<PosixFilePermission> permissions = attributes.permissions();
            boolean othersWrite = (permissions.contains(PosixFilePermission.GROUP_WRITE)
                    || permissions.contains(PosixFilePermission.OTHERS_WRITE)) && !sticky(dir);
            UserPrincipal self = processOwner();
            boolean foreignOwner = self != null && !attributes.owner().equals(self)
                    && !"root".equals(attributes.owner().getName());
            if (attributes.isSymbolicLink() || othersWrite || foreignOwner) {
                throw new NativeLibraryException(Problem.DIRECTORY_NOT_PRIVATE, this.platform, this.dependency, dir,
                        "The directory " + dir + " for V8's native library is "
                                + (attributes.isSymbolicLink() ? "a symbolic link" : foreignOwner
                                        ? "owned by " + attributes.owner().getName() + ", not by " + self.getName()
                                        : "writable by others (" + PosixFilePermissions.toString(permissions) + ")")
                                + ": its library could be replaced by other code.",
                        "Set " + NativeLibrary.DIRECTORY_PROPERTY
                                + " to a directory that only this JVM's user can write, "
                                + "or remove the directory so that jsrun creates it.",
                        null);
            }
        }
        catch (IOException ex) {
            throw notWritable(dir, ex);
        }
    }

    /**
     * In a sticky directory such as /tmp, others may add entries but not rename or remove
     * those of this user.
     */
    private static boolean sticky(Path dir) {
        try {
            return (((Integer) Files.getAttribute(dir, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & 01000) != 0;
        }
        catch (IOException | RuntimeException ex) {
            return false;
        }
    }

    /**
     * The user this process runs as, where the operating system shows it; {@code null}
     * elsewhere.
     */
    private static UserPrincipal processOwner() {
        Path self = Path.of("/proc/self");
        try {
            return Files.exists(self) ? Files.getOwner(self) : null;
        }
        catch (IOException | RuntimeException ex) {
            return null;
        }
    }

    private NativeLibraryException notWritable(Path dir, IOException ex) {
        String reason = (ex instanceof FileSystemException fs && fs.getReason() != null) ? fs.getReason()
                : ex.getClass().getSimpleName() + ": " + ex.getMessage();
        return new NativeLibraryException(Problem.DIRECTORY_NOT_WRITABLE, this.platform, this.dependency, dir,
                "Cannot write V8's native library to " + dir + " (" + reason + ").",
                "Set " + NativeLibrary.DIRECTORY_PROPERTY + " to a writable directory on a file system that allows "
                        + "running code (not mounted noexec), or put the extracted library there beforehand.",
                ex);
    }

    /**
     * Keeps other versions' clean-up from taking this folder while a JVM is loading from
     * it.
     */
    private static void markInUse(Path folder) {
        try {
            Files.setLastModifiedTime(folder, FileTime.from(Instant.now()));
        }
        catch (IOException | RuntimeException ex) {
            // a read-only directory holding a library extracted beforehand is fine
        }
    }

    /**
     * Removes what jsrun wrote for other versions and temporary files left by JVMs that
     * died while writing.
     */
    static void removeStale(Path directory, Path current) {
        Instant cutoff = Instant.now().minus(STALE_AFTER);
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(directory, FOLDER_PREFIX + "*")) {
            for (Path folder : folders) {
                boolean other = !folder.equals(current);
                if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) || (other && !olderThan(folder, cutoff))) {
                    continue;
                }
                try {
                    removeFiles(folder, other, cutoff);
                }
                catch (IOException | RuntimeException ex) {
                    // clean-up is best effort: a locked file, or one jsrun did not write,
                    // stays where it is
                }
            }
        }
        catch (IOException | RuntimeException ex) {
            // an unreadable directory has nothing jsrun can clean
        }
    }

    private static void removeFiles(Path folder, boolean wholeFolder, Instant cutoff) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "{libjavet-*,icudt*}")) {
            for (Path file : files) {
                boolean leftover = file.getFileName().toString().endsWith(".tmp") && olderThan(file, cutoff);
                if ((wholeFolder || leftover) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(file);
                }
            }
        }
        if (wholeFolder) {
            Files.deleteIfExists(folder);
        }
    }

    private static boolean olderThan(Path path, Instant cutoff) {
        try {
            return Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(cutoff);
        }
        catch (IOException ex) {
            return false;
        }
    }

    /**
     * The size and CRC-32 of the library in its jar, read from the jar's index where it
     * has one.
     */
    record Checksum(long size, long crc) {

        static Checksum of(URL resource) throws IOException {
            URLConnection connection = resource.openConnection();
            if (connection instanceof JarURLConnection jar) {
                JarEntry entry = jar.getJarEntry();
                if (entry != null && entry.getSize() >= 0 && entry.getCrc() >= 0) {
                    return new Checksum(entry.getSize(), entry.getCrc());
                }
            }
            CRC32 crc = new CRC32();
            long size = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = resource.openStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    crc.update(buffer, 0, n);
                    size += n;
                }
            }
            return new Checksum(size, crc.getValue());
        }

        String hex() {
            return String.format("%08x", this.crc);
        }

        /** Whether {@code file} is a regular file with exactly these contents. */
        boolean matches(Path file) {
            try {
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) != this.size) {
                    return false;
                }
                CRC32 crc = new CRC32();
                ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                    while (channel.read(buffer) >= 0) {
                        buffer.flip();
                        crc.update(buffer);
                        buffer.clear();
                    }
                }
                return crc.getValue() == this.crc;
            }
            catch (IOException ex) {
                return false;
            }
        }

    }

}
