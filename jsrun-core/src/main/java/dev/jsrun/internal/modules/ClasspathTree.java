package dev.jsrun.internal.modules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** npm WebJars on a class path, seen as a flat {@code node_modules} directory. */
public final class ClasspathTree extends ModuleTree {

    private static final String NODE_MODULES = "node_modules/";

    private static final String WEBJARS = "META-INF/resources/webjars/";

    private final ClassLoader loader;

    /**
     * Only packages that exist are remembered, so that requests for made-up names leave
     * nothing behind.
     */
    private final Map<String, String> packages = new ConcurrentHashMap<>();

    private final Map<String, Set<String>> directories = new ConcurrentHashMap<>();

    public ClasspathTree(ClassLoader loader) {
        this.loader = loader;
    }

    /**
     * A file or folder below the WebJar folder of a package ({@code inside} is empty for
     * the folder itself).
     */
    private record Resource(String folder, String inside) {

        String name() {
            return this.folder + this.inside;
        }

    }

    @Override
    boolean hasFile(String path) {
        return url(path) != null;
    }

    @Override
    boolean hasDirectory(String path) {
        if (path.equals("node_modules")) {
            return true;
        }
        Resource resource = resource(path);
        return resource != null
                && (resource.inside().isEmpty() || directories(resource.folder()).contains(resource.inside()));
    }

    @Override
    byte[] bytes(String path) throws IOException {
        URL url = url(path);
        if (url == null) {
            throw new IOException("not on the class path: " + path);
        }
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
    }

    @Override
    public String origin(String path) {
        Resource resource = resource(path);
        return resource == null ? path : "classpath:" + resource.name();
    }

    /**
     * The class path URL of the file at {@code path}, or null when there is none inside
     * its WebJar folder.
     */
    private URL url(String path) {
        Resource resource = resource(path);
        if (resource == null || resource.inside().isEmpty()) {
            return null;
        }
        URL url = this.loader.getResource(resource.name());
        if (url == null) {
            return null;
        }
        if ("file".equals(url.getProtocol())) {
            return isFileInside(url, resource) ? url : null;
        }
        // Jar directories answer getResource("dir") as well, but only directories answer
        // "dir/"; entries cannot be links.
        return this.loader.getResource(resource.name() + "/") == null ? url : null;
    }

