package dev.jsrun.modules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where node_modules-style trees live. Every file gets a path relative to a common base, '/'-separated and
 * without a leading {@code ./}, as Node would see it from the project directory: {@code lib/rules.js},
 * {@code node_modules/lodash/lodash.js}. The base directory itself is the empty path.
 * <ul>
 * <li>{@link #directory(Path)}: a project directory; {@code lib/rules.js} is {@code <dir>/lib/rules.js} and
 * packages sit in {@code <dir>/node_modules} (and in nested {@code node_modules} folders, as in Node).</li>
 * <li>{@link #classpath(ClassLoader)}: npm WebJars; package {@code name} at
 * {@code META-INF/resources/webjars/<name>/<version>/} appears as {@code node_modules/<name>/}.</li>
 * </ul>
 * Only what lies inside a root is part of it: a path has no {@code .}, {@code ..} or empty segments and no
 * control characters, a file that a symbolic link takes out of a directory root is absent from it, and a
 * class path root serves only files below each package's WebJar folder.
 * <p>
 * Roots are read while a {@link ModuleSet} is built, and at run time only by {@link ModuleSet#runtimeLoader}.
 */
public abstract class ModuleRoot {

    /** The longest path or request accepted, Linux's {@code PATH_MAX}. */
    static final int MAX_PATH_LENGTH = 4096;

    ModuleRoot() {
    }

    /** A project directory laid out as Node expects it. */
    public static ModuleRoot directory(Path directory) {
        Objects.requireNonNull(directory, "directory");
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("not a directory: " + directory);
        }
        return new DirectoryRoot(directory.toAbsolutePath().normalize());
    }

    /** The npm WebJars ({@code org.webjars.npm}) visible to {@code loader}, as a flat {@code node_modules}. */
    public static ModuleRoot classpath(ClassLoader loader) {
        return new ClasspathRoot(Objects.requireNonNull(loader, "loader"));
    }

    /**
     * Whether {@code text} may be a path or a request: not longer than {@link #MAX_PATH_LENGTH}, and free of
     * backslashes and of characters that are invisible or unpaired (controls, formats, line separators, lone
     * surrogates), which could make two different names look alike.
     */
    static boolean isPlain(String text) {
        return text.length() <= MAX_PATH_LENGTH && text.codePoints().allMatch(ModuleRoot::isPlainCodePoint);
    }

    private static boolean isPlainCodePoint(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> false;
            default -> codePoint != '\\';
        };
    }

    /** Whether {@code path} is a path of the tree as described above; the empty path is the base. */
    static boolean isTreePath(String path) {
        if (path.isEmpty()) {
            return true;
        }
        if (!isPlain(path)) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code path} names a regular file inside this root. */
    final boolean isFile(String path) {
        return !path.isEmpty() && isTreePath(path) && hasFile(path);
    }

    /** Whether {@code path} names a directory inside this root; the base always is one. */
    final boolean isDirectory(String path) {
        return path.isEmpty() || (isTreePath(path) && hasDirectory(path));
    }

    /** {@link #isFile} for a tree path; implementations keep to what lies inside the root. */
    abstract boolean hasFile(String path);

    /** {@link #isDirectory} for a non-empty tree path. */
    abstract boolean hasDirectory(String path);

    /**
     * The bytes of the file at tree path {@code path}; checks again that it lies inside the root, as it may
     * have changed since {@link #isFile} was asked.
     */
    abstract byte[] bytes(String path) throws IOException;

    /** Where {@code path} comes from, for messages. */
    abstract String origin(String path);

    /** The text of a file, without a byte order mark. */
    final String read(String path) {
        if (path.isEmpty() || !isTreePath(path)) {
            throw new IllegalArgumentException("not a file path of the module tree: " + path);
        }
        try {
            String text = new String(bytes(path), StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + origin(path), ex);
        }
    }

    private static final class DirectoryRoot extends ModuleRoot {

        private final Path directory;
        private final Path realDirectory;

        DirectoryRoot(Path directory) {
            this.directory = directory;
            try {
                this.realDirectory = directory.toRealPath();
            }
            catch (IOException ex) {
                throw new UncheckedIOException("cannot resolve module root " + directory, ex);
            }
        }

        // Most questions are about files that do not exist: one stat answers those before links are resolved.
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
            // The real path has no links left, so a link put in its place since would be refused rather than followed.
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

        /** The real location of {@code file}, or null when it does not exist or links lead it out of the root. */
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
        String origin(String path) {
            return this.directory.resolve(path).toString();
        }

        @Override
        public String toString() {
            return "ModuleRoot.directory(" + this.directory + ")";
        }

    }

}
