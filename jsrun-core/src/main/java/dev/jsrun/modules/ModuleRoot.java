package dev.jsrun.modules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * Roots are only read while a {@link ModuleSet} is built, never at run time.
 */
public abstract class ModuleRoot {

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

    /** Whether {@code path} names a regular file in this root. */
    abstract boolean isFile(String path);

    /** The bytes of the file at {@code path}, which {@link #isFile} confirmed. */
    abstract byte[] bytes(String path) throws IOException;

    /** Where {@code path} comes from, for messages. */
    abstract String origin(String path);

    /** The text of a file, without a byte order mark. */
    final String read(String path) {
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

        DirectoryRoot(Path directory) {
            this.directory = directory;
        }

        @Override
        boolean isFile(String path) {
            return !path.isEmpty() && Files.isRegularFile(this.directory.resolve(path));
        }

        @Override
        byte[] bytes(String path) throws IOException {
            return Files.readAllBytes(this.directory.resolve(path));
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
