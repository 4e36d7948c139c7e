package dev.jsrun.internal.snapshot;

import java.util.List;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;

/**
 * The web platform every runtime has (the WinterTC Minimum Common API without networking:
 * timers, encoding, URL, events, structured clone, crypto and their kind), installed with
 * the intrinsics before any script of the application runs, so a snapshot carries it and
 * a borrower pays nothing for it. Each part is a file of {@code web/} holding one
 * function expression that is given the platform's shared namespace; the host takes the
 * namespace's control object ({@link #GLOBAL}) away before user code runs and drives the
 * event loop through it.
 */
public final class WebPlatform {

    /**
     * The hidden global that carries the event loop's controls from the snapshot to the
     * host of each context.
     */
    public static final String GLOBAL = "__jsrun_web";

    /** The resource name of the platform's frames. */
    public static final String RESOURCE = "jsrun:web";

    /** Whether the platform is in the context. */
    static final String INSTALLED = "typeof " + GLOBAL + " !== 'undefined'";

    /**
     * The parts, in the order they install: later parts build on what earlier ones put in
     * the namespace.
     */
    private static final List<String> PARTS = List.of("dom-exception.js", "encoding.js", "clone.js", "timers.js",
            "events.js", "blob.js", "streams.js", "crypto.js", "url.js", "globals.js");

    private static final String SCRIPT = assemble();

    private WebPlatform() {
    }

    /**
     * Installs the platform in the current context, unless it is there already (a context
     * from a snapshot).
     */
    static void install(V8Runtime runtime) throws JavetException {
        // asked first, so that resetting a context restored from a snapshot does not hand
        // V8 the whole text again
        if (!runtime.getExecutor(INSTALLED).executeBoolean()) {
            runtime.getExecutor(SCRIPT).setResourceName(RESOURCE).executeVoid();
        }
    }

    /** The platform's text, part of every snapshot's identity. */
    static String script() {
        return SCRIPT;
    }

    private static String assemble() {
        StringBuilder script = new StringBuilder(GuestScripts.load(WebPlatform.class, "web/platform.js"));
        int slot = script.indexOf("/* parts */");
        StringBuilder parts = new StringBuilder();
        for (String part : PARTS) {
            parts.append("\n// ---- ")
                .append(part)
                .append(" ----\n(")
                .append(WebUrlBundle
                    .complete(part, StreamsPonyfill.fill(GuestScripts.load(WebPlatform.class, "web/" + part)))
                    .strip())
                .append(")(web);\n");
        }
        return script.replace(slot, slot + "/* parts */".length(), parts.toString()).toString();
    }

}
