package dev.jsrun.internal.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import dev.jsrun.JsRuntime;
import dev.jsrun.JsRuntimeFactory;
import dev.jsrun.RuntimeConfig;
import dev.jsrun.Snapshot;
import dev.jsrun.pool.UnpooledJsRuntimeFactory;
import dev.jsrun.snapshot.SnapshotBuilder;
import dev.jsrun.snapshot.SnapshotCache;

/**
 * The jsrun side of {@link IntlTest}, run in JVMs of its own: each needs the process
 * environment ({@code TZ}, {@code LANG}) that ICU reads as V8 starts, and an ICU data
 * item that is missing or badly swapped aborts the process instead of throwing. Every
 * JavaScript value it prints is base64 of UTF-8, so that the JVM's output encoding (ASCII
 * where the C library does not know {@code LANG}) cannot change it.
 * <ul>
 * <li>{@code cases <first>}: the cases of {@code intl/intl-cases.js} from index
 * {@code first} on, each in a new runtime restored from a snapshot of a trivial script:
 * {@code START <i> <name>} before a case, {@code RESULT <i> <value>} after it, so that a
 * case that aborts V8 is known;</li>
 * <li>{@code defaults}: the JVM's default zone, locale and file-name encoding
 * ({@code JVM ...}), then {@code VALUE <i> <value>} for each of {@link #DEFAULTS};</li>
 * <li>{@code snapshot <directory>}: the snapshot of {@link #BUILD_SCRIPT} from a
 * {@link SnapshotCache} in that directory, built there unless a previous JVM stored it
 * ({@code CACHE built=...}), then {@code VALUE <i> <value>} for each of
 * {@link #RESTORED}.</li>
 * </ul>
 */
public final class IntlProbe {

    /** The defaults a runtime takes from the process environment. */
    static final List<String> DEFAULTS = List.of("new Intl.NumberFormat().resolvedOptions().locale",
            "Intl.DateTimeFormat().resolvedOptions().timeZone", "new Intl.Collator().resolvedOptions().locale",
            "(1234.5).toLocaleString()", "new Date(0).toString()", "String(new Date(0).getTimezoneOffset())",
            "new Date(Date.UTC(2025, 6, 4, 12)).toLocaleString()",
            "new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeZone: 'UTC' }).format(0)",
            "new Intl.DisplayNames(undefined, { type: 'region' }).of('JP')");

    /**
     * Run while the snapshot is built: it keeps a date, and text written in the build
     * machine's zone.
     */
    static final String BUILD_SCRIPT = "globalThis.kept = new Date(Date.UTC(2025, 6, 4, 12)); kept.getHours();"
            + " globalThis.builtWith = [new Date(0).getTimezoneOffset(), new Date(0).toString()].join(' ');";

    /**
     * What a runtime restored from that snapshot shows of its zone; {@code builtWith} is
     * the build's.
     */
    static final List<String> RESTORED = List.of("builtWith", "kept.toString()", "String(kept.getHours())",
            "new Date(Date.UTC(2025, 0, 1)).toString()", "new Date(2025, 0, 1).toISOString()",
            "String(new Date(0).getTimezoneOffset())", "Intl.DateTimeFormat().resolvedOptions().timeZone",
            "new Date(Date.UTC(2025, 10, 2, 6, 30)).toLocaleString('en-US')",
            "new Intl.DateTimeFormat('en-US', { timeStyle: 'full' }).format(new Date(Date.UTC(2025, 2, 9, 7, 30)))");

    static final String CASES = "intl/intl-cases.js";

    private IntlProbe() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "cases" -> cases(Integer.parseInt(args[1]));
            case "defaults" -> defaults();
            case "snapshot" -> snapshot(Path.of(args[1]));
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.out.println("ALIVE");
    }

    private static void cases(int first) {
        String script = resource(CASES);
        Snapshot snapshot = new SnapshotBuilder().executeScript("ready.js", "globalThis.ready = true;").build();
        try (JsRuntimeFactory factory = new UnpooledJsRuntimeFactory(
                RuntimeConfig.builder().snapshot(snapshot).build())) {
            List<String> names;
            try (JsRuntime js = factory.create()) {
                names = List.of(((String) js.eval(script + "\nObject.keys(cases).join('\\n')")).split("\n"));
            }
            System.out.println("COUNT " + names.size());
            for (int i = first; i < names.size(); i++) {
                System.out.println("START " + i + " " + names.get(i));
                System.out.flush();
                try (JsRuntime js = factory.create()) {
                    Object result = js.eval(script + "\nrunCase(" + quoted(names.get(i)) + ")");
                    System.out.println("RESULT " + i + " " + encoded(String.valueOf(result)));
                }
            }
        }
    }

    private static void defaults() {
        System.out.println("JVM zone=" + TimeZone.getDefault().getID() + " locale="
                + Locale.getDefault().toLanguageTag() + " jnu=" + System.getProperty("sun.jnu.encoding"));
        Snapshot snapshot = new SnapshotBuilder().executeScript("ready.js", "globalThis.ready = true;").build();
        evaluate(snapshot, DEFAULTS);
    }

    private static void snapshot(Path directory) throws IOException {
        SnapshotCache cache = new SnapshotCache(directory);
        SnapshotBuilder builder = new SnapshotBuilder().executeScript("zone.js", BUILD_SCRIPT);
        boolean built = !Files.exists(cache.fileFor(builder));
        Snapshot snapshot = cache.getOrBuild(builder);
        System.out.println("CACHE built=" + built + " file=" + Files.exists(cache.fileFor(builder)));
        evaluate(snapshot, RESTORED);
    }

    private static void evaluate(Snapshot snapshot, List<String> expressions) {
        try (JsRuntimeFactory factory = new UnpooledJsRuntimeFactory(
                RuntimeConfig.builder().snapshot(snapshot).build()); JsRuntime js = factory.create()) {
            for (int i = 0; i < expressions.size(); i++) {
                System.out.println("VALUE " + i + " " + encoded(String.valueOf(js.eval(expressions.get(i)))));
            }
        }
    }

    private static String quoted(String name) {
        return "'" + name.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    static String encoded(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    static String decoded(String value) {
        return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
    }

    static String resource(String name) {
        try (InputStream in = IntlProbe.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
