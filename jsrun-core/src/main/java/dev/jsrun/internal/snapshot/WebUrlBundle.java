package dev.jsrun.internal.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The modules of {@code tr46} (UTS #46, IDNA) and of {@code punycode}, which it requires,
 * read from their WebJars on the class path at the versions the build resolved, for
 * {@code web/url.js}: each module becomes an entry of the registry that part defines, its
 * source intact in a CommonJS wrapper, with the modules its {@code require} calls name
 * resolved here.
 */
final class WebUrlBundle {

    /**
     * The part that holds the registry, and the marker in it that the modules replace.
     */
    static final String PART = "url.js";
    static final String MARKER = "/* modules */";

    /** The package whose main module the part loads. */
    static final String ENTRY = "tr46";

    private static final String WEBJARS = "META-INF/resources/webjars/";

    /**
     * The calls a module makes to {@code require}: the two packages only ever pass a
     * string literal.
     */
    private static final Pattern REQUIRE = Pattern.compile("\\brequire\\(\\s*([\"'])([^\"'\\\\]+)\\1\\s*\\)");

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static final Pattern MAIN = Pattern.compile("\"main\"\\s*:\\s*\"([^\"]+)\"");

    private WebUrlBundle() {
    }

    /**
     * The text of {@code part}, with the modules in place if it is the part that takes
     * them.
     */
    static String complete(String part, String text) {
        if (!PART.equals(part)) {
            return text;
        }
        int slot = text.indexOf(MARKER);
        if (slot < 0) {
            throw new IllegalStateException("web/" + PART + " has no " + MARKER + " marker");
        }
        return text.substring(0, slot) + modules() + text.substring(slot + MARKER.length());
    }

    /**
     * The registry's entries: each package's name mapped to the id of its main module,
     * then one entry a module reachable from the entry package's,
     * {@code 'id': [factory, requests]} for JavaScript, where {@code requests} maps what
     * the module passes to {@code require} to module ids, and {@code 'id': ['text']} for
     * JSON. A module's id is its package's name and its path in the package.
     */
    static String modules() {
        Map<String, String> sources = new LinkedHashMap<>();
        Map<String, Map<String, String>> requests = new LinkedHashMap<>();
        Map<String, String> mains = new LinkedHashMap<>();
        Deque<String> pending = new ArrayDeque<>();
        String entry = resolvePackage(ENTRY);
        mains.put(ENTRY, entry);
        pending.add(entry);
        sources.put(entry, null);
        while (!pending.isEmpty()) {
            String id = pending.remove();
            String source = read(location(id));
            sources.put(id, source);
            Map<String, String> resolved = new LinkedHashMap<>();
            if (id.endsWith(".js")) {
                Matcher matcher = REQUIRE.matcher(source);
                while (matcher.find()) {
                    String request = matcher.group(2);
                    String target = resolve(id, request);
                    resolved.put(request, target);
                    if (isPackage(request)) {
                        mains.putIfAbsent(target.substring(0, target.indexOf('/')), target);
                    }
                    if (!sources.containsKey(target)) {
                        sources.put(target, null);
                        pending.add(target);
                    }
                }
            }
            requests.put(id, resolved);
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> main : mains.entrySet()) {
            out.append("\n    ")
                .append(literal(main.getKey()))
                .append(": ")
                .append(literal(main.getValue()))
                .append(',');
        }
        for (Map.Entry<String, String> module : sources.entrySet()) {
            String id = module.getKey();
            out.append("\n    ").append(literal(id)).append(": ");
            if (id.endsWith(".json")) {
                out.append('[').append(literal(module.getValue().strip())).append("],");
                continue;
            }
            out.append("[function (module, exports, require) {\n")
                .append(ascii(module.getValue()))
                .append("\n}, { __proto__: null");
            for (Map.Entry<String, String> request : requests.get(id).entrySet()) {
                out.append(", ").append(literal(request.getKey())).append(": ").append(literal(request.getValue()));
            }
            out.append(" }],");
        }
        return out.append("\n").toString();
    }

    /**
     * The module {@code request} names when module {@code from} requires it, as Node
     * resolves it.
     */
    static String resolve(String from, String request) {
        if (!request.startsWith("./") && !request.startsWith("../")) {
            return resolvePackage(request);
        }
        int slash = from.indexOf('/');
        String name = from.substring(0, slash);
        String path = from.substring(slash + 1);
        String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
        String joined = normalize(folder + request);
        if (joined.startsWith("../")) {
            throw new IllegalStateException(from + " requires " + request + ", outside its package");
        }
        return file(name, joined, from + " requires " + request);
    }

    /**
     * A request for a package's main module: its name alone, or with a slash after it.
     */
    private static boolean isPackage(String request) {
        int slash = request.indexOf('/');
        return !request.startsWith(".") && (slash < 0 || slash == request.length() - 1);
    }

    private static String resolvePackage(String request) {
        String name = request.endsWith("/") ? request.substring(0, request.length() - 1) : request;
        if (name.contains("/")) {
            int slash = name.indexOf('/');
            return file(name.substring(0, slash), name.substring(slash + 1), "the request " + request);
        }
        Matcher main = MAIN.matcher(read(folder(name) + "package.json"));
        return file(name, normalize(main.find() ? main.group(1) : "index.js"), "the main module of " + name);
    }

    /**
     * The first of Node's candidates for a file that exists: the path, with .js, with
     * .json, or its index.js.
     */
    private static String file(String name, String path, String what) {
        String base = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (String candidate : new String[] { base, base + ".js", base + ".json", base + "/index.js" }) {
            if ((candidate.endsWith(".js") || candidate.endsWith(".json")) && exists(folder(name) + candidate)) {
                return name + "/" + candidate;
            }
        }
        throw new IllegalStateException(what + " (" + name + "/" + path + ") is not in the " + name + " WebJar");
    }

    private static String normalize(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/", -1)) {
            if (part.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
                parts.removeLast();
            }
            else if (!part.equals(".") && !part.isEmpty()) {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    private static String location(String id) {
        int slash = id.indexOf('/');
        return folder(id.substring(0, slash)) + id.substring(slash + 1);
    }

    /**
     * The folder of a package's files in its WebJar, at the version the WebJar's Maven
     * metadata names.
     */
    private static String folder(String name) {
        Properties properties = new Properties();
        try (InputStream in = stream("META-INF/maven/org.webjars.npm/" + name + "/pom.properties")) {
            properties.load(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read the version of the " + name + " WebJar", ex);
        }
        return WEBJARS + name + "/" + properties.getProperty("version") + "/";
    }

    private static boolean exists(String location) {
        return WebUrlBundle.class.getClassLoader().getResource(location) != null;
    }

    private static String read(String location) {
        try (InputStream in = stream(location)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read " + location, ex);
        }
    }

    private static InputStream stream(String location) {
        InputStream in = WebUrlBundle.class.getClassLoader().getResourceAsStream(location);
        if (in == null) {
            throw new IllegalStateException(
                    location + " is missing from the class path: URL needs the WebJars of " + "tr46 and punycode");
        }
        return in;
    }

    /**
     * JavaScript source with each character outside ASCII written as a {@code \\u}
     * escape, which means the same in the strings, regular expressions and comments that
     * tr46 has them in: the platform's script stays one byte a character in V8, half the
     * size in every snapshot.
     */
    static String ascii(String source) {
        StringBuilder out = null;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c > 0x7f && out == null) {
                out = new StringBuilder(source.length() + 64).append(source, 0, i);
            }
            if (out != null) {
                appendChar(out, c);
            }
        }
        return out == null ? source : out.toString();
    }

    private static void appendChar(StringBuilder out, char c) {
        if (c > 0x7f) {
            out.append("\\u")
                .append(HEX[c >> 12])
                .append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf])
                .append(HEX[c & 0xf]);
        }
        else {
            out.append(c);
        }
    }

    /** A JavaScript string literal of {@code text}, in ASCII. */
    static String literal(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('\'');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    }
                    else {
                        appendChar(out, c);
                    }
                }
            }
        }
        return out.append('\'').toString();
    }

}
