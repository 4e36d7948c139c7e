package dev.jsrun.internal.modules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A node_modules-style tree of files, behind a {@code ModuleRoot}. Every file gets a path
 * relative to a common base, '/'-separated and without a leading {@code ./}, as Node
 * would see it from the project directory: {@code lib/rules.js},
 * {@code node_modules/lodash/lodash.js}. The base directory itself is the empty path.
 * <ul>
 * <li>{@link DirectoryTree}: a project directory; {@code lib/rules.js} is {@code
 *
<dir>
 * /lib/rules.js} and packages sit in {@code
 *
<dir>
 * /node_modules} (and in nested {@code node_modules} folders, as in Node).</li>
 * <li>{@link ClasspathTree}: npm WebJars; package {@code name} at
 * {@code META-INF/resources/webjars/<name>/<version>/} appears as
 * {@code node_modules/<name>/}.</li>
 * </ul>
 * Only what lies inside a root is part of it: a path has no {@code .}, {@code ..} or
 * empty segments and no control characters, a file that a symbolic link takes out of a
 * directory root is absent from it, and a class path root serves only files below each
 * package's WebJar folder.
 * <p>
 * Trees are read while a module set is built, and at run time only by the
 * {@link RuntimeLoader}.
 */
public abstract class ModuleTree {

    /** The longest path or request accepted, Linux's {@code PATH_MAX}. */
    public static final int MAX_PATH_LENGTH = 4096;

    ModuleTree() {
    }

    /**
     * Whether {@code text} may be a path or a request: not longer than
     * {@link #MAX_PATH_LENGTH}, and free of backslashes and of characters that are
     * invisible or unpaired (controls, formats, line separators, lone surrogates), which
     * could make two different names look alike.
     */
    public static boolean isPlain(String text) {
        return text.length() <= MAX_PATH_LENGTH && text.codePoints().allMatch(ModuleTree::isPlainCodePoint);
    }

    private static boolean isPlainCodePoint(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR ->
                false;
            default -> codePoint != '\\';
        };
    }

    /**
     * Whether {@code path} is a path of the tree as described above; the empty path is
     * the base.
     */
    public static boolean isTreePath(String path) {
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
    public final boolean isFile(String path) {
        return !path.isEmpty() && isTreePath(path) && hasFile(path);
    }

    /**
     * Whether {@code path} names a directory inside this root; the base always is one.
     */
    public final boolean isDirectory(String path) {
        return path.isEmpty() || (isTreePath(path) && hasDirectory(path));
    }

    /**
     * {@link #isFile} for a tree path; implementations keep to what lies inside the root.
     */
    abstract boolean hasFile(String path);

    /** {@link #isDirectory} for a non-empty tree path. */
    abstract boolean hasDirectory(String path);

    /**
     * The bytes of the file at tree path {@code path}; checks again that it lies inside
     * the root, as it may have changed since {@link #isFile} was asked.
     */
    abstract byte[] bytes(String path) throws IOException;

    /** Where {@code path} comes from, for messages. */
    public abstract String origin(String path);

    /** The text of a file, without a byte order mark. */
    public final String read(String path) {
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

}
