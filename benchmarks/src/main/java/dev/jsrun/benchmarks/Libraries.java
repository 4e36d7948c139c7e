package dev.jsrun.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import dev.jsrun.snapshot.SnapshotBuilder;

/**
 * The JavaScript every engine in a benchmark gets, read from the WebJars on the
 * classpath.
 */
final class Libraries {

    private Libraries() {
    }

    /** lodash + moment + handlebars: name to source, in load order. */
    static Map<String, String> light() {
        Map<String, String> scripts = new LinkedHashMap<>();
        scripts.put("lodash.min.js", webjar("lodash", "lodash.min.js"));
        scripts.put("moment.min.js", webjar("moment", "min/moment.min.js"));
        scripts.put("handlebars.min.js", webjar("handlebars", "dist/handlebars.min.js"));
        return scripts;
    }

    static SnapshotBuilder snapshotOf(Map<String, String> scripts) {
        SnapshotBuilder builder = new SnapshotBuilder();
        scripts.forEach(builder::executeScript);
        return builder;
    }

    static String webjar(String name, String path) {
        return read("META-INF/resources/webjars/" + name + "/" + version(name) + "/" + path);
    }

    private static String version(String name) {
        Properties properties = new Properties();
        try (InputStream in = open("META-INF/maven/org.webjars.npm/" + name + "/pom.properties")) {
            properties.load(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return properties.getProperty("version");
    }

    private static String read(String location) {
        try (InputStream in = open(location)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static InputStream open(String location) {
        InputStream in = Libraries.class.getClassLoader().getResourceAsStream(location);
        if (in == null) {
            throw new IllegalStateException("not on the classpath: " + location);
        }
        return in;
    }

}