    /**
     * Whether a file of an exploded class path folder is a regular file that really lies
     * below its WebJar folder there, links resolved (such folders answer "file/" as well,
     * so only the file system can tell).
     */
    private static boolean isFileInside(URL url, Resource resource) {
        try {
            Path file = Path.of(url.toURI());
            Path entry = file;
            for (int i = resource.name().split("/").length; i > 0 && entry != null; i--) {
                entry = entry.getParent();
            }
            if (entry == null) {
                return false;
            }
            Path real = file.toRealPath();
            return real.startsWith(entry.resolve(resource.folder()).toRealPath())
                    && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS);
        }
        catch (IOException | URISyntaxException | RuntimeException ex) {
            return false;
        }
    }

    /**
     * The WebJar folder behind {@code node_modules/<name>[/<inside>]}, for a tree path;
     * null when none has it.
     */
    private Resource resource(String path) {
        if (!path.startsWith(NODE_MODULES)) {
            return null;
        }
        String rest = path.substring(NODE_MODULES.length());
        int slash = rest.indexOf('/');
        if (rest.startsWith("@")) {
            if (slash <= 1) {
                return null;
            }
            slash = rest.indexOf('/', slash + 1);
        }
        String name = slash < 0 ? rest : rest.substring(0, slash);
        String folder = this.packages.computeIfAbsent(name, this::locate);
        return folder == null ? null : new Resource(folder, slash < 0 ? "" : rest.substring(slash + 1));
    }

    /**
     * The WebJar folder of package {@code name}, such as
     * {@code META-INF/resources/webjars/lodash/4.17.21/}; null if none.
     */
    private String locate(String name) {
        // WebJars name scoped packages "@scope/name" as artifact "scope__name".
        String artifact = name.startsWith("@") ? name.substring(1).replace("/", "__") : name;
        String version = version(artifact);
        if (version != null) {
            for (String folder : new String[] { name, artifact }) {
                String dir = WEBJARS + folder + "/" + version + "/";
                if (this.loader.getResource(dir + "package.json") != null) {
                    return dir;
                }
            }
        }
        for (String folder : new String[] { name, artifact }) {
            for (String child : children(WEBJARS + folder + "/")) {
                String dir = WEBJARS + folder + "/" + child + "/";
                if (this.loader.getResource(dir + "package.json") != null) {
                    return dir;
                }
            }
        }
        return null;
    }

    private String version(String artifact) {
        try (InputStream in = this.loader
            .getResourceAsStream("META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties")) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
        catch (IOException ex) {
            return null;
        }
    }

    /**
     * The names of the folders directly below a class path folder, in descending order
     * (usually newest version first).
     */
    private TreeSet<String> children(String folder) {
        TreeSet<String> names = new TreeSet<>((a, b) -> b.compareTo(a));
        try {
            Enumeration<URL> urls = this.loader.getResources(folder);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                URLConnection connection = url.openConnection();
                if (connection instanceof JarURLConnection jar) {
                    jar.getJarFile()
                        .stream()
                        .map(entry -> entry.getName())
                        .filter(entry -> entry.startsWith(folder) && entry.length() > folder.length())
                        .map(entry -> entry.substring(folder.length()))
                        .filter(entry -> entry.indexOf('/') > 0)
                        .forEach(entry -> names.add(entry.substring(0, entry.indexOf('/'))));
                }
                else if ("file".equals(url.getProtocol())) {
                    try (Stream<Path> list = Files.list(Path.of(url.toURI()))) {
                        list.filter(Files::isDirectory).forEach(dir -> names.add(dir.getFileName().toString()));
                    }
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot list class path folder " + folder, ex);
        }
        catch (URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
        return names;
    }

    /**
     * The folders below a WebJar folder, relative to it, read once per package: jars
     * often hold no entries for folders, so asking the class loader for one does not
     * tell.
     */
    private Set<String> directories(String folder) {
        return this.directories.computeIfAbsent(folder, f -> {
            Set<String> found = new HashSet<>();
            try {
                Enumeration<URL> urls = this.loader.getResources(f);
                while (urls.hasMoreElements()) {
                    URL url = urls.nextElement();
                    if (url.openConnection() instanceof JarURLConnection jar) {
                        jar.getJarFile()
                            .stream()
                            .map(entry -> entry.getName())
                            .filter(entry -> entry.startsWith(f) && entry.length() > f.length())
                            .forEach(entry -> addFolders(entry.substring(f.length()), found));
                    }
                    else if ("file".equals(url.getProtocol())) {
                        Path base = Path.of(url.toURI());
                        try (Stream<Path> files = Files.walk(base)) {
                            files.filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
                                .forEach(
                                        file -> addFolders(base.relativize(file).toString().replace('\\', '/'), found));
                        }
                    }
                }
            }
            catch (IOException ex) {
                throw new UncheckedIOException("cannot list class path folder " + f, ex);
            }
            catch (URISyntaxException ex) {
                throw new IllegalStateException(ex);
            }
            return Set.copyOf(found);
        });
    }

    /** Adds every folder on the way to {@code file}, a '/'-separated relative path. */
    private static void addFolders(String file, Set<String> folders) {
        for (int slash = file.indexOf('/'); slash > 0; slash = file.indexOf('/', slash + 1)) {
            folders.add(file.substring(0, slash));
        }
    }

    @Override
    public String toString() {
        return "ModuleRoot.classpath(" + this.loader + ")";
    }

}
