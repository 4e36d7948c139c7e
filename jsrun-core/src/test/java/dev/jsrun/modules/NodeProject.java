package dev.jsrun.modules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

import dev.jsrun.RuntimeConfig;
import dev.jsrun.internal.modules.ClasspathTree;
import dev.jsrun.internal.modules.DirectoryTree;
import dev.jsrun.internal.modules.Json;
import dev.jsrun.internal.modules.ModuleTree;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;
import dev.jsrun.snapshot.SnapshotBuilder;

/**
 * The test fixture project (src/test/resources/modules/project) plus the npm WebJars of
 * the test class path, laid out in a temporary directory as Node expects them, so that
 * Node 20 can answer the same calls on the same files. Tests that compare with Node are
 * skipped when no {@code node} is on the PATH.
 */
public final class NodeProject {

    public static final List<String> WEBJARS = List.of("lodash", "marked", "handlebars", "moment", "mime-db",
            "source-map", "luxon", "ajv", "fast-deep-equal", "json-schema-traverse", "require-from-string", "uri-js",
            "punycode", "highlight.js", "prettier");

    /**
     * The conditions Node 20 matches for {@code require()}, for tests that compare with
     * Node.
     */
    public static final List<String> NODE_CONDITIONS = List.of("require", "node", "node-addons", "default");

    private static Path directory;

    private NodeProject() {
    }

    /** The fixture project as it sits in the test class path. */
    public static ModuleRoot fixture() {
        return ModuleRoot.directory(fixtureDirectory());
    }

    public static ModuleTree fixtureTree() {
        return DirectoryTree.of(fixtureDirectory());
    }

    public static ModuleTree webjarTree() {
        return new ClasspathTree(NodeProject.class.getClassLoader());
    }

    public static ModuleRoot webjars() {
        return ModuleRoot.classpath(NodeProject.class.getClassLoader());
    }

    /** Runtimes restored from a snapshot holding the bundle of {@code modules}. */
    public static UnpooledJsRuntimeFactory runtimes(ModuleSet modules) {
        return new UnpooledJsRuntimeFactory(RuntimeConfig.builder()
            .snapshot(new SnapshotBuilder().executeScript(ModuleSet.SCRIPT_NAME, modules.bundle()).build())
            .build());
    }

    /** The value of {@code String(expression)} in Node, run in the project directory. */
    public static String node(String expression) {
        return node(List.of(), expression);
    }

    /**
     * The value of {@code String(expression)} in a Node process that first requires
     * {@code modules}, in order, as a snapshot holding them has.
     */
    public static String node(List<String> modules, String expression) {
        Assumptions.assumeTrue(nodeAvailable(), "node is not installed");
        StringBuilder script = new StringBuilder();
        modules.forEach(module -> script.append("require(").append(Json.quote(module)).append(");\n"));
        return run(directory(), List.of("node", "-e", script + "process.stdout.write(String(" + expression + "))"));
    }

    /**
     * The value of {@code String(expression)} in Node run in {@code dir} with
     * {@code options}, such as {@code -C browser}, which adds a condition to Node's own.
     */
    public static String nodeIn(Path dir, List<String> options, String expression) {
        Assumptions.assumeTrue(nodeAvailable(), "node is not installed");
        List<String> command = new ArrayList<>(List.of("node"));
        command.addAll(options);
        command.addAll(List.of("-e", "process.stdout.write(String(" + expression + "))"));
        return run(dir, command);
    }

    /**
     * What the Node script {@code script} writes to its standard output, run in the
     * project directory.
     */
    public static String nodeScript(Path script, String... args) {
        Assumptions.assumeTrue(nodeAvailable(), "node is not installed");
        List<String> command = new ArrayList<>(List.of("node", script.toString()));
        command.addAll(List.of(args));
        return run(directory(), command);
    }

    public static synchronized Path directory() {
        if (directory == null) {
            try {
                Path root = Files.createTempDirectory("jsrun-node-project");
                copy(fixtureDirectory(), root);
                for (String name : WEBJARS) {
                    extract(name, root.resolve("node_modules").resolve(name));
                }
                directory = root;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return directory;
    }

    private static void delete(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException ex) {
            // a temporary directory left behind is harmless
        }
    }

    public static boolean nodeAvailable() {
        try {
            return new ProcessBuilder("node", "--version").start().waitFor() == 0;
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The text of a test resource. */
    public static String resource(String name) {
        try (InputStream in = NodeProject.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Where a test resource lies on disk, for Node to run it. */
    public static Path resourceFile(String name) {
        try {
            return Path.of(NodeProject.class.getClassLoader().getResource(name).toURI());
        }
        catch (URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String run(Path dir, List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).start();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("node failed: " + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static Path fixtureDirectory() {
        try {
            return Path.of(NodeProject.class.getClassLoader().getResource("modules/project").toURI());
        }
        catch (URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * Writes {@code files}, pairs of a path relative to {@code root} and its text, and
     * returns {@code root}.
     */
    public static Path write(Path root, String... files) {
        try {
            for (int i = 0; i < files.length; i += 2) {
                Path file = root.resolve(files[i]);
                Files.createDirectories(file.getParent());
                Files.writeString(file, files[i + 1]);
            }
            return root;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * The text of {@code file}, a path inside the package of the WebJar {@code name} on
     * the class path.
     */
    public static String webjarFile(String name, String file) {
        try (InputStream in = NodeProject.class.getClassLoader().getResourceAsStream(webjarPrefix(name) + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no " + file + " in the WebJar " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * {@code META-INF/resources/webjars/<name>/<version>/} of the WebJar on the class
     * path.
     */
    private static String webjarPrefix(String name) throws IOException {
        Properties pom = new Properties();
        try (InputStream in = NodeProject.class.getClassLoader()
            .getResourceAsStream("META-INF/maven/org.webjars.npm/" + name + "/pom.properties")) {
            pom.load(in);
        }
        return "META-INF/resources/webjars/" + name + "/" + pom.getProperty("version") + "/";
    }

    /** Unpacks the package of the WebJar {@code name} on the class path. */
    private static void extract(String name, Path target) throws IOException {
        String prefix = webjarPrefix(name);
        URL url = NodeProject.class.getClassLoader().getResource(prefix + "package.json");
        JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile();
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
            JarEntry entry = entries.nextElement();
            if (entry.isDirectory() || !entry.getName().startsWith(prefix)) {
                continue;
            }
            Path file = target.resolve(entry.getName().substring(prefix.length()));
            Files.createDirectories(file.getParent());
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

}
