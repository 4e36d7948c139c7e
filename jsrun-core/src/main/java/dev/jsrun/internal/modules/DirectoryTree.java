package dev.jsrun.internal.modules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A project directory laid out as Node expects it; files that links take out of it are
 * absent.
 */
public final class DirectoryTree extends ModuleTree {

    private final Path directory;

    private final Path realDirectory;

    /** The tree of a project directory, which must exist. */
    public static DirectoryTree of(Path directory) {
        Objects.requireNonNull(directory, "directory");
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("not a directory: " + directory);
        }
        return new DirectoryTree(directory.toAbsolutePath().normalize());
    }

    private DirectoryTree(Path directory) {
        this.directory = directory;
        try {
            this.realDirectory = directory.toRealPath();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot resolve module root " + directory, ex);
        }
    }

    // Most questions are about files that do not exist: one stat answers those before
    // links are resolved.
    @Override
    boolean hasFile(String path) {
        Path file = candidate(path);
        return file != null && Files.isRegularFile(file) && inside(file) != null;
    }

    @Override
    boolean hasDirectory(String path) {
        Path dir = candidate(path);
        return dir != null && Files.isDirectory(dir) && inside(dir) != null;
    }

    @Override
    byte[] bytes(String path) throws IOException {
        Path file = candidate(path);
        Path real = file == null ? null : inside(file);
        if (real == null) {
            throw new NoSuchFileException(path, null, "not inside " + this.directory);
        }
        // The real path has no links left, so a link put in its place since would be
        // refused rather than followed.
        try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
            return in.readAllBytes();
        }
    }

    private Path candidate(String path) {
        try {
            return this.realDirectory.resolve(path);
        }
        catch (InvalidPathException ex) {
            return null;
        }
    }

    /**
     * The real location of {@code file}, or null when it does not exist or links lead it
     * out of the root.
     */
    private Path inside(Path file) {
        try {
            Path real = file.toRealPath();
            return real.startsWith(this.realDirectory) ? real : null;
        }
        catch (IOException ex) {
            return null;
        }
    }

    @Override
    public String origin(String path) {
        return this.directory.resolve(path).toString();
    }

    @Override
    public String toString() {
        return "ModuleRoot.directory(" + this.directory + ")";
    }

}
