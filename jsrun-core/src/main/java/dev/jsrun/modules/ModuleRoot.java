package dev.jsrun.modules;

import java.nio.file.Path;
import java.util.Objects;

import dev.jsrun.internal.modules.ClasspathTree;
import dev.jsrun.internal.modules.DirectoryTree;
import dev.jsrun.internal.modules.ModuleTree;

/**
 * Where node_modules-style trees live. Every file gets a path relative to a common base,
 * '/'-separated and without a leading {@code ./}, as Node would see it from the project
 * directory: {@code lib/rules.js}, {@code node_modules/lodash/lodash.js}. The base
 * directory itself is the empty path.
 * <ul>
 * <li>{@link #directory(Path)}: a project directory; {@code lib/rules.js} is {@code
 *
<dir>
 * /lib/rules.js} and packages sit in {@code
 *
<dir>
 * /node_modules} (and in nested {@code node_modules} folders, as in Node).</li>
 * <li>{@link #classpath(ClassLoader)}: npm WebJars; package {@code name} at
 * {@code META-INF/resources/webjars/<name>/<version>/} appears as
 * {@code node_modules/<name>/}.</li>
 * </ul>
 * Only what lies inside a root is part of it: a path has no {@code .}, {@code ..} or
 * empty segments and no control characters, a file that a symbolic link takes out of a
 * directory root is absent from it, and a class path root serves only files below each
 * package's WebJar folder.
 * <p>
 * Roots are read while a {@link ModuleSet} is built, and at run time only by
 * {@link ModuleSet#runtimeLoader}.
 */
public final class ModuleRoot {

    private final ModuleTree tree;

    private ModuleRoot(ModuleTree tree) {
        this.tree = tree;
    }

    /** A project directory laid out as Node expects it. */
    public static ModuleRoot directory(Path directory) {
        return new ModuleRoot(DirectoryTree.of(directory));
    }

    /**
     * The npm WebJars ({@code org.webjars.npm}) visible to {@code loader}, as a flat
     * {@code node_modules}.
     */
    public static ModuleRoot classpath(ClassLoader loader) {
        return new ModuleRoot(new ClasspathTree(Objects.requireNonNull(loader, "loader")));
    }

    ModuleTree tree() {
        return this.tree;
    }

    @Override
    public String toString() {
        return this.tree.toString();
    }

}
