package dev.jsrun;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Reads library sources from the WebJars on the test classpath. */
public final class WebJars {

    private WebJars() {
    }

    /**
     * The file {@code path} of npm package {@code name}, at the version on the classpath.
     */
    public static String read(String name, String path) {
        String location = "META-INF/resources/webjars/" + name + "/" + version(name) + "/" + path;
        return resource(location);
    }

    public static String version(String name) {
        Properties properties = new Properties();
        try (InputStream in = stream("META-INF/maven/org.webjars.npm/" + name + "/pom.properties")) {
            properties.load(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return properties.getProperty("version");
    }

    private static String resource(String location) {
        try (InputStream in = stream(location)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static InputStream stream(String location) {
        InputStream in = WebJars.class.getClassLoader().getResourceAsStream(location);
        if (in == null) {
            throw new IllegalStateException("not on the classpath: " + location);
        }
        return in;
    }

}
