package dev.jsrun.modules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** npm WebJars on a class path, seen as a flat {@code node_modules} directory. */
final class ClasspathRoot extends ModuleRoot {

    private static final String NODE_MODULES = "node_modules/";
    private static final String WEBJARS = "META-INF/resources/webjars/";

    private final ClassLoader loader;
    private final Map<String, Optional<String>> packages = new ConcurrentHashMap<>();

    ClasspathRoot(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    boolean isFile(String path) {
        String resource = resource(path);
        // Jar directories answer getResource("dir") as well, but only directories answer "dir/".
        return resource != null && this.loader.getResource(resource) != null
                && this.loader.getResource(resource + "/") == null;
    }

    @Override
    byte[] bytes(String path) throws IOException {
        String resource = resource(path);
        try (InputStream in = resource == null ? null : this.loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("not on the class path: " + path);
            }
            return in.readAllBytes();
        }
    }

    @Override
    String origin(String path) {
        String resource = resource(path);
        return resource == null ? path : "classpath:" + resource;
    }

    /** The class path resource behind {@code node_modules/<name>/<file>}, or null. */
    private String resource(String path) {
        if (!path.startsWith(NODE_MODULES)) {
            return null;
        }
        String rest = path.substring(NODE_MODULES.length());
        int first = rest.indexOf('/');
        int slash = rest.startsWith("@") && first > 0 ? rest.indexOf('/', first + 1) : first;
        if (slash <= 0 || slash == rest.length() - 1) {
            return null;
        }
        String file = rest.substring(slash + 1);
        return this.packages.computeIfAbsent(rest.substring(0, slash), this::locate).map(dir -> dir + file).orElse(null);
    }

    /** The WebJar folder of package {@code name}, such as {@code META-INF/resources/webjars/lodash/4.17.21/}. */
    private Optional<String> locate(String name) {
        // WebJars name scoped packages "@scope/name" as artifact "scope__name".
        String artifact = name.startsWith("@") ? name.substring(1).replace("/", "__") : name;
        String version = version(artifact);
        if (version != null) {
            for (String folder : new String[] { name, artifact }) {
                String dir = WEBJARS + folder + "/" + version + "/";
                if (this.loader.getResource(dir + "package.json") != null) {
                    return Optional.of(dir);
                }
            }
        }
        for (String folder : new String[] { name, artifact }) {
            for (String child : children(WEBJARS + folder + "/")) {
                String dir = WEBJARS + folder + "/" + child + "/";
                if (this.loader.getResource(dir + "package.json") != null) {
                    return Optional.of(dir);
                }
            }
        }
        return Optional.empty();
    }

    private String version(String artifact) {
        try (InputStream in = this.loader.getResourceAsStream("META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties")) {
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

    /** The names of the folders directly below a class path folder, in descending order (usually newest version first). */
    private TreeSet<String> children(String folder) {
        TreeSet<String> names = new TreeSet<>((a, b) -> b.compareTo(a));
        try {
            Enumeration<URL> urls = this.loader.getResources(folder);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                URLConnection connection = url.openConnection();
                if (connection instanceof JarURLConnection jar) {
                    jar.getJarFile().stream().map(entry -> entry.getName())
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

    @Override
    public String toString() {
        return "ModuleRoot.classpath(" + this.loader + ")";
    }

}
